// Fix-all stops: when no safe fix is left (settled), and when fixes do not
// settle — a pass repeating the previous pass's edits, a pass that changes
// nothing or brings back an earlier text, or the pass bound. The engine's
// own rules are driven through real files; the failure modes through small
// stand-in analyses, since a correct rule set should never show them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { fixAll, fixUntilSettled, MAX_FIX_PASSES, type DiagnosedText } from '../../server/src/engine/analysis/fix-all.js';
import type { EngineDiagnostic, SpanEdit } from '../../server/src/engine/core/findings.js';
import { LineIndex } from '../../server/src/engine/core/text.js';
import { measureWork } from '../fuzz/work-meter.js';

/** An analysis of `text` whose findings each offer one safe fix made of `edits`. */
function diagnosed(text: string, fixes: readonly (readonly SpanEdit[])[]): DiagnosedText {
  const lines = new LineIndex(text);
  const diagnostics: EngineDiagnostic[] = fixes.map((edits, i) => ({
    code: `T${i}`,
    severity: 'warning',
    message: `finding ${i}`,
    range: lines.rangeOf({ start: 0, end: 0 }),
    span: { start: 0, end: 0 },
    codeDescription: { href: '' },
    source: 'mq-harden',
    fixes: [{ title: `fix ${i}`, safe: true, edits: edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText })) }],
  }));
  return { lines, diagnostics };
}

const insert = (at: number, newText: string): SpanEdit => ({ span: { start: at, end: at }, newText });

test('two insertions at one offset are applied in two passes, then fix-all settles', () => {
  // Each fix adds its word once; the findings go when their word is there.
  const result = fixUntilSettled('x', (text) =>
    diagnosed(text, [...(text.includes('a') ? [] : [[insert(0, 'a')]]), ...(text.includes('b') ? [] : [[insert(0, 'b')]])]),
  );
  assert.equal(result.text, 'bax');
  assert.equal(result.settled, true);
  assert.equal(result.passes, 2);
  assert.deepEqual(result.applied.map((a) => a.code), ['T0', 'T0']);
});

test('a fix that leaves its finding in place is undone, and fix-all reports it did not settle', () => {
  // The finding stays whatever the text, and its fix always inserts the same line at the same place.
  const result = fixUntilSettled('[a].\n', (text) => diagnosed(text, [[insert(4, ',\n b')]]));
  assert.equal(result.text, '[a].\n');
  assert.deepEqual(result.applied, []);
  assert.equal(result.settled, false);
  assert.equal(result.passes, 0);
});

test('only the repeated pass is undone: earlier passes that worked stay', () => {
  // Pass 1 fixes a real finding (adds `a`); then a stubborn fix inserts `!` at the start, pass after pass.
  const result = fixUntilSettled('x', (text) => diagnosed(text, text.includes('a') ? [[insert(0, '!')]] : [[insert(0, 'a')]]));
  assert.equal(result.text, 'ax');
  assert.deepEqual(result.applied.map((a) => a.title), ['fix 0']);
  assert.equal(result.passes, 1);
  assert.equal(result.settled, false);
});

test('a fix whose edit changes nothing stops fix-all at once', () => {
  const result = fixUntilSettled('abc', (text) => diagnosed(text, [[{ span: { start: 0, end: 1 }, newText: 'a' }]]));
  assert.equal(result.text, 'abc');
  assert.deepEqual(result.applied, []);
  assert.equal(result.settled, false);
});

test('two fixes that undo each other stop before the text comes back', () => {
  // a → b, then b → a: the second pass would bring back the original.
  const flip = (text: string) => diagnosed(text, [[{ span: { start: 0, end: 1 }, newText: text[0] === 'a' ? 'b' : 'a' }]]);
  const result = fixUntilSettled('a', flip);
  assert.equal(result.text, 'b');
  assert.equal(result.applied.length, 1);
  assert.equal(result.settled, false);
});

test('a fix that always finds more to do stops at the pass bound', () => {
  let analyses = 0;
  const result = fixUntilSettled('', (text) => {
    analyses++;
    return diagnosed(text, [[insert(text.length, '.')]]);
  });
  assert.ok(MAX_FIX_PASSES <= 10, 'the bound stays small');
  assert.equal(result.text, '.'.repeat(MAX_FIX_PASSES));
  assert.equal(result.passes, MAX_FIX_PASSES);
  assert.equal(result.applied.length, MAX_FIX_PASSES);
  assert.equal(result.settled, false);
  assert.equal(analyses, MAX_FIX_PASSES + 1);
});

test('a text that is none of ours: nothing to do', () => {
  const result = fixUntilSettled('text', () => undefined);
  assert.deepEqual(result, { text: 'text', applied: [], settled: true, passes: 0 });
});

test('fix-all on a real file settles and leaves no safe fix behind', () => {
  const path = '/t/rabbitmq.config';
  const text = "[{rabbit, [{tcp_listeners, [5672]}, {ssl_listeners, [5671]},\n  {ssl_options, [{verify, verify_none}, {versions, ['tlsv1.1']}]}]}].\n";
  const result = fixAll({ path, text });
  assert.equal(result.settled, true);
  assert.ok(result.passes >= 1 && result.passes < MAX_FIX_PASSES, `${result.passes} passes`);
  assert.ok(result.applied.length >= 3, result.applied.map((a) => a.code).join(', '));
  const after = analyze({ path, text: result.text });
  assert.ok(after);
  assert.deepEqual(after.diagnostics.filter((d) => d.fixes.some((f) => f.safe)).map((d) => d.code), []);
  assert.deepEqual(after.document.syntaxErrors, []);
});

test('a pass over thousands of fixes costs one sweep, not one per fix', () => {
  const line = 'key = value\n';
  const count = 20_000;
  const text = line.repeat(count);
  // Every line but the first is "set again" and removed; once they are gone nothing is left to fix.
  const first = diagnosed(text, Array.from({ length: count - 1 }, (_, i) => [{ span: { start: (i + 1) * line.length, end: (i + 2) * line.length }, newText: '' }]));
  const done = diagnosed(line, []);
  const { result, work } = measureWork(() => fixUntilSettled(text, (t) => (t === text ? first : done)));
  assert.equal(result.text, line);
  assert.equal(result.settled, true);
  assert.equal(result.applied.length, count - 1);
  assert.ok(work <= 20 * text.length, `work ${work} for a text of ${text.length}`);
});
