import type { Finding, FixProposal } from '../../core/findings.js';
import { releaseIncludes } from '../../catalog/oslo.js';
import { booleanOption, canonicalOption, driverOption, type Effective, type OsloMessagingModel, type OsloTransport } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { replaceValue, setSetting } from './ini-edits.js';
import { editTarget, messagingModel, missingSpan, roleLabel, valueOrKey } from './support.js';

const AMQP_GROUP = 'oslo_messaging_amqp';
const KAFKA_GROUP = 'oslo_messaging_kafka';
/** The first oslo.messaging without the AMQP 1.0 driver (OSLO301 reports its settings then). */
const AMQP_REMOVED_IN = '15.0.0';
const PLAINTEXT_KAFKA = new Set(['PLAINTEXT', 'SASL_PLAINTEXT']);

/** A plaintext transport of another driver, the setting that decides it, and its TLS counterpart. */
interface Plaintext {
  readonly transport: OsloTransport;
  readonly group: string;
  readonly option: string;
  readonly value: Effective<unknown>;
  readonly said: string;
  readonly secure: string;
}

function kafkaChoice(text: string): string | undefined {
  const choices = canonicalOption(KAFKA_GROUP, 'security_protocol')?.choices;
  return !choices || choices.includes(text) ? text : undefined;
}

function plaintext(model: OsloMessagingModel, transport: OsloTransport): Plaintext | undefined {
  const settings = model.settings;
  if (transport.driver === 'amqp' && !releaseIncludes(settings.release, AMQP_REMOVED_IN)) {
    const ssl = booleanOption(settings, transport, AMQP_GROUP, 'ssl');
    if (ssl.state === 'unknown' || ssl.value) return undefined;
    return { transport, group: AMQP_GROUP, option: 'ssl', value: ssl, said: ssl.state === 'set' ? 'ssl = false' : 'ssl is not set (default false)', secure: 'true' };
  }
  if (transport.driver === 'kafka') {
    const protocol = driverOption(settings, transport, KAFKA_GROUP, 'security_protocol', kafkaChoice, 'PLAINTEXT');
    if (protocol.state === 'unknown' || !PLAINTEXT_KAFKA.has(protocol.value)) return undefined;
    const said = protocol.state === 'set' ? `security_protocol = ${protocol.value}` : 'security_protocol is not set (default PLAINTEXT)';
    return { transport, group: KAFKA_GROUP, option: 'security_protocol', value: protocol, said, secure: protocol.value === 'SASL_PLAINTEXT' ? 'SASL_SSL' : 'SSL' };
  }
  return undefined;
}

function fixes(ctx: RuleContext, model: OsloMessagingModel, p: Plaintext): FixProposal[] {
  if (p.value.state === 'set' && p.value.source === 'url') return [];
  const edit = p.value.state === 'set' ? replaceValue(p.value.entry, p.secure) : setSetting(editTarget(ctx, model), p.group, p.option, p.secure);
  // Not safe: the broker must offer TLS, and the client its CA (ssl_ca_file / ssl_cafile) to check it.
  return [{ title: `Set ${p.option} = ${p.secure} in [${p.group}]`, edits: [edit], safe: false, preferred: true }];
}

export const otherDriverPlaintext: Rule = {
  code: 'OSLO106',
  name: 'other-driver-plaintext',
  defaultSeverity: 'error',
  summary: 'An AMQP 1.0 or Kafka transport runs without TLS.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const seen = new Set<string>();
    for (const transport of model.transports) {
      const p = plaintext(model, transport);
      if (!p) continue;
      const span = p.value.state === 'set' ? valueOrKey(p.value.entry) : missingSpan(ctx.doc, model.settings, p.group);
      const k = `${span.start}:${span.end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const roles = roleLabel(model.transports.filter((t) => t.driver === transport.driver).map((t) => t.role));
      const where = p.value.state === 'set' && p.value.source === 'url' ? 'its transport_url query sets' : `[${p.group}]`;
      yield {
        span,
        message: `The ${transport.driver === 'amqp' ? 'AMQP 1.0' : 'Kafka'} ${roles} transport is not encrypted: ${where} ${p.said}`,
        fixes: fixes(ctx, model, p),
      };
    }
  },
};
