/**
 * Collects what a dialect's lexer finds (tags, escapes, errors) and writes
 * the masked text: same length as the original, every line break in place.
 */
import type { SyntaxError } from '../core/parse.js';
import type { Span } from '../core/text.js';
import type { BlockTracker } from './block-tracker.js';
import { isLineBreak } from './scan.js';
import type { MaskedDocument, TemplateDialect, TemplateSpan, TemplateSpanKind } from './types.js';

/**
 * Jinja and ERB stop at their first error; we read on so that the editor
 * still sees the rest, but a file of 100,000 unclosed tags must not become
 * 100,000 diagnostics. The first ones, in document order, are kept.
 */
export const MAX_TEMPLATE_ERRORS = 100;

/** A stretch of the original replaced by other text of the same length. */
interface Replacement extends Span {
  /** `tag`: masked by its kind; otherwise the literal text to put there. */
  readonly with: TemplateSpanKind | { readonly literal: string };
}

export class MaskBuilder {
  private readonly spans: TemplateSpan[] = [];
  private readonly replacements: Replacement[] = [];
  private readonly errors: SyntaxError[] = [];

  constructor(
    private readonly text: string,
    private readonly dialect: TemplateDialect,
  ) {}

  /** Records a template tag. Tags must be added in document order. */
  addTag(span: Span, kind: TemplateSpanKind): void {
    this.spans.push({ start: span.start, end: span.end, kind, dialect: this.dialect });
    this.replacements.push({ start: span.start, end: span.end, with: kind });
  }

  /** Replaces an escape sequence (ERB's `<%%`) by the text it renders, padded to its length. */
  addEscape(span: Span, literal: string): void {
    this.replacements.push({ start: span.start, end: span.end, with: { literal } });
  }

  addError(span: Span, message: string): void {
    this.errors.push({ span, message });
  }

  build(blocks: BlockTracker): MaskedDocument {
    this.errors.sort((a, b) => a.span.start - b.span.start);
    return {
      text: this.maskedText(),
      spans: this.spans,
      conditional: blocks.regions,
      hasControlFlow: blocks.hasControlFlow,
      errors: this.errors.slice(0, MAX_TEMPLATE_ERRORS),
    };
  }

  private maskedText(): string {
    if (this.replacements.length === 0) return this.text;
    const parts: string[] = [];
    let copied = 0;
    for (const r of this.replacements) {
      parts.push(this.text.slice(copied, r.start));
      parts.push(typeof r.with === 'string' ? this.maskTag(r, r.with) : r.with.literal);
      copied = r.end;
    }
    parts.push(this.text.slice(copied));
    return parts.join('');
  }

  /**
   * An expression becomes `t___` up to its first line break, so it reads as
   * one word (an atom, a bare value); whatever follows a line break inside the
   * tag, and every statement or comment, becomes spaces.
   */
  private maskTag(span: Span, kind: TemplateSpanKind): string {
    let out = '';
    let word = kind === 'expression';
    for (let i = span.start; i < span.end; i++) {
      const code = this.text.charCodeAt(i);
      if (isLineBreak(code)) {
        out += this.text[i];
        word = false;
      } else if (word) {
        out += i === span.start ? 't' : '_';
      } else {
        out += ' ';
      }
    }
    return out;
  }
}
