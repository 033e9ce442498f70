/**
 * Character classes of Erlang's scanner (erl_scan, OTP 25).
 *
 * Erlang source is a sequence of Unicode code points, but outside strings,
 * quoted atoms and comments the scanner only knows Latin-1: letters above 255
 * are illegal there, and the Latin-1 punctuation characters are tokens of
 * their own. All functions take a code point.
 */

/** Code points 0..32 and 128..160 (includes NBSP and the C1 controls) separate tokens. */
export function isWhitespace(c: number): boolean {
  return (c >= 0 && c <= 32) || (c >= 128 && c <= 160);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Lower-case Latin-1 letters: what an unquoted atom may start with. */
export function isLowerLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** Upper-case Latin-1 letters: with `_`, what a variable starts with. */
export function isUpperLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Characters that continue an atom or variable name. */
export function isNameChar(c: number): boolean {
  return isLowerLetter(c) || isUpperLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 64 /* @ */;
}

/**
 * Code points Erlang accepts inside strings, quoted atoms, comments and
 * `$c` literals: everything but surrogates and the non-characters
 * U+FFFE and U+FFFF.
 */
export function isUnicodeScalar(c: number): boolean {
  return (c >= 0 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) || (c > 0xffff && c <= 0x10ffff);
}

export function isOctalDigit(c: number): boolean {
  return c >= 48 && c <= 55;
}

/** Value of a hexadecimal digit, or -1. */
export function hexDigitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Value of a digit in `base` (2..36, letters either case), or -1 when not a digit of that base. */
export function baseDigitValue(c: number, base: number): number {
  let v = -1;
  if (c >= 48 && c <= 57) v = c - 48;
  else if (c >= 65 && c <= 90) v = c - 55;
  else if (c >= 97 && c <= 122) v = c - 87;
  return v >= 0 && v < base ? v : -1;
}

/** Number of UTF-16 code units of code point `c`. */
export function codeUnits(c: number): number {
  return c > 0xffff ? 2 : 1;
}

/**
 * The code point at `offset`. A lone surrogate is returned as is (it is not
 * a Unicode scalar, so the scanner rejects it).
 */
export function codePointAt(text: string, offset: number): number {
  return text.codePointAt(offset) ?? -1;
}
