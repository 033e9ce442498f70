import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { WorkspaceHost } from '../engine/analysis/workspace.js';

/** Files above this size are not read: a configuration file is never this large. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The disk as the engine's workspace, optionally with texts that replace files (fixed, not yet written). */
export function fileSystemHost(overrides?: ReadonlyMap<string, string>): WorkspaceHost {
  return {
    readFile(path) {
      const override = overrides?.get(path);
      if (override !== undefined) return override;
      try {
        if (statSync(path).size > MAX_FILE_BYTES) return undefined;
        const text = readFileSync(path, 'utf8');
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        return undefined;
      }
    },
    stat(path) {
      try {
        const st = statSync(path);
        return { mode: st.mode & 0o7777, isFile: st.isFile() };
      } catch {
        return undefined;
      }
    },
    listDirectory(path) {
      try {
        return readdirSync(path);
      } catch {
        return undefined;
      }
    },
  };
}
