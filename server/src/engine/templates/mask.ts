/**
 * Template masking: the entry point that picks the dialect's lexer.
 *
 * A format parser reads `maskTemplate(text, dialect).text` in place of the
 * template: every tag is replaced by same-length text (a placeholder word for
 * an expression, spaces for a statement or comment), so offsets found in the
 * masked text point at the original.
 */
import { maskErb } from './erb/mask-erb.js';
import { maskJinja } from './jinja/mask-jinja.js';
import { maskPlaceholders } from './placeholder/mask-placeholder.js';
import type { MaskedDocument, TemplateDialect } from './types.js';

export function maskTemplate(text: string, dialect: TemplateDialect): MaskedDocument {
  if (dialect === 'placeholder') return maskPlaceholders(text);
  return dialect === 'jinja' ? maskJinja(text) : maskErb(text);
}
