/**
 * The parse tree of a Qpid C++ broker `qpidd.conf`, read with the syntax of
 * boost::program_options configuration files. Spans are UTF-16 offsets into
 * the original text.
 */
import type { Span } from '../../core/text.js';

/** One `key=value` line. */
export interface QpiddEntry {
  /** The option name boost looks up: the section prefix (`name.`) and the trimmed key. */
  readonly name: string;
  /** The key as written, whitespace around it removed. */
  readonly key: string;
  readonly keySpan: Span;
  /**
   * Everything before the `=`, untrimmed. qpidd itself (qpid/Options.cpp)
   * pre-filters the file and compares this raw text with its option names,
   * so `auth = no` (with spaces) does not set `auth`: qpidd ≥ 0.32 stops with
   * "Bad argument", older brokers silently ignore the line.
   */
  readonly rawKey: string;
  readonly separatorSpan: Span;
  /** The value, whitespace around it removed; a `#` and what follows are a comment, not value. */
  readonly value: string;
  /** Empty span right after the `=` when the value is empty. */
  readonly valueSpan: Span;
  /** From the key to the end of the value. */
  readonly span: Span;
  /** The whole line, its line break included: what to delete to remove the setting. */
  readonly lineSpan: Span;
  /** The section whose prefix the name carries, without its dot; null outside any section. */
  readonly section: string | null;
}

/** A `[name]` line: the keys after it are read as `name.key`. */
export interface QpiddSection {
  readonly name: string;
  readonly nameSpan: Span;
  readonly headerSpan: Span;
}

/** A `#` comment (anywhere on a line) or a `;` line. */
export interface QpiddComment {
  readonly span: Span;
  readonly text: string;
}

export interface QpiddDocument {
  readonly entries: readonly QpiddEntry[];
  readonly sections: readonly QpiddSection[];
  readonly comments: readonly QpiddComment[];
}
