/**
 * Error messages worded exactly as Erlang's scanner and parser word them,
 * including the way erl_parse prints the offending token
 * (`syntax error before: 'end'`, `… before: "a\nb"`, `… before: 1.0e3`).
 *
 * The printing rules follow io_lib (OTP 25): write_atom, write_string,
 * write_char and the shortest round-trip float format.
 */
import { isLowerLetter, isNameChar } from './chars.js';
import { RESERVED_WORDS, type Token } from './tokens.js';

// ---- io_lib-style printing -------------------------------------------------

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [10, '\\n'], [13, '\\r'], [9, '\\t'], [11, '\\v'], [8, '\\b'], [12, '\\f'], [27, '\\e'], [127, '\\d'],
]);

/** One character as io_lib prints it inside a quoted string or atom. */
function printChar(c: number, quote: number | null): string {
  if (c === quote) return '\\' + String.fromCodePoint(c);
  if (c === 92) return '\\\\';
  if ((c >= 32 && c <= 126) || c >= 160) return String.fromCodePoint(c);
  const named = NAMED_ESCAPES.get(c);
  if (named !== undefined) return named;
  // Remaining controls (0..31, 128..159) print as three octal digits.
  return '\\' + c.toString(8).padStart(3, '0');
}

/** io_lib:write_string/2: `chars` between `quote`s, escaped as Erlang prints them. */
export function writeString(chars: string, quote: '"' | "'" = '"'): string {
  const q = quote.charCodeAt(0);
  let out = quote;
  for (const ch of chars) out += printChar(ch.codePointAt(0)!, q);
  return out + quote;
}

/** io_lib:write_char/1: `$a`, `$\n`, `$\s` for a space. */
export function writeChar(c: number): string {
  return c === 32 ? '$\\s' : '$' + printChar(c, null);
}

/** True when io_lib prints the atom without quotes. */
export function atomNeedsNoQuotes(name: string): boolean {
  if (RESERVED_WORDS.has(name)) return false;
  const first = name.codePointAt(0);
  if (first === undefined || !isLowerLetter(first)) return false;
  for (const ch of name) {
    if (!isNameChar(ch.codePointAt(0)!)) return false;
  }
  return true;
}

/** io_lib:write_atom/1. */
export function writeAtom(name: string): string {
  return atomNeedsNoQuotes(name) ? name : writeString(name, "'");
}

/**
 * Erlang's shortest round-trip float format (io_lib:write/1 of a float):
 * the shortest digits that read back to the same double, written in
 * whichever of plain (`123.5`) or exponent (`1.235e2`) notation is shorter,
 * plain on a tie; always with a digit after the point. Whole numbers from
 * 2^53 up, where doubles no longer hold every integer, always get an exponent.
 */
export function formatFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  // toExponential() without an argument yields the shortest round-trip digits.
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const scientific = digits[0] + '.' + (digits.length > 1 ? digits.slice(1) : '0') + 'e' + exponent;
  if (exponent >= 0 && exponent + 1 < digits.length) {
    return sign + digits.slice(0, exponent + 1) + '.' + digits.slice(exponent + 1); // the point falls inside the digits
  }
  let plain: string;
  if (exponent < 0) {
    plain = '0.' + '0'.repeat(-exponent - 1) + digits;
  } else {
    if (Math.abs(value) >= 2 ** 53) return sign + scientific;
    plain = digits + '0'.repeat(exponent + 1 - digits.length) + '.0';
  }
  return sign + (plain.length <= scientific.length ? plain : scientific);
}

// ---- tokens in parser messages ------------------------------------------

/** A token as erl_parse prints it after `syntax error before: `. */
export function tokenForMessage(token: Token): string {
  switch (token.type) {
    case 'atom': return writeAtom(String(token.value));
    case 'var': return String(token.value);
    case 'integer': return String(token.value);
    case 'float': return formatFloat(Number(token.value));
    case 'char': return writeChar(Number(token.value));
    case 'string': return writeString(String(token.value));
    case 'dot': return "'.'";
    case '$end': return '';
    default: return writeAtom(token.type);
  }
}

// ---- the messages ---------------------------------------------------------

export function syntaxErrorBefore(token: Token): string {
  return 'syntax error before: ' + tokenForMessage(token);
}

export const BAD_TERM = 'bad term';
export const HEAD_MISMATCH = 'head mismatch';
export const ILLEGAL_CHARACTER = 'illegal character';
export const UNTERMINATED_CHARACTER = 'unterminated character';
/** Not an Erlang message: our own limit on nesting (see parse.ts). */
export const TOO_DEEP = 'nesting too deep to check (more than about 300000 levels)';

export function illegal(what: 'atom' | 'var' | 'integer' | 'float'): string {
  return 'illegal ' + what;
}

export function illegalBase(base: bigint): string {
  return `illegal base '${base}'`;
}

/**
 * `unterminated string starting with "…"` / `unterminated atom starting
 * with '…'`: Erlang shows the first 16 grapheme clusters of the (decoded)
 * text read after the opening quote.
 */
export function unterminated(quote: '"' | "'", content: string): string {
  const what = quote === '"' ? 'string' : 'atom';
  return `unterminated ${what} starting with ${writeString(firstGraphemes(content, 16), quote)}`;
}

let segmenter: Intl.Segmenter | undefined;

function firstGraphemes(text: string, count: number): string {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let end = 0;
  let seen = 0;
  // The segment iterator is lazy: only the needed prefix is segmented.
  for (const { segment, index } of segmenter.segment(text)) {
    if (seen === count) break;
    end = index + segment.length;
    seen++;
  }
  return text.slice(0, end);
}
