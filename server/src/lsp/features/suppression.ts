/**
 * "Suppress CODE on this line" code actions, for the server's code-action
 * handler to add to the quick fixes of the findings in the requested range.
 */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../../engine/analysis/analyze.js';
import { suppressionFix } from '../../engine/suppression/index.js';
import { toLspDiagnostic } from '../convert.js';

/** One suppress action per finding (of the document's analysis) that touches `range`. */
export function suppressionCodeActions(doc: TextDocument, result: AnalysisResult, range: Range): CodeAction[] {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const d of result.diagnostics) {
    if (d.span.end < start || d.span.start > end) continue;
    const fix = suppressionFix(result.document, d);
    if (!fix) continue;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(d)],
      edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
    });
  }
  return actions;
}
