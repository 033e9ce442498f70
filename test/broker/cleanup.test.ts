/**
 * "A test run must leave no process behind", even when the test process is
 * SIGKILLed (no exit hook runs then): a child process boots a node and is
 * killed; the harness's watchdog must take the node and its epmd down, and
 * the broker slot it held must become free again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../helpers/paths.js';
import { requireBroker, type NodePids } from './harness.js';
import { acquireBrokerSlot } from './machine-lock.js';

const CHILD = join(ROOT, 'test', 'fixtures', 'broker', 'boot-and-hang.ts');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = pids.filter(alive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = left.filter(alive);
  }
  return left;
}

test('a SIGKILLed test process leaves no broker behind', async (t) => {
  if (!requireBroker(t)) return;
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before reporting its node`)));
  });
  const report = JSON.parse(firstLine) as { pids: NodePids; baseDir: string; bootError: string | null };
  t.after(() => rmSync(report.baseDir, { recursive: true, force: true }));
  assert.equal(report.bootError, null);
  const pids = [report.pids.server, report.pids.epmd, report.pids.watchdog, ...(report.pids.beam ? [report.pids.beam] : [])];
  assert.deepEqual(pids.filter((p) => !alive(p)), [], 'everything runs before the kill');

  child.kill('SIGKILL');
  const survivors = await waitUntilGone(pids, 10_000);
  assert.deepEqual(survivors, [], 'processes left behind by a killed test process');

  // The dead child's lock is stale now: the next broker must not wait for it.
  const release = await acquireBrokerSlot(120_000);
  release();
});
