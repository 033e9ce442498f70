/**
 * The bracketed literals: lists `[…]`, tuples `{…}` and binaries `<<…>>`
 * (with their bit syntax segments `Value:Size/Types`).
 */
import type { BinarySegment, ErlangNode, TypeSpecifier } from './ast.js';
import { comprehension } from './blocks.js';
import type { Cursor } from './cursor.js';
import {
  expression, expressionOrMissing, missingHere, prefixed, primary, type NodeRule, type Step,
} from './expressions.js';
import { PREFIX_OPERATORS, startsExpression, startsPrimary, type Context } from './grammar.js';
import { sequence } from './sequence.js';
import type { Token } from './tokens.js';

/** `{…}`: a tuple. */
export function* tuple(p: Cursor): NodeRule {
  const open = p.take();
  const elements = yield* sequence(p, '}', (t) => startsExpression(t, 'expr'), () => expression(p, 0, 'expr'));
  return { kind: 'tuple', span: p.spanFrom(open.start), elements };
}

/** `[…]`: a list, `[H | T]`, or (in expressions) a list comprehension `[X || …]`. */
export function* list(p: Cursor, context: Context): NodeRule {
  const open = p.take();
  if (p.at(']')) {
    p.take();
    return { kind: 'list', span: p.spanFrom(open.start), elements: [], tail: null };
  }
  p.enter(']');
  const first = yield expressionOrMissing(p);
  if (context === 'expr' && p.at('||')) {
    p.leave(']');
    return yield* comprehension(p, open, first, ']');
  }
  const elements = [first];
  let tail: ErlangNode | null = null;
  for (;;) {
    const token = p.peek();
    if (token.type === ',') {
      p.take();
      elements.push(yield expressionOrMissing(p));
    } else if (token.type === '|') {
      p.take();
      tail = yield expressionOrMissing(p);
      break;
    } else if (token.type === ']') {
      break;
    } else {
      p.syntaxError(token);
      if (startsExpression(token, 'expr')) elements.push(yield expression(p, 0, 'expr')); // a missing comma
      else if (p.isRecoveryStop(token)) break;
      else p.take();
    }
  }
  p.leave(']');
  p.close(']');
  return { kind: 'list', span: p.spanFrom(open.start), elements: withoutPlaceholders(elements), tail };
}

/** `<<…>>`: a binary, or (in expressions) a binary comprehension `<<X || …>>`. */
export function* binary(p: Cursor, context: Context): NodeRule {
  const open = p.take();
  const segments: BinarySegment[] = [];
  if (p.at('>>')) {
    p.take();
    return { kind: 'binary', span: p.spanFrom(open.start), segments };
  }
  if (startsPrimary(p.peek(), 'expr')) {
    const value = yield primary(p, 'expr');
    if (context === 'expr' && p.at('||')) return yield* comprehension(p, open, value, '>>');
    segments.push(yield* segmentAfterValue(p, value));
  }
  yield* sequence(p, '>>', startsSegment, () => segment(p), segments, segments.length === 0);
  return { kind: 'binary', span: p.spanFrom(open.start), segments };
}

function startsSegment(token: Token): boolean {
  return PREFIX_OPERATORS.has(token.type) || startsPrimary(token, 'expr');
}

/** One segment: an optional sign, a primary expression, then `:Size` and `/Types`. */
function* segment(p: Cursor): Step<BinarySegment> {
  const token = p.peek();
  if (!PREFIX_OPERATORS.has(token.type)) return yield* segmentAfterValue(p, yield primary(p, 'expr'));
  p.take();
  const next = p.peek();
  const operand = startsPrimary(next, 'expr') ? yield primary(p, 'expr') : missingHere(p, next);
  return yield* segmentAfterValue(p, prefixed(token, operand, p.end));
}

function* segmentAfterValue(p: Cursor, value: ErlangNode): Step<BinarySegment> {
  let size: ErlangNode | null = null;
  if (p.at(':')) {
    p.take();
    const next = p.peek();
    size = startsPrimary(next, 'expr') ? yield primary(p, 'expr') : missingHere(p, next);
  }
  const types: TypeSpecifier[] = [];
  if (p.at('/')) {
    p.take();
    do {
      const name = p.peek();
      if (name.type !== 'atom') {
        p.syntaxError(name);
        break;
      }
      p.take();
      types.push(typeSpecifier(p, name));
    } while (p.at('-') && p.take());
  }
  return { span: p.spanFrom(value.span.start), value, size, types };
}

/** `name` or `name:Integer` (`unit:8`), the name already taken. */
function typeSpecifier(p: Cursor, name: Token): TypeSpecifier {
  let value: bigint | null = null;
  if (p.at(':')) {
    p.take();
    const n = p.peek();
    if (n.type === 'integer') value = p.take().value as bigint;
    else p.syntaxError(n);
  }
  return { span: p.spanFrom(name.start), name: String(name.value), value };
}

/** Drops the placeholders of missing elements (`[a, ]`): the list still has its real elements. */
function withoutPlaceholders(nodes: ErlangNode[]): ErlangNode[] {
  return nodes.some((n) => n.kind === 'error') ? nodes.filter((n) => n.kind !== 'error') : nodes;
}
