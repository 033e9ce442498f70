/**
 * Suppression comments (`mq-harden-disable-next-line CODE -- reason`,
 * `mq-harden-disable-file CODE -- reason`) and CFG005 bad-suppression.
 */
export { applySuppressions, reportedDiagnostics, type SuppressedDiagnostic, type SuppressionOptions, type SuppressionOutcome } from './apply.js';
export { badSuppression, BAD_SUPPRESSION_CODE } from './bad-suppression.js';
export { DIRECTIVE_WORDS, type CodeToken, type ParsedDirective, type SuppressionScope } from './directive.js';
export { findSuppressionComments, type CoveredLines, type SuppressionComment } from './scan.js';
export { suppressionFix, REASON_PLACEHOLDER } from './quick-fix.js';
export { COMMENT_MARKER } from './comments.js';
