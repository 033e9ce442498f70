/**
 * Packages the test-only probe extension (see README.md here) as a .vsix:
 * its one TypeScript file bundled by esbuild, then `vsce package`.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveTool } from '../config.js';
import { run } from '../processes.js';

/** Builds the probe into `stagingDir` and returns the path of its .vsix. */
export async function buildProbeVsix(stagingDir: string): Promise<string> {
  mkdirSync(stagingDir, { recursive: true });
  for (const f of ['package.json', 'README.md']) copyFileSync(join(__dirname, f), join(stagingDir, f));
  await build({
    entryPoints: [join(__dirname, 'src', 'extension.ts')],
    outfile: join(stagingDir, 'extension.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const vsix = join(stagingDir, 'mq-harden-e2e-probe.vsix');
  await run(process.execPath, [resolveTool('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: stagingDir });
  return vsix;
}
