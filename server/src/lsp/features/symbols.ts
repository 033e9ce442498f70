import type { Connection } from 'vscode-languageserver';
import { documentSymbols } from '../../engine/features/symbols.js';
import { analysisOf, type Documents, type GetAnalysis } from './context.js';

/** The outline. */
export function registerDocumentSymbols(connection: Pick<Connection, 'onDocumentSymbol'>, documents: Documents, getAnalysis: GetAnalysis): void {
  connection.onDocumentSymbol((params) => {
    const result = analysisOf(documents, getAnalysis, params.textDocument.uri);
    return result ? documentSymbols(result.document) : [];
  });
}
