import type { Finding, FixProposal, SpanEdit } from '../../core/findings.js';
import type { RabbitModel } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { certainlyNotListening, listenerSet, missingSpan, RABBIT_LANGUAGES } from './common.js';
import { PLACEHOLDER_PATHS, RabbitFixer, type FixValue } from './fixer.js';

/** The options a hardened AMQP TLS block needs, in the order a person would write them. */
export const HARDENED_TLS_OPTIONS: readonly [string, FixValue][] = [
  ['cacertfile', { text: PLACEHOLDER_PATHS.cacertfile }],
  ['certfile', { text: PLACEHOLDER_PATHS.certfile }],
  ['keyfile', { text: PLACEHOLDER_PATHS.keyfile }],
  ['verify', { atom: 'verify_peer' }],
  ['fail_if_no_peer_cert', { bool: true }],
  ['versions', { atoms: ['tlsv1.3', 'tlsv1.2'] }],
];

/** Adds the hardened options the AMQP block lacks (never overwriting what is set). */
export function completeAmqpTls(ctx: RuleContext, m: RabbitModel): SpanEdit[] | undefined {
  const endpoint = m.tls.find((e) => e.id === 'amqp');
  if (!endpoint) return undefined;
  const missing = HARDENED_TLS_OPTIONS.filter(([k]) => !endpoint.options.has(k));
  if (missing.length === 0) return [];
  return new RabbitFixer(ctx).setTlsOptions(endpoint, missing);
}

function addTlsListenerFix(ctx: RuleContext, m: RabbitModel): FixProposal | undefined {
  const fixer = new RabbitFixer(ctx);
  const set = listenerSet(m, 'amqp', true)[0];
  let listener: SpanEdit[] | undefined;
  if (fixer.isConf) listener = fixer.setConfGroup('listeners.ssl', [['listeners.ssl.default', '5671']]);
  else if (set.source) listener = ctx.here(set.source.valueOrigin) ? [{ span: ctx.here(set.source.valueOrigin)!, newText: '[5671]' }] : undefined;
  else listener = fixer.addToApp('rabbit', ['{ssl_listeners, [5671]}']);
  const options = completeAmqpTls(ctx, m);
  if (!listener || !options) return undefined;
  // Both touch the rabbit list in a classic file: compose them into one insertion when they land at the same point.
  const edits = mergeInsertions([...listener, ...options]);
  return {
    title: 'Add a TLS listener on 5671 with a complete ssl_options block (placeholder certificate paths under /etc/rabbitmq/ssl/)',
    edits,
    safe: true,
    preferred: true,
  };
}

/**
 * Insertions at the same offset become one edit (their texts in order), so
 * that the fix is one consistent change. Two elements both inserted into an
 * empty list (each without a separator) get the comma between them.
 */
export function mergeInsertions(edits: readonly SpanEdit[]): SpanEdit[] {
  const out: SpanEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.span.start === e.span.start && o.span.end === o.span.start && e.span.end === e.span.start);
    const separated = /^\s*,|^\r?\n/.test(e.newText);
    if (same) out[out.indexOf(same)] = { span: same.span, newText: same.newText + (separated ? '' : ', ') + e.newText };
    else out.push(e);
  }
  return out;
}

export const noTlsListener: Rule = {
  code: 'RMQ102',
  name: 'no-tls-listener',
  defaultSeverity: 'error',
  summary: 'No TLS listener for AMQP.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    const set = listenerSet(m, 'amqp', true)[0];
    if (!set || !certainlyNotListening(set)) return;
    const span = set.source ? ctx.here(set.source.keyOrigin) : missingSpan(ctx, set.anchor);
    if (!span) return;
    const message = set.state === 'disabled' ? 'AMQP TLS listeners are switched off: clients can only connect in plain text' : 'No AMQP TLS listener is configured: clients can only connect in plain text';
    const fix = addTlsListenerFix(ctx, m);
    yield { span, message, fixes: fix ? [fix] : [] };
  },
};
