// The fuzz checks can fail: each target's check accepts its parser's real
// outcome for a real file and rejects the same outcome once corrupted (a
// span pushed past the end, a piece of the tree dropped, a character of the
// masked text changed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS } from './targets.js';

/** A deep copy that keeps bigints and typed arrays (trees hold both). */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The first `{start, end}` found in `root`, breadth first. */
function firstSpan(root: unknown): { start: number; end: number } {
  const queue: unknown[] = [root];
  while (queue.length > 0) {
    const v = queue.shift();
    if (typeof v !== 'object' || v === null) continue;
    const s = v as { start?: unknown; end?: unknown };
    if (typeof s.start === 'number' && typeof s.end === 'number') return s as { start: number; end: number };
    queue.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  throw new Error('no span');
}

/** Removes the first element of the tree's main list, whatever the format calls it. */
function dropFirstPiece(outcome: Record<string, unknown>): void {
  const tree = (outcome.tree ?? outcome) as Record<string, unknown[]>;
  for (const key of ['forms', 'items', 'sections', 'entries', 'spans']) {
    if (Array.isArray(tree[key]) && tree[key].length > 0) {
      tree[key].shift();
      if (key === 'items' && Array.isArray(tree.entries)) tree.entries = tree.entries.filter((e) => tree.items.includes(e));
      return;
    }
  }
  throw new Error('nothing to drop');
}

for (const target of TARGETS) {
  test(`${target.name}: the check accepts the real outcome and rejects corrupted ones`, () => {
    const text = target.seeds()[0];
    const outcome = target.run(text);
    target.check(text, outcome);

    const pastEnd = copy(outcome) as Record<string, unknown>;
    const span = firstSpan(pastEnd);
    span.end = text.length + 1;
    assert.throws(() => target.check(text, pastEnd), /outside the document|is not inside|overlaps|covers|length|text/);

    const dropped = copy(outcome) as Record<string, unknown>;
    dropFirstPiece(dropped);
    assert.throws(() => target.check(text, dropped));

    if (target.name.startsWith('template-')) {
      const masked = copy(outcome) as { text: string };
      const at = masked.text.search(/[A-Za-z]/);
      masked.text = masked.text.slice(0, at) + '#' + masked.text.slice(at + 1);
      assert.throws(() => target.check(text, masked), /unchanged|t___|blanks/);
    }
  });
}
