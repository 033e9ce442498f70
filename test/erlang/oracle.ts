/**
 * Runs Erlang's own file:consult/1 (through test/oracles/consult.escript) on
 * many files in one process, and the skip/fail policy for when Erlang is
 * not installed: skip loudly on a developer machine, fail under CI=true.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestContext } from 'node:test';
import type { Tagged } from './tagged.js';

/** The oracle script (tests run from the project root). */
export const ESCRIPT = resolve('test/oracles/consult.escript');

/** One line of the oracle's output. */
export type Verdict =
  | { readonly file: string; readonly ok: true; readonly terms: Tagged[] }
  | { readonly file: string; readonly ok: false; readonly line: number; readonly module: string; readonly message: string }
  | { readonly file: string; readonly ok: false; readonly crash: string }
  | { readonly file: string; readonly ok: false; readonly posix: string };

let available: boolean | undefined;

/** True when `escript` can be run. */
export function oracleAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync('escript', [ESCRIPT], { encoding: 'utf8' });
    available = probe.error === undefined && probe.status === 0;
  }
  return available;
}

/**
 * Call at the start of a test that needs Erlang. Returns false (after
 * skipping the test loudly) when Erlang is missing on a developer machine;
 * fails the test when it is missing under CI=true.
 */
export function requireOracle(t: TestContext): boolean {
  if (oracleAvailable()) return true;
  const message = 'ORACLE MISSING: escript (Erlang/OTP) is not installed; the comparison with file:consult/1 did not run';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n*** ${message} ***\n`);
  t.skip(message);
  return false;
}

/** file:consult/1's verdict on each file, in order (one escript process for all). */
export function consult(files: readonly string[]): Verdict[] {
  if (files.length === 0) return [];
  const run = spawnSync('escript', [ESCRIPT, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new Error(`consult.escript failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  }
  const verdicts = run.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Verdict);
  if (verdicts.length !== files.length) throw new Error(`expected ${files.length} verdicts, got ${verdicts.length}`);
  return verdicts;
}
