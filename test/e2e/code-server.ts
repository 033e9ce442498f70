/**
 * An isolated code-server for one run: its own HOME, XDG dirs, TMPDIR, user
 * data and extensions, a copy of the workspace, loopback only, no auth.
 * Nothing it writes lands in the user's real profile or in the repository.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerBin } from './config.js';
import { run, startGroup, type ServiceGroup } from './processes.js';

/** User settings of the isolated instance: quiet, deterministic, offline. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'remote.autoForwardPorts': false,
  'files.autoSave': 'off',
  // Suggestions only when the suite asks (Ctrl+Space), never while it types.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.wordBasedSuggestions': 'off',
  'editor.snippetSuggestions': 'top',
  // Key-file checks (RMQ111/RMQ112) depend on this machine's /etc: off, so the expected codes are the file's alone.
  'mq-harden.checkFilePermissions': false,
};

export interface WorkDir {
  /** Short path under the system tmp dir (code-server's unix sockets need < 108 characters). */
  readonly root: string;
  /** The folder opened in VS Code: a copy of examples/ plus scratch files. */
  readonly workspace: string;
  /** Where the probe extension writes its diagnostics dump. */
  readonly dumpFile: string;
  readonly logFile: string;
}

/** Creates a fresh work dir with a copy of `examplesDir` as the workspace, plus `extraFiles` (relative path → text). */
export function prepareWorkDir(examplesDir: string, extraFiles: Readonly<Record<string, string>>): WorkDir {
  const root = mkdtempSync(join(tmpdir(), 'mqh-e2e-'));
  for (const d of ['home', 'xdg/config', 'xdg/data', 'xdg/cache', 'tmp', 'user-data/User', 'extensions', 'out']) mkdirSync(join(root, d), { recursive: true });
  const workspace = join(root, 'ws');
  cpSync(examplesDir, workspace, { recursive: true });
  for (const [rel, text] of Object.entries(extraFiles)) {
    mkdirSync(join(workspace, rel, '..'), { recursive: true });
    writeFileSync(join(workspace, rel), text);
  }
  // MQ_HARDEN_E2E_TRACE=1: the client logs every LSP message in its output channel (kept in logs/vscode/).
  const settings = process.env.MQ_HARDEN_E2E_TRACE === '1' ? { ...USER_SETTINGS, 'mq-harden.trace.server': 'verbose' } : USER_SETTINGS;
  writeFileSync(join(root, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  return { root, workspace, dumpFile: join(root, 'out', 'diagnostics.json'), logFile: join(root, 'out', 'code-server.log') };
}

/** Everything code-server, chromium and their children write goes under the work dir. */
export function isolatedEnv(work: WorkDir): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: join(work.root, 'home'),
    XDG_CONFIG_HOME: join(work.root, 'xdg', 'config'),
    XDG_DATA_HOME: join(work.root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(work.root, 'xdg', 'cache'),
    TMPDIR: join(work.root, 'tmp'),
    MQ_HARDEN_E2E_DUMP: work.dumpFile,
    // If the suite itself runs with NODE_OPTIONS (e.g. --import tsx), code-server and our server must not.
    NODE_OPTIONS: '',
  };
}

function commonArgs(work: WorkDir): string[] {
  return [
    '--config', join(work.root, 'config.yaml'),
    '--user-data-dir', join(work.root, 'user-data'),
    '--extensions-dir', join(work.root, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/** Installs the given .vsix files into the instance's extensions dir (one code-server process for all). */
export async function installExtensions(work: WorkDir, vsixFiles: readonly string[]): Promise<string> {
  const args = [...commonArgs(work), ...vsixFiles.flatMap((v) => ['--install-extension', v]), '--force'];
  return run(codeServerBin(), args, { env: isolatedEnv(work) });
}

/** A free loopback port (the kernel picks; released just before code-server binds it). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningCodeServer {
  readonly url: string;
  readonly group: ServiceGroup;
}

async function waitHealthy(url: string, group: ServiceGroup, work: WorkDir, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    try {
      process.kill(group.pid, 0);
    } catch {
      throw new Error(`code-server exited during start:\n${readFileSync(work.logFile, 'utf8').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server not healthy after ${timeoutMs} ms:\n${readFileSync(work.logFile, 'utf8').slice(-3000)}`);
}

/** Starts code-server in its own process group and resolves once /healthz answers. */
export async function startCodeServer(work: WorkDir, timeoutMs = 60_000): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    ...commonArgs(work),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-file-downloads',
    '--ignore-last-opened',
    '--log', 'info',
  ];
  const group = startGroup('code-server', codeServerBin(), args, work.logFile, { env: isolatedEnv(work), cwd: work.root });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, group, work, timeoutMs);
  } catch (e) {
    await group.stop();
    throw e;
  }
  return { url, group };
}

/** Removes the work dir, unless MQ_HARDEN_E2E_KEEP=1 asks to keep it for a look. */
export function removeWorkDir(work: WorkDir): void {
  if (process.env.MQ_HARDEN_E2E_KEEP === '1') {
    console.log(`[e2e] keeping ${work.root}`);
    return;
  }
  rmSync(work.root, { recursive: true, force: true });
}
