import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { activeTlsEndpoints, httpDowngrade, optionSpan, optionText, RABBIT_LANGUAGES, tlsName } from './common.js';
import { RabbitFixer } from './fixer.js';

export const peerVerificationDisabled: Rule = {
  code: 'RMQ105',
  name: 'peer-verification-disabled',
  defaultSeverity: 'error',
  summary: 'A TLS endpoint does not verify its peers (verify absent or verify_none).',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const e of activeTlsEndpoints(m)) {
      const option = e.options.get('verify');
      if (!option && !e.complete) continue; // a template may set it
      if (option && !option.value.known) continue;
      const value = optionText(option);
      if (value === 'verify_peer') continue;
      const span = optionSpan(ctx, e, 'verify');
      if (!span) continue;
      const edits = new RabbitFixer(ctx).setTlsOptions(e, [['verify', { atom: 'verify_peer' }]]);
      yield {
        span,
        message: option ? `${tlsName(e)} uses verify_none: client certificates are not checked` : `${tlsName(e)} does not set verify, so it defaults to verify_none: client certificates are not checked`,
        ...httpDowngrade(e),
        fixes: edits ? [{ title: 'Set verify to verify_peer', edits, safe: !e.http, preferred: true }] : [],
      };
    }
  },
};
