// The work measure the fuzz properties rely on: deterministic, restored
// afterwards, and able to tell a linear scan from a quadratic one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearWork } from './properties.js';
import type { FuzzTarget } from './targets.js';
import { measureWork } from './work-meter.js';

function fakeTarget(run: (text: string) => unknown): FuzzTarget {
  return { name: 'fake', run, check: () => undefined, tokens: ['x'], seeds: () => ['x'] };
}

/** One pass over the text. */
function linear(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** For every line, a search from the start of the text: the classic accidental quadratic. */
function quadratic(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += text.slice(0, i).length;
  return n;
}

test('the same input costs the same work, every time', () => {
  const text = 'a = 1\n'.repeat(500);
  const counts = new Set(Array.from({ length: 5 }, () => measureWork(() => linear(text)).work));
  assert.equal(counts.size, 1);
  assert.equal([...counts][0], text.length);
});

test('the built-ins are restored after a measurement, even one that throws', () => {
  const original = String.prototype.charCodeAt;
  assert.throws(() => measureWork(() => { throw new Error('boom'); }), /boom/);
  measureWork(() => 'abc'.charCodeAt(0));
  assert.equal(String.prototype.charCodeAt, original);
});

test('a linear scan passes the doubling check and a quadratic one fails it', () => {
  checkLinearWork(fakeTarget(linear), '', 'key = value\n', '');
  assert.throws(() => checkLinearWork(fakeTarget(quadratic), '', 'key = value\n', ''), /more than 2.5×/);
});
