/**
 * Is an expression a term? file:consult/1 parses each form as an expression
 * and then converts it to a term; anything that is not a literal value —
 * a variable, an operator (other than a sign on a number), a call, a record,
 * a map update or `:=`, a binary that cannot be built — makes it fail with
 * `bad term`.
 *
 * This module finds the first such part (the "culprit"), and fills in the
 * value of every binary literal on the way. It walks the tree with an
 * explicit stack, so deep nesting is fine.
 */
import type { BinaryNode, ErlangNode } from './ast.js';
import { evaluateBinary } from './bitstrings.js';

/**
 * The first node (in source order) that keeps `root` from being a term, or
 * null when it is one. With `allowCalls`, calls and funs are accepted as
 * values (inter-node TLS option files are evaluated, not just read).
 */
export function findNonTerm(root: ErlangNode, allowCalls: boolean): { readonly start: number; readonly end: number } | null {
  const pending: ErlangNode[] = [root];
  const binaries: BinaryNode[] = [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const culprit = visit(node, allowCalls, pending, binaries);
    if (culprit) return culprit;
  }
  return buildBinaries(binaries);
}

type Span = { readonly start: number; readonly end: number };

/** Checks `node` itself; queues its children (so that they pop in source order). */
function visit(node: ErlangNode, allowCalls: boolean, pending: ErlangNode[], binaries: BinaryNode[]): Span | null {
  switch (node.kind) {
    case 'atom':
    case 'integer':
    case 'float':
    case 'string':
      return null;
    case 'list':
      if (node.tail) pending.push(node.tail);
      pushReversed(pending, node.elements);
      return null;
    case 'tuple':
      pushReversed(pending, node.elements);
      return null;
    case 'map': {
      if (node.base) return node.span;
      const exact = node.entries.find((e) => e.operator === ':=');
      if (exact) return exact.span;
      for (let i = node.entries.length - 1; i >= 0; i--) pending.push(node.entries[i].value, node.entries[i].key);
      return null;
    }
    case 'binary':
      binaries.push(node);
      for (let i = node.segments.length - 1; i >= 0; i--) {
        const { value, size } = node.segments[i];
        if (size) pending.push(size);
        pending.push(value);
      }
      return null;
    case 'fun':
      if (isExternalFunReference(node) || (allowCalls && node.form !== 'external')) return null;
      return node.span;
    case 'call':
      if (!allowCalls || !isNamedCallee(node.callee)) return node.span;
      pushReversed(pending, node.args);
      return null;
    default:
      // var, remote, prefix, infix, records and other expressions, error placeholders
      return node.span;
  }
}

/** `fun mod:name/2` written with literals: a term (an external fun). */
function isExternalFunReference(node: ErlangNode & { kind: 'fun' }): boolean {
  return node.form === 'external' && node.module?.kind === 'atom' && node.name?.kind === 'atom'
    && node.arity?.kind === 'integer' && node.arity.sign === null;
}

function isNamedCallee(callee: ErlangNode): boolean {
  return callee.kind === 'atom' || (callee.kind === 'remote' && callee.module.kind === 'atom' && callee.function.kind === 'atom');
}

function pushReversed(pending: ErlangNode[], nodes: readonly ErlangNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i]);
}

/**
 * Builds the binaries, innermost first (they were collected outermost
 * first). Returns the failing segment of the first binary (in source order)
 * that cannot be built for a reason of its own.
 */
function buildBinaries(binaries: BinaryNode[]): Span | null {
  let culprit: Span | null = null;
  for (let i = binaries.length - 1; i >= 0; i--) {
    const binary = binaries[i];
    const outcome = evaluateBinary(binary);
    if (outcome.ok) {
      // The tree is built by this module's callers only; filling in the value here is its last step.
      (binary as { bits?: BinaryNode['bits'] }).bits = outcome.bits;
    } else if (!failedBecauseOfNested(outcome.segment.value)) {
      culprit = outcome.segment.span;
    }
  }
  return culprit;
}

function failedBecauseOfNested(value: ErlangNode): boolean {
  return value.kind === 'binary' && value.bits === undefined;
}
