/**
 * Where each character of an INI value comes from in the document.
 *
 * oslo.config's value is the first line's text (inside its quotes) and every
 * continuation line's text, joined with "\n". Offsets into that string map
 * to document offsets segment by segment; a joining "\n" maps to the end of
 * the segment before it.
 */
import type { Span } from '../../core/text.js';
import type { IniEntry } from '../../formats/ini/index.js';

/** Document offset of `index` in `entry.value` (the value's end maps to the last segment's end). */
export function valueOffset(entry: IniEntry, index: number): number {
  let segmentStart = 0;
  const segments: Span[] = [entry.valueSpan, ...entry.continuations.map((c) => c.span)];
  for (const segment of segments) {
    const length = segment.end - segment.start;
    if (index <= segmentStart + length) return segment.start + (index - segmentStart);
    segmentStart += length + 1; // the "\n" joining the next line
  }
  const last = segments[segments.length - 1];
  return last.end;
}

/** The document span of `[start, end)` in `entry.value`. */
export function valueSpanOf(entry: IniEntry, span: Span): Span {
  return { start: valueOffset(entry, span.start), end: valueOffset(entry, span.end) };
}
