/**
 * Syntax error messages, worded after cuttlefish's own
 * ("Syntax error in FILE after line N column C, parsing incomplete"), with
 * the reason cuttlefish leaves out.
 *
 * cuttlefish's parser reads whole lines and stops before the first line it
 * cannot read, so `line` is that line (1-based) and the column is always 1.
 */
import { abbreviate } from '../../core/abbreviate.js';

export function syntaxErrorMessage(line: number, reason: string): string {
  return `Syntax error after line ${line} column 1, parsing incomplete: ${reason}`;
}

/** Why a line failed, for {@link syntaxErrorMessage}. */
export const reasons = {
  noKey: (found: string) =>
    found === '' ? 'expected a key' : `expected a key, a '#' comment or a blank line, found ${quoteChar(found)}`,
  badKeyChar: (found: string) =>
    `${quoteChar(found)} cannot appear in a key (keys are dot-separated words of letters, digits, '_' and '-')`,
  danglingDot: () => "a key cannot end with '.' or contain '..'",
  noEquals: (key: string) => `expected '=' after the key '${shortened(key)}'`,
  noValue: (key: string) => `'${shortened(key)}' has no value (write '' for an empty one)`,
  afterQuoted: () => 'unexpected text after the quoted value (only a # comment may follow it)',
  unclosedMultiline: () => "''' opens a multi-line value that is never closed",
  includeNoPath: () => 'expected a file or glob after include',
  includeBadChar: (found: string) =>
    `${quoteChar(found)} cannot appear in an include path (letters, digits, '-', '_', '.', '*' and '/' only)`,
  includeTrailing: () => "unexpected text after the include path (not even spaces may follow it, only a '#' comment)",
} as const;

function quoteChar(c: string): string {
  if (c === '\t') return 'a tab';
  if (c === ' ') return 'a space';
  return `'${c}'`;
}

/** Longest key quoted in a message: a 1 MB key must not make a 1 MB diagnostic. */
export const MAX_QUOTED_KEY = 200;

/** `text`, cut to {@link MAX_QUOTED_KEY} characters with `…` when longer. */
function shortened(text: string): string {
  return abbreviate(text, MAX_QUOTED_KEY);
}
