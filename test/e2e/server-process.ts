/**
 * Finding the language server that the extension host started, by reading
 * /proc: the client forks `node <extension>/dist/server.js --node-ipc`, and
 * the product exposes no pid (it carries no test hooks), so the process
 * table is the one source that does not depend on the product's cooperation.
 * Linux only, as the rest of the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { waitUntil } from './wait.js';

/** One live process, as /proc describes it. */
export interface ProcessInfo {
  readonly pid: number;
  readonly parentPid: number;
  /** Process group id: every process code-server starts shares its group. */
  readonly groupId: number;
  /** The command line, one element per argument. */
  readonly argv: readonly string[];
}

/**
 * Reads /proc/<pid>; undefined when the process is gone or a zombie (killed
 * but not yet reaped by its parent: for the suite, that is gone too).
 */
export function readProcess(pid: number): ProcessInfo | undefined {
  let stat: string;
  let cmdline: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [state, parentPid, groupId] = [fields[0], Number(fields[1]), Number(fields[2])];
  if (state === 'Z' || state === 'X') return undefined;
  return { pid, parentPid, groupId, argv: cmdline.split('\0').filter((a) => a !== '') };
}

/** Every live process of process group `groupId`. */
export function processesOfGroup(groupId: number): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info?.groupId === groupId) found.push(info);
  }
  return found;
}

/** A language server process and the extension host that started it. */
export interface LanguageServerProcess {
  readonly server: ProcessInfo;
  readonly extensionHost: ProcessInfo;
}

/**
 * The language servers running `serverModule` (an absolute path to the
 * installed extension's dist/server.js) in code-server's process group,
 * each a child of an extension host. Normally one; zero while the client
 * restarts it.
 */
export function languageServers(codeServerGroup: number, serverModule: string): LanguageServerProcess[] {
  const group = processesOfGroup(codeServerGroup);
  const byPid = new Map(group.map((p) => [p.pid, p]));
  const found: LanguageServerProcess[] = [];
  for (const p of group) {
    if (!p.argv.includes(serverModule)) continue;
    const parent = byPid.get(p.parentPid);
    if (parent?.argv.includes('--type=extensionHost')) found.push({ server: p, extensionHost: parent });
  }
  return found;
}

/** One line per process, for failure messages. */
export function describeProcesses(list: readonly LanguageServerProcess[]): string {
  if (list.length === 0) return '(no language server process)';
  return list.map((l) => `server ${l.server.pid} (child of extension host ${l.extensionHost.pid})`).join(', ');
}

/**
 * Waits until exactly one language server runs and `accept` takes it (e.g.
 * "not the one just killed"); returns it.
 */
export function waitForLanguageServer(
  codeServerGroup: number,
  serverModule: string,
  what: string,
  accept: (found: LanguageServerProcess) => boolean = () => true,
  timeoutMs?: number,
): Promise<LanguageServerProcess> {
  return waitUntil(
    what,
    async () => {
      const found = languageServers(codeServerGroup, serverModule);
      return found.length === 1 && accept(found[0]) ? { done: true, value: found[0] } : { done: false, seen: describeProcesses(found) };
    },
    timeoutMs,
  );
}

/** SIGKILL to one process (a crash nobody announces), then waits until it is gone. */
export async function killProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await waitUntil(`process ${pid} to be gone after SIGKILL`, async () => (readProcess(pid) ? { done: false, seen: `pid ${pid} alive` } : { done: true, value: undefined }));
}
