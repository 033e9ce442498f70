/** Small helpers shared by the Erlang-term tests. */
import assert from 'node:assert/strict';
import type { ErlangNode, ErlangParseOptions } from '../../server/src/engine/formats/erlang/ast.js';
import { parseErlangTerms, type ErlangParseOutcome } from '../../server/src/engine/formats/erlang/index.js';

/** Parses `text`, which must be error-free, and returns the term of its only form. */
export function termOf(text: string, options?: ErlangParseOptions): ErlangNode {
  const outcome = parseErlangTerms(text, options);
  assert.deepEqual(outcome.errors.map((e) => `${e.line}: ${e.message}`), [], `unexpected errors in ${JSON.stringify(text)}`);
  assert.equal(outcome.tree.forms.length, 1);
  const term = outcome.tree.forms[0].term;
  assert.ok(term);
  return term;
}

/** The first error of `text` as `line: message`, the way file:consult/1 formats it. */
export function firstError(text: string, options?: ErlangParseOptions): string {
  const outcome = parseErlangTerms(text, options);
  assert.ok(outcome.errors.length > 0, `expected an error in ${JSON.stringify(text)}`);
  const e = outcome.errors[0];
  return `${e.line}: ${e.message}`;
}

/** The source text a span covers. */
export function textOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

export function parse(text: string, options?: ErlangParseOptions): ErlangParseOutcome {
  return parseErlangTerms(text, options);
}

/** Narrows a node to a kind, failing the test otherwise. */
export function as<K extends ErlangNode['kind']>(node: ErlangNode | null | undefined, kind: K): Extract<ErlangNode, { kind: K }> {
  assert.ok(node, `expected a ${kind} node, got nothing`);
  assert.equal(node.kind, kind);
  return node as Extract<ErlangNode, { kind: K }>;
}
