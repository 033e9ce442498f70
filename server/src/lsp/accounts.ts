/**
 * The workspace's broker accounts for OSLO202 (one account per service):
 * built once from the workspace folders, then updated when a service file is
 * saved, created or deleted — never on every keystroke.
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

export class WorkspaceAccounts {
  readonly index = new AccountIndex();

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

  remove(path: string): void {
    this.index.remove(path);
  }

  /** Walks the folders (iteratively) and indexes every service file found. */
  scan(folders: readonly string[], options: EngineOptions): number {
    const stack = [...folders];
    let seen = 0;
    let indexed = 0;
    while (stack.length > 0 && seen < MAX_FILES) {
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
          continue;
        }
        seen++;
        if (st.size > MAX_BYTES || !/\.(conf|ini|j2|erb|epp|tmpl)$|\.conf\./.test(name)) continue;
        try {
          if (this.update(path, readFileSync(path, 'utf8'), options)) indexed++;
        } catch {
          /* unreadable: not indexed */
        }
      }
    }
    return indexed;
  }
}
