import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult, type EngineOptions } from '../engine/analysis/analyze.js';
import { isLanguageId } from '../engine/languages/ids.js';
import { uriToPath } from './uri.js';

/**
 * Analyses open documents, one result per document version: a code-action
 * request, a pull-diagnostics request and a push for the same version share
 * one analysis.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; generation: number; options: EngineOptions; result: AnalysisResult | undefined }>();
  /** Bumped on every edit of any document: a sibling's edit can change this document's findings. */
  private generation = 0;

  invalidateAll(): void {
    this.generation++;
  }

  get(doc: TextDocument, options: EngineOptions): AnalysisResult | undefined {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === this.generation && cached.options === options) return cached.result;
    const language = isLanguageId(doc.languageId) ? doc.languageId : undefined;
    const result = analyze({ path: uriToPath(doc.uri), text: doc.getText() }, { ...options, language: language ?? options.language });
    this.entries.set(doc.uri, { version: doc.version, generation: this.generation, options, result });
    return result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
