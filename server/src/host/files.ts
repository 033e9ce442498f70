import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../engine/languages/detect.js';
import { MAX_FILE_BYTES } from './fs-host.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A file the CLI will check, with its text already read. */
export interface CandidateFile {
  readonly path: string;
  readonly text: string;
  /** Named on the command line (checked even when its language is not recognised). */
  readonly explicit: boolean;
  /** The file started with a UTF-8 byte-order mark (removed from `text`, restored on write). */
  readonly bom: boolean;
}

/** A path that could not be read: exit code 2, one line on stderr. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

interface FileText {
  readonly text: string;
  readonly bom: boolean;
}

function readText(path: string): FileText | FileProblem {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { path, message: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not checked` };
    const buffer = readFileSync(path);
    const text = buffer.toString('utf8');
    // A BOM is not part of the content (editors hide it too); it is put back on write.
    return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
  } catch (e) {
    return { path, message: describeIoError(e) };
  }
}

export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

function walk(dir: string, out: CandidateFile[], problems: FileProblem[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    problems.push({ path: dir, message: describeIoError(e) });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue; // a dangling link found by a walk is not the user's request
    }
    if (isDir) {
      if (!SKIPPED_DIRECTORIES.has(name)) walk(path, out, problems);
      continue;
    }
    const read = readText(path);
    if (!('text' in read) || looksBinary(read.text)) continue;
    if (detectLanguage(path, read.text)) out.push({ path, ...read, explicit: false });
  }
}

/** Expands the command line's paths into the files to check. */
export function collectFiles(paths: readonly string[]): { files: CandidateFile[]; problems: FileProblem[] } {
  const files: CandidateFile[] = [];
  const problems: FileProblem[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      problems.push({ path: p, message: describeIoError(e) });
      continue;
    }
    if (isDir) {
      walk(p, files, problems);
    } else {
      const read = readText(p);
      if ('text' in read) files.push({ path: p, ...read, explicit: true });
      else problems.push(read);
    }
  }
  return { files, problems };
}
