import type { Finding, SpanEdit } from '../../core/findings.js';
import { findListAt, appendToList } from '../../edits/erlang-edits.js';
import type { ErlangDocument } from '../../formats/erlang/ast.js';
import type { ConfDocument } from '../../formats/cuttlefish/ast.js';
import { insertLinesAfter, formatAssignment } from '../../edits/conf-edits.js';
import type { Rule } from '../rule.js';
import { missingSpan, optionText, RABBIT_LANGUAGES } from './common.js';

export const certificateLoginAvailable: Rule = {
  code: 'RMQ204',
  name: 'certificate-login-available',
  defaultSeverity: 'hint',
  summary: 'Mutual TLS is configured but EXTERNAL (X.509 login) is not among auth_mechanisms.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    const amqp = m.tls.find((e) => e.id === 'amqp');
    if (!amqp || optionText(amqp.options.get('verify')) !== 'verify_peer' || optionText(amqp.options.get('fail_if_no_peer_cert')) !== 'true') return;
    const am = m.authMechanisms;
    if (am.state === 'unknown') return;
    if (am.state === 'set' && (!am.entries.known || am.entries.value.some((e) => !e.value.known || e.value.value === 'EXTERNAL'))) return;
    const span = am.state === 'set' ? ctx.here(am.keyOrigin) : missingSpan(ctx, am.anchor);
    if (!span) return;
    let edits: SpanEdit[] | undefined;
    if (am.state === 'set') {
      if (ctx.doc.language === 'rabbitmq-conf') {
        const lines = (ctx.doc.tree as ConfDocument).entries.filter((e) => e.key.startsWith('auth_mechanisms.'));
        const last = lines[lines.length - 1];
        // The next free index: cuttlefish orders by it, and reusing one would replace that mechanism.
        const next = Math.max(0, ...lines.map((l) => Number(l.key.slice('auth_mechanisms.'.length))).filter((n) => Number.isInteger(n))) + 1;
        if (last) edits = [insertLinesAfter(ctx.doc.source.text, last.span.start, [formatAssignment(ctx.doc.source.text, `auth_mechanisms.${next}`, 'EXTERNAL', last.span.start)])];
      } else {
        const listSpan = ctx.here(am.valueOrigin);
        const list = listSpan ? findListAt(ctx.doc.tree as ErlangDocument, listSpan) : undefined;
        if (list) edits = [appendToList(ctx.doc.source.text, list, "'EXTERNAL'")];
      }
    }
    yield {
      span,
      message: 'Clients already present CA-signed certificates: allow X.509 login with the EXTERNAL mechanism (plugin rabbitmq_auth_mechanism_ssl)',
      // Needs the plugin enabled: offered, never applied by fix-all.
      fixes: edits ? [{ title: 'Add EXTERNAL to auth_mechanisms (enable rabbitmq_auth_mechanism_ssl too)', edits, safe: false }] : [],
    };
  },
};
