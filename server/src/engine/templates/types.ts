import type { SyntaxError } from '../core/parse.js';
import type { Span } from '../core/text.js';

/**
 * Template languages we understand. ERB and Puppet's EPP share one tag
 * syntax; `placeholder` is the `@NAME@` substitution of sed-based scripts.
 */
export type TemplateDialect = 'jinja' | 'erb' | 'placeholder';

/**
 * What a template tag does to the rendered text.
 * - `expression`: `{{ … }}`, `<%= … %>` — stands for a value of unknown content.
 * - `statement`: `{% … %}`, `<% … %>` — control flow; renders as nothing.
 * - `comment`: `{# … #}`, `<%# … %>` — renders as nothing.
 */
export type TemplateSpanKind = 'expression' | 'statement' | 'comment';

/** One template tag in the original text. */
export interface TemplateSpan extends Span {
  readonly kind: TemplateSpanKind;
  readonly dialect: TemplateDialect;
}

/**
 * A template with its tags masked out, so that a format parser can read it as
 * a plausible instance of the format.
 *
 * `text` has exactly the length of the original and keeps every line break in
 * place, so offsets, lines and characters are the same in both: ranges found
 * in `text` point at the original.
 * - an expression is replaced by a placeholder word (`t` then `_`s) that reads
 *   as a value (an atom, a bare word) in every format;
 * - statements and comments are replaced by spaces;
 * - the contents of `{% raw %}…{% endraw %}` are kept as literal text.
 */
export interface MaskedDocument {
  /** The masked text, same length as the original. */
  readonly text: string;
  /** Every template tag found, in document order. Empty for a plain file. */
  readonly spans: readonly TemplateSpan[];
  /**
   * Regions whose text may or may not be rendered, or be rendered more than
   * once: the bodies of `if`/`elif`/`else`/`for`/`while`/`unless`/`each` blocks.
   * A setting inside one is "possibly set".
   */
  readonly conditional: readonly Span[];
  /** Whether any control-flow statement occurs (such a file can render in many shapes). */
  readonly hasControlFlow: boolean;
  /** Broken template syntax itself, e.g. an unterminated `{{`. */
  readonly errors: readonly SyntaxError[];
}
