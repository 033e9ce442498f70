import type { Connection } from 'vscode-languageserver';
import { hoverAt } from '../../engine/features/hover.js';
import { analysisOf, type Documents, type GetAnalysis, type GetOptions } from './context.js';

/** Hover on keys, values and findings. */
export function registerHover(connection: Pick<Connection, 'onHover'>, documents: Documents, getAnalysis: GetAnalysis, getOptions: GetOptions): void {
  connection.onHover((params) => {
    const result = analysisOf(documents, getAnalysis, params.textDocument.uri);
    return result ? (hoverAt(result.document, result.diagnostics, params.position, getOptions()) ?? null) : null;
  });
}
