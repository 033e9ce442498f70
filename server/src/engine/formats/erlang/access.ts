/**
 * Reading values out of the tree, for rule writers.
 *
 * They answer "what value does Erlang see here?" rather than "what was
 * written": a string is also a list of character codes, `[104,105]` is the
 * string "hi", `$a` and `97` are the same integer, `[a | [b]]` is `[a, b]`.
 * Every accessor takes any node (or nothing) and returns undefined when the
 * node is not of the asked kind, so they chain without checks.
 *
 * Typical use on a RabbitMQ config `[{rabbit, [{ssl_options, […]}]}]`:
 *
 *   const versions = lookupPath(documentTerm(doc), ['rabbit', 'ssl_options', 'versions']);
 *   for (const v of listElements(versions) ?? []) atomName(v);
 */
import type { AtomNode, ErlangDocument, ErlangNode, ListNode, TupleNode } from './ast.js';
import { findNonTerm } from './terms.js';

type MaybeNode = ErlangNode | null | undefined;

/** The term of the first form: the whole configuration of a rabbitmq.config / advanced.config. */
export function documentTerm(doc: ErlangDocument): ErlangNode | null {
  return doc.forms[0]?.term ?? null;
}

// ---- atoms and numbers ------------------------------------------------------

export function isAtom(node: MaybeNode, name?: string): node is AtomNode {
  return node?.kind === 'atom' && (name === undefined || node.name === name);
}

export function atomName(node: MaybeNode): string | undefined {
  return node?.kind === 'atom' ? node.name : undefined;
}

/** `true`/`false` atoms as a boolean. */
export function booleanValue(node: MaybeNode): boolean | undefined {
  const name = atomName(node);
  return name === 'true' ? true : name === 'false' ? false : undefined;
}

/** An integer (or `$c` character) literal, with its sign. Exact: Erlang integers are unbounded. */
export function integerValue(node: MaybeNode): bigint | undefined {
  return node?.kind === 'integer' ? node.value : undefined;
}

/** An integer literal that fits a JavaScript number exactly (ports, sizes, timeouts). */
export function smallIntegerValue(node: MaybeNode): number | undefined {
  const value = integerValue(node);
  return value !== undefined && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : undefined;
}

export function floatValue(node: MaybeNode): number | undefined {
  return node?.kind === 'float' ? node.value : undefined;
}

// ---- strings ------------------------------------------------------------------

/**
 * The text of a string-like value: a string literal, a list of printable
 * character codes (io_lib:printable_unicode_list/1's notion; `[]` is the
 * empty string, as in Erlang), or a binary (decoded as UTF-8, or as Latin-1
 * when it is not valid UTF-8). Undefined for anything else.
 */
export function stringValue(node: MaybeNode): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return node.value;
  if (node.kind === 'binary') return binaryText(node);
  if (node.kind !== 'list') return undefined;
  const codes = characterCodes(node);
  return codes && codes.every(isPrintableCharacter) ? fromCodes(codes, String.fromCodePoint) : undefined;
}

/** The bytes of a binary whose size is a whole number of bytes. */
export function binaryBytes(node: MaybeNode): Uint8Array | undefined {
  if (node?.kind !== 'binary') return undefined;
  if (node.bits === undefined) findNonTerm(node, false); // builds it (and any binary inside it)
  const bits = node.bits;
  return bits && bits.bitLength % 8 === 0 ? bits.bytes : undefined;
}

function binaryText(node: ErlangNode): string | undefined {
  const bytes = binaryBytes(node);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fromCodes(Array.from(bytes), String.fromCharCode);
  }
}

/** Builds a string from many codes without spreading them all into one call. */
function fromCodes(codes: readonly number[], build: (...codes: number[]) => string): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += build(...codes.slice(i, i + 4096));
  return text;
}

/**
 * The character codes of a proper list made only of integers (a string
 * tail included: `[$a | "bc"]`), or undefined.
 */
function characterCodes(list: ListNode): number[] | undefined {
  const codes: number[] = [];
  let current: ErlangNode | null = list;
  while (current) {
    if (current.kind === 'string') {
      for (const ch of current.value) codes.push(ch.codePointAt(0)!);
      return codes;
    }
    if (current.kind !== 'list') return undefined;
    for (const element of current.elements) {
      const code = smallIntegerValue(element);
      if (code === undefined) return undefined;
      codes.push(code);
    }
    current = current.tail;
  }
  return codes;
}

/** io_lib:printable_unicode_list/1, for one character. */
export function isPrintableCharacter(c: number): boolean {
  return (c >= 32 && c <= 126) || (c >= 8 && c <= 13) || c === 27
    || (c >= 0xa0 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) || (c > 0xffff && c <= 0x10ffff);
}

// ---- lists and tuples ----------------------------------------------------------

/**
 * The elements of a proper list, following list tails (`[a | [b]]` is
 * `[a, b]`); undefined for an improper list. A string literal is not
 * returned as characters, except `""` which is the empty list.
 */
export function listElements(node: MaybeNode): readonly ErlangNode[] | undefined {
  if (node?.kind === 'string') return node.value === '' ? [] : undefined;
  if (node?.kind !== 'list') return undefined;
  if (node.tail === null) return node.elements;
  const elements = [...node.elements];
  let tail: ErlangNode | null = node.tail;
  while (tail) {
    if (tail.kind === 'string' && tail.value === '') break;
    if (tail.kind !== 'list') return undefined;
    for (const element of tail.elements) elements.push(element);
    tail = tail.tail;
  }
  return elements;
}

export function tupleElements(node: MaybeNode): readonly ErlangNode[] | undefined {
  return node?.kind === 'tuple' ? node.elements : undefined;
}

/** A `{key, Value}` pair with an atom key: an entry of a proplist or of an application's environment. */
export function isProplistTuple(node: MaybeNode): node is TupleNode {
  return node?.kind === 'tuple' && node.elements.length === 2 && node.elements[0].kind === 'atom';
}

/** The atom key of a `{key, Value}` pair. */
export function tupleKey(node: MaybeNode): string | undefined {
  return isProplistTuple(node) ? (node.elements[0] as AtomNode).name : undefined;
}

export interface ProplistEntry {
  readonly key: string;
  readonly keyNode: AtomNode;
  /** The value of `{key, Value}`; undefined for a bare atom (which proplists read as `{key, true}`). */
  readonly value: ErlangNode | undefined;
  /** The `{key, Value}` tuple; undefined for a bare atom. */
  readonly tuple: TupleNode | undefined;
}

/**
 * The entries of a proplist, in order: `{key, Value}` pairs and bare atoms.
 * Other elements are skipped. A key may appear more than once; the first
 * one wins for proplists:get_value/2 (see `proplistLookup`).
 */
export function proplistEntries(list: MaybeNode): ProplistEntry[] {
  const entries: ProplistEntry[] = [];
  for (const element of listElements(list) ?? []) {
    if (isProplistTuple(element)) {
      const keyNode = element.elements[0] as AtomNode;
      entries.push({ key: keyNode.name, keyNode, value: element.elements[1], tuple: element });
    } else if (element.kind === 'atom') {
      entries.push({ key: element.name, keyNode: element, value: undefined, tuple: undefined });
    }
  }
  return entries;
}

/** The first entry for `key`, as proplists:get_value/2 would pick it. */
export function proplistLookup(list: MaybeNode, key: string): ProplistEntry | undefined {
  return proplistEntries(list).find((e) => e.key === key);
}

/** The value of the first `{key, Value}` entry. */
export function proplistValue(list: MaybeNode, key: string): ErlangNode | undefined {
  return proplistLookup(list, key)?.value;
}

/**
 * Follows `path` through nested proplists:
 * `lookupPath(config, ['rabbit', 'ssl_options', 'verify'])`.
 */
export function lookupPath(root: MaybeNode, path: readonly string[]): ErlangNode | undefined {
  let current: ErlangNode | undefined = root ?? undefined;
  for (const key of path) {
    current = proplistValue(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}
