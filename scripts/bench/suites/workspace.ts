/**
 * Workspace scale (issue 6: "1,000 service files indexed for OSLO202: time
 * and the server's RSS after; ≤ 2 s, ≤ 80 MB"), on 1,000 generated service
 * files:
 * - the CLI checking them all (time, peak RSS);
 * - the language server started with them as its workspace folder: time
 *   from `initialized` until its OSLO202 index is complete (the
 *   `mq-harden/workspaceIndex` request resolves then), and its RSS after;
 * - the server opening all 1,000 as documents, and opening 1,000 RabbitMQ
 *   documents (each analysis of those asks for its directory's files), time
 *   until every one has its diagnostics: both must grow linearly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figure, type Figure } from '../figures.js';
import { rabbitmqConf } from '../generate/conf.js';
import { serviceFiles } from '../generate/oslo.js';
import { writeInput } from '../inputs.js';
import { startSession } from '../lsp-session.js';
import { ROOT } from '../paths.js';
import { runProcess } from '../processes.js';
import { summarize } from '../stats.js';
import type { SuiteContext } from './context.js';

const GROUP = 'workspace';
const FILES = 1000;
const LINES_EACH = 300;
/** One scan analyses 9 MiB twice over, and the whole benchmark must stay within minutes. */
const RUNS = 3;
const TIME = { atMost: 2000, text: '≤ 2 s' };
const MEMORY = { atMost: 80, text: '≤ 80 MB' };

interface Document {
  readonly path: string;
  readonly text: string;
  readonly languageId: string;
}

function cliScan(dir: string, workDir: string): { ms: number; peakRssMb: number } {
  const rssFile = join(workDir, 'cli-rss.txt');
  const run = runProcess(process.execPath, ['-r', join(ROOT, 'scripts', 'bench', 'report-rss.cjs'), join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', dir], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  if (run.status === 2) throw new Error(`the CLI failed on the workspace: ${run.stderr}`);
  return { ms: run.ms, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/** What the server's workspace-index request answers. */
interface IndexSummary {
  readonly files: number;
  readonly indexed: number;
  readonly ms: number;
}

interface IndexRun {
  /** From `initialized` to the answer of `mq-harden/workspaceIndex`, as the client sees it. */
  readonly ms: number;
  readonly summary: IndexSummary;
  readonly rssMb?: number;
  /** The RSS after SETTLE_MS more without requests (when asked for). */
  readonly settledRssMb?: number;
}

/**
 * How long an idle server is left before its RSS is read again: V8's memory
 * reducer gives memory back some seconds after allocation stops.
 */
const SETTLE_MS = 40_000;

async function serverIndex(dir: string, settle = false): Promise<IndexRun> {
  const session = await startSession(0, { rootUri: pathToFileURL(dir).href });
  try {
    // startSession returns as soon as `initialized` is sent; the server starts indexing when it reads it.
    const start = performance.now();
    const summary = await session.connection.sendRequest<IndexSummary>('mq-harden/workspaceIndex');
    const ms = performance.now() - start;
    if (summary.indexed !== FILES) throw new Error(`the server indexed ${summary.indexed} of ${FILES} service files`);
    const rssMb = session.rssMb();
    if (!settle) return { ms, summary, rssMb };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { ms, summary, rssMb, settledRssMb: session.rssMb() };
  } finally {
    session.child.kill();
    await session.close();
  }
}

/** Past this the server is stopped and the run reported as not finished. */
const SERVER_DEADLINE_MS = 20_000;

interface OpenRun {
  /** Null when not every file had its diagnostics by the deadline. */
  readonly ms: number | null;
  readonly published: number;
  readonly rssMb?: number;
}

async function serverOpenAll(docs: readonly Document[]): Promise<OpenRun> {
  const session = await startSession(0);
  try {
    let published = 0;
    const start = performance.now();
    const all = docs.map((f) => {
      const uri = pathToFileURL(f.path).href;
      // A file still waiting when the server is stopped is counted as not published, not as an error.
      const diagnostics = session.diagnostics(uri, () => true, SERVER_DEADLINE_MS + 60_000).then(() => void published++, () => undefined);
      void session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: f.languageId, version: 1, text: f.text } });
      return diagnostics;
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, SERVER_DEADLINE_MS, 'late')));
    const outcome = await Promise.race([Promise.all(all), deadline]);
    clearTimeout(timer);
    const ms = outcome === 'late' ? null : performance.now() - start;
    return { ms, published, rssMb: session.rssMb() };
  } finally {
    session.child.kill();
    await session.close();
  }
}

async function openRuns(docs: readonly Document[]): Promise<OpenRun[]> {
  const runs: OpenRun[] = [];
  for (let k = 0; k < RUNS; k++) {
    const run = await serverOpenAll(docs);
    runs.push(run);
    if (run.ms === null) break; // once too slow, more runs only cost time
  }
  return runs;
}

/** The time and RSS figures of opening `docs`, or why they could not be measured. */
function openFigures(id: string, label: string, runs: readonly OpenRun[], target?: typeof TIME): Figure[] {
  const late = runs.find((r) => r.ms === null);
  const finished = runs.map((r) => r.ms).filter((x): x is number => x !== null);
  const rss = runs.map((r) => r.rssMb).filter((x): x is number => x !== undefined);
  return [
    late
      ? figure(GROUP, id, label, 'ms', null, {
          ...(target ? { target } : {}),
          met: false,
          note: `not finished after ${SERVER_DEADLINE_MS / 1000} s: ${late.published} of ${FILES} files had diagnostics`,
        })
      : figure(GROUP, id, label, 'ms', summarize(finished), target ? { target } : {}),
    ...(rss.length > 0 ? [figure(GROUP, `${id}_rss`, `server RSS after that${late ? ' (at the deadline)' : ''}`, 'MB', summarize(rss))] : []),
  ];
}

/** 1,000 RabbitMQ nodes' configurations: rabbitmq.conf opened, advanced.config beside it on the disk. */
function rabbitDocuments(dir: string): Document[] {
  return Array.from({ length: FILES }, (_, k) => {
    const node = `node-${String(k).padStart(4, '0')}`;
    writeInput(dir, `${node}/advanced.config`, '[{rabbit, [{tcp_listeners, []}]}].\n');
    const text = rabbitmqConf(60, 0xc0f + k);
    return { path: writeInput(dir, `${node}/rabbitmq.conf`, text), text, languageId: 'rabbitmq-conf' };
  });
}

export async function workspaceSuite(ctx: SuiteContext): Promise<Figure[]> {
  const dir = join(ctx.workDir, 'workspace');
  const services: Document[] = serviceFiles(FILES, LINES_EACH).map(([name, text], k) => ({
    path: writeInput(dir, `svc-${String(k).padStart(4, '0')}/${name}`, text),
    text,
    languageId: 'oslo-config',
  }));
  const bytes = services.reduce((n, f) => n + f.text.length, 0);
  const note = `${FILES} files × ${LINES_EACH} lines, ${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  ctx.log(`workspace: ${note}`);

  const cli = Array.from({ length: RUNS }, () => cliScan(dir, ctx.workDir));
  ctx.log('workspace: the server indexing the folder');
  const index: IndexRun[] = [];
  // The first run also waits for the idle server's memory to settle (once: it takes SETTLE_MS).
  for (let k = 0; k < RUNS; k++) index.push(await serverIndex(dir, k === 0));
  ctx.log('workspace: the server opening the service files');
  const openServices = await openRuns(services);
  ctx.log('workspace: the server opening RabbitMQ documents');
  const openRabbit = await openRuns(rabbitDocuments(join(ctx.workDir, 'rabbit')));
  const indexRss = index.map((r) => r.rssMb).filter((x): x is number => x !== undefined);
  const settled = index.map((r) => r.settledRssMb).filter((x): x is number => x !== undefined);
  const ownMs = summarize(index.map((r) => r.summary.ms));

  return [
    figure(GROUP, 'cli_time', 'CLI checking the 1,000 files (OSLO202 index, then analysis), whole process', 'ms', summarize(cli.map((c) => c.ms)), { note, target: TIME }),
    figure(GROUP, 'cli_peak_rss', 'CLI peak RSS', 'MB', summarize(cli.map((c) => c.peakRssMb)), { target: MEMORY }),
    figure(GROUP, 'server_index', 'server: folder of the 1,000 files → OSLO202 index complete (initialized → mq-harden/workspaceIndex answers)', 'ms', summarize(index.map((r) => r.ms)), {
      note: `the server's own count: median ${ownMs.median.toFixed(0)} ms`,
      target: TIME,
    }),
    ...(indexRss.length > 0 ? [figure(GROUP, 'server_index_rss', 'server RSS right after indexing', 'MB', summarize(indexRss), { target: MEMORY })] : []),
    ...settled.map((mb) => figure(GROUP, 'server_index_rss_idle', `server RSS ${SETTLE_MS / 1000} s later, idle (after V8's memory reducer)`, 'MB', { median: mb, min: mb, max: mb, runs: 1 })),
    ...openFigures('server_open_services', 'server: open the 1,000 service files → every one has diagnostics', openServices),
    ...openFigures('server_open_rabbit', 'server: open 1,000 rabbitmq.conf (advanced.config beside each on disk) → every one has diagnostics', openRabbit),
  ];
}
