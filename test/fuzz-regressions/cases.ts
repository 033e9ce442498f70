/**
 * Failing inputs found by fuzzing, kept as JSON files in cases/ and replayed
 * by replay.test.ts on every `npm test`. A new file is a bug to fix: its
 * test fails until the code is right.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CASES_DIR = join(__dirname, 'cases');

/** Which property failed, and on what. */
export type RegressionInput =
  /** A parser or the masker on one text (test/fuzz/properties.ts checkCase). */
  | { readonly property: 'parse'; readonly text: string }
  /** Work growth on `prefix + unit × n + suffix` (checkLinearWork). */
  | { readonly property: 'linear'; readonly prefix: string; readonly unit: string; readonly suffix: string }
  /** The fix properties on one file (test/fuzz/fix-properties.ts checkFixes). */
  | { readonly property: 'fixes'; readonly path: string; readonly text: string }
  /** The whole analysis of one file must not throw (nor any rule fail). */
  | { readonly property: 'analyze'; readonly path: string; readonly text: TextRecipe };

/**
 * A text, or how to build a large one without storing megabytes:
 * `prefix + unit × count + suffix`.
 */
export type TextRecipe = string | { readonly prefix: string; readonly unit: string; readonly count: number; readonly suffix: string };

export function textOf(recipe: TextRecipe): string {
  return typeof recipe === 'string' ? recipe : recipe.prefix + recipe.unit.repeat(recipe.count) + recipe.suffix;
}

export interface RegressionCase {
  /** A fuzz target's name (test/fuzz/targets.ts), or `fixes`. */
  readonly target: string;
  readonly input: RegressionInput;
  /** The assertion that failed when it was found. */
  readonly message: string;
  /** fast-check seed of the run that found it, to reproduce the whole run. */
  readonly seed?: number;
  readonly found: string;
}

export function loadCases(): { file: string; testCase: RegressionCase }[] {
  if (!existsSync(CASES_DIR)) return [];
  return readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, testCase: JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as RegressionCase }));
}

/** Saves a case under a name derived from its content (saving it twice keeps one file); returns the path. */
export function saveCase(testCase: RegressionCase): string {
  mkdirSync(CASES_DIR, { recursive: true });
  const hash = createHash('sha256').update(JSON.stringify([testCase.target, testCase.input])).digest('hex').slice(0, 12);
  const path = join(CASES_DIR, `${testCase.target}-${testCase.input.property}-${hash}.json`);
  writeFileSync(path, JSON.stringify(testCase, null, 2) + '\n');
  return path;
}
