/**
 * A Qpid C++ broker's qpidd.conf as the broker applies it. qpidd compares
 * the raw text before `=` with its option names, so `auth = no` (with
 * blanks) sets nothing; the last line of an option wins.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { SpanEdit } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import type { QpiddDocument, QpiddEntry } from '../../formats/qpidd/index.js';
import { templateFacts } from '../../languages/support.js';
import { hasSyntaxErrorFinding } from '../cfg/syntax-error.js';

const TRUE_WORDS = new Set(['yes', 'true', 'on', '1']);
const FALSE_WORDS = new Set(['no', 'false', 'off', '0']);

/** A boolean option's value: true/false, or undefined when a template hides it or it is not a boolean. */
export type BrokerSwitch = { readonly entry: QpiddEntry; readonly value: boolean | undefined } | undefined;

export class QpiddBroker {
  private readonly entries: readonly QpiddEntry[];

  constructor(private readonly doc: AnalyzedDocument) {
    const tree = doc.tree as QpiddDocument;
    this.entries = tree.entries.filter((e) => e.section === null && e.rawKey === e.key);
  }

  /** Whether qpidd would refuse the file (CFG001): the broker does not start, nothing else to say. */
  refused(): boolean {
    return hasSyntaxErrorFinding(this.doc);
  }

  /** The line that sets `name` (the last one), if any. */
  setting(name: string): QpiddEntry | undefined {
    let found: QpiddEntry | undefined;
    for (const e of this.entries) if (e.name === name) found = e;
    return found;
  }

  /** Whether the value of an entry is hidden by a template tag or a template condition. */
  unknown(entry: QpiddEntry): boolean {
    const facts = templateFacts(this.doc.template);
    return facts.touchesTemplate(entry.span) || facts.isConditional(entry.span);
  }

  /** A boolean option's value. */
  switch(name: string): BrokerSwitch {
    const entry = this.setting(name);
    if (!entry) return undefined;
    const word = entry.value.toLowerCase();
    const value = this.unknown(entry) ? undefined : TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
    return { entry, value };
  }

  /** Whether the broker is given TLS settings (any `ssl-*` option). */
  tlsConfigured(): boolean {
    return this.entries.some((e) => e.name.startsWith('ssl-'));
  }

  /** The first line of the file: where a missing option belongs. */
  firstLine(): Span {
    return { start: 0, end: this.doc.lines.lineEnd(0) };
  }

  /** Sets `name=value`: replaces the value of its line, or appends a line at the end. */
  set(name: string, value: string): SpanEdit {
    const entry = this.setting(name);
    if (entry) return { span: entry.valueSpan, newText: value };
    const text = this.doc.source.text;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
    return { span: { start: text.length, end: text.length }, newText: `${lead}${name}=${value}${eol}` };
  }
}
