import type { SyntaxError } from '../core/parse.js';
import type { LineIndex, Span } from '../core/text.js';
import type { ConfigVariant } from '../languages/detect.js';
import type { LanguageId } from '../languages/ids.js';
import type { MaskedDocument } from '../templates/types.js';

/** A file as a host hands it to the engine: its path (for detection and messages) and its text. */
export interface SourceDocument {
  readonly path: string;
  readonly text: string;
  /**
   * The analysis of an earlier version of this document, given up by the
   * caller (an editor replacing it): its tree may be taken over — and
   * changed — instead of parsing the whole text again. Do not use it after.
   */
  readonly earlier?: AnalyzedDocument;
}

/** A schema verdict on a key: the software does not know it. */
export interface UnknownKeyVerdict {
  readonly message: string;
  /** Closest known keys, best first ("did you mean"). */
  readonly suggestions: readonly string[];
}

/** A schema verdict on a value: the software rejects or misreads it. */
export interface InvalidValueVerdict {
  readonly message: string;
  /** A valid value the text clearly meant (`True` → `true`), when there is one. */
  readonly replacement?: string;
}

/**
 * One `key = value` (or `{key, Value}`) in a file, in the terms every format
 * shares, so that the schema rules (CFG002–CFG004) are written once.
 */
export interface SettingOccurrence {
  /** Where a key may occur once: `rabbit` (classic app), `` (rabbitmq.conf), an INI group. */
  readonly scope: string;
  /** The key as the user wrote it (dotted for rabbitmq.conf). */
  readonly key: string;
  readonly keySpan: Span;
  /** The value as the software reads it, when it is a scalar. */
  readonly valueText?: string;
  readonly valueSpan?: Span;
  /** What to delete to remove the setting cleanly (its line, or the tuple and one comma). */
  readonly removalSpan: Span;
  /** The key or value is (partly) a template expression: unknown until rendered. */
  readonly templated: boolean;
  /** Inside a template's if/for body: possibly set, possibly repeated. */
  readonly conditional: boolean;
  /** Several occurrences are meant to add up (oslo MultiStrOpt, cuttlefish list keys). */
  readonly repeatable?: boolean;
  readonly unknown?: UnknownKeyVerdict;
  readonly invalid?: InvalidValueVerdict;
}

/**
 * Everything the rules read about one file, built once per document version.
 * Format-specific trees are kept for rules that need them.
 */
export interface AnalyzedDocument {
  readonly source: SourceDocument;
  readonly language: LanguageId;
  readonly variant?: ConfigVariant;
  readonly lines: LineIndex;
  /** Present when the file is a template; its `text` is what the format parser read. */
  readonly template?: MaskedDocument;
  /** Errors of the format's own parser on the (masked) text, first one first. */
  readonly syntaxErrors: readonly SyntaxError[];
  readonly settings: readonly SettingOccurrence[];
  /** The format-specific parse tree (Erlang document, cuttlefish document, INI document, …). */
  readonly tree: unknown;
}
