/**
 * qpidd.conf, as boost::program_options reads a configuration file
 * (boost/libs/program_options/src/config_file.cpp):
 * - lines end at `\n` only (a `\r` before it is trimmed as whitespace);
 * - a `#` starts a comment wherever it is; a line starting with `;` is a comment;
 * - blanks (space, tab, CR, LF) around the line, the key and the value are trimmed;
 * - `[name]` makes the following keys `name.key` (`[]` is an invalid line);
 * - any other non-empty line must contain `=`, split at the first one.
 * boost stops at the first invalid line; we report it and read on.
 */
import { abbreviate } from '../../core/abbreviate.js';
import type { ParseOutcome, SyntaxError } from '../../core/parse.js';
import type { Span } from '../../core/text.js';
import type { QpiddComment, QpiddDocument, QpiddEntry, QpiddSection } from './ast.js';

/** Parses a qpidd.conf (or a masked template of one). */
export function parseQpiddConf(text: string): ParseOutcome<QpiddDocument> {
  const entries: QpiddEntry[] = [];
  const sections: QpiddSection[] = [];
  const comments: QpiddComment[] = [];
  const errors: SyntaxError[] = [];
  let section: string | null = null;

  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const lineSpan = { start, end: newline < 0 ? end : end + 1 };
    start = lineSpan.end;

    const line = readLine(text, lineSpan.start, end, comments);
    if (!line) continue;
    const c = trim(text, line.start, line.end);
    if (text[c.start] === '[' && text[c.end - 1] === ']' && c.end - c.start > 1) {
      if (c.end - c.start === 2) {
        errors.push(invalidLine(text, c));
        continue;
      }
      const nameSpan = { start: c.start + 1, end: c.end - 1 };
      section = text.slice(nameSpan.start, nameSpan.end);
      sections.push({ name: section, nameSpan, headerSpan: c });
      continue;
    }
    const eq = indexWithin(text, '=', c.start, c.end);
    if (eq < 0) {
      errors.push(invalidLine(text, c));
      continue;
    }
    entries.push(entry(text, c, eq, lineSpan, section));
  }
  return { tree: { entries, sections, comments }, errors };
}

/** The line's text before any comment, trimmed; null when nothing is left. Records the comment. */
function readLine(text: string, start: number, end: number, comments: QpiddComment[]): Span | null {
  if (text[start] === ';') {
    comments.push({ span: trim(text, start, end), text: text.slice(start + 1, end).trim() });
    return null;
  }
  const hash = indexWithin(text, '#', start, end);
  const contentEnd = hash < 0 ? end : hash;
  if (contentEnd < end) {
    const span = trim(text, contentEnd, end);
    comments.push({ span, text: text.slice(contentEnd + 1, span.end).trim() });
  }
  const content = trim(text, start, contentEnd);
  return content.end > content.start ? content : null;
}

function entry(text: string, line: Span, eq: number, lineSpan: Span, section: string | null): QpiddEntry {
  const keySpan = trim(text, line.start, eq);
  const valueSpan = trim(text, eq + 1, line.end);
  const key = text.slice(keySpan.start, keySpan.end);
  return {
    name: section === null ? key : prefixOf(section) + key,
    key,
    keySpan,
    rawKey: text.slice(lineSpan.start, eq),
    separatorSpan: { start: eq, end: eq + 1 },
    value: text.slice(valueSpan.start, valueSpan.end),
    valueSpan,
    span: { start: keySpan.start, end: valueSpan.end },
    lineSpan,
    section,
  };
}

/** The first `ch` in `text[start, end)`, or -1. (`indexOf` alone could scan far past the line.) */
function indexWithin(text: string, ch: string, start: number, end: number): number {
  const code = ch.charCodeAt(0);
  for (let p = start; p < end; p++) if (text.charCodeAt(p) === code) return p;
  return -1;
}

/** boost adds a dot unless the section name already ends with one. */
function prefixOf(section: string): string {
  return section.endsWith('.') ? section : section + '.';
}

/** Longest line quoted in a message: a 1 MB line must not make a 1 MB diagnostic. */
const MAX_QUOTED_LINE = 200;

function invalidLine(text: string, line: Span): SyntaxError {
  const shown = abbreviate(text.slice(line.start, line.end), MAX_QUOTED_LINE);
  return { span: line, message: `the options configuration file contains an invalid line '${shown}'` };
}


/** boost's trim_ws: only space, tab, CR and LF count as whitespace. */
function trim(text: string, start: number, end: number): Span {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
