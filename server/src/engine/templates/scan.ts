/**
 * Small character-level helpers shared by the template lexers.
 *
 * Everything here works on UTF-16 code units (`charCodeAt`), never on
 * regular expressions, so every scan is a plain forward walk.
 */

export const CR = 0x0d;
export const LF = 0x0a;

export function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/** Space, tab, form feed, vertical tab, or a line break. */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === LF || code === CR || code === 0x0c || code === 0x0b;
}

export function isIdentifierStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}

/** Offset of the first line break at or after `from`, or the text's length. */
export function lineEndFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (isLineBreak(text.charCodeAt(i))) return i;
  }
  return text.length;
}

/** First offset at or after `from` that is not a space or tab (line breaks stop it). */
export function skipBlanks(text: string, from: number, limit = text.length): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
    i++;
  }
  return i;
}

/** First offset at or after `from` that is not whitespace (line breaks included). */
export function skipWhitespace(text: string, from: number, limit = text.length): number {
  let i = from;
  while (i < limit && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** End of the identifier that starts at `from` (`from` itself when there is none). */
export function identifierEnd(text: string, from: number, limit = text.length): number {
  if (from >= limit || !isIdentifierStart(text.charCodeAt(from))) return from;
  let i = from + 1;
  while (i < limit && isIdentifierPart(text.charCodeAt(i))) i++;
  return i;
}

/**
 * `indexOf` that remembers its last answer for each needle.
 *
 * A lexer that meets many openers whose closer is far away, or missing,
 * would otherwise scan the same stretch of text once per opener. The first
 * occurrence at or after `from` is the same for every `from` between a
 * previous search's start and its answer, so such searches cost nothing.
 */
export class ForwardSearch {
  /** Per needle: the last search's start and its answer (-1: absent from there on). */
  private readonly last = new Map<string, { readonly from: number; readonly at: number }>();

  constructor(private readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const memo = this.last.get(needle);
    if (memo && from >= memo.from && (memo.at < 0 || from <= memo.at)) return memo.at;
    const at = this.text.indexOf(needle, from);
    this.last.set(needle, { from, at });
    return at;
  }
}
