/**
 * Bookkeeping for every process the harness starts, so that a test run never
 * leaves a broker or an epmd behind.
 *
 * Three layers: `stop()` on the broker handle (the normal way); a
 * process-exit hook that SIGKILLs whatever is still registered (a test threw,
 * the file ended without `stop()`); and a detached watchdog process
 * (scripts/broker/watchdog.mjs) for when this Node process itself is killed
 * and no hook runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

/** A child process we own; `group` when it leads its own process group. */
export interface OwnedProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly group: boolean;
  /** Settles once the process has exited (with its code, or null after a signal). */
  readonly exited: Promise<number | null>;
}

/** Kill targets still alive: a pid, or a negative pgid for a whole group. */
const registered = new Set<number>();

/** Temp folders to delete if the process exits before their owner does. */
const tempDirs = new Set<string>();

let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; process.kill is.
  process.on('exit', () => {
    for (const target of registered) signal(target, 'SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** Deletes `dir` at process exit unless {@link forgetTempDir} is called first. */
export function removeTempDirOnExit(dir: string): void {
  installExitHook();
  tempDirs.add(dir);
}

export function forgetTempDir(dir: string): void {
  tempDirs.delete(dir);
}

function killTarget(owned: OwnedProcess): number {
  return owned.group ? -owned.pid : owned.pid;
}

/** Sends a signal, ignoring "no such process". */
function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // already gone
  }
}

export function hasExited(owned: OwnedProcess): boolean {
  return owned.child.exitCode !== null || owned.child.signalCode !== null;
}

/** Registers a freshly spawned child for cleanup. */
export function own(child: ChildProcess, group: boolean): OwnedProcess {
  if (child.pid === undefined) throw new Error(`could not start ${child.spawnfile}`);
  installExitHook();
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  const owned: OwnedProcess = { child, pid: child.pid, group, exited };
  registered.add(killTarget(owned));
  void exited.then(() => registered.delete(killTarget(owned)));
  return owned;
}

function delay(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/** Waits up to `ms` for the process to exit; true if it did. */
export async function exitsWithin(owned: OwnedProcess, ms: number): Promise<boolean> {
  owned.child.ref();
  return hasExited(owned) || (await Promise.race([owned.exited, delay(ms)])) !== 'timeout';
}

/** SIGKILLs a process we did not spawn ourselves (e.g. a grandchild), ignoring "no such process". */
export function killPid(pid: number): void {
  signal(pid, 'SIGKILL');
}

/**
 * Ends a process (its whole group when it leads one): SIGTERM, then SIGKILL
 * if it has not exited after `graceMs`; a grace of 0 means SIGKILL at once.
 * Resolves once it has exited.
 */
export async function terminate(owned: OwnedProcess, graceMs: number): Promise<void> {
  const target = killTarget(owned);
  // An unref'd child (the watchdog) would not keep Node alive until its 'exit'.
  owned.child.ref();
  if (!hasExited(owned)) {
    if (graceMs <= 0) {
      signal(target, 'SIGKILL');
    } else {
      signal(target, 'SIGTERM');
      if ((await Promise.race([owned.exited, delay(graceMs)])) === 'timeout') signal(target, 'SIGKILL');
    }
    await owned.exited;
  }
  // The group may outlive its leader (a child that ignored SIGTERM).
  if (owned.group) signal(target, 'SIGKILL');
  registered.delete(target);
}

const WATCHDOG_SCRIPT = join(ROOT, 'scripts', 'broker', 'watchdog.mjs');

/**
 * Starts a detached watchdog that SIGKILLs the targets (pids, or negative
 * pgids) if this Node process dies first. It exits by itself once the
 * targets are gone.
 */
export function startWatchdog(targets: readonly number[]): OwnedProcess {
  const child = spawn(process.execPath, [WATCHDOG_SCRIPT, String(process.pid), ...targets.map(String)], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return own(child, false);
}
