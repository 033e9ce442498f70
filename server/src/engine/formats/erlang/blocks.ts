/**
 * The keyword constructs of Erlang expressions — `begin`, `if`, `case`,
 * `receive`, `fun`, `try` — and list/binary comprehensions.
 *
 * A config file never needs them (they are all `bad term`, except `fun` in
 * inter-node TLS option files), but a file that contains one must still be
 * parsed the way erl_parse parses it, so that syntax errors are reported at
 * the same token.
 */
import type { ErlangNode, ExpressionForm, FunNode } from './ast.js';
import type { Cursor } from './cursor.js';
import {
  atomNode, expression, expressionOrMissing, expressions, missingHere, spanOf, type NodeRule, type Step,
} from './expressions.js';
import { startsExpression } from './grammar.js';
import { HEAD_MISMATCH } from './messages.js';
import { sequence } from './sequence.js';
import type { Token } from './tokens.js';

/** A block construct starting at `token` (one of `begin if case receive fun try`). */
export function* blockRule(p: Cursor, token: Token): NodeRule {
  switch (token.type) {
    case 'begin': return yield* beginBlock(p);
    case 'if': return yield* ifBlock(p);
    case 'case': return yield* caseBlock(p);
    case 'receive': return yield* receiveBlock(p);
    case 'fun': return yield* funExpression(p);
    case 'try': return yield* tryBlock(p);
    default: throw new Error(`not a block keyword: ${token.type}`);
  }
}

/** Appends without spreading (a clause may hold very many expressions). */
function append(target: ErlangNode[], items: readonly ErlangNode[]): void {
  for (const item of items) target.push(item);
}

function node(p: Cursor, start: number, form: ExpressionForm, children: ErlangNode[]): ErlangNode {
  return { kind: 'expression', span: p.spanFrom(start), form, children };
}

/** Opens a block (after its keyword), runs `body`, then expects `end`. */
function* block(p: Cursor, body: () => Step<ErlangNode[]>): Step<ErlangNode[]> {
  p.enterBlock();
  const children = yield* body();
  p.leaveBlock();
  p.close('end');
  return children;
}

function* beginBlock(p: Cursor): Step<ErlangNode> {
  const start = p.take().start;
  return node(p, start, 'block', yield* block(p, () => expressions(p)));
}

function* ifBlock(p: Cursor): Step<ErlangNode> {
  const start = p.take().start;
  return node(p, start, 'if', yield* block(p, function* () {
    const children: ErlangNode[] = [];
    do {
      append(children, yield* guard(p));
      append(children, yield* clauseBody(p));
    } while (p.at(';') && p.take());
    return children;
  }));
}

function* caseBlock(p: Cursor): Step<ErlangNode> {
  const start = p.take().start;
  return node(p, start, 'case', yield* block(p, function* () {
    const children = [yield expressionOrMissing(p)];
    p.expect('of');
    append(children, yield* clauses(p));
    return children;
  }));
}

function* receiveBlock(p: Cursor): Step<ErlangNode> {
  const start = p.take().start;
  return node(p, start, 'receive', yield* block(p, function* () {
    const children = p.at('after') ? [] : yield* clauses(p);
    if (p.at('after')) {
      p.take();
      children.push(yield expressionOrMissing(p));
      append(children, yield* clauseBody(p));
    }
    return children;
  }));
}

function* tryBlock(p: Cursor): Step<ErlangNode> {
  const start = p.take().start;
  return node(p, start, 'try', yield* block(p, function* () {
    const children = yield* expressions(p);
    if (p.at('of')) {
      p.take();
      append(children, yield* clauses(p));
    }
    if (p.at('catch')) {
      p.take();
      do append(children, yield* catchClause(p));
      while (p.at(';') && p.take());
      if (p.at('after')) {
        p.take();
        append(children, yield* expressions(p));
      }
    } else if (p.at('after')) {
      p.take();
      append(children, yield* expressions(p));
    } else {
      p.syntaxError(p.peek());
    }
    return children;
  }));
}

/** `Pattern when Guard -> Body; …` of `case`, `receive`, `try … of`. */
function* clauses(p: Cursor): Step<ErlangNode[]> {
  const children: ErlangNode[] = [];
  do {
    children.push(yield expressionOrMissing(p));
    if (p.at('when')) {
      p.take();
      append(children, yield* guard(p));
    }
    append(children, yield* clauseBody(p));
  } while (p.at(';') && p.take());
  return children;
}

/** A `catch` clause of `try`: `Pattern`, `Class:Pattern` or `Class:Pattern:Stacktrace`, then guard and body. */
function* catchClause(p: Cursor): Step<ErlangNode[]> {
  const children: ErlangNode[] = [];
  const first = p.peek();
  if ((first.type === 'atom' || first.type === 'var') && p.peekSecond().type === ':') {
    p.take();
    p.take();
    children.push(yield expressionOrMissing(p, 'pattern'));
    if (p.at(':')) {
      p.take();
      if (p.at('var')) p.take();
      else p.syntaxError(p.peek());
    }
  } else {
    children.push(yield expressionOrMissing(p, 'pattern'));
  }
  if (p.at('when')) {
    p.take();
    append(children, yield* guard(p));
  }
  append(children, yield* clauseBody(p));
  return children;
}

/** Guard sequences: `G1, G2; G3` (commas and semicolons). */
export function* guard(p: Cursor): Step<ErlangNode[]> {
  const children: ErlangNode[] = [];
  do append(children, yield* expressions(p));
  while (p.at(';') && p.take());
  return children;
}

/** `-> Body`. */
export function* clauseBody(p: Cursor): Step<ErlangNode[]> {
  if (!p.expect('->')) return [];
  return yield* expressions(p);
}

/** A clause head's `(Pattern, …)`. */
export function* patternArguments(p: Cursor): Step<ErlangNode[]> {
  if (!p.expect('(')) return [];
  return yield* sequence(p, ')', (t) => startsExpression(t, 'pattern'), () => expression(p, 0, 'pattern'));
}

// ---- fun ---------------------------------------------------------------------

/**
 * `fun name/Arity`, `fun Mod:Name/Arity`, or `fun (Args) -> … end` with
 * clauses (optionally named: `fun Self(Args) -> … end`).
 */
function* funExpression(p: Cursor): Step<ErlangNode> {
  const start = p.take().start;
  const first = p.peek();
  const second = p.peekSecond();
  if (first.type === 'atom' && second.type === '/') {
    p.take();
    p.take();
    const arity = arityNode(p, false);
    return funNode(p, start, 'local', null, atomNode(first), arity);
  }
  if ((first.type === 'atom' || first.type === 'var') && second.type === ':') {
    const module = nameNode(p.take());
    p.take();
    const next = p.peek();
    const name = next.type === 'atom' || next.type === 'var' ? nameNode(p.take()) : missingHere(p, next);
    const arity = name.kind !== 'error' && p.expect('/') ? arityNode(p, true) : null;
    return funNode(p, start, 'external', module, name, arity);
  }
  if (first.type === '(' || (first.type === 'var' && second.type === '(')) {
    yield* block(p, () => funClauses(p));
    return funNode(p, start, 'clauses', null, null, null);
  }
  if (first.type === 'atom' || first.type === 'var') {
    p.take();
    p.syntaxError(second);
  } else {
    p.syntaxError(first);
  }
  return funNode(p, start, 'clauses', null, null, null);
}

function funNode(
  p: Cursor, start: number, form: FunNode['form'], module: ErlangNode | null, name: ErlangNode | null, arity: ErlangNode | null,
): FunNode {
  return { kind: 'fun', span: p.spanFrom(start), form, module, name, arity };
}

function nameNode(token: Token): ErlangNode {
  return token.type === 'atom' ? atomNode(token) : { kind: 'var', span: spanOf(token), name: String(token.value) };
}

/** The arity after `/`: an integer (or a variable in `fun M:F/A`). */
function arityNode(p: Cursor, variableAllowed: boolean): ErlangNode | null {
  const token = p.peek();
  if (token.type === 'integer') {
    p.take();
    return { kind: 'integer', span: spanOf(token), value: token.value as bigint, notation: 'decimal', sign: null };
  }
  if (variableAllowed && token.type === 'var') return nameNode(p.take());
  p.syntaxError(token);
  return null;
}

/**
 * The clauses of `fun … end`. Erlang requires all of them to have the same
 * name (none, or the same variable) and arity, and reports `head mismatch`
 * at the first clause that differs, as soon as the `fun` is complete.
 */
function* funClauses(p: Cursor): Step<ErlangNode[]> {
  const children: ErlangNode[] = [];
  let expected: { name: string; arity: number } | null = null;
  let mismatch: Token | null = null;
  do {
    const head = p.peek();
    const name = head.type === 'var' ? String(p.take().value) : 'fun';
    const args = yield* patternArguments(p);
    append(children, args);
    if (p.at('when')) {
      p.take();
      append(children, yield* guard(p));
    }
    append(children, yield* clauseBody(p));
    if (expected === null) expected = { name, arity: args.length };
    else if (mismatch === null && (expected.name !== name || expected.arity !== args.length)) mismatch = head;
  } while (p.at(';') && p.take());
  if (mismatch && p.at('end')) p.reportAt(spanOf(mismatch), mismatch.line, HEAD_MISMATCH);
  return children;
}

// ---- comprehensions ----------------------------------------------------------

/**
 * `[Template || Qualifier, …]` or `<<Template || …>>`, the opening bracket
 * and template already read. A qualifier is a filter, `Pattern <- List` or
 * `<<Binary>> <= Bits` (the last only with a binary written right there).
 */
export function* comprehension(p: Cursor, open: Token, template: ErlangNode, close: ']' | '>>'): Step<ErlangNode> {
  p.take(); // '||'
  p.enter(close);
  const children = [template];
  do {
    const first = p.peek();
    let qualifier = yield expressionOrMissing(p);
    const bareBinary = first.type === '<<' && qualifier.kind === 'binary' && qualifier.span.start === first.start;
    if (p.at('<-') || (p.at('<=') && bareBinary)) {
      const op = p.take();
      const source = yield expressionOrMissing(p);
      qualifier = { kind: 'infix', span: p.spanFrom(qualifier.span.start), operator: op.type, left: qualifier, right: source };
    }
    children.push(qualifier);
  } while (p.at(',') && p.take());
  p.leave(close);
  p.close(close);
  const form = close === ']' ? 'list_comprehension' : 'binary_comprehension';
  return { kind: 'expression', span: p.spanFrom(open.start), form, children };
}
