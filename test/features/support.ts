/** Helpers for the editor feature tests: documents with a cursor marker. */
import { analyze, type EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import type { AnalyzedDocument } from '../../server/src/engine/analysis/document.js';
import type { EngineDiagnostic } from '../../server/src/engine/core/findings.js';
import type { Position, Range } from '../../server/src/engine/core/text.js';

/** Marks the cursor in test texts (a character no format uses). */
export const CURSOR = '‸';

export interface Placed {
  readonly doc: AnalyzedDocument;
  readonly diagnostics: readonly EngineDiagnostic[];
  readonly text: string;
  readonly offset: number;
  readonly position: Position;
}

/** Analyses `marked` (with one CURSOR) as the file `path`. */
export function place(path: string, marked: string, options: EngineOptions = {}): Placed {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error('no cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const r = analyze({ path, text }, options);
  if (!r) throw new Error(`${path} is not recognised`);
  return { doc: r.document, diagnostics: r.diagnostics, text, offset, position: r.document.lines.positionAt(offset) };
}

/** Analyses a text without a cursor. */
export function analyzed(path: string, text: string, options: EngineOptions = {}) {
  const r = analyze({ path, text }, options);
  if (!r) throw new Error(`${path} is not recognised`);
  return r;
}

/** The text a range covers. */
export function textOf(doc: AnalyzedDocument, range: Range): string {
  return doc.source.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
}

/** A snippet with every tab stop replaced by its default text (or the first choice). */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '');
}
