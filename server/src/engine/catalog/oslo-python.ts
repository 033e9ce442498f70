/**
 * The few Python 3 behaviours oslo_config.types builds on, emulated so that
 * our verdicts and messages match oslo.config's exactly:
 * `repr()` of a str, `str.strip()`, `int(text)`, `float(text)` and `'%g' % x`.
 *
 * Reference: CPython 3.11 (Debian 12's /usr/bin/python3, the oracle of
 * test/catalog/oslo-values.test.ts). Unicode tables are JavaScript's, which
 * may be a Unicode version newer than the Python's: only characters assigned
 * in between can be judged differently.
 */

/** Whether `cp` is whitespace to `str.isspace()` / `str.strip()`. */
export function pyIsSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    (cp >= 0x1c && cp <= 0x20) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** `str.strip()` with no argument. */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  // Every Python whitespace character is in the BMP, so code units will do.
  while (start < end && pyIsSpace(s.charCodeAt(start))) start++;
  while (end > start && pyIsSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Characters `str.isprintable()` rejects (besides the ASCII controls): separators, format, unassigned… */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** Python's `repr()` of a str: quotes chosen as Python does, escapes for what is not printable. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (cp !== 0x20 && NON_PRINTABLE.test(ch)) {
      out += cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
    } else out += ch;
  }
  return out + quote;
}

/** The first `n` characters (code points) of `s`, as `%.200R` cuts a repr. */
function firstCodePoints(s: string, n: number): string {
  let i = 0;
  let count = 0;
  while (i < s.length && count < n) {
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

/** Decimal values of Unicode digits (category Nd), found once per character. */
const decimalCache = new Map<number, number>();
const IS_DECIMAL = /^\p{Nd}$/u;

function isDecimal(cp: number): boolean {
  return IS_DECIMAL.test(String.fromCodePoint(cp));
}

/**
 * The decimal value of a Unicode digit, or -1. Unicode keeps every Nd digit
 * in runs of ten consecutive code points 0…9, so a digit's value is its
 * distance from the start of its run of Nd characters, modulo 10.
 */
function decimalValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  const cached = decimalCache.get(cp);
  if (cached !== undefined) return cached;
  let value = -1;
  if (isDecimal(cp)) {
    let start = cp;
    while (isDecimal(start - 1)) start--;
    value = (cp - start) % 10;
  }
  decimalCache.set(cp, value);
  return value;
}

/** Non-ASCII whitespace that int() and float() read as a space (ASCII 0x1c–0x1f are not). */
function isNumberSpace(cp: number): boolean {
  return cp >= 0x80 && pyIsSpace(cp);
}

/** Whitespace int() and float() skip around the number, once non-ASCII spaces became ' '. */
function isAsciiSpace(c: string): boolean {
  return c === ' ' || (c >= '\t' && c <= '\r');
}

/**
 * What int() and float() parse: non-ASCII spaces become ' ', Unicode digits
 * become ASCII digits; any other non-ASCII character (and DEL) ends the text
 * with a '?', which no number syntax accepts.
 */
function numberText(s: string): string {
  if (/^[\x00-\x7e]*$/.test(s)) return s; // nothing to translate
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f) {
      out += ch;
      continue;
    }
    if (isNumberSpace(cp)) {
      out += ' ';
      continue;
    }
    const d = decimalValue(cp);
    if (d < 0) return out + '?';
    out += String(d);
  }
  return out;
}

/** Strips the whitespace int()/float() skip. */
function stripAscii(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isAsciiSpace(s[start])) start++;
  while (end > start && isAsciiSpace(s[end - 1])) end--;
  return s.slice(start, end);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** int()'s guard against quadratic conversions (sys.get_int_max_str_digits()). */
const INT_MAX_STR_DIGITS = 4300;

export type PyParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** `int(text)` (base 10): the value, or the ValueError's message. */
export function pyInt(text: string): PyParse<bigint> {
  const invalid = { ok: false as const, message: `invalid literal for int() with base 10: ${firstCodePoints(pyRepr(text), 200)}` };
  const s = stripAscii(numberText(text));
  let i = 0;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  const start = i;
  let digits = 0;
  let prev = '';
  for (; i < s.length && (isDigit(s[i]) || s[i] === '_'); i++) {
    if (s[i] === '_') {
      if (!isDigit(prev)) return invalid; // "__", or "_" first
    } else digits++;
    prev = s[i];
  }
  if (prev === '_') return invalid;
  // Checked before what follows the digits, as CPython does.
  if (digits > INT_MAX_STR_DIGITS) {
    return {
      ok: false,
      message:
        `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: ` +
        `value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    };
  }
  if (digits === 0 || i !== s.length) return invalid;
  const value = BigInt(s.slice(start, i).replaceAll('_', ''));
  return { ok: true, value: negative ? -value : value };
}

/**
 * Removes the underscores float() allows (each one between two digits);
 * undefined when one is misplaced.
 */
function withoutUnderscores(s: string): string | undefined {
  if (!s.includes('_')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '_') out += s[i];
    else if (!isDigit(s[i - 1]) || !isDigit(s[i + 1])) return undefined;
  }
  return out;
}

/** Length of the run of ASCII digits at `i`. */
function digitRun(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j - i;
}

/** Whether `s` is a decimal float literal: sign, digits with an optional point, optional exponent. */
function isDecimalLiteral(s: string): boolean {
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  const whole = digitRun(s, i);
  i += whole;
  let fraction = 0;
  if (s[i] === '.') {
    fraction = digitRun(s, i + 1);
    i += 1 + fraction;
  }
  if (whole + fraction === 0) return false;
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j++;
    const exponent = digitRun(s, j);
    if (exponent === 0) return false;
    i = j + exponent;
  }
  return i === s.length;
}

/** `float(text)`: the value, or the ValueError's message. */
export function pyFloat(text: string): PyParse<number> {
  const invalid = { ok: false as const, message: `could not convert string to float: ${pyRepr(text)}` };
  const s = withoutUnderscores(stripAscii(numberText(text)));
  if (s === undefined) return invalid;
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const magnitude = special[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return { ok: true, value: special[1] === '-' ? -magnitude : magnitude };
  }
  if (!isDecimalLiteral(s)) return invalid;
  return { ok: true, value: Number(s) };
}

/**
 * A decimal fraction without the zeros that end it, and without its point
 * when nothing follows it: `1.500` → `1.5`, `2.000` → `2`.
 */
export function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
  if (end > 0 && digits.charCodeAt(end - 1) === 0x2e) end--;
  return digits.slice(0, end);
}

/** `'%g' % x`: six significant digits, exponent form outside 1e-4 ≤ |x| < 1e6. */
export function pyFormatG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, exp] = x.toExponential(5).split('e');
  const exponent = Number(exp);
  const trim = (digits: string) => (digits.includes('.') ? withoutTrailingZeros(digits) : digits);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${trim(mantissa)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return trim(x.toFixed(5 - exponent));
}
