/**
 * The text of a suppression comment, read after the comment marker:
 *
 *   mq-harden-disable-next-line CODE[, CODE…] -- reason
 *   mq-harden-disable-file CODE[, CODE…] -- reason
 *
 * Codes are separated by commas and/or blanks; the reason is everything after
 * the first `--`. This module only reads the words; whether the codes exist
 * and fire is decided later (see apply.ts).
 */
import type { Span } from '../core/text.js';

/** Where a suppression applies: the next setting, or the whole file. */
export type SuppressionScope = 'next-line' | 'file';

export const DIRECTIVE_WORDS: Readonly<Record<SuppressionScope, string>> = {
  'next-line': 'mq-harden-disable-next-line',
  file: 'mq-harden-disable-file',
};

/** Every directive starts with this; anything else starting with it is a misspelt directive. */
export const DIRECTIVE_PREFIX = 'mq-harden-';

/** One word of the code list, as written. */
export interface CodeToken {
  /** Upper-cased, so `rmq103` names RMQ103. */
  readonly code: string;
  readonly span: Span;
  /** False for a word that cannot be a rule code at all (`all`, `RMQ-103`). */
  readonly wellFormed: boolean;
}

/** A comment that starts with a directive word (or a misspelling of one). */
export type ParsedDirective =
  | {
      readonly kind: 'directive';
      readonly scope: SuppressionScope;
      readonly codes: readonly CodeToken[];
      /** The trimmed text after `--`; empty when there is none. */
      readonly reason: string;
      /** Where the reason separator `--` is, when written. */
      readonly separator?: Span;
    }
  | {
      readonly kind: 'unknown-directive';
      /** The word as written, e.g. `mq-harden-disable-line`. */
      readonly word: string;
      readonly span: Span;
    };

const CODE_SHAPE = /^[A-Za-z]+[0-9]+$/;

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Skips the comment marker (`%%`, `#`, `;`) and the blanks after it. */
export function directiveStart(text: string, commentStart: number, commentEnd: number): number {
  let i = commentStart;
  const marker = text[i];
  while (i < commentEnd && text[i] === marker) i++;
  while (i < commentEnd && isBlank(text[i])) i++;
  return i;
}

/** Splits `from..to` into blank/comma-separated words. */
function codeTokens(text: string, from: number, to: number): CodeToken[] {
  const tokens: CodeToken[] = [];
  let i = from;
  while (i < to) {
    while (i < to && (isBlank(text[i]) || text[i] === ',')) i++;
    const start = i;
    while (i < to && !isBlank(text[i]) && text[i] !== ',') i++;
    if (i > start) {
      const word = text.slice(start, i);
      tokens.push({ code: word.toUpperCase(), span: { start, end: i }, wellFormed: CODE_SHAPE.test(word) });
    }
  }
  return tokens;
}

/**
 * Reads the comment `text[commentStart..commentEnd)` (marker included).
 * Returns undefined for an ordinary comment.
 */
export function parseDirective(text: string, commentStart: number, commentEnd: number): ParsedDirective | undefined {
  const start = directiveStart(text, commentStart, commentEnd);
  if (!text.startsWith(DIRECTIVE_PREFIX, start)) return undefined;
  let wordEnd = start;
  while (wordEnd < commentEnd && !isBlank(text[wordEnd])) wordEnd++;
  const word = text.slice(start, wordEnd);
  const scope = (Object.keys(DIRECTIVE_WORDS) as SuppressionScope[]).find((s) => DIRECTIVE_WORDS[s] === word);
  if (!scope) return { kind: 'unknown-directive', word, span: { start, end: wordEnd } };
  const dashes = text.indexOf('--', wordEnd);
  const codesEnd = dashes >= 0 && dashes < commentEnd ? dashes : commentEnd;
  const reason = codesEnd < commentEnd ? text.slice(codesEnd + 2, commentEnd).trim() : '';
  return {
    kind: 'directive',
    scope,
    codes: codeTokens(text, wordEnd, codesEnd),
    reason,
    ...(codesEnd < commentEnd ? { separator: { start: codesEnd, end: codesEnd + 2 } } : {}),
  };
}
