/**
 * Builds RabbitMQ fixes in the document's own format: the same intent
 * ("turn plain AMQP off", "require peer verification") becomes
 * `{tcp_listeners, []}` in a classic file and `listeners.tcp = none` in
 * rabbitmq.conf, laid out like the surrounding settings.
 */
import type { SpanEdit } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import { afterLeadingComments, formatAssignment, insertLinesAfter, insertLinesBefore, lineBreakOf } from '../../edits/conf-edits.js';
import { appendAllToList, erlangAtom, erlangString, findListAt, indentOfLine, removeListElements } from '../../edits/erlang-edits.js';
import type { ConfDocument, ConfEntry } from '../../formats/cuttlefish/ast.js';
import { documentTerm, proplistLookup, type ErlangDocument } from '../../formats/erlang/index.js';
import type { ListNode } from '../../formats/erlang/ast.js';
import type { Origin, SettingSource, TlsEndpoint, TlsEndpointId } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';

/** A value to write, independent of the format. */
export type FixValue =
  | { readonly atom: string }
  | { readonly text: string }
  | { readonly bool: boolean }
  | { readonly int: number }
  | { readonly atoms: readonly string[] };

/** Where each TLS endpoint's options live in each format. */
export const TLS_BLOCKS: Readonly<Record<TlsEndpointId, { readonly app: string; readonly key: string; readonly confPrefix?: string }>> = {
  amqp: { app: 'rabbit', key: 'ssl_options', confPrefix: 'ssl_options.' },
  management: { app: 'rabbitmq_management', key: 'ssl_config', confPrefix: 'management.ssl.' },
  'management-legacy': { app: 'rabbitmq_management', key: 'listener', confPrefix: 'management.listener.ssl_opts.' },
  prometheus: { app: 'rabbitmq_prometheus', key: 'ssl_config', confPrefix: 'prometheus.ssl.' },
  'web-stomp': { app: 'rabbitmq_web_stomp', key: 'ssl_config', confPrefix: 'web_stomp.ssl.' },
  'web-mqtt': { app: 'rabbitmq_web_mqtt', key: 'ssl_config', confPrefix: 'web_mqtt.ssl.' },
  'erlang-ssl-app': { app: 'ssl', key: '' },
};

/** Placeholder paths used by fixes (the titles say so). */
export const PLACEHOLDER_PATHS = {
  cacertfile: '/etc/rabbitmq/ssl/ca_certificate.pem',
  certfile: '/etc/rabbitmq/ssl/server_certificate.pem',
  keyfile: '/etc/rabbitmq/ssl/server_key.pem',
} as const;

export function classicValue(v: FixValue): string {
  if ('atom' in v) return erlangAtom(v.atom);
  if ('text' in v) return erlangString(v.text);
  if ('bool' in v) return String(v.bool);
  if ('int' in v) return String(v.int);
  return `[${v.atoms.map(erlangAtom).join(', ')}]`;
}

/** `key = value` lines for rabbitmq.conf; a list becomes `key.1 = a`, `key.2 = b`. */
function confLines(key: string, v: FixValue): [string, string][] {
  if ('atoms' in v) return v.atoms.map((a, i) => [`${key}.${i + 1}`, a]);
  if ('atom' in v) return [[key, v.atom]];
  if ('text' in v) return [[key, v.text]];
  if ('bool' in v) return [[key, String(v.bool)]];
  return [[key, String(v.int)]];
}

export class RabbitFixer {
  constructor(private readonly ctx: RuleContext) {}

  get text(): string {
    return this.ctx.doc.source.text;
  }

  get isConf(): boolean {
    return this.ctx.doc.language === 'rabbitmq-conf';
  }

  private here(origin: Origin | undefined): Span | undefined {
    return this.ctx.here(origin);
  }

  private confDoc(): ConfDocument {
    return this.ctx.doc.tree as ConfDocument;
  }

  private erlangDoc(): ErlangDocument {
    return this.ctx.doc.tree as ErlangDocument;
  }

  private confEntriesWithPrefix(prefix: string): ConfEntry[] {
    return this.confDoc().entries.filter((e) => e.key === prefix.replace(/\.$/, '') || e.key.startsWith(prefix));
  }

  private confLinesText(pairs: readonly [string, string][], like?: number): string[] {
    return pairs.map(([k, v]) => formatAssignment(this.text, k, v, like));
  }

  /** Replaces a set value (in this document) by `v`; for list values in rabbitmq.conf, rewrites its lines. */
  replaceValue(source: SettingSource, v: FixValue, confKey?: string): SpanEdit[] | undefined {
    const value = this.here(source.valueOrigin);
    if (!value) return undefined;
    if (!this.isConf) return [{ span: value, newText: classicValue(v) }];
    if ('atoms' in v && confKey) return this.rewriteConfList(confKey, v.atoms);
    const [[, text]] = confLines('x', v);
    return [{ span: value, newText: text }];
  }

  /** Replaces every `key.*` line of a list setting in rabbitmq.conf by the given values. */
  rewriteConfList(key: string, values: readonly string[]): SpanEdit[] | undefined {
    const lines = this.confDoc().entries.filter((e) => e.key === key || e.key.startsWith(`${key}.`));
    if (lines.length === 0) return undefined;
    const [first, ...rest] = lines;
    const newLines = this.confLinesText(values.map((a, i) => [`${key}.${i + 1}`, a]), first.span.start);
    return [{ span: first.span, newText: newLines.join(lineBreakOf(this.text)) }, ...rest.map((e) => ({ span: e.extent, newText: '' }))];
  }

  /** The classic `{App, [...]}` list of this document, if it has one. */
  appList(app: string): ListNode | undefined {
    const entry = proplistLookup(documentTerm(this.erlangDoc()), app);
    return entry?.value?.kind === 'list' ? entry.value : undefined;
  }

  /** Adds `{Key, Value}` elements to the app's list, creating `{App, [...]}` when the file has none. */
  addToApp(app: string, elements: readonly string[]): SpanEdit[] | undefined {
    const list = this.appList(app);
    if (list) {
      const edit = appendAllToList(this.text, list, elements);
      return edit ? [edit] : undefined;
    }
    const top = documentTerm(this.erlangDoc());
    if (top?.kind !== 'list') return undefined;
    const indent = top.elements[0] ? indentOfLine(this.text, top.elements[0].span.start) : ' ';
    const nl = lineBreakOf(this.text);
    const inner = elements.join(`,${nl}${indent}   `);
    const edit = appendAllToList(this.text, top, [`{${erlangAtom(app)}, [${inner}]}`]);
    return edit ? [edit] : undefined;
  }

  /** A nested `{key, [ ... ]}` block laid out one option per line under the app's indentation. */
  private classicBlock(app: string, key: string, options: readonly [string, FixValue][]): string {
    const list = this.appList(app);
    const base = list?.elements[0] ? indentOfLine(this.text, list.elements[0].span.start) : '   ';
    const nl = lineBreakOf(this.text);
    const pad = `${base}${' '.repeat(key.length + 4)}`;
    return `{${key}, [${options.map(([k, v]) => `{${erlangAtom(k)}, ${classicValue(v)}}`).join(`,${nl}${pad}`)}]}`;
  }

  /**
   * Sets TLS options of an endpoint: values already written in this document
   * are replaced, missing ones added to the endpoint's block (created when
   * absent). Undefined when the block lives in another file.
   */
  setTlsOptions(endpoint: TlsEndpoint, values: readonly [string, FixValue][]): SpanEdit[] | undefined {
    const block = TLS_BLOCKS[endpoint.id];
    const edits: SpanEdit[] = [];
    const missing: [string, FixValue][] = [];
    for (const [key, v] of values) {
      const option = endpoint.options.get(key);
      if (option) {
        const replaced = this.replaceValue(option.source, v, block.confPrefix ? `${block.confPrefix}${key}` : undefined);
        if (!replaced) return undefined;
        edits.push(...replaced);
      } else missing.push([key, v]);
    }
    if (missing.length === 0) return edits;
    const added = this.addTlsOptions(endpoint, missing);
    return added ? [...edits, ...added] : undefined;
  }

  private addTlsOptions(endpoint: TlsEndpoint, options: readonly [string, FixValue][]): SpanEdit[] | undefined {
    const block = TLS_BLOCKS[endpoint.id];
    if (this.isConf) {
      if (!block.confPrefix) return undefined;
      const pairs = options.flatMap(([k, v]) => confLines(`${block.confPrefix}${k}`, v));
      const existing = this.confEntriesWithPrefix(block.confPrefix);
      const after = existing.length > 0 ? existing[existing.length - 1].span.start : undefined;
      if (after !== undefined) return [insertLinesAfter(this.text, after, this.confLinesText(pairs, after))];
      return [insertLinesAfter(this.text, this.text.length, this.confLinesText(pairs))];
    }
    const anchor = this.here(endpoint.source ? endpoint.anchor : undefined);
    if (endpoint.source && anchor) {
      const list = findListAt(this.erlangDoc(), anchor);
      if (!list) return undefined;
      const edit = appendAllToList(this.text, list, options.map(([k, v]) => `{${erlangAtom(k)}, ${classicValue(v)}}`));
      return edit ? [edit] : undefined;
    }
    if (endpoint.source) return undefined; // the block is in another file
    return this.addToApp(block.app, [this.classicBlock(block.app, block.key, options)]);
  }

  /**
   * Sets a whole rabbitmq.conf list key (`listeners.tcp`) to the given lines:
   * its `key.*` and `key` lines are replaced, or the lines are added before
   * the first line with the same first segment, or after the file's leading
   * comments.
   */
  setConfGroup(key: string, lines: readonly [string, string][]): SpanEdit[] {
    const existing = this.confDoc().entries.filter((e) => e.key === key || e.key.startsWith(`${key}.`));
    if (existing.length > 0) {
      const [first, ...rest] = existing;
      const text = this.confLinesText(lines, first.span.start).join(lineBreakOf(this.text));
      return [{ span: first.span, newText: text }, ...rest.map((e) => ({ span: e.extent, newText: '' }))];
    }
    const family = key.split('.')[0];
    const sibling = this.confDoc().entries.find((e) => e.key.split('.')[0] === family);
    if (sibling) return [insertLinesBefore(this.text, sibling.span.start, this.confLinesText(lines, sibling.span.start))];
    const at = afterLeadingComments(this.text);
    const formatted = this.confLinesText(lines);
    if (at === 0) return [insertLinesBefore(this.text, 0, formatted)];
    return [insertLinesAfter(this.text, at, formatted)];
  }

  /**
   * Removes some elements of a list setting written in this document: their
   * lines in rabbitmq.conf, their elements (with one comma each) in a classic
   * list. `listOrigin` is the list value; `items` the elements' origins.
   */
  removeListItems(listOrigin: Origin, items: readonly Origin[]): SpanEdit[] | undefined {
    if (this.isConf) {
      const edits = items.map((i) => this.removeConfLine(i));
      return edits.every((x) => x) ? edits.flatMap((x) => x!) : undefined;
    }
    const listSpan = this.here(listOrigin);
    const list = listSpan ? findListAt(this.erlangDoc(), listSpan) : undefined;
    if (!list) return undefined;
    const indices = list.elements.flatMap((el, i) => (items.some((o) => o.span.start === el.span.start) ? [i] : []));
    return indices.length === items.length ? removeListElements(this.text, list, indices) : undefined;
  }

  /** Removes a rabbitmq.conf line or a classic list element written in this document. */
  removeConfLine(origin: Origin): SpanEdit[] | undefined {
    const span = this.here(origin);
    if (!span || !this.isConf) return undefined;
    const entry = this.confDoc().entries.find((e) => e.span.start === span.start);
    return entry ? [{ span: entry.extent, newText: '' }] : undefined;
  }
}
