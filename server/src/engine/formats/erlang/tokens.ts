/**
 * Tokens of Erlang's scanner, as the term parser sees them.
 *
 * A token's `type` follows erl_scan's categories: the literal categories
 * (`atom`, `var`, `integer`, `float`, `char`, `string`), `dot` for a
 * terminating full stop, and, for punctuation and reserved words, the
 * symbol itself (`'['`, `'=>'`, `'end'`…). `'$end'` marks the end of input
 * when the last form has no terminating dot.
 */
export type LiteralTokenType = 'atom' | 'var' | 'integer' | 'float' | 'char' | 'string';

export type TokenType = LiteralTokenType | 'dot' | '$end' | Symbol;

/** Punctuation, operators and reserved words (a token whose type is its own text). */
export type Symbol = string;

export interface Token {
  readonly type: TokenType;
  /** UTF-16 offsets into the original text. */
  readonly start: number;
  readonly end: number;
  /** 1-based line of the token's first character, counting `\n` only (as erl_scan does). */
  readonly line: number;
  /**
   * The token's value: the atom/variable name, the decoded string, the
   * integer (chars are their code point), the float. Undefined for symbols.
   */
  readonly value?: string | bigint | number;
  /** Set when the scanner reported an error for this token; its value is a placeholder. */
  readonly invalid?: boolean;
  /** How a literal was written: a `'quoted'` atom, a `'based'` integer (`16#FF`). */
  readonly written?: 'quoted' | 'based';
}

/**
 * Reserved words of OTP 25 with default features. (`maybe` and `else` only
 * become keywords when the `maybe_expr` feature is enabled, which
 * file:consult/1 does not do, so they are plain atoms here.)
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'after', 'and', 'andalso', 'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr', 'bxor',
  'case', 'catch', 'cond', 'div', 'end', 'fun', 'if', 'let', 'not', 'of', 'or',
  'orelse', 'receive', 'rem', 'try', 'when', 'xor',
]);

/**
 * Multi-character punctuation, longest first within each leading character,
 * so that a greedy scan picks the longest.
 */
export const MULTI_CHAR_SYMBOLS: readonly string[] = [
  '...', '..', '?=', '<<', '<-', '<=', '>>', '>=', '->', '--', '++',
  '=:=', '=/=', '=<', '=>', '==', '/=', '||', ':=', '::',
];

export function isLiteral(type: TokenType): type is LiteralTokenType {
  return type === 'atom' || type === 'var' || type === 'integer' || type === 'float' || type === 'char' || type === 'string';
}
