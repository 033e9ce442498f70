import type { EngineDiagnostic } from '../../engine/core/findings.js';
import type { AppliedFix } from '../../engine/analysis/fix-all.js';
import type { LanguageId } from '../../engine/languages/ids.js';
import type { SuppressedDiagnostic } from '../../engine/suppression/index.js';

/** What the CLI found in one file; every output format is made from these. */
export interface FileReport {
  /** The path as given on the command line or found by the directory walk. */
  readonly path: string;
  readonly language: LanguageId;
  readonly diagnostics: readonly EngineDiagnostic[];
  /** With `--fix`: what was applied before `diagnostics` were computed. */
  readonly applied?: readonly AppliedFix[];
  /** With `--report-suppressions`: findings silenced by a comment. */
  readonly suppressed?: readonly SuppressedDiagnostic[];
}

/**
 * An output format, written one file at a time: the CLI hands each file's
 * report over as soon as it is checked and keeps nothing of it, so memory
 * does not grow with the number of files.
 */
export interface ReportWriter {
  /** Writes (or takes note of) one file's report; called in output order. */
  add(report: FileReport): void;
  /** Writes what comes after the last file (closing brackets, the summary). */
  finish(): void;
}

/** Where a report is written, piece by piece. */
export type Sink = (chunk: string) => void;

/** The reason a suppression comment gives. */
export function suppressionReason(s: SuppressedDiagnostic): string {
  return s.comment.directive.kind === 'directive' ? s.comment.directive.reason : '';
}

/**
 * `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep in
 * a document printed the same way: the pieces of a streamed document then
 * join into exactly the text of the whole one. (JSON strings hold no raw
 * line break, so every line break is the printer's.)
 */
export function nestedJson(value: unknown, depth: number): string {
  const indent = '  '.repeat(depth);
  return indent + JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}
