/** Helpers for the suppression tests: analyse, apply suppressions, apply a fix. */
import { analyze, collectFindings, type EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import type { AnalyzedDocument } from '../../server/src/engine/analysis/document.js';
import type { EngineDiagnostic, Fix } from '../../server/src/engine/core/findings.js';
import { LineIndex } from '../../server/src/engine/core/text.js';
import { applySuppressions, type SuppressionOptions, type SuppressionOutcome } from '../../server/src/engine/suppression/index.js';

export interface Checked extends SuppressionOutcome {
  readonly doc: AnalyzedDocument;
  /** Every finding before suppression. */
  readonly all: readonly EngineDiagnostic[];
}

/** Analyses `text` as the file `path`, then applies its suppression comments. */
export function check(path: string, text: string, options: Partial<SuppressionOptions> = {}, engine: EngineOptions = {}): Checked {
  const result = analyze({ path, text }, engine);
  if (!result) throw new Error(`${path} is not recognised`);
  const all = collectFindings(result.document, engine).diagnostics;
  const outcome = applySuppressions(result.document, all, { allowInline: true, ...options });
  return { ...outcome, doc: result.document, all };
}

/** Codes of findings, with their 1-based lines: `RMQ103@2`. */
export function at(diagnostics: readonly EngineDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
}

/** The text after applying a fix's edits. */
export function applyFix(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const edits = fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
