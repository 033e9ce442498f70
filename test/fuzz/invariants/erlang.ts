/**
 * What the Erlang-term tree promises (formats/erlang/ast.ts): every node
 * carries the span of its text, so children lie inside their parents and
 * forms follow one another; names are the text they were read from; and
 * every character that is not white space belongs to a form, a comment or
 * an error.
 */
import assert from 'node:assert/strict';
import type { ErlangNode } from '../../../server/src/engine/formats/erlang/ast.js';
import type { ErlangParseOutcome } from '../../../server/src/engine/formats/erlang/index.js';
import type { Span } from '../../../server/src/engine/core/text.js';
import { around, assertOrdered, assertSpansInside, assertWithin, Coverage, textOf } from './spans.js';

/** erl_scan's white space: code points 0–32 and 128–160. */
const isWhitespace = (c: number) => c <= 32 || (c >= 128 && c <= 160);

/** The nodes directly under `node`, with what holds them, in any order. */
function children(node: ErlangNode): { readonly span: Span; readonly node?: ErlangNode }[] {
  const nodes = (list: readonly (ErlangNode | null)[]) => list.filter((n): n is ErlangNode => n !== null).map((n) => ({ span: n.span, node: n }));
  switch (node.kind) {
    case 'list': return nodes([...node.elements, node.tail]);
    case 'tuple': return nodes(node.elements);
    case 'map': return [...nodes([node.base]), ...node.entries.flatMap((e) => [{ span: e.span }, ...nodes([e.key, e.value])])];
    case 'binary': return node.segments.flatMap((s) => [{ span: s.span }, ...nodes([s.value, s.size]), ...s.types.map((t) => ({ span: t.span }))]);
    case 'fun': return nodes([node.module, node.name, node.arity]);
    case 'call': return nodes([node.callee, ...node.args]);
    case 'remote': return nodes([node.module, node.function]);
    case 'prefix': return nodes([node.operand]);
    case 'infix': return nodes([node.left, node.right]);
    case 'expression': return nodes(node.children);
    case 'string': return node.pieces.map((span) => ({ span }));
    default: return [];
  }
}

function checkLeaf(text: string, node: ErlangNode): void {
  if (node.kind === 'atom' && !node.quoted) assert.equal(textOf(text, node.span), node.name, 'an unquoted atom is its text');
  if (node.kind === 'var') assert.equal(textOf(text, node.span), node.name, 'a variable is its text');
  if (node.kind === 'atom' && node.quoted) assert.equal(text[node.span.start], "'", 'a quoted atom starts with a quote');
  if (node.kind === 'string') for (const piece of node.pieces) assert.equal(text[piece.start], '"', 'a string piece starts with a double quote');
}

/** Children inside their parents, all the way down, without recursion (trees are as deep as the input). */
function checkNesting(text: string, roots: readonly ErlangNode[], form: Span): void {
  const pending: { node: ErlangNode; parent: Span }[] = roots.map((node) => ({ node, parent: form }));
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    assertWithin(node.span, parent, `${node.kind} inside its parent`);
    checkLeaf(text, node);
    for (const child of children(node)) {
      assertWithin(child.span, node.span, `part of a ${node.kind}`);
      if (child.node) pending.push({ node: child.node, parent: node.span });
    }
  }
}

export function checkErlang(text: string, outcome: ErlangParseOutcome): void {
  assertSpansInside(outcome, text.length);
  const { forms, comments } = outcome.tree;
  assertOrdered(forms.map((f) => f.span), 'form');
  assertOrdered(comments.map((c) => c.span), 'comment');
  const coverage = new Coverage(text.length);
  for (const form of forms) {
    if (form.term) assert.equal(form.term, form.expressions[0], 'the term is the first expression');
    if (form.dot) {
      assertWithin(form.dot, form.span, 'the dot ends its form');
      assert.equal(form.dot.end, form.span.end, 'a form ends at its dot');
    }
    checkNesting(text, form.expressions, form.span);
    coverage.add(form.span);
  }
  for (const c of comments) {
    assert.equal(text[c.span.start], '%', 'a comment starts with %');
    coverage.add(c.span);
  }
  for (const e of outcome.errors) coverage.add(e.span);
  const stray = coverage.uncovered(text, (c) => !isWhitespace(c));
  assert.deepEqual(stray, [], stray.length > 0 ? `no form, comment or error covers ${around(text, stray[0])} (offset ${stray[0]})` : '');
}
