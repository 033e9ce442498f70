import type { Finding, FixProposal } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import { RABBIT_GROUP, rabbitTls, type OsloMessagingModel, type OsloTransport, type RabbitTls } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { replaceValue, setSetting } from './ini-edits.js';
import { editTarget, messagingModel, missingSpan, releaseLabel, roleScope, valueOrKey } from './support.js';

/** A RabbitMQ transport without TLS, and where that is decided. */
interface PlaintextTransport {
  readonly transport: OsloTransport;
  readonly tls: RabbitTls;
  readonly span: Span;
  readonly cause: string;
}

/** Why TLS is off, in a few words naming the setting. */
function causeOf(model: OsloMessagingModel, tls: RabbitTls): string {
  const ssl = tls.ssl;
  if (ssl.state === 'set' && ssl.source === 'url') return 'its transport_url says ssl=false';
  if (ssl.state === 'set') return `[${ssl.section.group}] ${ssl.entry.key} = ${ssl.entry.value}`;
  const ignored = model.settings.ignoredNames({ group: RABBIT_GROUP, name: 'ssl' });
  if (ignored.length > 0) {
    const name = ignored[0].entry.key;
    const until = model.settings.lookup(ignored[0].section.group, name).changedIn;
    return `[${RABBIT_GROUP}] ssl is not set, and the old name '${name}' is no longer read${until ? ` since oslo.messaging ${releaseLabel(until)}` : ''}`;
  }
  return `[${RABBIT_GROUP}] ssl is not set (default false) and the URL has no ssl=1`;
}

function plaintextTransports(ctx: RuleContext, model: OsloMessagingModel): PlaintextTransport[] {
  const out: PlaintextTransport[] = [];
  for (const transport of model.transports) {
    if (transport.driver !== 'rabbit') continue;
    const tls = rabbitTls(model.settings, transport);
    if (tls.ssl.state === 'unknown' || tls.ssl.value) continue;
    // Set (in the group or in the URL query): its value; not set: where it belongs.
    const span = tls.ssl.state === 'set' ? valueOrKey(tls.ssl.entry) : missingSpan(ctx.doc, model.settings, RABBIT_GROUP);
    out.push({ transport, tls, span, cause: causeOf(model, tls) });
  }
  return out;
}

function fixFor(ctx: RuleContext, model: OsloMessagingModel, tls: RabbitTls): FixProposal[] {
  if (tls.ssl.state === 'set' && tls.ssl.source === 'url') return [];
  const target = editTarget(ctx, model);
  const edit = tls.ssl.state === 'set' ? replaceValue(tls.ssl.entry, 'true') : setSetting(target, RABBIT_GROUP, 'ssl', 'true');
  // Safe, as the broker side's TLS fixes are: hardening is the point of fix-all. The broker must then
  // listen for TLS on the URL's port (5671 by convention), which the rule's page says.
  return [{ title: `Set ssl = true in [${RABBIT_GROUP}]`, edits: [edit], safe: true, preferred: true }];
}

export const rabbitTlsDisabled: Rule = {
  code: 'OSLO101',
  name: 'rabbit-tls-disabled',
  defaultSeverity: 'error',
  summary: 'The RabbitMQ transport of an OpenStack service runs without TLS.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const found = plaintextTransports(ctx, model);
    // One finding per place: both transports off for the same reason is one problem.
    const bySpan = new Map<string, PlaintextTransport[]>();
    for (const p of found) {
      const k = `${p.span.start}:${p.span.end}`;
      bySpan.set(k, [...(bySpan.get(k) ?? []), p]);
    }
    for (const group of bySpan.values()) {
      const first = group[0];
      const scope = roleScope(model, group.map((p) => p.transport.role));
      yield {
        span: first.span,
        message: `Traffic to RabbitMQ${scope} is not encrypted: ${first.cause}`,
        fixes: fixFor(ctx, model, first.tls),
      };
    }
  },
};
