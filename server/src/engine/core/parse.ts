import type { Span } from './text.js';

/**
 * A syntax error as the real software would report it.
 *
 * `span` locates it in the original text; `message` reads like the real
 * parser's message (Erlang's `syntax error before: ...`, oslo.config's
 * `Invalid section (must end with ]): ...`, cuttlefish's `syntax error`).
 */
export interface SyntaxError {
  readonly span: Span;
  readonly message: string;
}

/** What every format parser returns: a tree for the whole text and the errors met. */
export interface ParseOutcome<Tree> {
  readonly tree: Tree;
  /** In document order. The first one is the one the real parser would report. */
  readonly errors: readonly SyntaxError[];
}
