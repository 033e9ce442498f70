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

/** An HTTP plugin's listener blocks in both formats, and its plain and TLS ports. */
export interface HttpPlugin {
  /** The rabbitmq.conf family: `management`, `prometheus`, `web_stomp`, `web_mqtt`. */
  readonly family: string;
  readonly plainPort: string;
  readonly tlsPort: string;
  /** A line that turns the plain listener off, for plugins that open one by default even beside HTTPS. */
  readonly disablePlain?: string;
}

export const MANAGEMENT: HttpPlugin = { family: 'management', plainPort: '15672', tlsPort: '15671' };

/** `<family>.tcp.*` → `<family>.ssl.*` (the plain port → the TLS port) plus the certificate lines. */
export function confMove(ctx: RuleContext, plugin: HttpPlugin = MANAGEMENT): SpanEdit[] | undefined {
  const text = ctx.doc.source.text;
  const entries = (ctx.doc.tree as ConfDocument).entries;
  const family = plugin.family;
  // The plain listener: `<family>.tcp.port/ip`, or the legacy `management.listener.port/ip` without ssl.
  let prefix = `${family}.tcp.`;
  let lines = entries.filter((e) => e.key === `${prefix}port` || e.key === `${prefix}ip`);
  if (lines.length === 0 && family === 'management') {
    prefix = 'management.listener.';
    lines = entries.filter((e) => e.key === 'management.listener.port' || e.key === 'management.listener.ip');
  }
  if (lines.length === 0) return undefined;
  const ssl = new Set(entries.filter((e) => e.key.startsWith(`${family}.ssl.`)).map((e) => e.key));
  const edits: SpanEdit[] = [];
  for (const e of lines) {
    const key = `${family}.ssl.${e.key.slice(prefix.length)}`;
    if (ssl.has(key)) {
      edits.push({ span: e.extent, newText: '' });
      continue;
    }
    const value = e.key.endsWith('.port') && e.value.trim() === plugin.plainPort ? plugin.tlsPort : e.value.trim();
    edits.push({ span: e.span, newText: formatAssignment(text, key, value, e.span.start) });
  }
  const last = lines[lines.length - 1];
  const extra = CERTS.filter(([k]) => !ssl.has(`${family}.ssl.${k}`)).map(([k, v]) => formatAssignment(text, `${family}.ssl.${k}`, v, last.span.start));
  if (plugin.disablePlain && !entries.some((e) => e.key === plugin.disablePlain)) extra.push(formatAssignment(text, plugin.disablePlain, 'none', last.span.start));
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
export function classicMove(ctx: RuleContext, set: ListenerSet, m: RabbitModel, plugin: HttpPlugin = MANAGEMENT): SpanEdit[] | undefined {
  // An HTTPS block already exists: merging the two is a human's choice.
  if (m.listeners.some((l) => l.protocol === set.protocol && l.tls)) return undefined;
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
    const port = /^\{\s*port\s*,\s*(\d+)\s*\}$/.exec(raw);
    if (port && port[1] === plugin.plainPort) edits.push({ span: el.span, newText: raw.replace(plugin.plainPort, plugin.tlsPort) });
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
