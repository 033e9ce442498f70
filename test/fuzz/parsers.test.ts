// Bounded fuzzing of every parser and of the template masker (part of
// `npm test`): random and mutated inputs never make them throw, every span
// lies in the document and covers what the tree says it does, and work
// stays within a size-scaled budget. Seeded: a failure prints its seed and
// the shrunk input, and `npm run fuzz` runs the same properties for longer.
import { test } from 'node:test';
import fc from 'fast-check';
import { fuzzInput, repeatedUnit } from './arbitraries.js';
import { checkCase, checkLinearWork } from './properties.js';
import { TARGETS } from './targets.js';

/** Cases per target and property; FUZZ_RUNS overrides (e.g. for a quick local run). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const LINEAR_RUNS = Math.max(10, Math.round(RUNS / 20));
const SEED = Number(process.env.FUZZ_SEED ?? 0x6d71);

for (const target of TARGETS) {
  test(`${target.name}: random and mutated inputs never throw, spans cover the text, work within budget`, () => {
    fc.assert(
      fc.property(fuzzInput(target), (text) => checkCase(target, text)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test(`${target.name}: doubling a repeated input at most ~doubles the work`, () => {
    fc.assert(
      fc.property(repeatedUnit(target), ({ prefix, unit, suffix }) => checkLinearWork(target, prefix, unit, suffix)),
      { seed: SEED + 1, numRuns: LINEAR_RUNS },
    );
  });
}
