/**
 * oslo.config's parse error messages.
 *
 * oslo prints `at <file>:<line>, <message>: <repr of the line>`; we keep the
 * `<message>: <repr>` part (the file and line are where the editor shows the
 * error). The assignment-before-section error carries no line in oslo (it
 * prints `: None`), so it has no suffix here.
 */
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

/** The message for an error oslo raises about one line (`line` is that line with trailing whitespace removed). */
export function lineErrorMessage(kind: OsloMessageKind, line: string): string {
  return `${OSLO_MESSAGES[kind]}: ${pythonRepr(line)}`;
}
