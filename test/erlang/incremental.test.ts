// Re-parsing after an edit (incremental.ts) must give exactly the tree a full
// parse of the new text gives, or decline. Checked on random edits — typed
// and deleted characters, pasted tokens, removed ranges — applied in chains
// to the benchmark's generated config, the corpus and examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseErlangTerms } from '../../server/src/engine/formats/erlang/parse.js';
import type { ErlangDocument } from '../../server/src/engine/formats/erlang/ast.js';
import { classicConfig } from '../../scripts/bench/generate/erlang.js';
import { seedFiles } from '../fuzz/seeds.js';
import { flatten } from './flatten.js';

/** Parses `next` reusing `earlier` (which it takes over) and checks the result against a full parse. */
function assertReparsed(previous: string, earlier: ErlangDocument, next: string, what: string): ErlangDocument {
  const reused = parseErlangTerms(next, {}, { text: previous, tree: earlier });
  const full = parseErlangTerms(next);
  const a = flatten(reused);
  const b = flatten(full);
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at >= 0 || a.length !== b.length) {
    const i = at >= 0 ? at : Math.min(a.length, b.length);
    assert.fail(`${what}: reused ${a[i] ?? '(end)'}, full parse ${b[i] ?? '(end)'}\nedit from ${JSON.stringify(previous.slice(0, 80))}`);
  }
  return reused.tree;
}

const PASTES = ['0', '9', 'a', '_', ' ', '\n', ',', '"', "'", '{', '}', '[', ']', '<<', '>>', '%c\n', '.', '-', '$', 'x, y', '"s" "t"', '16#ff', '1.5', '<<"b">>', '{k, v}', '\\'];

/** An edit of `text`: a range to replace and what goes there. */
const editOf = (length: number) => fc.record({
  at: fc.nat({ max: Math.max(0, length) }),
  remove: fc.nat({ max: 6 }),
  insert: fc.oneof(fc.constantFrom(...PASTES), fc.constant('')),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

function chain(start: string, edits: readonly { at: number; remove: number; insert: string }[], what: string): void {
  let text = start;
  let tree = parseErlangTerms(text).tree;
  for (const e of edits) {
    const next = apply(text, e);
    tree = assertReparsed(text, tree, next, what);
    text = next;
  }
}

test('chains of random edits of a generated config: the same tree as a full parse', () => {
  const config = classicConfig({ bytes: 8 * 1024, depth: 3 });
  fc.assert(fc.property(fc.array(editOf(config.length), { minLength: 1, maxLength: 8 }), (edits) => chain(config, edits, 'generated')), { seed: 0x1ac, numRuns: 100 });
});

test('typing into and deleting from a value, as the editor benchmark does: reused, and equal', () => {
  const config = classicConfig({ lines: 150, depth: 1 });
  const at = config.indexOf('{heartbeat, 60') + '{heartbeat, 60'.length;
  let text = config;
  let tree = parseErlangTerms(text).tree;
  for (let k = 0; k < 20; k++) {
    const next = k % 2 === 0 ? text.slice(0, at) + '7' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    const reused = parseErlangTerms(next, {}, { text, tree });
    assert.equal(reused.tree.forms, tree.forms, 'the earlier forms were taken over, not rebuilt');
    tree = assertReparsed(text, parseErlangTerms(text).tree, next, `edit ${k}`);
    text = next;
  }
});

test('chains of random edits of the corpus and example configs: the same tree as a full parse', () => {
  const configs = seedFiles().filter((f) => f.language === 'rabbitmq-config' && !f.dialect).map((f) => f.text);
  assert.ok(configs.length > 3);
  fc.assert(fc.property(fc.constantFrom(...configs).chain((text) => fc.tuple(fc.constant(text), fc.array(editOf(text.length), { minLength: 1, maxLength: 6 }))), ([text, edits]) => chain(text, edits, 'corpus')), { seed: 0xc0de, numRuns: 200 });
});

test('an edit that cannot be reused from (a broken or non-plain earlier tree, an edit on an element boundary) gives the full parse', () => {
  const cases: [string, string][] = [
    ['[{a, 1}, {b, 2}].\n', '[{a, 1}, {b, 2}, {c, 3}].\n'],
    ['[{a, 1}, {b, 2}].\n', '[{a, 1}, {b, 2}.\n'],
    ['[{a, 1}, {b, X}].\n', '[{a, 1}, {b, 2}].\n'],
    ['[{a, 1}, {b, 2}].\n', '[{a, 1}, {b, 2}] [c].\n'],
    ['[{a, 1}].\n[{b, 2}].\n', '[{a, 10}].\n[{b, 2}].\n'],
    ['[{a, "x"}]. % c\n', '[{a, "x y"}]. % c\n'],
    ['[{a, 1}, %c\n {b, 2}].\n', '[{a, 1}, %c\n {b, 22}].\n'],
  ];
  for (const [before, after] of cases) assertReparsed(before, parseErlangTerms(before).tree, after, JSON.stringify(after));
});
