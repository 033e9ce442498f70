/**
 * Language server latency: a real client opens a 5,000-line nova.conf and a
 * 5,000-line rabbitmq.config and types 200 single characters (alternately
 * inserting and deleting a digit of a value), waiting each time for the
 * diagnostics of the new version. The debounce is set to 0 ms through
 * `initializationOptions.debounceMs`, so a latency is the server's work plus
 * the JSON-RPC transport both ways and one zero-delay timer.
 *
 * Also: server start (spawn) to the first diagnostics of a small file.
 */
import { pathToFileURL } from 'node:url';
import { figure, type Figure } from '../figures.js';
import { classicConfig } from '../generate/erlang.js';
import { serviceFile } from '../generate/oslo.js';
import { writeInput } from '../inputs.js';
import { startSession } from '../lsp-session.js';
import { percentile, summarize } from '../stats.js';
import type { SuiteContext } from './context.js';

const GROUP = 'lsp';
const EDITS = 200;
const DEBOUNCE_MS = 0;

interface EditSite {
  readonly line: number;
  readonly character: number;
}

/** Where a line containing `marker` ends its `marker`: the digits typed go there. */
function siteAfter(text: string, marker: string): EditSite {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} in the generated file`);
  const end = at + marker.length;
  const line = text.slice(0, end).split('\n').length - 1;
  return { line, character: end - (text.lastIndexOf('\n', end - 1) + 1) };
}

/** Opens `text` as `languageId`, makes the edits, and returns each edit's latency (ms) and the server's RSS after. */
async function typeInto(file: string, text: string, languageId: string, site: EditSite): Promise<{ latencies: number[]; rss?: number }> {
  const session = await startSession(DEBOUNCE_MS);
  try {
    const uri = pathToFileURL(file).href;
    const opened = session.diagnostics(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await opened;
    const latencies: number[] = [];
    for (let k = 0; k < EDITS; k++) {
      const version = k + 2;
      const insert = k % 2 === 0;
      const range = insert
        ? { start: site, end: site }
        : { start: site, end: { line: site.line, character: site.character + 1 } };
      const start = performance.now();
      const published = session.diagnostics(uri, (p) => p.version === version);
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: insert ? '0' : '' }],
      });
      await published;
      latencies.push(performance.now() - start);
    }
    return { latencies, rss: session.rssMb() };
  } finally {
    await session.close();
  }
}

async function startToFirstDiagnostics(file: string): Promise<number> {
  const start = performance.now();
  const session = await startSession(DEBOUNCE_MS);
  try {
    const uri = pathToFileURL(file).href;
    const published = session.diagnostics(uri);
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.tcp.default = 5672\n' },
    });
    await published;
    return performance.now() - start;
  } finally {
    await session.close();
  }
}

function latencyFigures(id: string, what: string, latencies: number[], note: string): Figure[] {
  const target = { atMost: 15, text: '≤ 15 ms' };
  const p = (q: number) => percentile(latencies, q);
  // One number each: these are percentiles of 200 edits, not medians of runs.
  const single = (v: number) => ({ median: v, min: v, max: v, runs: 1 });
  return [
    figure(GROUP, `${id}_edit`, `${what}: edit → diagnostics, all ${latencies.length} edits`, 'ms', summarize(latencies), { note }),
    figure(GROUP, `${id}_p50`, `${what}: p50 latency`, 'ms', single(p(50))),
    figure(GROUP, `${id}_p95`, `${what}: p95 latency`, 'ms', single(p(95)), { target }),
    figure(GROUP, `${id}_max`, `${what}: max latency`, 'ms', single(Math.max(...latencies))),
  ];
}

export async function lspSuite(ctx: SuiteContext): Promise<Figure[]> {
  const nova = serviceFile(5000);
  const novaFile = writeInput(ctx.workDir, 'lsp/nova/nova.conf', nova);
  const classic = classicConfig({ lines: 5000, depth: 1 });
  const classicFile = writeInput(ctx.workDir, 'lsp/rabbit/rabbitmq.config', classic);
  const small = writeInput(ctx.workDir, 'lsp/start/rabbitmq.conf', 'listeners.tcp.default = 5672\n');
  const debounce = `debounce ${DEBOUNCE_MS} ms (initializationOptions.debounceMs)`;
  ctx.log(`LSP: ${EDITS} edits each into a 5,000-line nova.conf and rabbitmq.config; ${debounce}`);

  const novaRun = await typeInto(novaFile, nova, 'oslo-config', siteAfter(nova, 'heartbeat_timeout_threshold = 60'));
  const classicRun = await typeInto(classicFile, classic, 'rabbitmq-config', siteAfter(classic, '{heartbeat, 60'));
  const starts: number[] = [];
  for (let k = 0; k < ctx.runs; k++) starts.push(await startToFirstDiagnostics(small));

  const lines = (s: string) => s.split('\n').length - 1;
  const rss = [novaRun.rss, classicRun.rss].filter((x): x is number => x !== undefined);
  return [
    ...latencyFigures('nova', 'nova.conf', novaRun.latencies, `${lines(nova)} lines, ${(nova.length / 1024).toFixed(0)} KiB; ${debounce}`),
    ...latencyFigures('classic', 'rabbitmq.config', classicRun.latencies, `${lines(classic)} lines, ${(classic.length / 1024).toFixed(0)} KiB; ${debounce}`),
    ...(rss.length > 0 ? [figure(GROUP, 'rss_after_edits', 'server RSS after the 200 edits (largest of the two)', 'MB', summarize([Math.max(...rss)]))] : []),
    figure(GROUP, 'start_to_first_diagnostics', 'server spawn → initialize → first diagnostics of a small file', 'ms', summarize(starts)),
  ];
}
