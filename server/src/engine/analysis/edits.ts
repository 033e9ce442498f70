import type { SpanEdit } from '../core/findings.js';

/**
 * Applies non-overlapping edits to a text; overlapping edits are a
 * programming error. Edits at one offset are applied in the order given.
 * The result is assembled in one left-to-right sweep, so that thousands of
 * edits on a large file cost one copy of it, not one copy per edit.
 */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
  // Array.prototype.sort is stable: edits with equal spans keep their order.
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const parts: string[] = [];
  let copied = 0;
  for (const e of sorted) {
    if (e.span.start < copied) throw new Error('overlapping edits');
    parts.push(text.slice(copied, e.span.start), e.newText);
    copied = e.span.end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
