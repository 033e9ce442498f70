/**
 * Start-up and size: how long the CLI and the extension's bundle take to
 * load, and how big the shipped bundles are. (Server start to first
 * diagnostics is in the LSP group.)
 */
import { buildSync } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, missing, type Figure } from '../figures.js';
import { ROOT } from '../paths.js';
import { runProcess } from '../processes.js';
import { summarize } from '../stats.js';
import type { SuiteContext } from './context.js';

const GROUP = 'startup';
const BUNDLES = [
  ['client', 'client/src/extension.ts', ['vscode']],
  ['server', 'server/src/lsp/main.ts', []],
  ['cli', 'server/src/cli/main.ts', []],
] as const;

const kib = (bytes: number) => bytes / 1024;
const one = (v: number) => ({ median: v, min: v, max: v, runs: 1 });

function sizeFigures(workDir: string): Figure[] {
  const figures: Figure[] = [];
  for (const [name, entry, external] of BUNDLES) {
    const shipped = join(ROOT, 'dist', `${name}.js`);
    if (!existsSync(shipped)) {
      figures.push(missing(GROUP, `${name}_bundle`, `dist/${name}.js`, 'KiB', 'not built (npm run build)'));
      continue;
    }
    const minified = join(workDir, 'min', `${name}.js`);
    buildSync({ entryPoints: [join(ROOT, entry)], outfile: minified, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, external: [...external], logLevel: 'warning', define: { MQ_HARDEN_VERSION: '"bench"' } });
    const min = readFileSync(minified);
    figures.push(
      figure(GROUP, `${name}_bundle`, `dist/${name}.js as built by npm run build`, 'KiB', one(kib(statSync(shipped).size))),
      figure(GROUP, `${name}_minified`, `${name} bundle minified, as packaged (gzip ${kib(gzipSync(min).length).toFixed(0)} KiB)`, 'KiB', one(kib(min.length))),
    );
  }
  return figures;
}

/**
 * The .vsix as `npm run package` makes it (production bundles, vsce),
 * written to the scratch directory. Packaging rebuilds dist/ minified, so
 * this runs after every other figure.
 */
function vsixFigure(workDir: string): Figure {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.package) return missing(GROUP, 'vsix', '.vsix size', 'KiB', 'no `npm run package` script yet');
  const vsix = join(workDir, 'bench.vsix');
  const run = runProcess('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT });
  if (run.status !== 0 || !existsSync(vsix)) return missing(GROUP, 'vsix', '.vsix size', 'KiB', `npm run package failed: ${(run.stderr || run.stdout).slice(-300)}`);
  return figure(GROUP, 'vsix', '.vsix size (npm run package)', 'KiB', one(kib(statSync(vsix).size)));
}

export function startupSuite(ctx: SuiteContext): Figure[] {
  ctx.log('start-up and sizes');
  const cli = join(ROOT, 'dist', 'cli.js');
  const version: number[] = [];
  const client: number[] = [];
  for (let k = 0; k < ctx.runs; k++) {
    version.push(runProcess(process.execPath, [cli, '--version']).ms);
    const load = runProcess(process.execPath, [join(ROOT, 'scripts', 'bench', 'load-client.cjs'), ROOT]);
    if (load.status === 0) client.push(Number(load.stdout));
  }
  return [
    figure(GROUP, 'cli_version', 'CLI start: `mq-harden --version`, whole process', 'ms', summarize(version)),
    client.length > 0
      ? figure(GROUP, 'client_load', 'extension bundle load (require dist/client.js, vscode stubbed)', 'ms', summarize(client), {
        note: 'activation itself needs VS Code: not measured here',
      })
      : missing(GROUP, 'client_load', 'extension bundle load', 'ms', 'dist/client.js did not load outside VS Code'),
    missing(GROUP, 'activation', 'extension activation in VS Code', 'ms', 'needs a VS Code instance (the e2e harness); not measured by this script'),
    ...sizeFigures(ctx.workDir),
    vsixFigure(ctx.workDir),
  ];
}
