/**
 * The scanner: text -> tokens, comments and scanner errors, following OTP
 * 25's erl_scan as file:consult/1 drives it.
 *
 * Unlike erl_scan it never stops: after an error it records the error and
 * goes on (skipping an illegal character, keeping a too-long atom…), so that
 * the parser can still build a tree for the rest of the file. Each error
 * remembers how many tokens came before it, which tells the parser which
 * form (dot-terminated term) it belongs to.
 */
import type { ErlangComment } from './ast.js';
import {
  baseDigitValue, codePointAt, codeUnits, isDigit, isLowerLetter, isNameChar, isUnicodeScalar,
  isUpperLetter, isWhitespace,
} from './chars.js';
import { decodeEscape } from './escapes.js';
import {
  ILLEGAL_CHARACTER, UNTERMINATED_CHARACTER, illegal, illegalBase, unterminated,
} from './messages.js';
import { MULTI_CHAR_SYMBOLS, RESERVED_WORDS, type Token, type TokenType } from './tokens.js';
import type { Span } from '../../core/text.js';

/** A scanner error, in Erlang's words. */
export interface ScanError {
  readonly span: Span;
  /** Erlang's 1-based line for it. */
  readonly line: number;
  readonly message: string;
  /** Number of tokens scanned before the error: it belongs to the form that token index falls in. */
  readonly tokenIndex: number;
}

export interface ScanResult {
  readonly tokens: readonly Token[];
  readonly comments: readonly ErlangComment[];
  readonly errors: readonly ScanError[];
}

/** First characters of the multi-character symbols: only these need the longer look. */
const MULTI_CHAR_STARTS: ReadonlySet<number> = new Set(MULTI_CHAR_SYMBOLS.map((s) => s.charCodeAt(0)));

/** Longest name erl_scan accepts (list_to_atom/1's limit), in characters. */
const MAX_NAME_LENGTH = 255;

export function scan(text: string): ScanResult {
  return new Scanner(text).run();
}

/** Where a pull-mode scan can be resumed in array mode: a form's start. */
export interface ScanPoint {
  readonly pos: number;
  readonly line: number;
  /** Comments found before that point (they are kept). */
  readonly comments: number;
}

/**
 * The scanner. `run()` scans the whole text into an array of tokens; in
 * pull mode (`nextToken()`) it scans one token at a time into the `token*`
 * fields instead, without allocating a token object — the fast path for
 * plain terms reads them there. A pull-mode scan can be turned into an
 * array scan of the rest of the text with `resumeAt`.
 */
export class Scanner {
  private pos = 0;
  private line = 1;
  private tokens: Token[] = [];
  private readonly comments: ErlangComment[] = [];
  private readonly errors: ScanError[] = [];
  private pull = false;
  /** Tokens produced in pull mode so far. */
  private produced = 0;

  // The last token scanned in pull mode.
  tokenType: TokenType = '$end';
  tokenStart = 0;
  tokenEnd = 0;
  tokenValue: Token['value'] = undefined;
  tokenWritten: Token['written'] = undefined;

  constructor(private readonly text: string) {}

  run(): ScanResult {
    this.pull = false;
    while (this.pos < this.text.length) this.step();
    return { tokens: this.tokens, comments: this.comments, errors: this.errors };
  }

  /**
   * Pull mode: scans up to and including the next token and leaves it in
   * the `token*` fields. False at the end of the text (the fields then hold
   * a `$end` at the end).
   */
  nextToken(): boolean {
    this.pull = true;
    const before = this.produced;
    while (this.pos < this.text.length) {
      this.step();
      if (this.produced !== before) return true;
    }
    this.tokenType = '$end';
    this.tokenStart = this.tokenEnd = this.text.length;
    return false;
  }

  /** Scanner errors so far (a pull-mode reader gives up at the first). */
  get errorCount(): number {
    return this.errors.length;
  }

  /** The comments scanned so far (pull mode collects them too). */
  get commentsSoFar(): readonly ErlangComment[] {
    return this.comments;
  }

  /** Where the next token's scan starts: a point to resume from. */
  point(): ScanPoint {
    return { pos: this.pos, line: this.line, comments: this.comments.length };
  }

  /** Forgets everything scanned after `point`, to scan on from there with `run()`. */
  resumeAt(point: ScanPoint): void {
    this.pos = point.pos;
    this.line = point.line;
    this.comments.length = point.comments;
    this.errors.length = 0;
    this.tokens = [];
  }

  /** Scans one thing: a blank, a comment or a token. */
  private step(): void {
    const { text } = this;
    const c = codePointAt(text, this.pos);
    if (c === 10) {
      this.line++;
      this.pos++;
    } else if (isWhitespace(c)) {
      this.pos++;
    } else if (c === 37 /* % */) {
      this.comment();
    } else if (isLowerLetter(c)) {
      this.atomOrKeyword();
    } else if (isUpperLetter(c) || c === 95 /* _ */) {
      this.variable();
    } else if (isDigit(c)) {
      this.number();
    } else if (c === 36 /* $ */) {
      this.character();
    } else if (c === 39 /* ' */) {
      this.quoted("'");
    } else if (c === 34 /* " */) {
      this.quoted('"');
    } else if (c === 46 /* . */) {
      this.fullStopOrDots();
    } else if (c <= 255) {
      this.punctuation();
    } else {
      // Letters beyond Latin-1 (and lone surrogates) exist only inside quotes.
      this.error(this.pos, this.pos + codeUnits(c), ILLEGAL_CHARACTER);
      this.pos += codeUnits(c);
    }
  }

  // ---- helpers -------------------------------------------------------------

  private push(
    type: TokenType, start: number, end: number, value?: Token['value'], invalid = false, line = this.line,
    written?: Token['written'],
  ): void {
    if (this.pull) {
      this.produced++;
      this.tokenType = type;
      this.tokenStart = start;
      this.tokenEnd = end;
      this.tokenValue = value;
      this.tokenWritten = written;
      return;
    }
    // Every token has every field, so that the parser's property reads see one object shape.
    this.tokens.push({ type, start, end, line, value, invalid, written });
  }

  private error(start: number, end: number, message: string, line = this.line): void {
    this.errors.push({ span: { start, end }, line, message, tokenIndex: this.tokens.length });
  }

  /** Scans name characters from `from`; returns the end offset (names are one code unit per character). */
  private nameEnd(from: number): number {
    const { text } = this;
    let end = from;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    return end;
  }

  // ---- token kinds ---------------------------------------------------------

  private comment(): void {
    const { text } = this;
    const start = this.pos;
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10) {
      const c = codePointAt(text, end);
      if (!isUnicodeScalar(c)) this.error(end, end + codeUnits(c), ILLEGAL_CHARACTER);
      end += codeUnits(c);
    }
    let bodyStart = start;
    while (bodyStart < end && text.charCodeAt(bodyStart) === 37) bodyStart++;
    this.comments.push({ span: { start, end }, text: text.slice(bodyStart, end).trim() });
    this.pos = end;
  }

  private atomOrKeyword(): void {
    const start = this.pos;
    const end = this.nameEnd(start);
    const name = this.text.slice(start, end);
    this.pos = end;
    if (RESERVED_WORDS.has(name)) {
      this.push(name, start, end);
      return;
    }
    const tooLong = end - start > MAX_NAME_LENGTH;
    if (tooLong) this.error(start, end, illegal('atom'));
    this.push('atom', start, end, name, tooLong);
  }

  private variable(): void {
    const start = this.pos;
    const end = this.nameEnd(start);
    this.pos = end;
    const tooLong = end - start > MAX_NAME_LENGTH;
    if (tooLong) this.error(start, end, illegal('var'));
    this.push('var', start, end, this.text.slice(start, end), tooLong);
  }

  /**
   * Digits with single `_` separators between digits (`1_000`), valid in
   * `base` (10 for decimal). Returns the end offset and the digits.
   */
  private digits(from: number, base: number): { end: number; digits: string } {
    const { text } = this;
    let end = from;
    // Fast path: a plain run of digits, taken as one slice.
    while (end < text.length && baseDigitValue(text.charCodeAt(end), base) >= 0) end++;
    if (text.charCodeAt(end) !== 95 /* _ */) return { end, digits: text.slice(from, end) };
    let digits = text.slice(from, end);
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (baseDigitValue(c, base) >= 0) {
        digits += text[end];
        end++;
      } else if (c === 95 && digits !== '' && end + 1 < text.length && baseDigitValue(text.charCodeAt(end + 1), base) >= 0) {
        end++; // the separator; the digit after it is taken next round
      } else {
        break;
      }
    }
    return { end, digits };
  }

  private number(): void {
    const { text } = this;
    const start = this.pos;
    const whole = this.digits(start, 10);
    const next = text.charCodeAt(whole.end);
    if (next === 46 /* . */ && isDigit(text.charCodeAt(whole.end + 1))) {
      this.float(start, whole.digits, whole.end + 1);
    } else if (next === 35 /* # */) {
      this.basedInteger(start, BigInt(whole.digits), whole.end + 1);
    } else {
      this.pos = whole.end;
      this.push('integer', start, whole.end, BigInt(whole.digits));
    }
  }

  private float(start: number, integerPart: string, fractionStart: number): void {
    const { text } = this;
    const fraction = this.digits(fractionStart, 10);
    let end = fraction.end;
    let source = integerPart + '.' + fraction.digits;
    const e = text.charCodeAt(end);
    if (e === 101 || e === 69 /* e E */) {
      end++;
      let sign = '';
      const s = text.charCodeAt(end);
      if (s === 43 || s === 45 /* + - */) {
        sign = text[end];
        end++;
      }
      const exponent = this.digits(end, 10);
      end = exponent.end;
      // `1.0e` with no exponent digits is not a float to Erlang.
      source = exponent.digits === '' ? '' : source + 'e' + sign + exponent.digits;
    }
    this.pos = end;
    const value = source === '' ? NaN : Number(source);
    if (!Number.isFinite(value)) {
      this.error(start, end, illegal('float'));
      this.push('float', start, end, 0, true);
      return;
    }
    this.push('float', start, end, value);
  }

  private basedInteger(start: number, base: bigint, digitsStart: number): void {
    if (base < 2n || base > 36n) {
      // Resume after the would-be digits, so the rest is not read as tokens.
      const resume = this.nameEnd(digitsStart);
      this.error(start, resume, illegalBase(base));
      this.pos = resume;
      this.push('integer', start, resume, 0n, true);
      return;
    }
    const radix = Number(base);
    const { end, digits } = this.digits(digitsStart, radix);
    this.pos = end;
    if (digits === '') {
      this.error(start, end, illegal('integer'));
      this.push('integer', start, end, 0n, true);
      return;
    }
    this.push('integer', start, end, parseBigInt(digits, radix), false, this.line, 'based');
  }

  /** `$c`, `$\n`, `$\x{263A}`… */
  private character(): void {
    const { text } = this;
    const start = this.pos;
    const line = this.line;
    const at = start + 1;
    if (at >= text.length) return this.badCharacter(start, text.length, UNTERMINATED_CHARACTER);
    const c = codePointAt(text, at);
    if (c === 92 /* \ */) {
      const escape = decodeEscape(text, at + 1);
      if (escape.kind === 'eof') return this.badCharacter(start, text.length, UNTERMINATED_CHARACTER);
      if (escape.kind === 'illegal') return this.badCharacter(start, escape.end, ILLEGAL_CHARACTER);
      this.pos = escape.end;
      this.push('char', start, escape.end, BigInt(escape.value), false, line);
      this.line += escape.newlines;
      return;
    }
    if (!isUnicodeScalar(c)) return this.badCharacter(start, at + codeUnits(c), ILLEGAL_CHARACTER);
    this.pos = at + codeUnits(c);
    this.push('char', start, this.pos, BigInt(c), false, line);
    if (c === 10) this.line++;
  }

  private badCharacter(start: number, end: number, message: string): void {
    this.error(start, end, message);
    this.pos = end;
    this.push('char', start, end, 0n, true);
  }

  /** A string (`"`) or quoted atom (`'`). */
  private quoted(quote: '"' | "'"): void {
    const { text } = this;
    const start = this.pos;
    const startLine = this.line;
    const q = quote.charCodeAt(0);
    let pos = start + 1;
    let value = '';
    let invalid = false;
    for (;;) {
      if (pos >= text.length) {
        this.unterminatedQuote(quote, start, startLine, value);
        invalid = true;
        break;
      }
      const c = codePointAt(text, pos);
      if (c === q) {
        pos++;
        break;
      }
      if (c === 92 /* \ */) {
        const escape = decodeEscape(text, pos + 1);
        if (escape.kind === 'eof') {
          pos = text.length;
          continue;
        }
        if (escape.kind === 'illegal') {
          this.error(pos, escape.end, ILLEGAL_CHARACTER);
          invalid = true;
          pos = escape.end;
          continue;
        }
        value += String.fromCodePoint(escape.value);
        this.line += escape.newlines;
        pos = escape.end;
        continue;
      }
      if (!isUnicodeScalar(c)) {
        this.error(pos, pos + codeUnits(c), ILLEGAL_CHARACTER);
        invalid = true;
        pos += codeUnits(c);
        continue;
      }
      // Copy the run of ordinary characters up to the next quote, backslash,
      // newline or suspicious code unit in one slice.
      let end = pos + codeUnits(c);
      if (c === 10) this.line++;
      while (end < text.length && isPlainQuotedUnit(text.charCodeAt(end), q)) end++;
      value += text.slice(pos, end);
      pos = end;
    }
    this.pos = pos;
    if (quote === '"') {
      this.push('string', start, pos, value, invalid, startLine);
      return;
    }
    if (!invalid && countCodePoints(value) > MAX_NAME_LENGTH) {
      this.error(start, pos, illegal('atom'), startLine);
      invalid = true;
    }
    this.push('atom', start, pos, value, invalid, startLine, 'quoted');
  }

  private unterminatedQuote(quote: '"' | "'", start: number, startLine: number, content: string): void {
    // Mark the opening quote up to the end of its line: the whole rest of the
    // file would be an unhelpful squiggle.
    const newline = this.text.indexOf('\n', start);
    const end = newline === -1 ? this.text.length : newline;
    this.error(start, end, unterminated(quote, content), startLine);
  }

  /** `...`, `..`, a full stop ending a form, or a plain `.` (record syntax). */
  private fullStopOrDots(): void {
    const { text } = this;
    const start = this.pos;
    if (text.startsWith('...', start)) return this.symbol('...', start);
    if (text.startsWith('..', start)) return this.symbol('..', start);
    const after = start + 1;
    const next = after < text.length ? codePointAt(text, after) : -1;
    const endsForm = next === -1 || next === 37 /* % */ || isWhitespace(next);
    this.pos = after;
    this.push(endsForm ? 'dot' : '.', start, after);
  }

  private punctuation(): void {
    const start = this.pos;
    if (MULTI_CHAR_STARTS.has(this.text.charCodeAt(start))) {
      for (const symbol of MULTI_CHAR_SYMBOLS) {
        if (this.text.startsWith(symbol, start)) return this.symbol(symbol, start);
      }
    }
    this.symbol(this.text[start], start);
  }

  private symbol(symbol: string, start: number): void {
    this.pos = start + symbol.length;
    this.push(symbol, start, this.pos);
  }
}

/** A UTF-16 unit that stands for itself inside quotes (not a quote, `\\`, newline, surrogate or U+FFFE/F). */
function isPlainQuotedUnit(u: number, quote: number): boolean {
  return u !== quote && u !== 92 && u !== 10 && (u < 0xd800 || (u > 0xdfff && u < 0xfffe));
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Digits in `radix` (2..36) to a bigint, in linear-ish chunks. */
function parseBigInt(digits: string, radix: number): bigint {
  if (radix === 10) return BigInt(digits);
  if (radix === 16) return BigInt('0x' + digits);
  if (radix === 8) return BigInt('0o' + digits);
  if (radix === 2) return BigInt('0b' + digits);
  const big = BigInt(radix);
  let value = 0n;
  for (const d of digits.toLowerCase()) value = value * big + BigInt(parseInt(d, radix));
  return value;
}
