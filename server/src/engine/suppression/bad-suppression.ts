/**
 * CFG005 bad-suppression: a suppression comment that does not do what its
 * author meant. It is computed after every other rule (whether a code fires
 * where a comment points is only known then), so its check is empty here:
 * the rule object gives the catalog its code, name, severity and summary,
 * and {@link applySuppressions} produces the findings.
 */
import type { EngineDiagnostic, Fix, Severity } from '../core/findings.js';
import type { Span } from '../core/text.js';
import type { AnalyzedDocument } from '../analysis/document.js';
import { LANGUAGE_IDS } from '../languages/ids.js';
import type { Rule } from '../rules/rule.js';

export const BAD_SUPPRESSION_CODE = 'CFG005';

export const badSuppression: Rule = {
  code: BAD_SUPPRESSION_CODE,
  name: 'bad-suppression',
  defaultSeverity: 'information',
  summary: 'A suppression comment without a reason, or naming a code that does not fire where it points.',
  languages: LANGUAGE_IDS,
  // Findings come from applySuppressions, once the other rules have run.
  check: () => [],
};

/** A CFG005 finding before it becomes a diagnostic. */
export interface BadSuppressionFinding {
  readonly span: Span;
  readonly message: string;
  readonly fixes: readonly { readonly title: string; readonly edits: readonly { readonly span: Span; readonly newText: string }[] }[];
}

/** What to delete to remove a comment: its whole line when it stands alone, else the comment and the blanks before it. */
export function commentRemovalSpan(doc: AnalyzedDocument, comment: Span, ownLine: boolean): Span {
  const text = doc.source.text;
  const line = doc.lines.lineOf(comment.start);
  if (!ownLine) {
    let start = comment.start;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { start, end: doc.lines.lineEnd(line) };
  }
  const start = doc.lines.lineStart(line);
  if (line + 1 < doc.lines.lineCount) return { start, end: doc.lines.lineStart(line + 1) };
  // The last line: take the line break before it instead.
  return { start: line > 0 ? doc.lines.lineEnd(line - 1) : start, end: doc.lines.lineEnd(line) };
}

/** The finding as a diagnostic, with the configured severity and the rule page link. */
export function badSuppressionDiagnostic(doc: AnalyzedDocument, finding: BadSuppressionFinding, severity: Severity, docsBase: string): EngineDiagnostic {
  const fixes: Fix[] = finding.fixes.map((f) => ({
    title: f.title,
    // Removing a suppression brings findings back: a human decides.
    safe: false,
    edits: f.edits.map((e) => ({ range: doc.lines.rangeOf(e.span), newText: e.newText })),
  }));
  return {
    code: BAD_SUPPRESSION_CODE,
    severity,
    message: finding.message,
    range: doc.lines.rangeOf(finding.span),
    span: finding.span,
    codeDescription: { href: `${docsBase}${BAD_SUPPRESSION_CODE}.md` },
    source: 'mq-harden',
    fixes,
  };
}
