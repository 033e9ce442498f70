/**
 * The fast path for plain terms: nearly every form of a real config is
 * nothing but lists, tuples, literals and simple binaries, ending at its dot.
 * Such a form is built here in one loop, pulling its tokens from the scanner
 * one at a time (no token objects), with an explicit stack — no grammar
 * rules, no generators, no error recovery — into exactly the nodes the
 * general parser (forms.ts and its rules) would build.
 *
 * At the first token outside that subset (a map, a list tail, an operator
 * other than a sign on a number, a bit-syntax size or type, a variable, a
 * scanner error, anything unexpected) it gives up on that form: the caller
 * scans the rest of the text into tokens and parses it with the general
 * rules, which also report the errors. So this
 * module never decides whether a form is valid; it only recognises the
 * forms that plainly are.
 */
import type { Span } from '../../core/text.js';
import type {
  BinaryNode, BinarySegment, BitString, ErlangForm, TypeSpecifier, ErlangNode, FloatNode, IntegerNode, StringNode,
} from './ast.js';
import type { ScanPoint, Scanner } from './lexer.js';
import type { Token } from './tokens.js';

/**
 * Nesting deeper than this goes to the general parser, which owns the
 * limit on nesting and its error.
 */
const MAX_DEPTH = 10_000;

/** A bracket being filled: what closes it, where it opened, what it holds so far. */
interface Frame {
  readonly closer: ']' | '}' | '>>';
  readonly start: number;
  readonly items: ErlangNode[];
}

/** The forms read by the fast path, and where the general parser takes over. */
export interface PlainForms {
  readonly forms: ErlangForm[];
  /** The start of the first form that is not a plain term (null: there is none). */
  readonly resume: ScanPoint | null;
}

/**
 * Reads plain-term forms from the start of the text with `scanner` in pull
 * mode, up to the first form that is anything else (or has a scanner
 * error, or no dot).
 */
export function readPlainForms(scanner: Scanner): PlainForms {
  const forms: ErlangForm[] = [];
  for (;;) {
    const point = scanner.point();
    const more = scanner.nextToken();
    if (scanner.errorCount > 0) return { forms, resume: point };
    if (!more) return { forms, resume: null };
    const form = plainForm(scanner);
    if (form === null) return { forms, resume: point };
    forms.push(form);
  }
}

/** Moves to the next token; false at the end of the text or at a scanner error. */
function advance(scanner: Scanner): boolean {
  return scanner.nextToken() && scanner.errorCount === 0;
}

/** The form whose first token is the scanner's current one, up to its dot; null when it is not a plain term. */
function plainForm(scanner: Scanner): ErlangForm | null {
  const formStart = scanner.tokenStart;
  const term = plainValue(scanner);
  if (term === null || scanner.tokenType !== 'dot') return null;
  const dot = { start: scanner.tokenStart, end: scanner.tokenEnd };
  return { span: { start: formStart, end: dot.end }, term, expressions: [term], dot };
}

/**
 * The plain term whose first token is the scanner's current one, leaving
 * the scanner on the token after it; null when it is not a plain term (or
 * the text ends right after it).
 */
export function plainValue(scanner: Scanner): ErlangNode | null {
  const stack: Frame[] = [];
  for (;;) {
    // Here a value starts: open a bracket, or read a leaf.
    const type = scanner.tokenType;
    const inBinary = stack.length > 0 && stack[stack.length - 1].closer === '>>';
    let value: ErlangNode | null;
    if (type === '[' || type === '{' || type === '<<') {
      // Inside a binary a bracket is a segment that needs types: not plain.
      if (inBinary || stack.length >= MAX_DEPTH) return null;
      const closer = type === '[' ? ']' : type === '{' ? '}' : '>>';
      const start = scanner.tokenStart;
      if (!advance(scanner)) return null;
      if (scanner.tokenType !== closer) {
        stack.push({ closer, start, items: [] });
        continue;
      }
      value = emptyBracket(closer, start, scanner.tokenEnd);
      if (!advance(scanner)) return null;
    } else {
      value = leaf(scanner, inBinary);
      if (value === null) return null;
    }
    // A value is complete and the scanner is on the token after it.
    for (;;) {
      if (stack.length === 0) return value;
      const frame = stack[stack.length - 1];
      frame.items.push(value);
      const next = scanner.tokenType;
      if (next === ',') {
        if (!advance(scanner)) return null;
        break;
      }
      if (next !== frame.closer) return null;
      stack.pop();
      value = closedBracket(frame, scanner.tokenEnd);
      if (!advance(scanner)) return null;
    }
  }
}

// ---- leaves ------------------------------------------------------------------

/**
 * The leaf starting at the current token, leaving the scanner on the token
 * after it; null when no plain leaf starts there. Adjacent strings are one
 * leaf; a sign counts only directly before a number, and never inside a
 * binary, where atoms and floats are not plain either.
 */
function leaf(scanner: Scanner, inBinary: boolean): ErlangNode | null {
  const type = scanner.tokenType;
  const start = scanner.tokenStart;
  const end = scanner.tokenEnd;
  const value = scanner.tokenValue;
  const written = scanner.tokenWritten;
  switch (type) {
    case 'atom':
      if (inBinary || !advance(scanner)) return null;
      return { kind: 'atom', span: { start, end }, name: value as string, quoted: written === 'quoted' };
    case 'integer':
    case 'char':
      if (!advance(scanner)) return null;
      return integer(type, value as bigint, written, { start, end }, null);
    case 'float':
      if (inBinary || !advance(scanner)) return null;
      return float(value as number, { start, end }, null);
    case 'string':
      return strings(scanner);
    case '-':
    case '+': {
      if (inBinary || !advance(scanner)) return null;
      // A sign on a number: folded into the number, as the general parser does.
      const operand = scanner.tokenType;
      const n = scanner.tokenValue;
      const span = { start, end: scanner.tokenEnd };
      if (operand !== 'integer' && operand !== 'char' && operand !== 'float') return null;
      const numberWritten = scanner.tokenWritten;
      if (!advance(scanner)) return null;
      return operand === 'float' ? float(n as number, span, type) : integer(operand, n as bigint, numberWritten, span, type);
    }
    default:
      return null;
  }
}

function integer(type: string, written: bigint, how: Token['written'], span: Span, sign: '-' | '+' | null): IntegerNode {
  return {
    kind: 'integer',
    span,
    value: sign === '-' ? -written : written,
    notation: type === 'char' ? 'char' : how === 'based' ? 'based' : 'decimal',
    sign,
  };
}

function float(written: number, span: Span, sign: '-' | '+' | null): FloatNode {
  return { kind: 'float', span, value: sign === '-' ? -written : written, sign };
}

/** Adjacent string literals from the current token on: one string. Null at the end of the text. */
function strings(scanner: Scanner): StringNode | null {
  const start = scanner.tokenStart;
  let end = scanner.tokenEnd;
  let value = scanner.tokenValue as string;
  const pieces: Span[] = [{ start, end }];
  for (;;) {
    if (!advance(scanner)) return null;
    if (scanner.tokenType !== 'string') break;
    pieces.push({ start: scanner.tokenStart, end: scanner.tokenEnd });
    value += scanner.tokenValue as string;
    end = scanner.tokenEnd;
  }
  return { kind: 'string', span: { start, end }, value, pieces };
}

// ---- brackets ----------------------------------------------------------------

function emptyBracket(closer: Frame['closer'], start: number, end: number): ErlangNode {
  const span = { start, end };
  if (closer === ']') return { kind: 'list', span, elements: [], tail: null };
  if (closer === '}') return { kind: 'tuple', span, elements: [] };
  return new PlainBinaryNode(span, []);
}

/** The node of a bracket whose closer ends at `end`; null for a binary this path does not build. */
function closedBracket(frame: Frame, end: number): ErlangNode {
  const span = { start: frame.start, end };
  if (frame.closer === ']') return { kind: 'list', span, elements: frame.items, tail: null };
  if (frame.closer === '}') return { kind: 'tuple', span, elements: frame.items };
  return binaryOf(span, frame.items.map(segmentOf));
}

/** The types of every plain segment: none. One shared array, as a config holds thousands of segments. */
const NO_TYPES: readonly TypeSpecifier[] = Object.freeze([]);

/** A segment with no size and no types: its value alone. */
function segmentOf(value: ErlangNode): BinarySegment {
  return { span: value.span, value, size: null, types: NO_TYPES };
}

/**
 * A binary of plain segments, whose bits are worked out when first read:
 * few binaries of a config are ever looked at, and a byte array each
 * costs more memory than the rest of the node.
 */
class PlainBinaryNode implements BinaryNode {
  readonly kind = 'binary' as const;
  private built: BitString | undefined = undefined;

  constructor(
    readonly span: Span,
    readonly segments: readonly BinarySegment[],
  ) {}

  get bits(): BitString {
    this.built ??= plainBits(this.segments);
    return this.built;
  }
}

function binaryOf(span: Span, segments: BinarySegment[]): BinaryNode {
  return new PlainBinaryNode(span, segments);
}

/**
 * The bits of plain segments: each integer is one byte (its low eight bits,
 * two's complement, as Erlang's default `integer-size(8)` keeps), each
 * string one byte per character (the low eight bits of its code point).
 */
function plainBits(segments: readonly BinarySegment[]): BitString {
  let length = 0;
  for (const s of segments) length += s.value.kind === 'string' ? codePointCount(s.value.value) : 1;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const s of segments) {
    const v = s.value;
    if (v.kind === 'string') {
      for (let k = 0; k < v.value.length; k++) {
        const c = v.value.codePointAt(k)!;
        if (c > 0xffff) k++;
        bytes[at++] = c & 0xff;
      }
    } else {
      bytes[at++] = Number(BigInt.asUintN(8, (v as IntegerNode).value));
    }
  }
  return { bytes, bitLength: length * 8 };
}

function codePointCount(s: string): number {
  let n = s.length;
  for (let k = 0; k < s.length; k++) {
    const u = s.charCodeAt(k);
    if (u >= 0xd800 && u <= 0xdbff && k + 1 < s.length) {
      const low = s.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        n--;
        k++;
      }
    }
  }
  return n;
}
