/**
 * The fast path for plain terms: nearly every form of a real config is
 * nothing but lists, tuples, literals and simple binaries, ending at its dot.
 * Such a form is built here in one loop over its tokens, with an explicit
 * stack — no grammar rules, no generators, no error recovery — into exactly
 * the nodes the general parser (forms.ts and its rules) would build.
 *
 * At the first token outside that subset (a map, a list tail, an operator
 * other than a sign on a number, a bit-syntax size or type, a variable,
 * anything unexpected) it gives up and returns null: the caller then parses
 * the form with the general rules, which also report the errors. So this
 * module never decides whether a form is valid; it only recognises the
 * forms that plainly are.
 */
import type { Span } from '../../core/text.js';
import type {
  BinaryNode, BinarySegment, BitString, ErlangNode, FloatNode, IntegerNode, StringNode,
} from './ast.js';
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

/**
 * The term of the form made of tokens `[from, to)` (the dot excluded), or
 * null when the form is not a plain term. Tokens must carry no scanner
 * error.
 */
export function parsePlainTerm(tokens: readonly Token[], from: number, to: number): ErlangNode | null {
  if (from >= to) return null;
  const stack: Frame[] = [];
  let i = from;
  for (;;) {
    // Here a value is expected: open a bracket, or read a leaf.
    const token = tokens[i];
    const type = token.type;
    let value: ErlangNode | null = null;
    if (type === '[' || type === '{' || type === '<<') {
      // Inside a binary a bracket is a segment that needs types: not plain.
      if (stack.length > 0 && stack[stack.length - 1].closer === '>>') return null;
      const closer = type === '[' ? ']' : type === '{' ? '}' : '>>';
      if (i + 1 < to && tokens[i + 1].type === closer) {
        value = emptyBracket(closer, token.start, tokens[i + 1].end);
        i += 2;
      } else {
        if (stack.length >= MAX_DEPTH) return null;
        stack.push({ closer, start: token.start, items: [] });
        i++;
        if (i >= to) return null;
        continue;
      }
    } else {
      const inBinary = stack.length > 0 && stack[stack.length - 1].closer === '>>';
      const end = leafEnd(tokens, i, to, inBinary);
      if (end < 0) return null;
      value = leaf(tokens, i, end);
      i = end;
    }
    // A value is complete: add it to its bracket, closing brackets as they end.
    for (;;) {
      if (stack.length === 0) return i === to ? value : null;
      const frame = stack[stack.length - 1];
      frame.items.push(frame.closer === '>>' ? segmentOf(value) : value);
      if (i >= to) return null;
      const next = tokens[i].type;
      if (next === ',') {
        i++;
        if (i >= to) return null;
        break;
      }
      if (next !== frame.closer) return null;
      stack.pop();
      value = closedBracket(frame, tokens[i].end);
      if (value === null) return null;
      i++;
    }
  }
}

// ---- leaves ------------------------------------------------------------------

/**
 * Where the leaf starting at token `i` ends (exclusive token index), or -1
 * when no plain leaf starts there. Adjacent strings are one leaf; a sign
 * counts only directly before a number, and never inside a binary.
 */
function leafEnd(tokens: readonly Token[], i: number, to: number, inBinary: boolean): number {
  const type = tokens[i].type;
  switch (type) {
    case 'atom':
      return inBinary ? -1 : i + 1;
    case 'integer':
    case 'char':
      return i + 1;
    case 'float':
      return inBinary ? -1 : i + 1;
    case 'string': {
      let end = i + 1;
      while (end < to && tokens[end].type === 'string') end++;
      return end;
    }
    case '-':
    case '+': {
      if (inBinary || i + 1 >= to) return -1;
      const operand = tokens[i + 1].type;
      return operand === 'integer' || operand === 'char' || operand === 'float' ? i + 2 : -1;
    }
    default:
      return -1;
  }
}

/** The node of the leaf made of tokens `[i, end)`; `leafEnd` said it is one. */
function leaf(tokens: readonly Token[], i: number, end: number): ErlangNode {
  const token = tokens[i];
  switch (token.type) {
    case 'atom':
      return { kind: 'atom', span: { start: token.start, end: token.end }, name: token.value as string, quoted: token.written === 'quoted' };
    case 'integer':
    case 'char':
      return integer(token, { start: token.start, end: token.end }, null);
    case 'float':
      return float(token, { start: token.start, end: token.end }, null);
    case 'string':
      return strings(tokens, i, end);
    default: {
      // A sign on a number: folded into the number, as the general parser does.
      const operand = tokens[i + 1];
      const sign = token.type as '-' | '+';
      const span = { start: token.start, end: operand.end };
      return operand.type === 'float' ? float(operand, span, sign) : integer(operand, span, sign);
    }
  }
}

function integer(token: Token, span: Span, sign: '-' | '+' | null): IntegerNode {
  const written = token.value as bigint;
  return {
    kind: 'integer',
    span,
    value: sign === '-' ? -written : written,
    notation: token.type === 'char' ? 'char' : token.written === 'based' ? 'based' : 'decimal',
    sign,
  };
}

function float(token: Token, span: Span, sign: '-' | '+' | null): FloatNode {
  const written = token.value as number;
  return { kind: 'float', span, value: sign === '-' ? -written : written, sign };
}

/** Adjacent string literals `[i, end)`: one string. */
function strings(tokens: readonly Token[], i: number, end: number): StringNode {
  if (end === i + 1) {
    const only = tokens[i];
    const span = { start: only.start, end: only.end };
    return { kind: 'string', span: { start: only.start, end: only.end }, value: only.value as string, pieces: [span] };
  }
  const pieces: Span[] = [];
  let value = '';
  for (let k = i; k < end; k++) {
    pieces.push({ start: tokens[k].start, end: tokens[k].end });
    value += tokens[k].value as string;
  }
  return { kind: 'string', span: { start: tokens[i].start, end: tokens[end - 1].end }, value, pieces };
}

// ---- brackets ----------------------------------------------------------------

function emptyBracket(closer: Frame['closer'], start: number, end: number): ErlangNode {
  const span = { start, end };
  if (closer === ']') return { kind: 'list', span, elements: [], tail: null };
  if (closer === '}') return { kind: 'tuple', span, elements: [] };
  return { kind: 'binary', span, segments: [], bits: { bytes: new Uint8Array(0), bitLength: 0 } };
}

/** The node of a bracket whose closer ends at `end`; null for a binary this path does not build. */
function closedBracket(frame: Frame, end: number): ErlangNode | null {
  const span = { start: frame.start, end };
  if (frame.closer === ']') return { kind: 'list', span, elements: frame.items, tail: null };
  if (frame.closer === '}') return { kind: 'tuple', span, elements: frame.items };
  return binaryOf(span, frame.items as unknown as BinarySegment[]);
}

/**
 * A segment with no size and no types: its value alone. (Stored in the
 * frame's items until the binary closes.)
 */
function segmentOf(value: ErlangNode): ErlangNode {
  const segment: BinarySegment = { span: value.span, value, size: null, types: [] };
  return segment as unknown as ErlangNode;
}

/**
 * A binary of plain segments: each integer is one byte (its low eight bits,
 * two's complement, as Erlang's default `integer-size(8)` keeps), each
 * string one byte per character (the low eight bits of its code point).
 */
function binaryOf(span: Span, segments: BinarySegment[]): BinaryNode {
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
  const bits: BitString = { bytes, bitLength: length * 8 };
  return { kind: 'binary', span, segments, bits };
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
