/**
 * Running the Python oracles of the oslo tests: Debian's /usr/bin/python3,
 * where python3-oslo.config and python3-oslo.messaging are installed (the
 * `python3` on PATH may be another Python without them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import type { OsloOptionData } from '../../server/src/engine/catalog/oslo.js';

export const PYTHON = '/usr/bin/python3';

/** Why the Python oracle cannot run, or null when it can. */
export function whyPythonOracleMissing(modules: readonly string[]): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (probe.status !== 0) return `${modules.join(', ')} not importable by ${PYTHON}: ${probe.stderr.trim().split('\n').pop()}`;
  return null;
}

/** Runs a Python oracle script once, JSON in, JSON out. */
export function runPythonJson<T>(script: string, input: unknown): T {
  const r = spawnSync(PYTHON, [script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.status, 0, `oracle ${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/**
 * A valid value of `option` that differs from its default, so that an oracle
 * can see whether it reached the option ('true' when there is no option).
 */
export function probeValue(option: OsloOptionData | undefined): string {
  if (!option) return 'true';
  if (option.choices) return option.choices.find((c) => c !== option.default) ?? option.choices[0];
  switch (option.type) {
    case 'boolean':
      return option.default === true ? 'false' : 'true';
    case 'integer':
    case 'port':
    case 'float': {
      const base = typeof option.default === 'number' ? option.default : (option.min ?? 0);
      const next = base + 1;
      return String(option.max !== undefined && next > option.max ? base - 1 : next);
    }
    default:
      return 'probe-value';
  }
}

/** The oslo.messaging version installed beside the Python oracle ("14.0.3"). */
export function installedOsloMessaging(): string {
  const r = spawnSync(PYTHON, ['-c', "import importlib.metadata as m; print(m.version('oslo.messaging'))"], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}
