/**
 * The parse tree of an oslo.config INI file (nova.conf, neutron.conf, …).
 *
 * The tree keeps everything an editor needs (spans of keys, separators,
 * values, headers, comments) and, for every assignment, the value exactly as
 * oslo.config hands it to the service. All spans are UTF-16 offsets into the
 * original text.
 */
import type { SyntaxError } from '../../core/parse.js';
import type { Span } from '../../core/text.js';

/** A column-0 `#` or `;` line. (An indented `#` line is a continuation of a value, not a comment.) */
export interface IniComment {
  /** From the marker to the end of the line's text (trailing whitespace excluded). */
  readonly span: Span;
  readonly marker: '#' | ';';
  /** What oslo.config passes to its comment hook: the text after the marker, left-stripped. */
  readonly text: string;
}

/** One indented line appended to a multi-line value. */
export interface IniContinuationLine {
  /** The line's text as it joins the value: leading and trailing whitespace excluded. */
  readonly span: Span;
  readonly text: string;
}

/** One `key = value` (or `key: value`) assignment, with its continuation lines. */
export interface IniEntry {
  /** The key as oslo.config reads it (whitespace around it removed). Option names are case-sensitive. */
  readonly key: string;
  readonly keySpan: Span;
  /** Whichever of `=` and `:` comes first on the line. */
  readonly separator: '=' | ':';
  readonly separatorSpan: Span;
  /**
   * The value exactly as oslo.config delivers it: the first line's text with
   * one pair of matching surrounding quotes removed, then every continuation
   * line, joined with "\n". Not interpolated (`$name` is left as written).
   */
  readonly value: string;
  /**
   * The first line's part of `value` (inside the quotes when they were
   * removed). Empty span right after the separator when the value is empty.
   */
  readonly valueSpan: Span;
  /** The first line's value as written, quotes included. Equals `valueSpan` when unquoted. */
  readonly rawValueSpan: Span;
  /** The quote character removed from the first line, if any. */
  readonly quote: '"' | "'" | null;
  /** Indented lines joined to the value, in order. */
  readonly continuations: readonly IniContinuationLine[];
  /** From the key to the end of the last continuation line's text. */
  readonly span: Span;
  /** Whole physical lines, line breaks included: what to delete to remove the setting. */
  readonly linesSpan: Span;
  /** The normalised group the entry belongs to (see `normalizeGroupName` in lookup.ts); null before any section. */
  readonly group: string | null;
}

/** A `[name]` header and the assignments that follow it up to the next header. */
export interface IniSection {
  /** The header line's text, `[` to `]` (or to the end of the line for a malformed header). */
  readonly headerSpan: Span;
  /** The name as written between the brackets, not trimmed (`[ nova ]` is the group " nova "). */
  readonly name: string;
  readonly nameSpan: Span;
  /**
   * The group name as oslo.config looks it up: `DEFAULT` when written exactly
   * so, otherwise lower-cased (`[default]` is a different group from `[DEFAULT]`).
   */
  readonly group: string;
  /**
   * False when the header is one oslo.config rejects (`[x` or `[]`); the
   * section is kept so that the editor still sees its keys.
   */
  readonly valid: boolean;
  readonly entries: readonly IniEntry[];
  /** From the header to the end of its last entry (the header alone when it has none). */
  readonly span: Span;
}

/** A whole oslo.config INI file. */
export interface IniDocument {
  /**
   * Assignments before the first header. oslo.config refuses the file
   * ("Section must be started before assignment"); kept here for the editor.
   */
  readonly preamble: readonly IniEntry[];
  /** Every header in document order; a repeated name appears once per header. */
  readonly sections: readonly IniSection[];
  /**
   * Every column-0 comment, in document order. The parser records only their
   * offsets; the list is built on first read (the same array afterwards).
   */
  readonly comments: readonly IniComment[];
}

/**
 * A syntax error with the line oslo.config itself would name.
 *
 * oslo.config reports "Section must be started before assignment" only when
 * the assignment is complete, i.e. at the line after it (the next blank or
 * unindented line) or at the file's last line. `span` marks the assignment,
 * which is what the user must fix; `osloLine` is the number in oslo's
 * message. For every other error the two agree.
 */
export interface IniSyntaxError extends SyntaxError {
  /** 1-based line number, as in oslo.config's `ParseError` ("at nova.conf:N, …"). */
  readonly osloLine: number;
}
