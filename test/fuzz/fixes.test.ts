// Fuzzing the fixes: on real files and lightly mutated ones, every
// diagnostic and every edit lies inside the document, applying any offered
// fix adds no syntax error (CFG001), and fix-all reaches a fixed point:
// applying it again changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkFixes } from './fix-properties.js';
import { lightlyMutated } from './mutate-files.js';
import { seedFiles } from './seeds.js';

const RUNS = Number(process.env.FUZZ_FIX_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 0x6d71);

test('every real file: fixes stay inside the document, add no syntax error, and fix-all is idempotent', () => {
  const files = seedFiles().filter((f) => f.language);
  assert.ok(files.length > 0, 'no seed files');
  for (const f of files) checkFixes(f.path, f.text);
});

test('lightly mutated real files: the same', () => {
  const files = seedFiles().filter((f) => f.language);
  fc.assert(fc.property(lightlyMutated(files), ({ path, text }) => checkFixes(path, text)), { seed: SEED, numRuns: RUNS });
});
