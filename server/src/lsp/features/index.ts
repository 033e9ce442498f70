/**
 * The editor features the server offers besides diagnostics and code
 * actions. The server spreads {@link EDITOR_FEATURE_CAPABILITIES} into its
 * capabilities and calls {@link registerEditorFeatures} once; the suppress
 * quick fixes come from {@link suppressionCodeActions} in its code-action
 * handler.
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion.js';
import type { Documents, GetAnalysis, GetOptions } from './context.js';
import { registerFoldingRanges } from './folding.js';
import { registerHover } from './hover.js';
import { registerSelectionRanges } from './selection.js';
import { registerDocumentSymbols } from './symbols.js';

export { registerCompletion, registerHover, registerDocumentSymbols, registerFoldingRanges, registerSelectionRanges };
export { suppressionCodeActions } from './suppression.js';
export type { Documents, GetAnalysis, GetOptions } from './context.js';

export const EDITOR_FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
};

type FeatureConnection = Pick<Connection, 'onCompletion' | 'onHover' | 'onDocumentSymbol' | 'onFoldingRanges' | 'onSelectionRanges'>;

/** Registers every editor feature handler on the connection. */
export function registerEditorFeatures(connection: FeatureConnection, documents: Documents, getAnalysis: GetAnalysis, getOptions: GetOptions): void {
  registerCompletion(connection, documents, getAnalysis, getOptions);
  registerHover(connection, documents, getAnalysis, getOptions);
  registerDocumentSymbols(connection, documents, getAnalysis);
  registerFoldingRanges(connection, documents, getAnalysis);
  registerSelectionRanges(connection, documents, getAnalysis);
}
