/**
 * One form: the tokens up to a terminating dot.
 *
 * file:consult/1 reads each form with erl_parse:parse_term/1, which parses
 * the tokens as the body of a function `f() -> <tokens>`. So a form is a
 * comma-separated list of expressions (one, for a valid term), possibly
 * followed by `; g(…) -> …` function clauses, and then the dot.
 */
import type { ErlangNode } from './ast.js';
import { clauseBody, guard, patternArguments } from './blocks.js';
import type { Cursor } from './cursor.js';
import { expressions, type Step } from './expressions.js';
import { startsExpression } from './grammar.js';
import type { Token } from './tokens.js';

/** A clause `name(Args) -> …` after a `;` at the top of a form (never valid in a config). */
export interface TopLevelClause {
  readonly name: Token;
  readonly arity: number;
}

export interface ParsedForm {
  /** Offset of the form's first token. */
  readonly start: number;
  readonly expressions: readonly ErlangNode[];
  readonly clauses: readonly TopLevelClause[];
  /**
   * True when the form ended at its terminator. False when the parser
   * stopped early at a token that starts a new term (a missing dot, most
   * likely): the caller parses the rest as another form.
   */
  readonly complete: boolean;
}

export function* form(p: Cursor): Step<ParsedForm> {
  const start = p.peek().start;
  const body = yield* expressions(p);
  const clauses: TopLevelClause[] = [];
  while (p.at(';')) {
    p.take();
    const name = p.peek();
    if (name.type !== 'atom') {
      p.syntaxError(name);
      break;
    }
    p.take();
    const args = yield* patternArguments(p);
    if (p.at('when')) {
      p.take();
      yield* guard(p);
    }
    yield* clauseBody(p);
    clauses.push({ name, arity: args.length });
  }
  const found = { start, expressions: body.filter((e) => e.kind !== 'error'), clauses };
  const next = p.peek();
  if (next.type === 'dot') return { ...found, complete: true };
  p.syntaxError(next); // `$end` (no final dot) reads "syntax error before: "
  // Recovery: skip to the next token that can start a term, or to the dot.
  while (!p.atFormEnd && !startsExpression(p.peek(), 'expr')) p.take();
  return { ...found, complete: p.atFormEnd };
}
