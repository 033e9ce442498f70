import { abbreviate } from '../../core/abbreviate.js';
import type { Finding, SpanEdit } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES } from './common.js';
import { RabbitFixer } from './fixer.js';

export const anonymousLogin: Rule = {
  code: 'RMQ203',
  name: 'anonymous-login',
  defaultSeverity: 'warning',
  summary: 'ANONYMOUS in auth_mechanisms, or anonymous_login_user set to a user.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    const am = m.authMechanisms;
    if (am.state === 'set' && am.entries.known) {
      const entries = am.entries.value;
      for (const entry of entries) {
        if (!entry.value.known || entry.value.value !== 'ANONYMOUS') continue;
        const span = ctx.here(entry.origin);
        if (!span) continue;
        // Removing the only mechanism would leave none: a human decides.
        const edits: SpanEdit[] | undefined = entries.length > 1 ? new RabbitFixer(ctx).removeListItems(am.valueOrigin, [entry.origin]) : undefined;
        yield {
          span,
          message: 'The ANONYMOUS mechanism lets clients connect without credentials (as anonymous_login_user)',
          fixes: edits ? [{ title: 'Remove ANONYMOUS', edits, safe: true, preferred: true }] : [],
        };
      }
    }
    const al = m.anonymousLoginUser;
    if (al.state === 'set' && al.value.known && al.value.value !== 'none') {
      const span = ctx.here(al.valueOrigin);
      if (span) {
        // `none` is the same word in both formats (an atom in a classic file).
        const edits = [{ span, newText: 'none' }];
        yield {
          span,
          message: `anonymous_login_user is '${abbreviate(al.value.value)}': clients using ANONYMOUS log in as that user`,
          fixes: [{ title: 'Set anonymous_login_user to none', edits, safe: true, preferred: true }],
        };
      }
    }
  },
};
