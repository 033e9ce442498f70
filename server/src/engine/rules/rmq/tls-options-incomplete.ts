import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { activeTlsEndpoints, coreTlsListenerSets, certainlyListening, missingSpan, RABBIT_LANGUAGES, tlsName } from './common.js';
import { PLACEHOLDER_PATHS, RabbitFixer } from './fixer.js';

const REQUIRED = ['cacertfile', 'certfile', 'keyfile'] as const;

export const tlsOptionsIncomplete: Rule = {
  code: 'RMQ104',
  name: 'tls-options-incomplete',
  defaultSeverity: 'error',
  summary: 'A TLS listener exists but its options lack cacertfile, certfile or keyfile.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    const coreListening = coreTlsListenerSets(m).some(certainlyListening);
    for (const e of activeTlsEndpoints(m)) {
      if (e.id === 'amqp' && !coreListening) continue;
      // A block a template writes, or fills in part, may hold what seems missing.
      if (!e.complete) continue;
      const missing = REQUIRED.filter((k) => !e.options.has(k) && !(k === 'certfile' && e.options.has('cert')) && !(k === 'keyfile' && e.options.has('key')));
      if (missing.length === 0) continue;
      const span = e.source ? ctx.here(e.source.keyOrigin) : missingSpan(ctx, e.anchor) ?? firstTlsListenerSpan(ctx, m);
      if (!span) continue;
      const edits = new RabbitFixer(ctx).setTlsOptions(e, missing.map((k) => [k, { text: PLACEHOLDER_PATHS[k] }]));
      const consequence = e.id === 'amqp' ? ': RabbitMQ then has no working TLS listener' : '';
      yield {
        span,
        message: `${tlsName(e)} options lack ${missing.join(', ')}${consequence}`,
        fixes: edits ? [{ title: `Add ${missing.join(', ')} (placeholder paths under /etc/rabbitmq/ssl/)`, edits, safe: true, preferred: true }] : [],
      };
    }
  },
};

function firstTlsListenerSpan(ctx: Parameters<Rule['check']>[0], m: NonNullable<ReturnType<Parameters<Rule['check']>[0]['rabbit']>>) {
  for (const s of coreTlsListenerSets(m)) {
    const span = ctx.here(s.source?.keyOrigin);
    if (span) return span;
  }
  return undefined;
}
