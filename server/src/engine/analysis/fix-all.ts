import type { EngineDiagnostic, SpanEdit } from '../core/findings.js';
import type { LineIndex } from '../core/text.js';
import { analyze, type AnalysisResult, type EngineOptions } from './analyze.js';
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
  /** The fixes whose edits are in `text`, in the order they were applied. */
  readonly applied: readonly AppliedFix[];
  /**
   * True when fix-all stopped because no safe fix was left to apply. False
   * when it gave up: a pass offered the very edits of the pass before (the
   * fix did not remove its finding), would have brought back an earlier
   * text (two fixes undoing each other), or the pass bound was reached.
   * `text` then holds the passes that did take, and not the one repeated.
   */
  readonly settled: boolean;
  /** How many passes changed the text. */
  readonly passes: number;
}

/**
 * Fix-all converges in a few passes (each pass defers the fixes that overlap
 * an earlier one); the bound guards against fixes that never settle.
 */
export const MAX_FIX_PASSES = 8;

/** What one analysis of a text says: its diagnostics, and the index their ranges refer to. */
export interface DiagnosedText {
  readonly lines: LineIndex;
  readonly diagnostics: readonly EngineDiagnostic[];
}

/** Analyses a text (undefined: it is none of ours). */
export type Diagnose = (text: string) => DiagnosedText | undefined;

/** The safe fixes of one analysis that can be applied together. */
interface Pass {
  /** Non-overlapping edits, in the text the analysis read. */
  readonly edits: readonly SpanEdit[];
  readonly fixes: readonly AppliedFix[];
}

/**
 * The edits taken so far in a pass, sorted by start and pairwise clear of
 * each other, so that a new edit is checked against its two neighbours only.
 */
class TakenEdits {
  private readonly sorted: SpanEdit[] = [];

  /** Index of the first taken edit starting at or after `offset` (after it, with `after`). */
  private firstFrom(offset: number, after = false): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = this.sorted[mid].span.start;
      if (start < offset || (after && start === offset)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Whether `edit` overlaps a taken edit, or starts where one starts: two
   * insertions at one offset would land in an order nobody chose, so the
   * second waits for the next pass.
   */
  conflicts(edit: SpanEdit): boolean {
    const i = this.firstFrom(edit.span.start);
    const next = this.sorted[i];
    if (next && (next.span.start === edit.span.start || next.span.start < edit.span.end)) return true;
    const previous = this.sorted[i - 1];
    return previous !== undefined && edit.span.start < previous.span.end;
  }

  /** Adds an edit after those starting at the same offset (one fix's own insertions keep their order). */
  add(edit: SpanEdit): void {
    const at = this.firstFrom(edit.span.start, true);
    // Findings come in document order, so their edits mostly go at the end.
    if (at === this.sorted.length) this.sorted.push(edit);
    else this.sorted.splice(at, 0, edit);
  }

  /** The taken edits in document order. */
  get edits(): readonly SpanEdit[] {
    return this.sorted;
  }
}

/** Takes each diagnostic's first safe fix unless one of its edits conflicts with an edit already taken. */
function planPass(result: DiagnosedText): Pass {
  const lines = result.lines;
  const taken = new TakenEdits();
  const fixes: AppliedFix[] = [];
  for (const d of result.diagnostics) {
    const fix = d.fixes.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    const own: SpanEdit[] = fix.edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText }));
    if (own.some((e) => taken.conflicts(e))) continue;
    for (const e of own) taken.add(e);
    fixes.push({ code: d.code, title: fix.title, line: d.range.start.line + 1 });
  }
  return { edits: taken.edits, fixes };
}

/** Same spans, same replacement texts (both lists sorted). */
function sameEdits(a: readonly SpanEdit[], b: readonly SpanEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.span.start === b[i].span.start && e.span.end === b[i].span.end && e.newText === b[i].newText);
}

/** What fix-all has done so far: the text, and how it got there. */
interface Progress {
  readonly text: string;
  /** The number of entries of the shared `applied` list that are in `text`. */
  readonly appliedCount: number;
  /** The edits that produced `text`, in the text before them; undefined for the original. */
  readonly edits?: readonly SpanEdit[];
}

/**
 * Applies every safe fix, pass after pass: in each pass the fixes whose edits
 * do not overlap an earlier one are applied together, then the file is
 * analysed again, so fixes that touch the same list are composed on the
 * updated text instead of conflicting.
 *
 * A fix that does not remove its finding would be offered again after every
 * pass, so fix-all stops (see {@link FixAllResult.settled}):
 * - when a pass offers exactly the edits of the pass before: those edits did
 *   not do what they promised, and that pass is undone too;
 * - when a pass would change nothing, or lead back to a text already seen;
 * - after {@link MAX_FIX_PASSES} passes.
 */
export function fixAll(source: SourceDocument, options: EngineOptions = {}): FixAllResult & { readonly analysis?: AnalysisResult } {
  let last: { text: string; result: AnalysisResult | undefined } | undefined;
  const outcome = fixUntilSettled(source.text, (text) => {
    const result = analyze({ path: source.path, text }, options);
    last = { text, result };
    return result && { lines: result.document.lines, diagnostics: result.diagnostics };
  });
  // The last pass analysed the final text when fix-all settled: callers need not analyse it again.
  return last?.text === outcome.text && last.result ? { ...outcome, analysis: last.result } : outcome;
}

/** {@link fixAll} over any analysis (tests give one whose fixes never settle). */
export function fixUntilSettled(original: string, diagnose: Diagnose): FixAllResult {
  const applied: AppliedFix[] = [];
  const history: Progress[] = [{ text: original, appliedCount: 0 }];
  const outcome = (at: Progress, settled: boolean): FixAllResult => ({
    text: at.text,
    applied: applied.slice(0, at.appliedCount),
    settled,
    passes: history.indexOf(at),
  });
  for (;;) {
    const current = history[history.length - 1];
    const result = diagnose(current.text);
    const pass = result ? planPass(result) : undefined;
    if (!pass || pass.edits.length === 0) return outcome(current, true);
    if (current.edits && sameEdits(pass.edits, current.edits)) return outcome(history[history.length - 2], false);
    if (history.length > MAX_FIX_PASSES) return outcome(current, false);
    const next = applySpanEdits(current.text, pass.edits);
    // The same text again: the fixes changed nothing, or undid each other.
    if (history.some((h) => h.text === next)) return outcome(current, false);
    for (const fix of pass.fixes) applied.push(fix); // not push(...): a pass may hold more fixes than a call takes arguments
    history.push({ text: next, appliedCount: applied.length, edits: pass.edits });
  }
}
