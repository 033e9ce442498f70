import type { Span } from '../../core/text.js';

/** One piece of a hover: Markdown about the thing at `span`. */
export interface HoverPart {
  readonly markdown: string;
  readonly span: Span;
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
