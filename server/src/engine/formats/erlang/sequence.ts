/**
 * Comma-separated items between brackets — tuple elements, call arguments,
 * map and record fields, binary segments — with the error recovery they
 * share.
 */
import type { ErlangNode } from './ast.js';
import type { Cursor } from './cursor.js';
import type { NodeRule, Step } from './expressions.js';
import type { Token } from './tokens.js';

/**
 * `item, item, … close`, the opening bracket already taken. `item` runs when
 * `startsItem` accepts the next token. When the first items were read
 * already, pass them (`items`) and whether an item is wanted next.
 * Recovers from a missing comma, a missing closing bracket and stray tokens.
 */
export function* sequence<T>(
  p: Cursor, close: string, startsItem: (t: Token) => boolean, item: () => Generator<NodeRule, T, ErlangNode>,
  items: T[] = [], wantItem = true,
): Step<T[]> {
  if (items.length === 0 && p.at(close)) {
    p.take();
    return items;
  }
  p.enter(close);
  for (;;) {
    const token = p.peek();
    if (wantItem && startsItem(token)) {
      items.push(yield* item());
      wantItem = false;
      continue;
    }
    if (!wantItem && token.type === ',') {
      p.take();
      wantItem = true;
      continue;
    }
    if (!wantItem && token.type === close) break;
    p.syntaxError(token);
    if (token.type === close) break;
    if (!wantItem && startsItem(token)) {
      wantItem = true; // a missing comma
      continue;
    }
    if (p.isRecoveryStop(token)) break;
    p.take(); // a stray token
  }
  p.leave(close);
  if (p.at(close)) p.take();
  return items;
}
