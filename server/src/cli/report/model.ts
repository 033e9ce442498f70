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

/** The reason a suppression comment gives. */
export function suppressionReason(s: SuppressedDiagnostic): string {
  return s.comment.directive.kind === 'directive' ? s.comment.directive.reason : '';
}
