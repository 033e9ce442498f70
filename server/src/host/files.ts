/**
 * The files a `mq-harden check` command line names: the paths given, and the
 * recognised files found under the directories given. Texts are not kept:
 * the walk hands each text to the caller once (to index it), and the check
 * reads it again when its turn comes, so that memory does not grow with the
 * number of files.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage, type DetectedLanguage } from '../engine/languages/detect.js';
import type { LanguageId } from '../engine/languages/ids.js';
import { withByteOrderMarkPolicy, type DecodedText } from './byte-order-mark.js';
import { MAX_FILE_BYTES } from './fs-host.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A file the CLI will check; its text is read when it is checked. */
export interface CandidateFile {
  /** The path as given on the command line or found by the directory walk. */
  readonly path: string;
  /** Named on the command line (checked even when its language is not recognised). */
  readonly explicit: boolean;
  /** Its language as detected from the path and the text (undefined: an explicit file mq-harden does not recognise). */
  readonly detected?: DetectedLanguage;
}

/** A path that could not be read: exit code 2, one line on stderr. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

/** A candidate's text, as the walk read it. */
export interface FileRead extends DecodedText {
  readonly file: CandidateFile;
}

export interface CollectOptions {
  /** `--language`: decides which byte order marks stay in the text (see byte-order-mark.ts). */
  readonly language?: LanguageId;
  /** Called once per candidate, in order, with the text just read (e.g. to index it); the text is not kept. */
  readonly onRead?: (read: FileRead) => void;
}

export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}

function tooLarge(path: string): FileProblem {
  return { path, message: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not checked` };
}

/** The text without a leading byte order mark, which detection must not see. */
function withoutMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a file to check (`size`: when the caller has just stat'ed it). */
export function readCandidate(path: string, language?: LanguageId, size?: number): DecodedText | FileProblem {
  try {
    if ((size ?? statSync(path).size) > MAX_FILE_BYTES) return tooLarge(path);
    return withByteOrderMarkPolicy(path, readFileSync(path, 'utf8'), language);
  } catch (e) {
    return { path, message: describeIoError(e) };
  }
}

export function isProblem(read: DecodedText | FileProblem): read is FileProblem {
  return 'message' in read;
}

/** Enough of a file to tell its language by content (detectByContent reads no further). */
const HEAD_BYTES = 64 * 1024;

function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** The language of a file found by the walk, or undefined when it is not one to check (binary, or not ours). */
function detectWalked(path: string, text: string): DetectedLanguage | undefined {
  const content = withoutMark(text);
  return looksBinary(content) ? undefined : detectLanguage(path, content);
}

/** A directory being walked: its sorted entries and the next one to visit. */
interface OpenDirectory {
  readonly dir: string;
  readonly names: readonly string[];
  next: number;
}

/**
 * Walks `root` depth first, entries in name order (as a recursive walk
 * would), with an explicit stack: a deep tree cannot overflow the call
 * stack, and a directory reached again through a link is not walked twice.
 */
function walk(root: string, rootStat: Stats, visit: (path: string, stat: Stats) => void, problems: FileProblem[]): void {
  const stack: OpenDirectory[] = [];
  const entered = new Set<string>();
  const enter = (dir: string, stat: Stats): void => {
    const key = `${stat.dev}:${stat.ino}`;
    if (entered.has(key)) return; // a link back to a directory already walked
    entered.add(key);
    try {
      stack.push({ dir, names: readdirSync(dir).sort(), next: 0 });
    } catch (e) {
      problems.push({ path: dir, message: describeIoError(e) });
    }
  };
  enter(root, rootStat);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.names.length) {
      stack.pop();
      continue;
    }
    const name = top.names[top.next++];
    const path = join(top.dir, name);
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch {
      continue; // a dangling link found by a walk is not the user's request
    }
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(name)) enter(path, stat);
    } else {
      visit(path, stat);
    }
  }
}

/**
 * Expands the command line's paths into the files to check, in order. A
 * file found by the walk is checked when it is recognised; one too large to
 * check is a problem when it would have been (by its name or its head),
 * exactly as for a file named on the command line.
 */
export function collectFiles(paths: readonly string[], options: CollectOptions = {}): { files: CandidateFile[]; problems: FileProblem[] } {
  const files: CandidateFile[] = [];
  const problems: FileProblem[] = [];
  const accept = (file: CandidateFile, read: DecodedText): void => {
    files.push(file);
    options.onRead?.({ ...read, file });
  };
  const visitWalked = (path: string, stat: Stats): void => {
    if (stat.size > MAX_FILE_BYTES) {
      try {
        if (detectWalked(path, readHead(path))) problems.push(tooLarge(path));
      } catch {
        /* unreadable: as for any unreadable file found by a walk, nothing to say */
      }
      return;
    }
    const read = readCandidate(path, options.language, stat.size);
    if (isProblem(read)) return;
    const detected = detectWalked(path, read.text);
    if (detected) accept({ path, explicit: false, detected }, read);
  };
  for (const p of paths) {
    let stat: Stats;
    try {
      stat = statSync(p);
    } catch (e) {
      problems.push({ path: p, message: describeIoError(e) });
      continue;
    }
    if (stat.isDirectory()) {
      walk(p, stat, visitWalked, problems);
      continue;
    }
    const read = readCandidate(p, options.language, stat.size);
    if (isProblem(read)) {
      problems.push(read);
      continue;
    }
    const detected = detectLanguage(p, withoutMark(read.text));
    accept({ path: p, explicit: true, ...(detected ? { detected } : {}) }, read);
  }
  return { files, problems };
}
