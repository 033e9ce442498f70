/**
 * oslo.config's parse error messages.
 *
 * oslo prints `at <file>:<line>, <message>: <repr of the line>`; we keep the
 * `<message>: <repr>` part (the file and line are where the editor shows the
 * error). The assignment-before-section error carries no line in oslo (it
 * prints `: None`), so it has no suffix here.
 */
import { cutPoint } from '../../core/abbreviate.js';
import { pythonRepr } from './python-text.js';

/** The texts of oslo.config's `ParseError`s, word for word. */
export const OSLO_MESSAGES = {
  noSection: 'Section must be started before assignment',
  noSectionEnd: 'Invalid section (must end with ])',
  emptySectionName: 'Empty section name',
  unexpectedContinuation: 'Unexpected continuation line',
  noSeparator: "No ':' or '=' found in assignment",
  emptyKey: 'Key cannot be empty',
} as const;

export type OsloMessageKind = keyof typeof OSLO_MESSAGES;

/**
 * Longest line quoted in a message. oslo quotes the whole line; a 1 MB line
 * would make a 1 MB diagnostic, so a longer one is cut and marked with `…`.
 */
export const MAX_QUOTED_LINE = 200;

/** The message for an error oslo raises about one line (`line` is that line with trailing whitespace removed). */
export function lineErrorMessage(kind: OsloMessageKind, line: string): string {
  if (line.length <= MAX_QUOTED_LINE) return `${OSLO_MESSAGES[kind]}: ${pythonRepr(line)}`;
  return `${OSLO_MESSAGES[kind]}: ${pythonRepr(line.slice(0, cutPoint(line, MAX_QUOTED_LINE)))}…`;
}
