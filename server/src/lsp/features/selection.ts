import type { Connection } from 'vscode-languageserver';
import { selectionRanges } from '../../engine/features/selection.js';
import { analysisOf, type Documents, type GetAnalysis } from './context.js';

/** Expand/shrink selection. */
export function registerSelectionRanges(connection: Pick<Connection, 'onSelectionRanges'>, documents: Documents, getAnalysis: GetAnalysis): void {
  connection.onSelectionRanges((params) => {
    const result = analysisOf(documents, getAnalysis, params.textDocument.uri);
    return result ? selectionRanges(result.document, params.positions) : [];
  });
}
