import type { Finding } from '../../core/findings.js';
import type { SyntaxError } from '../../core/parse.js';
import { spansOverlap } from '../../core/text.js';
import type { AnalyzedDocument } from '../../analysis/document.js';
import { LANGUAGE_IDS } from '../../languages/ids.js';
import type { Rule } from '../rule.js';

/**
 * In a template, a format error is only reported when no rendering could
 * avoid it: never in a file with control flow (a loop may place the comma, an
 * `if` may close the bracket), and never at or right next to an expression,
 * which may render to anything.
 */
function provable(doc: AnalyzedDocument, error: SyntaxError): boolean {
  const template = doc.template;
  if (!template || template.spans.length === 0) return true;
  if (template.hasControlFlow) return false;
  const text = doc.source.text;
  // Widen the error over surrounding white space, then see whether it touches a tag.
  let start = error.span.start;
  let end = error.span.end;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  while (end < text.length && /\s/.test(text[end])) end++;
  const widened = { start, end };
  return !template.spans.some((s) => spansOverlap(s, widened, true));
}

/** The syntax error CFG001 reports for the document, if any: the real software would reject the file. */
export function reportedSyntaxError(doc: AnalyzedDocument): SyntaxError | undefined {
  return doc.syntaxErrors.find((e) => provable(doc, e));
}

/**
 * True when the document gets a CFG001: a broken template tag, or an error
 * of the format's parser that no rendering could avoid. The other rule
 * families stay silent on such a document; their findings would be read
 * off a tree the parser had to guess.
 */
export function hasSyntaxErrorFinding(doc: AnalyzedDocument): boolean {
  return (doc.template?.errors.length ?? 0) > 0 || reportedSyntaxError(doc) !== undefined;
}

export const syntaxError: Rule = {
  code: 'CFG001',
  name: 'syntax-error',
  defaultSeverity: 'error',
  summary: "The format's own parser rejects the text.",
  languages: LANGUAGE_IDS,
  *check({ doc }): Iterable<Finding> {
    for (const e of doc.template?.errors ?? []) yield { span: e.span, message: e.message };
    // The real software stops at its first error; later ones are our recovery's guesses.
    const first = reportedSyntaxError(doc);
    if (first) yield { span: first.span, message: first.message };
  },
};
