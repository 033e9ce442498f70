import type { Connection } from 'vscode-languageserver';
import { completionItems } from '../../engine/features/completion.js';
import { analysisOf, type Documents, type GetAnalysis, type GetOptions } from './context.js';

/** Characters after which the editor asks for completion by itself. */
export const COMPLETION_TRIGGERS = ['.', '[', '{', '=', ','];

/** Completion of keys, sections and values from the catalogs. */
export function registerCompletion(connection: Pick<Connection, 'onCompletion'>, documents: Documents, getAnalysis: GetAnalysis, getOptions: GetOptions): void {
  connection.onCompletion((params) => {
    const result = analysisOf(documents, getAnalysis, params.textDocument.uri);
    return result ? completionItems(result.document, params.position, getOptions()) : [];
  });
}
