/**
 * Test utility: asserts that our parser agrees with Erlang's verdict on a
 * file (used by the differential and corpus tests).
 */
import assert from 'node:assert/strict';
import type { ErlangNode } from '../../server/src/engine/formats/erlang/ast.js';
import { parseErlangTerms } from '../../server/src/engine/formats/erlang/index.js';
import type { Verdict } from './oracle.js';
import { sameTagged, toTagged } from './tagged.js';

/** The line of an offset as Erlang counts lines (`\n` only). */
export function erlangLineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function containsCallOrFun(root: ErlangNode): boolean {
  const pending: ErlangNode[] = [root];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (n.kind === 'call' || n.kind === 'fun') return true;
    if (n.kind === 'list') pending.push(...n.elements, ...(n.tail ? [n.tail] : []));
    if (n.kind === 'tuple') pending.push(...n.elements);
  }
  return false;
}

/** Asserts that our outcome for `text` is Erlang's `verdict`. */
export function assertAgrees(text: string, verdict: Verdict, allowCalls: boolean, checkSpanLine = true): void {
  const outcome = parseErlangTerms(text, { allowCalls });
  const first = outcome.errors[0];
  if (verdict.ok) {
    assert.equal(first, undefined, `erl accepts, we report ${first?.line}: ${first?.message}`);
    const ours = outcome.tree.forms.map((f) => toTagged(f.term!));
    assert.ok(sameTagged(ours, verdict.terms), `terms differ:\nours ${JSON.stringify(ours)}\nerl  ${JSON.stringify(verdict.terms)}`);
    return;
  }
  assert.ok(first, `erl rejects (${JSON.stringify(verdict)}), we accept`);
  if ('crash' in verdict) return; // see the header comment
  assert.ok('line' in verdict, `unexpected verdict ${JSON.stringify(verdict)}`);
  assert.equal(`${first.line}: ${first.module}: ${first.message}`, `${verdict.line}: ${verdict.module}: ${verdict.message}`);
  // Our span points at the reported line, except where by design it points
  // elsewhere: bad term (at the culprit, inside the term) and a missing
  // final dot (just after the last token).
  if (!checkSpanLine) return;
  const spanLine = erlangLineOf(text, first.span.start);
  if (first.message === 'bad term') assert.ok(spanLine >= verdict.line, 'the culprit lies inside the term');
  else if (first.message !== 'syntax error before: ') assert.equal(spanLine, verdict.line, 'span on the reported line');
}
