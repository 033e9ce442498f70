/**
 * Child processes for the harness: one-shot commands, and long-running
 * services started in their own process group so that stopping one ends
 * every process it spawned (code-server forks an extension host, which forks
 * our language server; chromium forks renderers and zygotes).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Echo the command's output while it runs (long installs). */
  readonly echo?: boolean;
  /** Exit codes that still count as success (0 always does). */
  readonly okExitCodes?: readonly number[];
  /** Only stdout is returned (stderr still goes into a failure's message). */
  readonly stdoutOnly?: boolean;
}

/** Runs a command to completion; rejects with the tail of its output when it fails. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      collect(chunk);
    });
    child.stderr!.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0 || (code !== null && options.okExitCodes?.includes(code))) resolvePromise(options.stdoutOnly ? stdout : output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`));
    });
  });
}

/** The full path of an executable found on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** A service running as the leader of its own process group. */
export interface ServiceGroup {
  readonly pid: number;
  readonly name: string;
  /** TERM to the whole group, KILL after `graceMs`; resolves when no process of the group is left. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ServiceGroup>();

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

async function waitGroupGone(pgid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!groupAlive(pgid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !groupAlive(pgid);
}

/**
 * Starts `command` detached (a new session and process group), its output
 * appended to `logFile`. The group is also killed if this process exits.
 */
export function startGroup(name: string, command: string, args: readonly string[], logFile: string, options: SpawnOptions = {}): ServiceGroup {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  if (child.pid === undefined) throw new Error(`cannot start ${name}: ${command}`);
  const pgid = child.pid;
  const group: ServiceGroup = {
    pid: pgid,
    name,
    async stop(graceMs = 3000) {
      running.delete(group);
      signalGroup(pgid, 'SIGTERM');
      if (!(await waitGroupGone(pgid, graceMs))) {
        signalGroup(pgid, 'SIGKILL');
        await waitGroupGone(pgid, 2000);
      }
      log.end();
    },
  };
  running.add(group);
  return group;
}

/** Stops every group still running (test teardown and failure paths). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((g) => g.stop()));
}

const exitCleanups = new Set<() => void>();

/** Registers a synchronous cleanup for an abrupt end (Ctrl+C, SIGTERM from a runner); returns its removal. */
export function onAbruptExit(cleanup: () => void): () => void {
  exitCleanups.add(cleanup);
  return () => exitCleanups.delete(cleanup);
}

// Last resort when the harness dies (uncaught error, Ctrl+C): no orphaned code-server or chromium, no work dir left.
function killAllNow(): void {
  for (const g of running) signalGroup(g.pid, 'SIGKILL');
  running.clear();
  for (const cleanup of exitCleanups) {
    try {
      cleanup();
    } catch {
      /* best effort while exiting */
    }
  }
  exitCleanups.clear();
}
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}
