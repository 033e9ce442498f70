import type { SpanEdit } from '../core/findings.js';

/**
 * Applies non-overlapping edits to a text. Edits are applied from the end so
 * that earlier offsets stay valid; overlapping edits are a programming error.
 */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].span.start < sorted[i - 1].span.end) throw new Error('overlapping edits');
  }
  let out = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}
