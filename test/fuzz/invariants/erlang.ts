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

/**
 * KNOWN GAP (reported): the placeholder for a missing operand (`a + ,`,
 * `[+ .`) is an empty `error` node at the next token, so it — and the
 * operator node around it — can end past their parent, over what is no
 * token: white space, comments, characters the scanner skipped.
 */
function sticksOutOverNothing(text: string, inner: Span, outer: Span, skipped: Uint8Array): boolean {
  if (inner.start < outer.start || inner.start > inner.end) return false;
  for (let i = outer.end; i < inner.end; i++) if (!isWhitespace(text.charCodeAt(i)) && !skipped[i]) return false;
  return true;
}

/** Children inside their parents, all the way down, without recursion (trees are as deep as the input). */
function checkNesting(text: string, roots: readonly ErlangNode[], form: Span, skipped: Uint8Array, options: ErlangCheckOptions): void {
  const inside = (inner: Span, outer: Span, what: string) => {
    if (!options.strict && sticksOutOverNothing(text, inner, outer, skipped)) return;
    assertWithin(inner, outer, what);
  };
  const pending: { node: ErlangNode; parent: Span }[] = roots.map((node) => ({ node, parent: form }));
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    inside(node.span, parent, `${node.kind} inside its parent`);
    checkLeaf(text, node);
    for (const child of children(node)) {
      inside(child.span, node.span, `part of a ${node.kind}`);
      if (child.node) pending.push({ node: child.node, parent: node.span });
    }
  }
}

export interface ErlangCheckOptions {
  /**
   * Hold every span to ast.ts's word, the known gaps included: a form
   * without its dot spans to its last token (see `dotlessTails`), a form
   * that could not be parsed does not overlap the next, and a missing
   * operand's placeholder lies inside its parent.
   */
  readonly strict?: boolean;
}

export function checkErlang(text: string, outcome: ErlangParseOutcome, options: ErlangCheckOptions = {}): void {
  assertSpansInside(outcome, text.length);
  const { forms, comments } = outcome.tree;
  // KNOWN GAP (reported): parse.ts gives a form with no expression the span of the rest of its range.
  assertOrdered(forms.filter((f) => options.strict || f.expressions.length > 0).map((f) => f.span), 'form');
  assertOrdered(comments.map((c) => c.span), 'comment');
  const coverage = new Coverage(text.length);
  const notTokens = new Uint8Array(text.length + 1);
  for (const e of outcome.errors) if (e.module === 'erl_scan') notTokens.fill(1, e.span.start, e.span.end);
  for (const c of comments) notTokens.fill(1, c.span.start, c.span.end);
  for (const form of forms) {
    if (form.term) assert.equal(form.term, form.expressions[0], 'the term is the first expression');
    if (form.dot) {
      assertWithin(form.dot, form.span, 'the dot ends its form');
      assert.equal(form.dot.end, form.span.end, 'a form ends at its dot');
    }
    checkNesting(text, form.expressions, form.span, notTokens, options);
    coverage.add(form.span);
  }
  for (const c of comments) {
    assert.equal(text[c.span.start], '%', 'a comment starts with %');
    coverage.add(c.span);
  }
  for (const e of outcome.errors) coverage.add(e.span);
  const tails = options.strict ? [] : dotlessTails(forms, text.length);
  const stray = coverage.uncovered(text, (c) => !isWhitespace(c)).filter((offset) => !tails.some((t) => t.start <= offset && offset < t.end));
  assert.deepEqual(stray, [], stray.length > 0 ? `no form, comment or error covers ${around(text, stray[0])} (offset ${stray[0]})` : '');
}

/**
 * KNOWN GAP (reported to the parser's author): ast.ts says a form without
 * its dot spans "to the last token", but parse.ts ends it at its last
 * expression, so trailing tokens of a broken form (`a,` `verify>>:`) lie in
 * no span. Until that is fixed the fuzz property allows exactly that
 * stretch; fuzz.test.ts keeps a `todo` test with `strict`.
 */
function dotlessTails(forms: ErlangParseOutcome['tree']['forms'], length: number): Span[] {
  return forms.flatMap((f, i) => (f.dot ? [] : [{ start: f.span.end, end: forms[i + 1]?.span.start ?? length }]));
}
