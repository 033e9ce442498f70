/**
 * Diagnostics as the VS Code API reports them, read through the probe
 * extension's command (see probe-extension/): the suite runs the command from
 * the palette and waits for a dump newer than the last one it read.
 */
import { readFileSync } from 'node:fs';
import type { DiagnosticsDump, DumpedDiagnostic } from './probe-dump.js';
import { waitUntil } from './wait.js';
import type { Workbench } from './workbench.js';

export const DUMP_COMMAND = 'MQ Harden E2E: Dump diagnostics';

export class ApiDiagnostics {
  private lastSeq = 0;

  constructor(
    private readonly workbench: Workbench,
    private readonly dumpFile: string,
  ) {}

  /** Runs the probe's command and returns the fresh dump. */
  async dump(): Promise<DiagnosticsDump> {
    await this.workbench.runCommand(DUMP_COMMAND);
    const dump = await waitUntil(`a diagnostics dump newer than #${this.lastSeq}`, async () => {
      const d = JSON.parse(readFileSync(this.dumpFile, 'utf8')) as DiagnosticsDump;
      return d.seq > this.lastSeq ? { done: true, value: d } : { done: false, seen: `dump #${d.seq}` };
    });
    this.lastSeq = dump.seq;
    return dump;
  }

  /** The diagnostics of one file (absolute path) in a fresh dump. */
  async of(path: string): Promise<readonly DumpedDiagnostic[]> {
    return (await this.dump()).files.find((f) => f.path === path)?.diagnostics ?? [];
  }

  /**
   * Dumps again until the diagnostics of `path` satisfy `accept` (the server
   * analyses after a short debounce, so the first dump after an edit may
   * still show the old findings).
   */
  async waitFor(path: string, what: string, accept: (d: readonly DumpedDiagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly DumpedDiagnostic[]> {
    return waitUntil(
      `API diagnostics: ${what}`,
      async () => {
        const d = await this.of(path);
        return accept(d) ? { done: true, value: d } : { done: false, seen: d.map((x) => `${x.code}@${x.range.start.line + 1}`) };
      },
      timeoutMs,
      0,
    );
  }
}

/** The distinct codes among `diagnostics`, sorted. */
export function codeSet(diagnostics: readonly { code?: string | undefined }[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code ?? '(none)'))].sort();
}
