/**
 * Where the end-to-end harness keeps things and which versions it pins.
 * Everything heavy lives in a cache directory outside the repository so a
 * warm run costs only the start of code-server and the browser.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers/paths.js';

/** code-server 4.100.3 is VS Code 1.100, the newest whose install accepts Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** playwright-core drives Debian's chromium; it never downloads a browser. */
export const PLAYWRIGHT_VERSION = '1.65.1';
/** vsce 3.9.1 is the newest 3.x that still declares Node 20 support (3.9.2 wants Node 22). */
export const VSCE_VERSION = '3.9.1';
/** @vscode/ripgrep pinned by code-server 4.100.3's lib/vscode; its postinstall cache is pre-seeded. */
export const RIPGREP_PACKAGE_VERSION = '1.15.11';
export const RIPGREP_BINARY_TAG = 'v13.0.0-10';

/** Root of the tool cache: `MQ_HARDEN_E2E_CACHE`, else `$XDG_CACHE_HOME/mq-harden-e2e`, else `~/.cache/mq-harden-e2e`. */
export function cacheDir(): string {
  if (process.env.MQ_HARDEN_E2E_CACHE) return resolve(process.env.MQ_HARDEN_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'mq-harden-e2e');
}

/** The npm project holding code-server (its `node_modules/code-server`). */
export function codeServerDir(): string {
  return join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The npm project holding playwright-core and vsce. */
export function toolsDir(): string {
  return join(cacheDir(), `tools-pw${PLAYWRIGHT_VERSION}-vsce${VSCE_VERSION}`);
}

export function codeServerBin(): string {
  return join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

/** Debian's chromium unless `CHROMIUM` names another build. */
export function chromiumPath(): string {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

/** Screenshots, logs and diagnostics dumps of the last run: `MQ_HARDEN_E2E_OUT` or test-output/e2e/. */
export function outputDir(): string {
  return resolve(process.env.MQ_HARDEN_E2E_OUT || join(ROOT, 'test-output', 'e2e'));
}

export { ROOT };

/** A package's file resolved from the project first (once it is a devDependency), else from the tool cache. */
export function resolveTool(pkgFile: string): string {
  for (const base of [join(ROOT, 'node_modules'), join(toolsDir(), 'node_modules')]) {
    const p = join(base, pkgFile);
    if (existsSync(p)) return p;
  }
  throw new Error(`${pkgFile} is neither in the project's node_modules nor in ${toolsDir()}: run node --import tsx test/e2e/setup.ts`);
}
