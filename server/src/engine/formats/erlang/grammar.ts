/**
 * Facts about Erlang's expression grammar (erl_parse, OTP 25) that the
 * parser consults: operator precedences and which tokens may start what.
 *
 * Expressions appear in two flavours: ordinary expressions, and patterns
 * (the heads of `fun` clauses and `try … catch` clauses), which allow fewer
 * constructs. Inside a pattern's brackets, ordinary expressions come back.
 */
import type { Token, TokenType } from './tokens.js';

export type Context = 'expr' | 'pattern';

export interface BinaryOperator {
  readonly precedence: number;
  readonly associativity: 'left' | 'right' | 'none';
}

const COMPARISON = ['==', '/=', '=<', '<', '>=', '>', '=:=', '=/='];
const LIST_OPS = ['++', '--'];
const ADDITIVE = ['+', '-', 'bor', 'bxor', 'bsl', 'bsr', 'or', 'xor'];
const MULTIPLICATIVE = ['/', '*', 'div', 'rem', 'band', 'and'];

function table(entries: [readonly string[], BinaryOperator][]): ReadonlyMap<string, BinaryOperator> {
  const map = new Map<string, BinaryOperator>();
  for (const [ops, info] of entries) for (const op of ops) map.set(op, info);
  return map;
}

/** Binary operators of patterns: no send, no short-circuit operators. */
const PATTERN_OPERATORS = table([
  [['='], { precedence: 100, associativity: 'right' }],
  [COMPARISON, { precedence: 200, associativity: 'none' }],
  [LIST_OPS, { precedence: 300, associativity: 'right' }],
  [ADDITIVE, { precedence: 400, associativity: 'left' }],
  [MULTIPLICATIVE, { precedence: 500, associativity: 'left' }],
]);

const EXPRESSION_OPERATORS = table([
  [['=', '!'], { precedence: 100, associativity: 'right' }],
  [['orelse'], { precedence: 150, associativity: 'right' }],
  [['andalso'], { precedence: 160, associativity: 'right' }],
  [COMPARISON, { precedence: 200, associativity: 'none' }],
  [LIST_OPS, { precedence: 300, associativity: 'right' }],
  [ADDITIVE, { precedence: 400, associativity: 'left' }],
  [MULTIPLICATIVE, { precedence: 500, associativity: 'left' }],
]);

export function binaryOperator(type: TokenType, context: Context): BinaryOperator | undefined {
  return (context === 'expr' ? EXPRESSION_OPERATORS : PATTERN_OPERATORS).get(type);
}

/** Prefix operators; they bind tighter than every binary operator. */
export const PREFIX_OPERATORS: ReadonlySet<string> = new Set(['+', '-', 'bnot', 'not']);

const ATOMIC: ReadonlySet<string> = new Set(['var', 'char', 'integer', 'float', 'atom', 'string']);
const BRACKETS: ReadonlySet<string> = new Set(['[', '<<', '{', '(']);
const BLOCK_KEYWORDS: ReadonlySet<string> = new Set(['begin', 'if', 'case', 'receive', 'fun', 'try']);

/** Can `token` start a primary expression (erl_parse's `expr_max` / `pat_expr_max`)? */
export function startsPrimary(token: Token, context: Context): boolean {
  const t = token.type;
  return ATOMIC.has(t) || BRACKETS.has(t) || (context === 'expr' && BLOCK_KEYWORDS.has(t));
}

/** Can `token` start an expression (or a pattern)? */
export function startsExpression(token: Token, context: Context): boolean {
  const t = token.type;
  return startsPrimary(token, context) || t === '#' || PREFIX_OPERATORS.has(t) || (context === 'expr' && t === 'catch');
}

/** Tokens that close something opened earlier; used to recover from errors. */
export const CLOSERS: ReadonlySet<string> = new Set([')', ']', '}', '>>', 'end']);

/** Tokens that separate or end clauses in `case`, `fun`, `try`…; also recovery stops. */
export const CLAUSE_PUNCTUATION: ReadonlySet<string> = new Set([';', '->', 'when', 'of', 'after', 'catch', 'end']);
