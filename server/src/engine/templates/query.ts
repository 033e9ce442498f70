/**
 * Questions a format parser or a rule asks about a masked template: is this
 * offset inside a tag, does this value touch one, may this setting be
 * skipped or repeated when rendered. Binary searches over the sorted,
 * disjoint `spans` and `conditional` lists.
 */
import type { Span } from '../core/text.js';
import { isLineBreak, isWhitespace } from './scan.js';
import type { MaskedDocument, TemplateSpan } from './types.js';

/** The template tag that contains `offset` (`start <= offset < end`), if any. */
export function templateSpanAt(masked: MaskedDocument, offset: number): TemplateSpan | undefined {
  const i = lastStartingAtOrBefore(masked.spans, offset);
  const s = i >= 0 ? masked.spans[i] : undefined;
  return s && offset < s.end ? s : undefined;
}

/** Whether `offset` lies inside a template tag. */
export function isInTemplate(masked: MaskedDocument, offset: number): boolean {
  return templateSpanAt(masked, offset) !== undefined;
}

export interface TouchOptions {
  /** Only whitespace on the same line may separate the span from a tag (default: any whitespace). */
  readonly sameLine?: boolean;
  /** Only expression tags count: they stand for unknown text, while statements render as nothing. */
  readonly expressionsOnly?: boolean;
}

/** The expression tags of each document, computed once. */
const expressionSpans = new WeakMap<MaskedDocument, readonly TemplateSpan[]>();

function expressionsOf(masked: MaskedDocument): readonly TemplateSpan[] {
  let found = expressionSpans.get(masked);
  if (!found) {
    found = masked.spans.filter((s) => s.kind === 'expression');
    expressionSpans.set(masked, found);
  }
  return found;
}

/**
 * Whether `span` overlaps a template tag, or is separated from one by
 * whitespace only: its text is made, cut or glued by the template
 * (`'{{ v }}'`, `rabbit@{{ host }}`, a `,` right after `{% endif %}`).
 */
export function touchesTemplate(masked: MaskedDocument, span: Span, options: TouchOptions = {}): boolean {
  const text = masked.text;
  const spans = options.expressionsOnly ? expressionsOf(masked) : masked.spans;
  if (spans.length === 0) return false;
  // The last tag starting before the span's end: it overlaps, or is the nearest one before.
  const before = lastStartingAtOrBefore(spans, Math.max(span.start, span.end - 1));
  if (before >= 0) {
    const tag = spans[before];
    if (tag.end > span.start && tag.start < Math.max(span.end, span.start + 1)) return true;
    if (tag.end <= span.start && onlyWhitespace(text, tag.end, span.start, options.sameLine)) return true;
  }
  const after = spans[before + 1];
  return after !== undefined && after.start >= span.end && onlyWhitespace(text, span.end, after.start, options.sameLine);
}

/**
 * Whether any part of `span` lies in a region that may be rendered zero or
 * several times (the body of an `if`, `for`, `each`…). An empty span asks
 * about the offset it stands at.
 */
export function isConditional(masked: MaskedDocument, span: Span): boolean {
  const regions = masked.conditional;
  const i = lastStartingAtOrBefore(regions, Math.max(span.start, span.end - 1));
  if (i < 0) return false;
  const region = regions[i];
  return region.end > span.start;
}

/** Index of the last of the sorted `spans` whose start is at or before `offset`, or -1. */
function lastStartingAtOrBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function onlyWhitespace(text: string, from: number, to: number, sameLine = false): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isWhitespace(code) || (sameLine && isLineBreak(code))) return false;
  }
  return true;
}
