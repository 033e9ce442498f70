/**
 * The workspace's broker accounts for OSLO202 (one account per service):
 * built from the workspace folders when the server starts, then updated when
 * a service file is saved, created or deleted — never on every keystroke.
 *
 * The index keeps each file's accounts only, never its text or tree. The
 * scan runs in slices of a few milliseconds, so that the server answers
 * requests while it indexes a large workspace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument, type EngineOptions } from '../engine/analysis/analyze.js';
import { detectLanguage } from '../engine/languages/detect.js';
import { AccountIndex, accountsOfDocument } from '../engine/workspace/index.js';

const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.tox', '.venv', 'dist']);
/** Service files are small; anything larger is not one. */
const MAX_BYTES = 1024 * 1024;
/** A bound on the scan, so that opening a huge folder stays cheap. */
const MAX_FILES = 50_000;
/** The names a service file (or a template of one) can have. */
const SERVICE_FILE_NAME = /\.(conf|ini|j2|erb|epp|tmpl)$|\.conf\./;
/** How long one slice of the scan may hold the server before it yields to pending requests. */
const SLICE_MS = 10;

/** What a finished scan found. */
export interface ScanSummary {
  /** Files looked at (up to MAX_FILES). */
  readonly files: number;
  /** Service files indexed. */
  readonly indexed: number;
  /** Wall time of the scan, slices and pauses included. */
  readonly ms: number;
}

/** The text an editor would show: without a byte order mark (VS Code removes it before the server sees a document). */
function editorText(raw: string): string {
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

/**
 * The candidate service files under `folders`, depth first with an explicit
 * stack (no recursion, however deep the tree), each with its size.
 */
function* candidates(folders: readonly string[]): Generator<{ path: string; name: string; size: number }> {
  const stack = [...folders];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIPPED.has(name)) stack.push(path);
      } else {
        yield { path, name, size: st.size };
      }
    }
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceAccounts {
  readonly index = new AccountIndex();
  private scanned: Promise<ScanSummary> | undefined;

  /** Indexes one file's text (an open buffer or the disk); false when it is not a service file. */
  update(path: string, text: string, options: EngineOptions): boolean {
    const detected = detectLanguage(path, text);
    if (detected?.language !== 'oslo-config') {
      this.index.remove(path);
      return false;
    }
    this.index.set(accountsOfDocument(buildDocument({ path, text }, detected, options), options.osloRelease));
    return true;
  }

  /** Indexes a file as it is on the disk now (created or changed); forgets it when it cannot be read. */
  updateFromDisk(path: string, options: EngineOptions): boolean {
    try {
      if (statSync(path).size > MAX_BYTES) {
        this.index.remove(path);
        return false;
      }
      return this.update(path, editorText(readFileSync(path, 'utf8')), options);
    } catch {
      this.index.remove(path);
      return false;
    }
  }

  remove(path: string): void {
    this.index.remove(path);
  }

  /**
   * Walks the folders and indexes every service file found, a slice at a
   * time. `options` is asked again for each slice: the settings may change
   * meanwhile. Starts once; later calls return the same scan.
   */
  scan(folders: readonly string[], options: () => EngineOptions): Promise<ScanSummary> {
    this.scanned ??= this.run(folders, options);
    return this.scanned;
  }

  /** The scan's summary once it has finished (or undefined when none was started). */
  whenScanned(): Promise<ScanSummary> | undefined {
    return this.scanned;
  }

  private async run(folders: readonly string[], options: () => EngineOptions): Promise<ScanSummary> {
    const start = performance.now();
    let files = 0;
    let indexed = 0;
    const found = candidates(folders);
    for (let sliceStart = performance.now(); ; sliceStart = performance.now()) {
      const engineOptions = options();
      let next = found.next();
      for (; !next.done && files < MAX_FILES; next = found.next()) {
        files++;
        const { path, name, size } = next.value;
        if (size <= MAX_BYTES && SERVICE_FILE_NAME.test(name) && this.updateFromDisk(path, engineOptions)) indexed++;
        if (performance.now() - sliceStart >= SLICE_MS) break;
      }
      if (next.done || files >= MAX_FILES) break;
      await nextTask();
    }
    return { files, indexed, ms: performance.now() - start };
  }
}
