import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { activeTlsEndpoints, optionSpan, RABBIT_LANGUAGES, tlsName } from './common.js';
import { RabbitFixer } from './fixer.js';

export const tlsVersionsUnpinned: Rule = {
  code: 'RMQ108',
  name: 'tls-versions-unpinned',
  defaultSeverity: 'information',
  summary: 'A TLS endpoint without an explicit versions list.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    // The Erlang ssl application's own `versions` default applies to every endpoint.
    const appWide = m.tls.find((e) => e.id === 'erlang-ssl-app')?.options.has('versions');
    if (appWide) return;
    for (const e of activeTlsEndpoints(m)) {
      if (e.options.has('versions') || !e.complete) continue;
      const span = optionSpan(ctx, e, 'versions');
      if (!span) continue;
      const edits = new RabbitFixer(ctx).setTlsOptions(e, [['versions', { atoms: ['tlsv1.3', 'tlsv1.2'] }]]);
      yield {
        span,
        message: `${tlsName(e)} does not pin versions: every version the Erlang runtime enables is accepted`,
        fixes: edits ? [{ title: "Pin versions to ['tlsv1.3', 'tlsv1.2']", edits, safe: true, preferred: true }] : [],
      };
    }
  },
};
