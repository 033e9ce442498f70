// Bounded fuzzing of the whole analysis: every fuzz target's inputs, routed
// to each language by file name, never make the analysis throw or a rule
// fail, and every diagnostic lies inside the document.
import { test } from 'node:test';
import fc from 'fast-check';
import { ANALYSIS_ROUTES, checkAnalysis } from './analysis-properties.js';
import { fuzzInput } from './arbitraries.js';
import { targetNamed } from './targets.js';

const RUNS = Math.max(20, Math.round(Number(process.env.FUZZ_RUNS ?? 2000) / 5));
const SEED = Number(process.env.FUZZ_SEED ?? 0x6d71);

for (const [target, path] of ANALYSIS_ROUTES) {
  test(`analysis of ${path} on ${target} inputs: no exception, no failed rule, diagnostics inside the document`, () => {
    fc.assert(fc.property(fuzzInput(targetNamed(target)), (text) => checkAnalysis(path, text)), { seed: SEED + 2, numRuns: RUNS });
  });
}
