/**
 * Whole-process measurements: a command's wall time from spawn to exit, as
 * a user running it would see it.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export interface ProcessRun {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runProcess(command: string, args: readonly string[], options: SpawnSyncOptions = {}): ProcessRun {
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** True when `command --version`-like probing succeeds (the tool is installed). */
export function available(command: string, args: readonly string[]): boolean {
  try {
    return spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;
  } catch {
    return false;
  }
}
