/**
 * `npm run fuzz`: long fuzzing campaigns, the same properties as the
 * bounded run in parsers.test.ts and fixes.test.ts with far more inputs.
 * Every failure is shrunk by fast-check and saved under
 * test/fuzz-regressions/cases/, which the normal test suite replays; the
 * campaign then goes on with a fresh seed.
 *
 *   node --import tsx test/fuzz/campaign.ts [--runs N] [--target a,b] [--seed S]
 *       [--linear-runs N] [--analysis-runs N] [--fix-runs N]
 *
 * Targets: the parser targets of targets.ts, `analysis` and `fixes`.
 * Defaults: 1,000,000 inputs per parser target, 10,000 doubling checks per
 * target, 100,000 files per language for the whole analysis, 20,000 mutated
 * files for the fixes; the seed is the clock's.
 */
import fc from 'fast-check';
import { saveCase, type RegressionInput } from '../fuzz-regressions/cases.js';
import { ANALYSIS_ROUTES, checkAnalysis } from './analysis-properties.js';
import { fuzzInput, repeatedUnit } from './arbitraries.js';
import { checkFixes } from './fix-properties.js';
import { checkCase, checkLinearWork } from './properties.js';
import { lightlyMutated } from './mutate-files.js';
import { seedFiles } from './seeds.js';
import { TARGETS, targetNamed } from './targets.js';

interface CampaignOptions {
  readonly runs: number;
  readonly linearRuns: number;
  readonly fixRuns: number;
  readonly analysisRuns: number;
  readonly targets: ReadonlySet<string> | undefined;
  readonly seed: number;
}

function readOptions(argv: readonly string[]): CampaignOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const targets = value('--target');
  return {
    runs: Number(value('--runs') ?? 1_000_000),
    linearRuns: Number(value('--linear-runs') ?? 10_000),
    fixRuns: Number(value('--fix-runs') ?? 20_000),
    analysisRuns: Number(value('--analysis-runs') ?? 100_000),
    targets: targets ? new Set(targets.split(',')) : undefined,
    seed: Number(value('--seed') ?? Date.now() % 2 ** 31),
  };
}

/** Runs `property` for `runs` inputs in chunks, saving each failure and reseeding after it. */
function campaign<T>(
  label: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  toInput: (value: T) => RegressionInput,
  target: string,
  runs: number,
  firstSeed: number,
): number {
  const chunk = 50_000;
  let done = 0;
  let failures = 0;
  let seed = firstSeed;
  const started = performance.now();
  while (done < runs) {
    const numRuns = Math.min(chunk, runs - done);
    const details = fc.check(fc.property(arbitrary, predicate), { seed, numRuns });
    done += details.numRuns;
    if (details.failed && details.counterexample) {
      failures++;
      const [value] = details.counterexample;
      const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const path = saveCase({ target, input: toInput(value), message, seed, found: new Date().toISOString() });
      console.error(`fuzz: ${label}: FAILURE saved to ${path}\n  ${message.split('\n')[0]}`);
    }
    seed = (seed + 1) % 2 ** 31;
    const rate = done / ((performance.now() - started) / 1000);
    console.error(`fuzz: ${label}: ${done}/${runs} inputs, ${failures} failure(s), ${rate.toFixed(0)}/s`);
  }
  return failures;
}

function main(): void {
  const options = readOptions(process.argv.slice(2));
  console.error(`fuzz: seed ${options.seed}`);
  let failures = 0;
  for (const target of TARGETS) {
    if (options.targets && !options.targets.has(target.name)) continue;
    failures += campaign(
      `${target.name} parse`,
      fuzzInput(target),
      (text) => checkCase(target, text),
      (text) => ({ property: 'parse', text }),
      target.name,
      options.runs,
      options.seed,
    );
    failures += campaign(
      `${target.name} linear`,
      repeatedUnit(target),
      ({ prefix, unit, suffix }) => checkLinearWork(target, prefix, unit, suffix),
      ({ prefix, unit, suffix }) => ({ property: 'linear', prefix, unit, suffix }),
      target.name,
      options.linearRuns,
      options.seed,
    );
  }
  if (!options.targets || options.targets.has('analysis')) {
    for (const [target, path] of ANALYSIS_ROUTES) {
      failures += campaign(
        `analysis ${path}`,
        fuzzInput(targetNamed(target)),
        (text) => checkAnalysis(path, text),
        (text) => ({ property: 'analyze', path, text }),
        'analysis',
        options.analysisRuns,
        options.seed,
      );
    }
  }
  if (!options.targets || options.targets.has('fixes')) {
    failures += campaign(
      'fixes',
      lightlyMutated(seedFiles().filter((f) => f.language)),
      ({ path, text }) => checkFixes(path, text),
      ({ path, text }) => ({ property: 'fixes', path, text }),
      'fixes',
      options.fixRuns,
      options.seed,
    );
  }
  console.error(`fuzz: done, ${failures} failure(s)${failures > 0 ? ' saved under test/fuzz-regressions/cases/' : ''}`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main();
