/**
 * Backslash escapes in strings, quoted atoms and `$\c` character literals,
 * decoded as OTP 25's erl_scan decodes them.
 *
 *   \101        1 to 3 octal digits (up to \777 = 511)
 *   \x41        exactly two hex digits
 *   \x{263A}    any number of hex digits, a Unicode scalar value
 *   \^a         control character: the next character's code AND 31
 *   \n \r \t \v \b \f \e \s \d   LF CR TAB VT BS FF ESC SPACE DEL
 *   \<newline>  a newline
 *   \<other>    the character itself (`\'`, `\"`, `\\`, `\q` is `q`)
 */
import { codePointAt, codeUnits, hexDigitValue, isOctalDigit, isUnicodeScalar } from './chars.js';

export type EscapeResult =
  /** `end`: offset just past the escape. `newlines`: line breaks it consumed (they count as lines). */
  | { readonly kind: 'char'; readonly value: number; readonly end: number; readonly newlines: number }
  /** The text ended inside the escape: the string or character is unterminated. */
  | { readonly kind: 'eof' }
  /** An invalid escape; `end` is where scanning can resume. */
  | { readonly kind: 'illegal'; readonly end: number };

const SIMPLE_ESCAPES: ReadonlyMap<number, number> = new Map([
  [110 /* n */, 10], [114 /* r */, 13], [116 /* t */, 9], [118 /* v */, 11], [98 /* b */, 8],
  [102 /* f */, 12], [101 /* e */, 27], [115 /* s */, 32], [100 /* d */, 127],
]);

/** Decodes the escape whose backslash is just before `at`. */
export function decodeEscape(text: string, at: number): EscapeResult {
  if (at >= text.length) return { kind: 'eof' };
  const c = codePointAt(text, at);
  if (isOctalDigit(c)) return octalEscape(text, at);
  if (c === 120 /* x */) return hexEscape(text, at + 1);
  if (c === 94 /* ^ */) return caretEscape(text, at + 1);
  if (c === 10) return { kind: 'char', value: 10, end: at + 1, newlines: 1 };
  if (!isUnicodeScalar(c)) return { kind: 'illegal', end: at + codeUnits(c) };
  return { kind: 'char', value: SIMPLE_ESCAPES.get(c) ?? c, end: at + codeUnits(c), newlines: 0 };
}

function octalEscape(text: string, at: number): EscapeResult {
  let value = 0;
  let end = at;
  while (end < at + 3 && end < text.length && isOctalDigit(text.charCodeAt(end))) {
    value = value * 8 + (text.charCodeAt(end) - 48);
    end++;
  }
  return { kind: 'char', value, end, newlines: 0 };
}

function hexEscape(text: string, at: number): EscapeResult {
  if (at >= text.length) return { kind: 'eof' };
  if (text.charCodeAt(at) === 123 /* { */) return bracedHexEscape(text, at + 1);
  const high = hexDigitValue(text.charCodeAt(at));
  const low = at + 1 < text.length ? hexDigitValue(text.charCodeAt(at + 1)) : -1;
  if (high >= 0 && low >= 0) return { kind: 'char', value: high * 16 + low, end: at + 2, newlines: 0 };
  // `\xg`, `\x4"`… are illegal. (`\x4` at the very end of the file makes
  // OTP 25's file:consult crash; illegal character is what it means.)
  return { kind: 'illegal', end: at };
}

function bracedHexEscape(text: string, at: number): EscapeResult {
  let end = at;
  while (end < text.length && hexDigitValue(text.charCodeAt(end)) >= 0) end++;
  if (end >= text.length) return { kind: 'eof' };
  if (text.charCodeAt(end) !== 125 /* } */ || end === at) return { kind: 'illegal', end: end === at ? end + 1 : end };
  // Leading zeros aside, more than 6 significant digits is out of range anyway.
  const digits = text.slice(at, end).replace(/^0+/, '');
  const value = digits.length > 7 ? -1 : parseInt(digits || '0', 16);
  if (!isUnicodeScalar(value)) return { kind: 'illegal', end: end + 1 };
  return { kind: 'char', value, end: end + 1, newlines: 0 };
}

function caretEscape(text: string, at: number): EscapeResult {
  if (at >= text.length) return { kind: 'eof' };
  const c = codePointAt(text, at);
  // OTP 25 takes any character here, even a newline, and does not count
  // that newline as a line: we do the same so that later lines agree.
  return { kind: 'char', value: c & 31, end: at + codeUnits(c), newlines: 0 };
}
