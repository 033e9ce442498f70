/**
 * Templates of our config formats (Jinja2, ERB/EPP): masking, dialect
 * detection and the questions asked of a masked document.
 */
export type { MaskedDocument, TemplateDialect, TemplateSpan, TemplateSpanKind } from './types.js';
export { maskTemplate } from './mask.js';
export { detectTemplateDialect, dialectFromContent, dialectFromFileName, guessFormat, type FormatHint } from './detect.js';
export { isConditional, isInTemplate, templateSpanAt, touchesTemplate, type TouchOptions } from './query.js';
