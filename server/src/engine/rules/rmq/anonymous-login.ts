import type { Finding, SpanEdit } from '../../core/findings.js';
import { findListAt, removeListElements } from '../../edits/erlang-edits.js';
import type { ErlangDocument } from '../../formats/erlang/ast.js';
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
        let edits: SpanEdit[] | undefined;
        const fixer = new RabbitFixer(ctx);
        if (entries.length > 1) {
          if (fixer.isConf) edits = fixer.removeConfLine(entry.origin);
          else {
            const listSpan = ctx.here(am.valueOrigin);
            const list = listSpan ? findListAt(ctx.doc.tree as ErlangDocument, listSpan) : undefined;
            const i = list?.elements.findIndex((el) => el.span.start === span.start) ?? -1;
            if (list && i >= 0) edits = removeListElements(ctx.doc.source.text, list, [i]);
          }
        }
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
        const edits = ctx.doc.language === 'rabbitmq-conf' ? [{ span, newText: 'none' }] : [{ span, newText: 'none' }];
        yield {
          span,
          message: `anonymous_login_user is '${al.value.value}': clients using ANONYMOUS log in as that user`,
          fixes: [{ title: 'Set anonymous_login_user to none', edits, safe: true, preferred: true }],
        };
      }
    }
  },
};
