import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { activeTlsEndpoints, httpDowngrade, optionSpan, optionText, RABBIT_LANGUAGES, tlsName } from './common.js';
import { RabbitFixer } from './fixer.js';

export const clientCertificateNotRequired: Rule = {
  code: 'RMQ106',
  name: 'client-certificate-not-required',
  defaultSeverity: 'warning',
  summary: 'A TLS endpoint accepts clients without a certificate (fail_if_no_peer_cert not true).',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const e of activeTlsEndpoints(m)) {
      const option = e.options.get('fail_if_no_peer_cert');
      if (!option && !e.complete) continue; // a template may set it
      if (option && !option.value.known) continue;
      if (optionText(option) === 'true') continue;
      const span = optionSpan(ctx, e, 'fail_if_no_peer_cert');
      if (!span) continue;
      const edits = new RabbitFixer(ctx).setTlsOptions(e, [['fail_if_no_peer_cert', { bool: true }]]);
      yield {
        span,
        message: `${tlsName(e)} accepts clients that present no certificate (fail_if_no_peer_cert is ${option ? abbreviate(String(optionText(option))) : 'not set'})`,
        ...httpDowngrade(e),
        fixes: edits ? [{ title: 'Set fail_if_no_peer_cert to true', edits, safe: !e.http, preferred: true }] : [],
      };
    }
  },
};
