/**
 * Installs what the end-to-end suite needs into the cache directory (see
 * config.ts), once: code-server from npm, and playwright-core + vsce. Each
 * install is marked complete only after its result was checked, so an
 * interrupted install is redone, never half-used.
 *
 * Run alone with `node --import tsx test/e2e/setup.ts`; the suite calls it too.
 *
 * code-server's postinstall builds native modules and downloads ripgrep. To
 * stay on the npm registry and Debian's apt only, three things are arranged:
 * node-gyp compiles against the local Node headers (npm_config_nodedir), the
 * `npx node-gyp` inside node-pty's install may fetch from npm without asking
 * (npm_config_yes), and @vscode/ripgrep finds Debian's rg already in its
 * download cache.
 */
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  cacheDir,
  chromiumPath,
  CODE_SERVER_VERSION,
  codeServerDir,
  PLAYWRIGHT_VERSION,
  RIPGREP_BINARY_TAG,
  RIPGREP_PACKAGE_VERSION,
  toolsDir,
  VSCE_VERSION,
} from './config.js';
import { findOnPath, run } from './processes.js';

/** apt packages the suite needs (Debian 12); named in every "missing" message. */
export const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'build-essential', 'pkg-config', 'python3'];

const MARKER = '.mq-harden-e2e-complete';

/** The directory whose include/node/node.h node-gyp should compile against. */
function nodeHeadersPrefix(): string {
  const prefix = dirname(dirname(realpathSync(process.execPath)));
  if (!existsSync(join(prefix, 'include', 'node', 'node.h'))) {
    throw new Error(`no Node headers under ${prefix}/include/node: install Node with its headers (nodesource's nodejs has them)`);
  }
  return prefix;
}

/** What is missing on this machine, as human-readable lines (empty when all is there). */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(chromiumPath())) missing.push(`chromium at ${chromiumPath()} (apt-get install chromium, or set CHROMIUM)`);
  if (!findOnPath('rg')) missing.push('rg (apt-get install ripgrep)');
  if (!findOnPath('krb5-config')) missing.push('krb5-config (apt-get install libkrb5-dev)');
  if (!findOnPath('make') || !findOnPath('g++')) missing.push('make and g++ (apt-get install build-essential)');
  return missing;
}

function ripgrepArchiveName(): string {
  const triple = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  return `ripgrep-${RIPGREP_BINARY_TAG}-${triple}.tar.gz`;
}

function freshProject(dir: string, name: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }) + '\n');
}

function assertFile(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`${what} missing after install: ${path}`);
}

async function installCodeServer(log: (s: string) => void): Promise<void> {
  const dir = codeServerDir();
  if (existsSync(join(dir, MARKER))) return;
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`cannot install code-server, missing:\n  ${missing.join('\n  ')}\napt-get install -y ${APT_PACKAGES.join(' ')}`);
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (a few minutes, once)`);
  freshProject(dir, 'mq-harden-e2e-code-server');
  const tmp = join(dir, '.tmp');
  const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(rgCache, { recursive: true });
  await run('tar', ['czf', join(rgCache, ripgrepArchiveName()), '-C', dirname(findOnPath('rg')!), 'rg']);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_nodedir: nodeHeadersPrefix(),
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  await run('npm', ['install', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, echo: process.env.MQ_HARDEN_E2E_VERBOSE === '1' });
  const vscode = join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  assertFile(join(vscode, '@vscode', 'ripgrep', 'bin', 'rg'), 'ripgrep for VS Code search');
  assertFile(join(vscode, 'node-pty', 'build', 'Release', 'pty.node'), 'node-pty native module');
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(join(dir, MARKER), `code-server@${CODE_SERVER_VERSION}\n`);
}

async function installTools(log: (s: string) => void): Promise<void> {
  const dir = toolsDir();
  if (existsSync(join(dir, MARKER))) return;
  log(`installing playwright-core ${PLAYWRIGHT_VERSION} and @vscode/vsce ${VSCE_VERSION} into ${dir}`);
  freshProject(dir, 'mq-harden-e2e-tools');
  // playwright-core has no install script and downloads no browser; we use chromiumPath().
  await run('npm', ['install', '--no-audit', '--no-fund', `playwright-core@${PLAYWRIGHT_VERSION}`, `@vscode/vsce@${VSCE_VERSION}`], { cwd: dir });
  assertFile(join(dir, 'node_modules', 'playwright-core', 'package.json'), 'playwright-core');
  assertFile(join(dir, 'node_modules', '@vscode', 'vsce', 'vsce'), 'vsce');
  writeFileSync(join(dir, MARKER), `playwright-core@${PLAYWRIGHT_VERSION} @vscode/vsce@${VSCE_VERSION}\n`);
}

/** Installs whatever is not yet in the cache; cheap when everything is. */
export async function ensureTools(log: (s: string) => void = (s) => console.log(`[e2e setup] ${s}`)): Promise<void> {
  mkdirSync(cacheDir(), { recursive: true });
  // Sequential: two concurrent npm installs compete for npm's cache lock and the CPU.
  await installTools(log);
  await installCodeServer(log);
}

if (require.main === module) {
  const started = Date.now();
  ensureTools()
    .then(() => console.log(`[e2e setup] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cacheDir()}`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
