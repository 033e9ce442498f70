// applySpanEdits: edits at their offsets in the original, insertions at one
// offset in the order given, overlapping edits refused, and many edits on a
// large text applied in one sweep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySpanEdits } from '../../server/src/engine/analysis/edits.js';
import { measureWork } from '../fuzz/work-meter.js';

const edit = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });

test('edits land at their offsets in the original text, whatever order they come in', () => {
  assert.equal(applySpanEdits('abcdef', [edit(4, 6, 'XY'), edit(0, 1, ''), edit(2, 2, '+')]), 'b+cdXY');
});

test('insertions at one offset keep the order given, before a replacement starting there', () => {
  assert.equal(applySpanEdits('ab', [edit(1, 1, '1'), edit(1, 1, '2'), edit(1, 2, 'B')]), 'a12B');
  assert.equal(applySpanEdits('ab', [edit(1, 2, 'B'), edit(1, 1, '1')]), 'a1B');
});

test('touching edits are fine; overlapping ones are refused', () => {
  assert.equal(applySpanEdits('abcd', [edit(0, 2, 'X'), edit(2, 4, 'Y')]), 'XY');
  assert.throws(() => applySpanEdits('abcd', [edit(0, 3, 'X'), edit(2, 4, 'Y')]), /overlapping/);
  assert.throws(() => applySpanEdits('abcd', [edit(0, 4, 'X'), edit(1, 2, 'Y')]), /overlapping/);
});

test('many edits on a large text cost one sweep of it', () => {
  const line = 'key = value\n';
  const count = 20_000;
  const text = line.repeat(count);
  // Delete every other line.
  const edits = Array.from({ length: count / 2 }, (_, i) => edit(2 * i * line.length, (2 * i + 1) * line.length, ''));
  const { result, work } = measureWork(() => applySpanEdits(text, edits));
  assert.equal(result, line.repeat(count - edits.length));
  // Copying the text once per edit would be count / 2 times its length.
  assert.ok(work <= 4 * text.length, `work ${work} for a text of ${text.length}`);
});
