/**
 * vscode-tmgrammar-test, the grammar test runner (a devDependency): where
 * it is installed, and one run of it over fixture files.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TestContext } from 'node:test';
import { ROOT } from '../helpers/paths.js';

/** The installed tool. */
export interface GrammarTool {
  /** Its command-line script. */
  readonly bin: string;
  /** `require` as seen from the tool's package, to load its own vscode-textmate and vscode-oniguruma. */
  readonly require: NodeRequire;
}

export function findGrammarTool(): GrammarTool | undefined {
  let packageJson: string;
  try {
    packageJson = createRequire(join(ROOT, 'package.json')).resolve('vscode-tmgrammar-test/package.json');
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  return { bin: join(dirname(packageJson), manifest.bin['vscode-tmgrammar-test']), require: createRequire(packageJson) };
}

/** Under CI a missing tool is a failure; elsewhere the test is skipped, loudly. */
export function toolMissing(t: TestContext): void {
  const message = 'TOOL MISSING: vscode-tmgrammar-test is not installed (npm install --no-save vscode-tmgrammar-test, or add it to devDependencies)';
  if (process.env.CI === 'true') throw new Error(`${message} (required under CI=true)`);
  console.warn(`\n*** ${message} — skipping ${t.name} ***\n`);
  t.skip(message);
}

export interface ToolRun {
  readonly status: number | null;
  /** stdout and stderr together. */
  readonly output: string;
}

/**
 * Runs the unit-test mode over `testFiles` with every grammar given by path
 * (`-g`), from the project root. One process for all files: starting it is
 * the slow part.
 */
export function runGrammarTool(tool: GrammarTool, grammarPaths: readonly string[], testFiles: readonly string[]): ToolRun {
  const args = [tool.bin, '--compact', ...grammarPaths.flatMap((g) => ['-g', g]), ...testFiles];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
