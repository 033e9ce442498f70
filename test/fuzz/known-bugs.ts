/**
 * Bugs the fix fuzzing found in code outside this folder, reported to its
 * owners. The fix properties leave out exactly the cases each one describes
 * (so that the rest stays checked), and known-gaps.test.ts replays each
 * reproduction as a `todo` test: it starts passing once the bug is fixed,
 * and then the entry here should go.
 */
import type { AnalysisResult } from '../../server/src/engine/analysis/analyze.js';
import type { Fix } from '../../server/src/engine/core/findings.js';

export interface KnownFixBug {
  readonly id: string;
  /** What goes wrong, where, and the proposed change. */
  readonly description: string;
  /** A file that shows it: applying its fixes (or fix-all twice) breaks a fix property. */
  readonly reproduction: { readonly path: string; readonly text: string };
  /** True for a fix (or, without `fix`, a whole analysed document) this bug may affect. */
  affects(result: AnalysisResult, fix?: Fix): boolean;
}

/**
 * Open fix bugs. Empty: the last two were fixed and their reproductions are
 * now cases in test/fuzz-regressions/cases/ (fixes-fixes-*.json), replayed
 * with the full fix properties.
 */
export const KNOWN_FIX_BUGS: readonly KnownFixBug[] = [];

/** The known bug that explains a failure here, if any. */
export function knownFixBug(result: AnalysisResult, fix?: Fix): KnownFixBug | undefined {
  return KNOWN_FIX_BUGS.find((b) => b.affects(result, fix));
}
