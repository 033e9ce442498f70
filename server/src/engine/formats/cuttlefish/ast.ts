/**
 * The parse tree of a `rabbitmq.conf` file (cuttlefish's sysctl-like format).
 *
 * Every node keeps spans into the text that was parsed (UTF-16 offsets,
 * half-open), so diagnostics and edits point at the original file.
 */
import type { Span } from '../../core/text.js';

/** One dot-separated segment of a key (`listeners`, `ssl`, `default`). */
export interface ConfKeySegment {
  /** The segment as cuttlefish reads it: `\.` unescaped to `.`. */
  readonly text: string;
  /** The segment as written. */
  readonly raw: string;
  readonly span: Span;
}

/** A `# …` comment, on its own line or trailing a setting. */
export interface ConfComment {
  readonly kind: 'comment';
  /** From the `#` to the end of the line. */
  readonly span: Span;
  /** The text after the `#`. */
  readonly text: string;
}

/**
 * How a value was written:
 * - `plain`: `key = value` (cuttlefish stops at `#` and drops the spaces before the line break);
 * - `quoted`: `key = 'value'` (anything but `'`, `#` included; cuttlefish 3.3+);
 * - `multiline`: `key = '''…'''`, possibly over several lines (cuttlefish 3.6+).
 */
export type ConfValueStyle = 'plain' | 'quoted' | 'multiline';

/** `key = value` */
export interface ConfEntry {
  readonly kind: 'entry';
  /** The key as written (escaped dots stay escaped), e.g. `listeners.ssl.default`. */
  readonly key: string;
  readonly keySpan: Span;
  readonly segments: readonly ConfKeySegment[];
  /** The value as cuttlefish hands it to the schema (quotes removed, not otherwise trimmed). */
  readonly value: string;
  /** The value as written, quotes included: what to replace to change it. */
  readonly valueSpan: Span;
  readonly valueStyle: ConfValueStyle;
  /** A trailing `# …` comment. */
  readonly comment?: ConfComment;
  /** From the start of the (first) line to the end of the (last) line's text. */
  readonly span: Span;
  /** `span` plus the line break that ends it: what to delete to remove the entry. */
  readonly extent: Span;
  /** Some of the key comes from a template expression (known only once rendered). */
  readonly keyTemplated: boolean;
  /** Some of the value comes from a template expression. */
  readonly valueTemplated: boolean;
}

/** `include conf.d/*.conf` (cuttlefish reads the matching files in place). */
export interface ConfInclude {
  readonly kind: 'include';
  /** The path or glob, relative to the including file's directory. */
  readonly path: string;
  readonly pathSpan: Span;
  readonly comment?: ConfComment;
  readonly span: Span;
  readonly extent: Span;
}

/** A line made only of template tags (`{{ extra_settings }}`): it may render as any lines. */
export interface ConfTemplateLine {
  readonly kind: 'template';
  readonly span: Span;
  readonly extent: Span;
}

/** A line cuttlefish cannot read; its error is in the parse outcome. */
export interface ConfInvalidLine {
  readonly kind: 'invalid';
  readonly span: Span;
  readonly extent: Span;
}

export type ConfItem = ConfEntry | ConfComment | ConfInclude | ConfTemplateLine | ConfInvalidLine;

/** A whole `rabbitmq.conf`. */
export interface ConfDocument {
  /** Everything but blank lines, in document order (trailing comments are inside their entry). */
  readonly items: readonly ConfItem[];
  /** The settings, in document order. */
  readonly entries: readonly ConfEntry[];
  /** Every comment, whole-line and trailing, in document order. */
  readonly comments: readonly ConfComment[];
  readonly includes: readonly ConfInclude[];
}
