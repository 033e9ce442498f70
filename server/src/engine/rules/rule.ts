import type { Finding, Severity } from '../core/findings.js';
import type { LanguageId } from '../languages/ids.js';
import type { RuleContext } from './context.js';

/**
 * A rule: a small declarative unit with a stable code (see docs/rules/) and a
 * check over the analysed document. Rules never parse text themselves; they
 * read the models built once per document.
 */
export interface Rule {
  /** Stable code from the rule catalog, e.g. `CFG001`. */
  readonly code: string;
  /** Short kebab-case name, e.g. `syntax-error`. */
  readonly name: string;
  readonly defaultSeverity: Severity;
  /** One sentence: what the rule reports. */
  readonly summary: string;
  /** Languages the rule looks at. */
  readonly languages: readonly LanguageId[];
  check(ctx: RuleContext): Iterable<Finding>;
}
