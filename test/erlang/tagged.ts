/**
 * Test utility: our tree -> the tagged JSON that test/oracles/consult.escript
 * prints for Erlang's terms, so that the two can be compared as structures.
 *
 * It has to reproduce Erlang's notion of identity, not our syntax:
 * - a string is a list of character codes: `"ab"`, `[97,98]`, `[$a|"b"]`
 *   are one term, and `""` is `[]`;
 * - a proper non-empty list is printed as a `charlist` exactly when
 *   io_lib:printable_unicode_list/1 accepts it (so `[5671]` is a charlist);
 * - `[a | [b]]` is `[a, b]`;
 * - map keys are unique (the last duplicate wins) and sorted in Erlang's
 *   term order;
 * - binaries are UTF-8 text when they decode, bytes otherwise, and
 *   bitstrings keep their trailing bits.
 */
import type { BitString, ErlangNode } from '../../server/src/engine/formats/erlang/ast.js';
import { isPrintableCharacter } from '../../server/src/engine/formats/erlang/access.js';
import { writeAtom } from '../../server/src/engine/formats/erlang/messages.js';
import { runRule, type Rule } from '../../server/src/engine/formats/erlang/trampoline.js';

export type Tagged =
  | { int: string } | { float: number } | { atom: string } | { charlist: string }
  | { list: Tagged[] } | { improper: Tagged[]; tail: Tagged } | { tuple: Tagged[] }
  | { map: [Tagged, Tagged][] } | { binary: string } | { bytes: number[] }
  | { bits: number[]; tail_bits: number; tail_value: number } | { fun: string };

/** An Erlang value, as the comparison needs it. */
type Value =
  | { t: 'int'; v: bigint } | { t: 'float'; v: number } | { t: 'atom'; v: string }
  | { t: 'list'; items: Value[]; tail: Value | null } | { t: 'tuple'; items: Value[] }
  | { t: 'map'; pairs: [Value, Value][] } | { t: 'bits'; v: BitString } | { t: 'fun'; v: string };

/** The tagged form of a term node (throws on a node that is not a term). Deep trees are fine. */
export function toTagged(node: ErlangNode): Tagged {
  return runRule(tag(runRule(valueOf(node))));
}

// Both conversions are generators run by the engine's trampoline, so that
// a 100,000-deep term does not overflow the call stack.
type ValueRule = Rule<Value, Value>;
type TagRule = Rule<Tagged, Tagged>;

function* valueOf(node: ErlangNode): ValueRule {
  switch (node.kind) {
    case 'integer': return { t: 'int', v: node.value };
    case 'float': return { t: 'float', v: node.value };
    case 'atom': return { t: 'atom', v: node.name };
    case 'string': return { t: 'list', items: codesOf(node.value), tail: null };
    case 'list': return yield* listValue(node);
    case 'tuple': return { t: 'tuple', items: yield* valuesOf(node.elements) };
    case 'map': {
      const pairs: [Value, Value][] = [];
      for (const e of node.entries) pairs.push([yield valueOf(e.key), yield valueOf(e.value)]);
      return mapValue(pairs);
    }
    case 'binary':
      if (!node.bits) throw new Error('binary without a value');
      return { t: 'bits', v: node.bits };
    case 'fun':
      if (node.form !== 'external' || node.module?.kind !== 'atom' || node.name?.kind !== 'atom' || node.arity?.kind !== 'integer') {
        throw new Error('not an external fun');
      }
      return { t: 'fun', v: `fun ${writeAtom(node.module.name)}:${writeAtom(node.name.name)}/${node.arity.value}` };
    default:
      throw new Error(`not a term: ${node.kind}`);
  }
}

function* valuesOf(nodes: readonly ErlangNode[]): Generator<ValueRule, Value[], Value> {
  const values: Value[] = [];
  for (const n of nodes) values.push(yield valueOf(n));
  return values;
}

function codesOf(text: string): Value[] {
  return Array.from(text, (ch) => ({ t: 'int', v: BigInt(ch.codePointAt(0)!) }));
}

/** Flattens list tails: `[a | [b | "c"]]` is `[a, b, $c]`. */
function* listValue(node: ErlangNode & { kind: 'list' }): Generator<ValueRule, Value, Value> {
  const items = yield* valuesOf(node.elements);
  let tail = node.tail;
  while (tail) {
    if (tail.kind === 'list') {
      for (const item of yield* valuesOf(tail.elements)) items.push(item);
      tail = tail.tail;
    } else if (tail.kind === 'string') {
      for (const item of codesOf(tail.value)) items.push(item);
      tail = null;
    } else {
      return { t: 'list', items, tail: yield valueOf(tail) };
    }
  }
  return { t: 'list', items, tail: null };
}

/** maps:from_list/1: the last of equal keys (=:=) wins. */
function mapValue(pairs: [Value, Value][]): Value {
  const unique: [Value, Value][] = [];
  for (const [k, v] of pairs) {
    const at = unique.findIndex(([u]) => sameTagged(runRule(tag(u)), runRule(tag(k))));
    if (at >= 0) unique[at] = [k, v];
    else unique.push([k, v]);
  }
  return { t: 'map', pairs: unique };
}

function* tagAll(values: readonly Value[]): Generator<TagRule, Tagged[], Tagged> {
  const tagged: Tagged[] = [];
  for (const v of values) tagged.push(yield tag(v));
  return tagged;
}

function* tag(value: Value): TagRule {
  switch (value.t) {
    case 'int': return { int: value.v.toString() };
    case 'float': return { float: value.v };
    case 'atom': return { atom: value.v };
    case 'fun': return { fun: value.v };
    case 'tuple': return { tuple: yield* tagAll(value.items) };
    case 'map': {
      const sorted = [...value.pairs].sort((a, b) => compare({ t: 'tuple', items: a }, { t: 'tuple', items: b }));
      const pairs: [Tagged, Tagged][] = [];
      for (const [k, v] of sorted) pairs.push([yield tag(k), yield tag(v)]);
      return { map: pairs };
    }
    case 'bits': return tagBits(value.v);
    case 'list': {
      if (value.tail) return { improper: yield* tagAll(value.items), tail: yield tag(value.tail) };
      if (value.items.length > 0 && value.items.every(isPrintableCode)) {
        return { charlist: value.items.map((i) => String.fromCodePoint(Number((i as { v: bigint }).v))).join('') };
      }
      return { list: yield* tagAll(value.items) };
    }
  }
}

/**
 * Deep equality of two tagged values, without recursion; floats compare
 * with Object.is, so that -0.0 and 0.0 differ (as they print differently).
 */
export function sameTagged(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const xKeys = Object.keys(x);
    const yKeys = Object.keys(y);
    if (xKeys.length !== yKeys.length) return false;
    for (const k of xKeys) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      pending.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}

function isPrintableCode(v: Value): boolean {
  return v.t === 'int' && v.v >= 0n && v.v <= 0x10ffffn && isPrintableCharacter(Number(v.v));
}

function tagBits(bits: BitString): Tagged {
  const whole = Math.floor(bits.bitLength / 8);
  const tailBits = bits.bitLength % 8;
  const bytes = Array.from(bits.bytes.subarray(0, whole));
  if (tailBits > 0) {
    return { bits: bytes, tail_bits: tailBits, tail_value: bits.bytes[whole] >> (8 - tailBits) };
  }
  try {
    return { binary: new TextDecoder('utf-8', { fatal: true }).decode(bits.bytes.subarray(0, whole)) };
  } catch {
    return { bytes };
  }
}

// ---- Erlang term order --------------------------------------------------------

const TYPE_RANK = { int: 0, float: 0, atom: 1, fun: 2, tuple: 3, map: 4, list: 5, bits: 6 } as const;

/** Erlang's term order (number < atom < fun < tuple < map < list < bitstring), as lists:sort/1 uses it. */
function compare(a: Value, b: Value): number {
  const rank = (v: Value) => (v.t === 'list' && v.items.length === 0 && v.tail === null ? 4.5 : TYPE_RANK[v.t]);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if ((a.t === 'int' || a.t === 'float') && (b.t === 'int' || b.t === 'float')) return Math.sign(Number(a.v) - Number(b.v));
  if (a.t === 'atom' && b.t === 'atom') return compareCodePoints(a.v, b.v);
  if (a.t === 'fun' && b.t === 'fun') return compareCodePoints(a.v, b.v);
  if (a.t === 'tuple' && b.t === 'tuple') {
    return a.items.length - b.items.length || compareSequences(a.items, b.items);
  }
  if (a.t === 'map' && b.t === 'map') {
    return a.pairs.length - b.pairs.length || compareSequences(a.pairs.flat(), b.pairs.flat());
  }
  if (a.t === 'list' && b.t === 'list') return compareSequences(a.items, b.items);
  if (a.t === 'bits' && b.t === 'bits') {
    const n = Math.min(a.v.bytes.length, b.v.bytes.length);
    for (let i = 0; i < n; i++) if (a.v.bytes[i] !== b.v.bytes[i]) return a.v.bytes[i] - b.v.bytes[i];
    return a.v.bitLength - b.v.bitLength;
  }
  return 0;
}

function compareSequences(a: Value[], b: Value[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
