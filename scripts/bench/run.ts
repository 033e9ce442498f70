/**
 * `npm run bench`: measures the figures of issue 6 side by side with the
 * real parsers, prints a table and writes bench/results.json.
 *
 *   node --import tsx scripts/bench/run.ts [--runs N] [--only group,group]
 *
 * Needs the bundles in dist/ (npm run build) for the CLI and server figures.
 * Every input is generated from a fixed seed; see docs/performance.md for
 * the method.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from './engine-bundle.js';
import type { Figure } from './figures.js';
import { ROOT } from './paths.js';
import type { SuiteContext } from './suites/context.js';
import { erlangSuite } from './suites/erlang.js';
import { lspSuite } from './suites/lsp.js';
import { osloIniSuite } from './suites/oslo-ini.js';
import { rabbitmqConfSuite } from './suites/rabbitmq-conf.js';
import { startupSuite } from './suites/startup.js';
import { workspaceSuite } from './suites/workspace.js';
import { renderTable } from './table.js';

type Suite = (ctx: SuiteContext) => Figure[] | Promise<Figure[]>;

const SUITES: readonly (readonly [string, Suite])[] = [
  ['erlang', erlangSuite],
  ['oslo_ini', osloIniSuite],
  ['rabbitmq_conf', rabbitmqConfSuite],
  ['lsp', lspSuite],
  ['workspace', workspaceSuite],
  ['startup', startupSuite],
];

interface Options {
  readonly runs: number;
  readonly only?: ReadonlySet<string>;
}

function readOptions(argv: readonly string[]): Options {
  let runs = 7;
  let only: Set<string> | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--only') only = new Set(argv[++i].split(','));
    else throw new Error(`unknown option ${argv[i]} (use --runs N, --only group,group)`);
  }
  return { runs, ...(only ? { only } : {}) };
}

function quietly(command: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 }).trim();
  } catch {
    return undefined;
  }
}

/** What the figures ran on: they mean little without it. */
function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: +(totalmem() / 1024 ** 3).toFixed(1),
    freeMemoryGiB: +(freemem() / 1024 ** 3).toFixed(1),
    node: process.version,
    python: quietly('/usr/bin/python3', ['--version']),
    otp: quietly('erl', ['-noshell', '-eval', 'io:format("~s", [erlang:system_info(otp_release)]), halt().']),
    commit: quietly('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
  };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'server.js')) || !existsSync(join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/ is not built: run `npm run build` first (npm run bench does)');
  }
  const workDir = mkdtempSync(join(tmpdir(), 'mq-harden-bench-'));
  const started = performance.now();
  const info = machine();
  const figures: Figure[] = [];
  try {
    const ctx: SuiteContext = {
      engine: loadEngine(workDir),
      workDir,
      runs: options.runs,
      log: (m) => console.error(`bench: ${m}`),
    };
    for (const [name, suite] of SUITES) {
      if (options.only && !options.only.has(name)) continue;
      figures.push(...(await suite(ctx)));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const table = renderTable(figures);
  console.log(table);
  const results = {
    generatedAt: new Date().toISOString(),
    durationSeconds: +((performance.now() - started) / 1000).toFixed(1),
    machine: { ...info, loadAverageAtEnd: loadavg().map((x) => +x.toFixed(2)) },
    runsPerFigure: options.runs,
    figures,
    table,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  if (!options.only) updateDocs(table, results.generatedAt, results.machine);
  const unmet = figures.filter((f) => f.met === false).map((f) => f.id);
  console.error(`bench: ${figures.length} figures in ${results.durationSeconds} s; targets not met: ${unmet.length === 0 ? 'none' : unmet.join(', ')}`);
}

const DOCS = join(ROOT, 'docs', 'performance.md');
const TABLE_START = '<!-- bench-table:start -->';
const TABLE_END = '<!-- bench-table:end -->';

/** Puts a full run's table into docs/performance.md, between its markers. */
function updateDocs(table: string, when: string, info: Record<string, unknown>): void {
  if (!existsSync(DOCS)) return;
  const doc = readFileSync(DOCS, 'utf8');
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) return;
  const load = (x: unknown) => (Array.isArray(x) ? x.join(', ') : '?');
  const stamp = `Run of ${when.slice(0, 16).replace('T', ' ')} UTC at commit ${String(info.commit ?? '?')}; `
    + `load average ${load(info.loadAverageAtStart)} at the start, ${load(info.loadAverageAtEnd)} at the end.`;
  writeFileSync(DOCS, `${doc.slice(0, start + TABLE_START.length)}\n${stamp}\n\n${table}\n${doc.slice(end)}`);
}

let finished = false;
// A promise that can never settle lets node exit quietly; say so instead.
process.on('exit', () => {
  if (!finished) {
    console.error('bench: stopped before finishing (a measurement waited on something that never came)');
    process.exitCode = 1;
  }
});
main()
  .catch((e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => (finished = true));
