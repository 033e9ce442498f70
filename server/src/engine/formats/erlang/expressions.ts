/**
 * Expressions: binary and prefix operators, calls, `m:f`, records and maps —
 * with literals.ts (lists, tuples, binaries), the part of erl_parse's
 * grammar a config file actually uses. `begin`, `if`, `case`, `receive`,
 * `fun`, `try` and comprehensions are in blocks.ts.
 *
 * Every rule is a generator run by the trampoline (trampoline.ts): to parse
 * a sub-expression it yields the sub-rule and receives the node back.
 *
 * A rule reports a syntax error at the first token that cannot continue a
 * valid expression — exactly where erl_parse reports it — and then
 * recovers: it assumes a missing comma when the next token starts an
 * element, a missing closing bracket when the token belongs to an enclosing
 * construct, and skips stray tokens.
 */
import type { ErlangNode, FloatNode, IntegerNode, MapEntry, StringNode } from './ast.js';
import { blockRule } from './blocks.js';
import type { Cursor } from './cursor.js';
import {
  PREFIX_OPERATORS, binaryOperator, startsExpression, startsPrimary, type Context,
} from './grammar.js';
import { binary, list, tuple } from './literals.js';
import { sequence } from './sequence.js';
import type { Token } from './tokens.js';
import type { Rule } from './trampoline.js';

/** A rule producing a node; its sub-rules produce nodes too. */
export type NodeRule = Rule<ErlangNode, ErlangNode>;

/** A helper run with `yield*` inside a rule: it may yield sub-rules, and returns a `T`. */
export type Step<T> = Generator<NodeRule, T, ErlangNode>;

// ---- operators ----------------------------------------------------------------

/** An expression whose binary operators all have precedence `minPrecedence` or more. */
export function* expression(p: Cursor, minPrecedence: number, context: Context): NodeRule {
  let left = leaf(p) ?? (yield unary(p, context));
  let lastWasComparison = false;
  for (;;) {
    const token = p.peek();
    const op = binaryOperator(token.type, context);
    if (op === undefined || op.precedence < minPrecedence) return left;
    // Comparisons do not chain: `1 < 2 < 3` is an error at the second `<`.
    if (op.associativity === 'none' && lastWasComparison) p.syntaxError(token);
    p.take();
    const next = op.associativity === 'right' ? op.precedence : op.precedence + 1;
    const right = yield expressionAt(p, next, context);
    left = { kind: 'infix', span: p.spanFrom(left.span.start), operator: token.type, left, right };
    lastWasComparison = op.associativity === 'none';
  }
}

/** Like `expression`, but reports the error and returns a placeholder when no expression starts here. */
function expressionAt(p: Cursor, minPrecedence: number, context: Context): NodeRule {
  const token = p.peek();
  if (!startsExpression(token, context)) return done(missingHere(p, token));
  return expression(p, minPrecedence, context);
}

/** A whole expression (or pattern), or a placeholder after reporting the error. */
export function expressionOrMissing(p: Cursor, context: Context = 'expr'): NodeRule {
  return expressionAt(p, 0, context);
}

/** A rule that has nothing left to parse. */
function* done(node: ErlangNode): NodeRule {
  return node;
}

/** Tokens that cannot continue an expression that so far is a single literal. */
const ENDS_AFTER_LITERAL: ReadonlySet<string> = new Set([
  ',', '}', ']', ')', '|', '||', '>>', '=>', ':=', ';', '->', 'end', 'of', 'when', 'dot', '$end',
]);

/**
 * Fast path: most of a config is lone literals followed by a comma or a
 * closing bracket. Such a literal is taken on the spot (no rule to run);
 * anything else returns null and goes through the general rules.
 */
export function leaf(p: Cursor): ErlangNode | null {
  if (!LITERALS.has(p.peek().type) || !ENDS_AFTER_LITERAL.has(p.peekSecond().type)) return null;
  return literal(p);
}

const LITERALS: ReadonlySet<string> = new Set(['atom', 'var', 'integer', 'char', 'float', 'string']);

/** Comma-separated expressions, at least one (erl_parse's `exprs`). */
export function* expressions(p: Cursor, context: Context = 'expr'): Step<ErlangNode[]> {
  const list: ErlangNode[] = [];
  for (;;) {
    list.push(yield expressionOrMissing(p, context));
    if (!p.at(',')) return list;
    p.take();
  }
}

/** Reports `syntax error before: <token>` and returns a placeholder for the missing expression. */
export function missingHere(p: Cursor, token: Token): ErlangNode {
  p.syntaxError(token);
  return p.missing();
}

/** Prefix operators and `catch`, then a postfix expression. */
function unary(p: Cursor, context: Context): NodeRule {
  const token = p.peek();
  if (token.type === 'catch' && context === 'expr') return catchExpression(p, context);
  if (PREFIX_OPERATORS.has(token.type)) return prefixExpression(p, context);
  return postfix(p, context);
}

function* catchExpression(p: Cursor, context: Context): NodeRule {
  const token = p.take();
  const operand = yield expressionOrMissing(p, context);
  return { kind: 'prefix', span: p.spanFrom(token.start), operator: 'catch', operand };
}

function* prefixExpression(p: Cursor, context: Context): NodeRule {
  const token = p.take();
  const next = p.peek();
  const operand = startsExpression(next, context) ? yield unary(p, context) : missingHere(p, next);
  return prefixed(token, operand, p.end);
}

/**
 * A sign directly on a number literal becomes part of the number
 * (file:consult accepts `-1`, `- 1`, `-(1)`, `+$a`); a second sign does not
 * (`- -1` is a bad term), nor does any other operand.
 */
export function prefixed(op: Token, operand: ErlangNode, end: number): ErlangNode {
  const span = { start: op.start, end: Math.max(end, operand.span.end) };
  const sign = op.type === '-' || op.type === '+' ? op.type : null;
  if (sign && operand.kind === 'integer' && operand.sign === null) {
    const n: IntegerNode = { ...operand, span, sign, value: sign === '-' ? -operand.value : operand.value };
    return n;
  }
  if (sign && operand.kind === 'float' && operand.sign === null) {
    const n: FloatNode = { ...operand, span, sign, value: sign === '-' ? -operand.value : operand.value };
    return n;
  }
  return { kind: 'prefix', span, operator: op.type, operand };
}

// ---- postfix: m:f, calls, records, maps ------------------------------------

/** What the expression parsed so far is, which decides what may follow it. */
type Shape = 'primary' | 'map' | 'record' | 'final';

/**
 * A primary expression and what may follow it. In expressions: `m:f`, a
 * call `(…)` (which ends it), `#{…}` map updates and `#name…` record
 * operations — after a map only another map update, after a record only
 * another record operation. In patterns nothing follows.
 *
 * Kept small on purpose: while a nested bracket is parsed, this rule waits
 * suspended, and deep nesting keeps one of it per level.
 */
function* postfix(p: Cursor, context: Context): NodeRule {
  const first = p.peek();
  if (first.type === '#') return yield* suffixes(p, null, context);
  if (!startsPrimary(first, context)) return missingHere(p, first);
  const node = yield primary(p, context);
  const next = p.peek().type;
  if (context === 'pattern' || (next !== ':' && next !== '(' && next !== '#')) return node;
  return yield* suffixes(p, node, context);
}

/** The `:`, `(…)` and `#…` parts after a primary (`node`), or a whole expression starting with `#`. */
function* suffixes(p: Cursor, primaryNode: ErlangNode | null, context: Context): Step<ErlangNode> {
  let node: ErlangNode;
  let shape: Shape = 'primary';
  if (primaryNode === null) {
    [node, shape] = yield* hashSuffix(p, null, 'primary', context);
  } else {
    node = primaryNode;
    let callee: ErlangNode | null = node;
    if (p.at(':')) {
      p.take();
      const next = p.peek();
      const fn = startsPrimary(next, 'expr') ? yield primary(p, 'expr') : missingHere(p, next);
      node = { kind: 'remote', span: p.spanFrom(node.span.start), module: node, function: fn };
      callee = fn.kind === 'error' ? null : node;
      shape = 'final';
    }
    if (callee && p.at('(')) {
      p.take();
      const args = yield* sequence(p, ')', (t) => startsExpression(t, 'expr'), () => expression(p, 0, 'expr'));
      return { kind: 'call', span: p.spanFrom(node.span.start), callee, args };
    }
  }
  // OTP 25 patterns have no map or record chains (`X#{…}`, `#{…}#{…}`): `#` ends them.
  if (context === 'pattern') return node;
  while (shape !== 'final' && p.at('#')) {
    [node, shape] = yield* hashSuffix(p, node, shape, context);
  }
  return node;
}

/**
 * Takes `#` and what follows it: `{…}` (a map, or a map update of `base`),
 * or `name{…}` / `name.field` (a record operation). `after` tells what
 * precedes the `#`, which limits what may follow it.
 */
function* hashSuffix(p: Cursor, base: ErlangNode | null, after: Shape, context: Context): Step<[ErlangNode, Shape]> {
  const start = base ? base.span.start : p.peek().start;
  p.take(); // '#'
  const token = p.peek();
  if (token.type === '{' && after !== 'record') {
    p.take();
    const entries = yield* sequence(p, '}', (t) => startsExpression(t, 'expr'), () => mapEntry(p));
    return [{ kind: 'map', span: p.spanFrom(start), base, entries }, 'map'];
  }
  const recordAllowed = context === 'expr' ? after !== 'map' : base === null;
  if (token.type === 'atom' && recordAllowed) {
    return [yield* recordSuffix(p, start, base), 'record'];
  }
  p.syntaxError(token);
  return [base ?? p.missing(), 'final'];
}

/** After `#`: `name.field` or `name{field = Value, …}`. Records are never terms. */
function* recordSuffix(p: Cursor, start: number, base: ErlangNode | null): Step<ErlangNode> {
  const children: ErlangNode[] = base ? [base, atomNode(p.take())] : [atomNode(p.take())];
  if (p.at('.')) {
    p.take();
    const field = p.peek();
    if (field.type === 'atom') children.push(atomNode(p.take()));
    else p.syntaxError(field);
    return { kind: 'expression', span: p.spanFrom(start), form: base ? 'record_field' : 'record_index', children };
  }
  if (p.expect('{')) {
    const fields = yield* sequence(p, '}', (t) => t.type === 'atom' || t.type === 'var', () => recordField(p));
    for (const [key, value] of fields) children.push(key, value);
  }
  return { kind: 'expression', span: p.spanFrom(start), form: 'record', children };
}

function* recordField(p: Cursor): Step<[ErlangNode, ErlangNode]> {
  const token = p.take();
  const key: ErlangNode = token.type === 'atom' ? atomNode(token) : { kind: 'var', span: spanOf(token), name: String(token.value) };
  const value = p.expect('=') ? yield expressionOrMissing(p) : p.missing();
  return [key, value];
}

function* mapEntry(p: Cursor): Step<MapEntry> {
  const key = yield expression(p, 0, 'expr');
  const op = p.peek();
  if (op.type !== '=>' && op.type !== ':=') {
    p.syntaxError(op);
    // The entry ends where its placeholder does, past any `)` around the key.
    const value = p.missing();
    return { span: { start: key.span.start, end: value.span.end }, key, value, operator: '=>' };
  }
  p.take();
  const value = yield expressionOrMissing(p);
  return { span: { start: key.span.start, end: value.span.end }, key, value, operator: op.type };
}

// ---- primaries ------------------------------------------------------------

/**
 * erl_parse's `expr_max` / `pat_expr_max`; call only when `startsPrimary`
 * holds. A plain function that picks the rule, so that nesting costs no
 * extra level.
 */
export function primary(p: Cursor, context: Context): NodeRule {
  const token = p.peek();
  switch (token.type) {
    case '[': return list(p, context);
    case '{': return tuple(p);
    case '<<': return binary(p, context);
    case '(': return parenthesized(p, context);
    case 'atom': case 'var': case 'integer': case 'char': case 'float': case 'string':
      return done(literal(p));
    default:
      return blockRule(p, token);
  }
}

/** A literal token (or adjacent strings) as a node; the token must be one. */
function literal(p: Cursor): ErlangNode {
  const token = p.peek();
  switch (token.type) {
    case 'atom': return atomNode(p.take());
    case 'var': p.take(); return { kind: 'var', span: spanOf(token), name: String(token.value) };
    case 'integer': p.take(); return numberNode(token, token.written === 'based' ? 'based' : 'decimal');
    case 'char': p.take(); return numberNode(token, 'char');
    case 'float': p.take(); return { kind: 'float', span: spanOf(token), value: token.value as number, sign: null };
    default: return strings(p);
  }
}

function* parenthesized(p: Cursor, context: Context): NodeRule {
  p.take();
  p.enter(')');
  const inner = yield expressionOrMissing(p, context);
  p.leave(')');
  p.close(')');
  return inner;
}

/** Adjacent string literals are one string: `"a" "b"` is `"ab"`. */
function strings(p: Cursor): StringNode {
  const first = p.peek();
  const pieces = [];
  let value = '';
  while (p.at('string')) {
    const token = p.take();
    pieces.push(spanOf(token));
    value += String(token.value);
  }
  return { kind: 'string', span: p.spanFrom(first.start), value, pieces };
}

// ---- node builders -----------------------------------------------------------

export function spanOf(token: Token): { start: number; end: number } {
  return { start: token.start, end: token.end };
}

export function atomNode(token: Token): ErlangNode {
  return { kind: 'atom', span: spanOf(token), name: String(token.value), quoted: token.written === 'quoted' };
}

function numberNode(token: Token, notation: IntegerNode['notation']): IntegerNode {
  return { kind: 'integer', span: spanOf(token), value: token.value as bigint, notation, sign: null };
}
