import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../../engine/features/folding.js';
import { analysisOf, type Documents, type GetAnalysis } from './context.js';

/** Folding of sections, multi-line terms and values, comment blocks, template blocks. */
export function registerFoldingRanges(connection: Pick<Connection, 'onFoldingRanges'>, documents: Documents, getAnalysis: GetAnalysis): void {
  connection.onFoldingRanges((params) => {
    const result = analysisOf(documents, getAnalysis, params.textDocument.uri);
    return result ? foldingRanges(result.document) : [];
  });
}
