import type { Finding, SpanEdit } from '../../core/findings.js';
import { appendAllToList, erlangString, findListAt } from '../../edits/erlang-edits.js';
import { formatAssignment, insertLinesAfter } from '../../edits/conf-edits.js';
import type { ConfDocument } from '../../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../../formats/erlang/ast.js';
import type { ListenerSet, RabbitModel } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { describeListener, RABBIT_LANGUAGES } from './common.js';
import { PLACEHOLDER_PATHS } from './fixer.js';

const CERTS = [
  ['cacertfile', PLACEHOLDER_PATHS.cacertfile],
  ['certfile', PLACEHOLDER_PATHS.certfile],
  ['keyfile', PLACEHOLDER_PATHS.keyfile],
] as const;

/** `management.tcp.*` → `management.ssl.*` (port 15672 → 15671) plus the certificate lines. */
function confMove(ctx: RuleContext): SpanEdit[] | undefined {
  const text = ctx.doc.source.text;
  const entries = (ctx.doc.tree as ConfDocument).entries;
  // The plain listener: `management.tcp.*`, or the legacy `management.listener.port/ip` without ssl.
  let prefix = 'management.tcp.';
  let lines = entries.filter((e) => e.key.startsWith(prefix));
  if (lines.length === 0) {
    prefix = 'management.listener.';
    lines = entries.filter((e) => e.key === 'management.listener.port' || e.key === 'management.listener.ip');
  }
  if (lines.length === 0) return undefined;
  const ssl = new Set((ctx.doc.tree as ConfDocument).entries.filter((e) => e.key.startsWith('management.ssl.')).map((e) => e.key));
  const edits: SpanEdit[] = [];
  for (const e of lines) {
    const key = `management.ssl.${e.key.slice(prefix.length)}`;
    if (ssl.has(key)) {
      edits.push({ span: e.extent, newText: '' });
      continue;
    }
    const value = e.key.endsWith('.port') && e.value.trim() === '15672' ? '15671' : e.value.trim();
    edits.push({ span: e.span, newText: formatAssignment(text, key, value, e.span.start) });
  }
  const last = lines[lines.length - 1];
  const extra = CERTS.filter(([k]) => !ssl.has(`management.ssl.${k}`)).map(([k, v]) => formatAssignment(text, `management.ssl.${k}`, v, last.span.start));
  if (extra.length > 0) {
    const insert = insertLinesAfter(text, last.span.start, extra);
    // The last line is also being rewritten: put the new lines after its new text.
    const i = edits.findIndex((x) => x.span.start === last.span.start);
    if (i >= 0 && edits[i].newText !== '') edits[i] = { span: edits[i].span, newText: edits[i].newText + insert.newText };
    else edits.push(insert);
  }
  return edits;
}

/** `{tcp_config, [...]}` → `{ssl_config, [...]}` with the certificate options added. */
function classicMove(ctx: RuleContext, set: ListenerSet, m: RabbitModel): SpanEdit[] | undefined {
  // An HTTPS block already exists: merging the two is a human's choice.
  if (m.listeners.some((l) => l.protocol === 'management' && l.tls)) return undefined;
  const key = ctx.here(set.source?.keyOrigin);
  const listSpan = ctx.here(set.source?.valueOrigin);
  const text = ctx.doc.source.text;
  // `{tcp_config, [...]}`, or the legacy `{listener, [...]}` without `{ssl, true}`: both take port and ip like ssl_config.
  const keyText = key ? text.slice(key.start, key.end) : '';
  if (!key || !listSpan || (keyText !== 'tcp_config' && keyText !== 'listener')) return undefined;
  const list = findListAt(ctx.doc.tree as ErlangDocument, listSpan);
  if (!list) return undefined;
  const edits: SpanEdit[] = [{ span: key, newText: 'ssl_config' }];
  for (const el of list.elements) {
    const raw = text.slice(el.span.start, el.span.end);
    const port = /^\{\s*port\s*,\s*(15672)\s*\}$/.exec(raw);
    if (port) edits.push({ span: el.span, newText: raw.replace('15672', '15671') });
  }
  const add = appendAllToList(text, list, CERTS.map(([k, v]) => `{${k}, ${erlangString(v)}}`));
  if (add) edits.push(add);
  return edits;
}

export const plaintextManagementListener: Rule = {
  code: 'RMQ301',
  name: 'plaintext-management-listener',
  defaultSeverity: 'warning',
  summary: 'The management UI/API is configured on plain HTTP.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const set of m.listeners) {
      if (set.protocol !== 'management' || set.tls || set.state !== 'configured' || set.source?.conditional) continue;
      const span = ctx.here(set.source?.keyOrigin);
      if (!span) continue;
      const edits = ctx.doc.language === 'rabbitmq-conf' ? confMove(ctx) : classicMove(ctx, set, m);
      yield {
        span,
        message: `The management UI and HTTP API listen on plain HTTP (${set.listeners.map(describeListener).join(', ')}): credentials cross the network in clear text`,
        fixes: edits ? [{ title: 'Move the management listener to HTTPS (placeholder certificate paths under /etc/rabbitmq/ssl/)', edits, safe: true, preferred: true }] : [],
      };
    }
  },
};
