/**
 * The comments of a document in its own format's syntax, read from the
 * format's parse tree so that a `#` inside a value or a string never counts:
 * - Erlang terms: `%` anywhere outside strings and quoted atoms;
 * - rabbitmq.conf: `#`, on its own line or after a setting;
 * - oslo.config INI: `#` or `;` in column 0 only (an inline `# …` after a
 *   value is part of the value, an indented one continues the value);
 * - qpidd.conf: `#` anywhere, `;` at the start of a line.
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import type { Span } from '../core/text.js';
import type { ConfDocument } from '../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../formats/erlang/ast.js';
import type { IniDocument } from '../formats/ini/ast.js';
import type { QpiddDocument } from '../formats/qpidd/ast.js';
import type { LanguageId } from '../languages/ids.js';

/** A comment: its span from the marker to the end of its text, and whether code precedes it on its line. */
export interface DocumentComment {
  readonly span: Span;
  /** Only blanks before the marker on its line. */
  readonly ownLine: boolean;
}

/** The marker a new comment line is written with. */
export const COMMENT_MARKER: Readonly<Record<LanguageId, string>> = {
  'rabbitmq-config': '%',
  'rabbitmq-conf': '#',
  'oslo-config': '#',
  'qpidd-conf': '#',
};

/** The text the parser read: the masked template when the file is one. */
export function parsedText(doc: AnalyzedDocument): string {
  return doc.template?.text ?? doc.source.text;
}

function commentSpans(doc: AnalyzedDocument): readonly Span[] {
  switch (doc.language) {
    case 'rabbitmq-config':
      return (doc.tree as ErlangDocument).comments.map((c) => c.span);
    case 'rabbitmq-conf':
      return (doc.tree as ConfDocument).comments.map((c) => c.span);
    case 'oslo-config':
      return (doc.tree as IniDocument).comments.map((c) => c.span);
    case 'qpidd-conf':
      return (doc.tree as QpiddDocument).comments.map((c) => c.span);
  }
}

/** True when only blanks lie between the start of the line and `offset`. */
export function onlyBlanksBefore(text: string, lineStart: number, offset: number): boolean {
  for (let i = lineStart; i < offset; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** Every comment of the document, in document order. */
export function documentComments(doc: AnalyzedDocument): DocumentComment[] {
  const text = parsedText(doc);
  return commentSpans(doc).map((span) => ({
    span,
    ownLine: onlyBlanksBefore(text, doc.lines.lineStart(doc.lines.lineOf(span.start)), span.start),
  }));
}
