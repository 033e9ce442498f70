import type { SpanEdit } from '../core/findings.js';
import { spansOverlap } from '../core/text.js';
import { analyze, type EngineOptions } from './analyze.js';
import type { SourceDocument } from './document.js';
import { applySpanEdits } from './edits.js';

/** One fix that fix-all applied. */
export interface AppliedFix {
  readonly code: string;
  readonly title: string;
  /** 1-based line of the finding, in the text of the pass that applied it. */
  readonly line: number;
}

export interface FixAllResult {
  readonly text: string;
  readonly applied: readonly AppliedFix[];
}

/** Fix-all converges in a few passes; the bound guards against two fixes undoing each other. */
const MAX_PASSES = 8;

/**
 * Applies every safe fix, pass after pass: in each pass the fixes whose edits
 * do not overlap an earlier one are applied together, then the file is
 * analysed again, so fixes that touch the same list are composed on the
 * updated text instead of conflicting.
 */
export function fixAll(source: SourceDocument, options: EngineOptions = {}): FixAllResult {
  let text = source.text;
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = analyze({ path: source.path, text }, options);
    if (!result) break;
    const taken: SpanEdit[] = [];
    for (const d of result.diagnostics) {
      const fix = d.fixes.find((f) => f.safe);
      if (!fix) continue;
      const edits: SpanEdit[] = fix.edits.map((e) => ({
        span: { start: result.document.lines.offsetAt(e.range.start), end: result.document.lines.offsetAt(e.range.end) },
        newText: e.newText,
      }));
      if (edits.some((e) => taken.some((t) => spansOverlap(e.span, t.span) || e.span.start === t.span.start))) continue;
      for (const e of edits) taken.push(e);
      applied.push({ code: d.code, title: fix.title, line: d.range.start.line + 1 });
    }
    if (taken.length === 0) break;
    const next = applySpanEdits(text, taken);
    if (next === text) break;
    text = next;
  }
  return { text, applied };
}
