/**
 * Character-level pieces of cuttlefish's grammar (conf_parse.peg), as small
 * functions over a string and an offset. Each returns the offset just past
 * what it matched; none looks further than the current line except the
 * quoted-value searches, which cuttlefish also lets run across lines.
 */

/** `ws <- [ \t]+`: cuttlefish's only blanks (no form feed, no NBSP). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Past any spaces and tabs from `p`. */
export function skipBlanks(text: string, p: number): number {
  while (p < text.length && isBlank(text.charCodeAt(p))) p++;
  return p;
}

/** Length of the line break at `p` (`\n` or `\r\n`; a lone `\r` is no break for cuttlefish), or 0. */
export function lineBreakAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 10) return 1;
  if (c === 13 && text.charCodeAt(p + 1) === 10) return 2;
  return 0;
}

/** Where the physical line holding `p` ends, before its `\n` or `\r\n`. */
export function lineContentEnd(text: string, p: number): number {
  let nl = text.indexOf('\n', p);
  if (nl < 0) return text.length;
  if (nl > p && text.charCodeAt(nl - 1) === 13) nl--;
  return nl;
}

/** Where the next physical line starts (past the `\n`), or the end of the text. */
export function nextLineStart(text: string, p: number): number {
  const nl = text.indexOf('\n', p);
  return nl < 0 ? text.length : nl + 1;
}

/** `[A-Za-z0-9_-]`, the characters of a key word besides `\.`. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** `word <- ("\\." / [A-Za-z0-9_-])+`: past the word at `p`, or `p` when there is none. */
export function scanWord(text: string, p: number): number {
  let i = p;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) i++;
    else if (c === 92 /* \ */ && text.charCodeAt(i + 1) === 46 /* . */) i += 2;
    else return i;
  }
}

/** `[A-Za-z0-9-\_\.\*\/]`, the characters of an include path. */
export function isIncludePathChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 42 || c === 47;
}

/**
 * `comment <- ws* "#" (!crlf .)*` at `p`: where its `#` is and where it ends
 * (before the line break), or undefined when there is no comment there.
 */
export function scanComment(text: string, p: number): { hash: number; end: number } | undefined {
  const hash = skipBlanks(text, p);
  if (text.charCodeAt(hash) !== 35 /* # */) return undefined;
  let end = hash + 1;
  while (end < text.length && lineBreakAt(text, end) === 0) end++;
  return { hash, end };
}

/**
 * `unescaped_value <- (!((ws* crlf) / comment) .)+` from `p`: the value runs
 * to the line break or the `#` of a comment, leaving out the blanks right
 * before either. At the very end of the text nothing follows the trailing
 * blanks, so cuttlefish keeps them in the value.
 */
export function scanPlainValue(text: string, p: number): number {
  let i = p;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ || lineBreakAt(text, i) > 0) return i;
    if (isBlank(c)) {
      const after = skipBlanks(text, i);
      if (after < text.length && (lineBreakAt(text, after) > 0 || text.charCodeAt(after) === 35)) return i;
      i = after;
      continue;
    }
    i++;
  }
  return i;
}

/** Unescapes `\.` in a key word, as conf_parse's `unescape_dots/1`. */
export function unescapeDots(raw: string): string {
  return raw.includes('\\.') ? raw.split('\\.').join('.') : raw;
}

/**
 * `string:trim(Node, both, [$', $\n, "\r\n"])` on a `'''…'''` value: strips
 * quotes and line breaks from both ends (a lone `\r` stays).
 */
export function trimMultiline(node: string): string {
  let start = 0;
  let end = node.length;
  for (;;) {
    if (start < end && (node[start] === "'" || node[start] === '\n')) start++;
    else if (start + 1 < end && node[start] === '\r' && node[start + 1] === '\n') start += 2;
    else break;
  }
  for (;;) {
    if (end > start && (node[end - 1] === "'" || (node[end - 1] === '\n' && node[end - 2] !== '\r'))) end--;
    else if (end - 1 > start && node[end - 2] === '\r' && node[end - 1] === '\n') end -= 2;
    else break;
  }
  return node.slice(start, end);
}
