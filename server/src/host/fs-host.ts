import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { WorkspaceHost } from '../engine/analysis/workspace.js';
import { withByteOrderMarkPolicy } from './byte-order-mark.js';

/** Files above this size are not read: a configuration file is never this large. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Which text of a file that starts with a byte order mark the engine reads. */
export type ByteOrderMarkView =
  /** The text its own software reads: the mark stays where that software rejects it (the CLI). */
  | 'as-read-by-its-software'
  /** The text an editor shows: the mark is always removed (the language server, whose open documents come without it). */
  | 'as-shown-by-editors';

/**
 * A file's text, or undefined when it is missing, unreadable or larger
 * than MAX_FILE_BYTES.
 */
export function readConfigText(path: string, view: ByteOrderMarkView = 'as-read-by-its-software'): string | undefined {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return undefined;
    const raw = readFileSync(path, 'utf8');
    if (view === 'as-shown-by-editors') return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    return withByteOrderMarkPolicy(path, raw).text;
  } catch {
    return undefined;
  }
}

export interface FileSystemHostOptions {
  /** Texts that replace files (fixed, not yet written). */
  readonly overrides?: ReadonlyMap<string, string>;
  /** Default: as read by its software. */
  readonly byteOrderMark?: ByteOrderMarkView;
}

/** The disk as the engine's workspace. */
export function fileSystemHost(options: FileSystemHostOptions = {}): WorkspaceHost {
  return {
    readFile(path) {
      return options.overrides?.get(path) ?? readConfigText(path, options.byteOrderMark);
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
