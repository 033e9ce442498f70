import type { Finding, SpanEdit } from '../../core/findings.js';
import { formatAssignment } from '../../edits/conf-edits.js';
import { appendToList, findListAt } from '../../edits/erlang-edits.js';
import type { ConfDocument } from '../../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../../formats/erlang/ast.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES } from './common.js';

export const guestRemoteAccess: Rule = {
  code: 'RMQ202',
  name: 'guest-remote-access',
  defaultSeverity: 'error',
  summary: 'guest may log in from other hosts (loopback_users emptied).',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    const lu = m.loopbackUsers;
    if (lu.state !== 'set' || !lu.entries.known || lu.conditional) return;
    if (lu.entries.value.some((e) => !e.value.known || e.value.value === 'guest')) return;
    // guest only exists when it is the default user (absent default_user, or default_user = guest).
    const du = m.defaultUser;
    if (du.state === 'unknown' || (du.state === 'set' && (!du.value.known || du.value.value !== 'guest'))) return;
    const text = ctx.doc.source.text;
    const edits: SpanEdit[] = [];
    if (ctx.doc.language === 'rabbitmq-conf') {
      const lines = (ctx.doc.tree as ConfDocument).entries.filter((e) => e.key === 'loopback_users' || e.key.startsWith('loopback_users.'));
      const guest = lines.find((e) => e.key === 'loopback_users.guest');
      if (guest) edits.push({ span: guest.valueSpan, newText: 'true' });
      else if (lines[0]) edits.push({ span: lines[0].span, newText: formatAssignment(text, 'loopback_users.guest', 'true', lines[0].span.start) });
      for (const other of lines) if (other.key === 'loopback_users' && other !== lines[0]) edits.push({ span: other.extent, newText: '' });
    } else {
      // Keep the users already listed: only guest comes back.
      const value = ctx.here(lu.valueOrigin);
      const list = value ? findListAt(ctx.doc.tree as ErlangDocument, value) : undefined;
      if (list) edits.push(appendToList(text, list, '<<"guest">>'));
    }
    const span = ctx.here(lu.origin);
    if (!span) return;
    yield {
      span,
      message: 'guest is no longer restricted to localhost: anyone who can reach the broker can try guest/guest',
      fixes: edits.length > 0 ? [{ title: ctx.doc.language === 'rabbitmq-conf' ? 'Restore loopback_users.guest = true' : 'Restore {loopback_users, [<<"guest">>]}', edits, safe: true, preferred: true }] : [],
    };
  },
};
