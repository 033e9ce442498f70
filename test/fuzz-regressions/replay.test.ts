// Replays every input that a fuzz campaign saved in cases/ (npm run fuzz),
// through the same property that failed on it. A case stays here after its
// bug is fixed, so that the bug cannot come back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes } from '../fuzz/fix-properties.js';
import { checkCase, checkLinearWork } from '../fuzz/properties.js';
import { targetNamed } from '../fuzz/targets.js';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { loadCases, textOf, type RegressionCase } from './cases.js';

function replay(c: RegressionCase): void {
  const input = c.input;
  switch (input.property) {
    case 'parse':
      checkCase(targetNamed(c.target), input.text);
      return;
    case 'linear':
      checkLinearWork(targetNamed(c.target), input.prefix, input.unit, input.suffix);
      return;
    case 'fixes':
      checkFixes(input.path, input.text);
      return;
    case 'analyze': {
      const result = analyze({ path: input.path, text: textOf(input.text) });
      assert.ok(result, `${input.path} is not recognised`);
      assert.deepEqual(result.internalErrors.map((e) => `${e.code}: ${String(e.error)}`), []);
      return;
    }
  }
}

const cases = loadCases();

test('there are saved cases to replay', () => {
  assert.ok(cases.length > 0, 'test/fuzz-regressions/cases/ is empty or missing');
});

for (const { file, testCase } of cases) {
  // A hang found by fuzzing must fail here, not stall the suite.
  test(`${file}: ${testCase.message.split('\n')[0].slice(0, 100)}`, { timeout: 60_000 }, () => replay(testCase));
}
