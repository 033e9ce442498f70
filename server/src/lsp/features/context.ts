/**
 * What every feature handler needs from the server: the open documents, the
 * (cached) analysis of one, and the current engine options (oslo release,
 * docs base URL).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import type { AnalysisResult, EngineOptions } from '../../engine/analysis/analyze.js';

/** The analysis of an open document (the server's cache), or undefined for a file that is none of ours. */
export type GetAnalysis = (doc: TextDocument) => AnalysisResult | undefined;

/** The engine options currently in force. */
export type GetOptions = () => EngineOptions;

export type Documents = Pick<TextDocuments<TextDocument>, 'get'>;

/** The analysis of the document a request names, if it is open and ours. */
export function analysisOf(documents: Documents, getAnalysis: GetAnalysis, uri: string): AnalysisResult | undefined {
  const doc = documents.get(uri);
  return doc ? getAnalysis(doc) : undefined;
}
