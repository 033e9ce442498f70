/**
 * Finds the suppression comments of a document and the lines each one covers.
 *
 * A next-line comment covers the lines from just below it to the end of the
 * next setting: the first line that is neither blank nor a comment, and, when
 * a setting starts there, every line that setting spans (an INI value's
 * continuation lines, a multi-line `'''` value, a nested Erlang proplist).
 * The blank and comment lines in between are covered too, so a comment placed
 * above another comment still reaches the setting. So is the comment's own
 * line: rules place findings about the file as a whole ("no TLS listener" in
 * a rabbitmq.conf) on the file's first line, and a comment written at the top
 * of the file becomes that first line.
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import type { Span } from '../core/text.js';
import { documentComments, parsedText, type DocumentComment } from './comments.js';
import { parseDirective, type CodeToken, type ParsedDirective, type SuppressionScope } from './directive.js';

/** Lines (0-based, inclusive) a next-line suppression reaches: from its own line to the end of the next setting. */
export interface CoveredLines {
  readonly first: number;
  readonly last: number;
  /** The line of the setting it points at; undefined when only blanks and comments follow. */
  readonly target?: number;
}

/** A comment written as a suppression directive (well formed or not). */
export interface SuppressionComment {
  /** The whole comment, marker included. */
  readonly span: Span;
  /** 0-based line of the comment. */
  readonly line: number;
  /** Only blanks before it on its line (a directive after code is refused). */
  readonly ownLine: boolean;
  readonly directive: ParsedDirective;
  /** For a well-formed next-line directive on its own line: the lines it covers. */
  readonly covers?: CoveredLines;
}

/** The scope of a well-formed directive, or undefined. */
export function scopeOf(comment: SuppressionComment): SuppressionScope | undefined {
  return comment.directive.kind === 'directive' ? comment.directive.scope : undefined;
}

/** The codes of a well-formed directive (empty for a misspelt one). */
export function codesOf(comment: SuppressionComment): readonly CodeToken[] {
  return comment.directive.kind === 'directive' ? comment.directive.codes : [];
}

function isBlankLine(text: string, doc: AnalyzedDocument, line: number): boolean {
  const end = doc.lines.lineEnd(line);
  for (let i = doc.lines.lineStart(line); i < end; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** For every line on which a setting starts, the last line of the longest setting starting there. */
function settingEndLines(doc: AnalyzedDocument): Map<number, number> {
  const ends = new Map<number, number>();
  for (const s of doc.settings) {
    const startLine = doc.lines.lineOf(s.keySpan.start);
    // Erlang: the value ends the setting (the removal span reaches into the next element).
    // Line formats: the removal span is whole lines, line break included.
    const endOffset = doc.language === 'rabbitmq-config' ? Math.max(s.keySpan.end, s.valueSpan?.end ?? 0) : Math.max(s.keySpan.end, s.removalSpan.end - 1);
    const endLine = doc.lines.lineOf(endOffset);
    if (endLine > (ends.get(startLine) ?? -1)) ends.set(startLine, endLine);
  }
  return ends;
}

function coverage(doc: AnalyzedDocument, text: string, commentLine: number, commentLines: ReadonlySet<number>, ends: Map<number, number>): CoveredLines {
  const lastLine = doc.lines.lineCount - 1;
  let line = commentLine + 1;
  while (line <= lastLine && (commentLines.has(line) || isBlankLine(text, doc, line))) line++;
  if (line > lastLine) return { first: commentLine, last: lastLine };
  return { first: commentLine, last: Math.max(line, ends.get(line) ?? line), target: line };
}

/** The suppression comments of `doc`, in document order. */
export function findSuppressionComments(doc: AnalyzedDocument): SuppressionComment[] {
  const comments = documentComments(doc);
  const source = doc.source.text;
  const found: { comment: DocumentComment; directive: ParsedDirective }[] = [];
  for (const c of comments) {
    // Read the words in the original text: a masked template expression would read as a code.
    const directive = parseDirective(source, c.span.start, c.span.end);
    if (directive) found.push({ comment: c, directive });
  }
  if (found.length === 0) return [];
  const text = parsedText(doc);
  const commentLines = new Set(comments.filter((c) => c.ownLine).map((c) => doc.lines.lineOf(c.span.start)));
  const ends = settingEndLines(doc);
  return found.map(({ comment, directive }) => {
    const line = doc.lines.lineOf(comment.span.start);
    const nextLine = directive.kind === 'directive' && directive.scope === 'next-line' && comment.ownLine;
    return {
      span: comment.span,
      line,
      ownLine: comment.ownLine,
      directive,
      ...(nextLine ? { covers: coverage(doc, text, line, commentLines, ends) } : {}),
    };
  });
}
