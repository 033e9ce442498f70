/**
 * Edits of line-based files (rabbitmq.conf, INI, qpidd.conf) that keep the
 * author's layout: new lines follow the previous line's spacing around `=`.
 */
import type { SpanEdit } from '../core/findings.js';
import { lineStartOf } from '../core/text.js';

export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset of the end of the line containing `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * `key = value` written like the line at `like` (if any): the same spaces
 * around `=`, and the `=` in the same column when that line pads its key.
 */
export function formatAssignment(text: string, key: string, value: string, like?: number): string {
  if (like === undefined) return `${key} = ${value}`;
  const line = text.slice(lineStartOf(text, like), lineEndAt(text, like));
  const m = /^(\s*)([^=\s]+)(\s*)=(\s*)/.exec(line);
  if (!m) return `${key} = ${value}`;
  const [, , otherKey, before, after] = m;
  const aligned = before.length > 1 ? ' '.repeat(Math.max(1, otherKey.length + before.length - key.length)) : before;
  return `${key}${aligned}=${after || ''}${value}`;
}

/** Inserts whole lines after the line containing `offset` (or at the end of the text). */
export function insertLinesAfter(text: string, offset: number, lines: readonly string[]): SpanEdit {
  const nl = lineBreakOf(text);
  const end = lineEndAt(text, offset);
  if (end >= text.length) {
    const needsBreak = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r');
    return { span: { start: text.length, end: text.length }, newText: (needsBreak ? nl : '') + lines.join(nl) + nl };
  }
  return { span: { start: end, end }, newText: nl + lines.join(nl) };
}

/** Inserts whole lines before the line containing `offset`. */
export function insertLinesBefore(text: string, offset: number, lines: readonly string[]): SpanEdit {
  const start = lineStartOf(text, offset);
  const nl = lineBreakOf(text);
  return { span: { start, end: start }, newText: lines.join(nl) + nl };
}

/**
 * Where new settings go at the top of a file: after the leading block of
 * comments and blank lines that describes the file.
 */
export function afterLeadingComments(text: string, commentMarkers = '#;'): number {
  let i = 0;
  let lastCommentEnd = 0;
  while (i < text.length) {
    const end = lineEndAt(text, i);
    const line = text.slice(i, end).trim();
    if (line !== '' && !commentMarkers.includes(line[0])) break;
    if (line !== '') lastCommentEnd = end;
    i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lastCommentEnd;
}
