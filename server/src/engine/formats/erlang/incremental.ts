/**
 * Re-parsing after an edit, for the editor: a keystroke in a 5,000-line
 * rabbitmq.config changes one value, yet a full parse rebuilds some 35,000
 * nodes. Here only the innermost list or tuple element that contains the
 * whole edit is parsed again; the nodes before it are kept as they are, and
 * those after it are kept with their offsets moved by the edit's length.
 *
 * It applies only where the answer is certain to equal a full parse: the
 * earlier tree came wholly from the fast path for plain terms (so it has no
 * errors and every span object belongs to one node), the edit lies strictly
 * inside an element (its first and last characters are unchanged, so the
 * tokens around it scan as before), and the new text of that element is
 * again exactly one plain term. Anything else returns null and the caller
 * parses in full. test/erlang/incremental.test.ts compares the two on
 * random edits.
 *
 * The earlier tree is taken over: its nodes are moved into the new tree and
 * their spans changed in place. The caller must not use it afterwards.
 */
import type { Span } from '../../core/text.js';
import type { ErlangComment, ErlangDocument, ErlangNode } from './ast.js';
import { Scanner } from './lexer.js';
import { plainValue } from './plain-terms.js';

/** A parse of an earlier version of the same document, given up to be reused. */
export interface ErlangReuse {
  readonly text: string;
  readonly tree: ErlangDocument;
}

/** Trees built wholly by the fast path: the only ones this module reuses. */
const plainTrees = new WeakSet<ErlangDocument>();

/** Records that `tree` was built wholly by the fast path. */
export function markPlain(tree: ErlangDocument): void {
  plainTrees.add(tree);
}

/** The tree of `text` built by reusing `earlier`, or null when a full parse is needed. */
export function reparse(text: string, earlier: ErlangReuse): ErlangDocument | null {
  if (!plainTrees.has(earlier.tree)) return null;
  const old = earlier.text;
  if (old === text) return earlier.tree;
  const edit = changedRange(old, text);
  const place = innermostElement(earlier.tree, edit.start, edit.oldEnd);
  if (place === null) return null;
  const delta = text.length - old.length;
  const element = place.parent.elements[place.index];
  const scanner = new Scanner(text);
  scanner.resumeAt({ pos: element.span.start, line: 1, comments: 0 });
  if (!scanner.nextToken() || scanner.errorCount > 0) return null;
  const fresh = plainValue(scanner);
  if (fresh === null || scanner.errorCount > 0) return null;
  if (fresh.span.start !== element.span.start || fresh.span.end !== element.span.end + delta) return null;

  const oldEnd = element.span.end;
  (place.parent.elements as ErlangNode[])[place.index] = fresh;
  shiftAfter(earlier.tree, place.ancestors, oldEnd, delta);
  const comments = mergeComments(earlier.tree.comments, scanner.commentsSoFar, element.span.start, oldEnd, delta);
  const tree: ErlangDocument = { forms: earlier.tree.forms, comments };
  plainTrees.add(tree);
  return tree;
}

/** The edit that turns `old` into `text`: `[start, oldEnd)` of `old` became `[start, oldEnd + delta)`. */
function changedRange(old: string, text: string): { start: number; oldEnd: number } {
  const shorter = Math.min(old.length, text.length);
  const start = commonPrefix(old, text, shorter);
  const tail = commonSuffix(old, text, shorter - start);
  return { start, oldEnd: old.length - tail };
}

/** Compared a block at a time by the engine's own string comparison, then a character at a time. */
const BLOCK = 1024;

/** Length of the common start of `a` and `b`, at most `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.startsWith(b.slice(i, i + BLOCK), i)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.endsWith(b.slice(b.length - n - BLOCK, b.length - n), a.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

type Container = ErlangNode & { kind: 'list' | 'tuple' };

interface Place {
  /** The list or tuple holding the element to parse again. */
  readonly parent: Container;
  readonly index: number;
  /** The containers from the form's term down to `parent`, outermost first. */
  readonly ancestors: readonly Container[];
}

/** The deepest list or tuple element whose span strictly contains `[start, end)`. */
function innermostElement(tree: ErlangDocument, start: number, end: number): Place | null {
  const form = tree.forms.find((f) => f.span.start < start && end < f.span.end);
  const top = form?.term;
  if (!top || (top.kind !== 'list' && top.kind !== 'tuple')) return null;
  const ancestors: Container[] = [];
  let parent: Container = top;
  for (;;) {
    const index = elementAround(parent.elements, start, end);
    if (index < 0) return null;
    ancestors.push(parent);
    const child: ErlangNode = parent.elements[index];
    if ((child.kind === 'list' || child.kind === 'tuple') && elementAround(child.elements, start, end) >= 0) {
      parent = child;
      continue;
    }
    return { parent, index, ancestors };
  }
}

/** Index of the element (sorted by offset) whose span strictly contains `[start, end)`, or -1. */
function elementAround(elements: readonly ErlangNode[], start: number, end: number): number {
  let lo = 0;
  let hi = elements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = elements[mid].span;
    if (span.end <= start) lo = mid + 1;
    else if (span.start >= start) hi = mid - 1;
    else return span.start < start && end < span.end ? mid : -1;
  }
  return -1;
}

/** Moves by `delta` every offset at or after `oldEnd`: the ancestors' ends, what follows the edit, later forms. */
function shiftAfter(tree: ErlangDocument, ancestors: readonly Container[], oldEnd: number, delta: number): void {
  if (delta === 0) return;
  for (const form of tree.forms) {
    if (form.span.start >= oldEnd) {
      shiftSpan(form.span, delta);
      if (form.dot) shiftSpan(form.dot, delta);
      for (const e of form.expressions) shiftSubtree(e, delta);
    } else if (form.span.end >= oldEnd) {
      (form.span as { end: number }).end += delta;
      if (form.dot) shiftSpan(form.dot, delta);
    }
  }
  for (const container of ancestors) {
    (container.span as { end: number }).end += delta;
    for (const e of container.elements) if (e.span.start >= oldEnd) shiftSubtree(e, delta);
  }
}

function shiftSpan(span: Span, delta: number): void {
  const s = span as { start: number; end: number };
  s.start += delta;
  s.end += delta;
}

/** Shifts every span of a fast-path subtree (where a segment shares its value's span). */
function shiftSubtree(root: ErlangNode, delta: number): void {
  const pending: ErlangNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    shiftSpan(node.span, delta);
    switch (node.kind) {
      case 'list':
      case 'tuple':
        for (const e of node.elements) pending.push(e);
        break;
      case 'binary':
        for (const s of node.segments) pending.push(s.value);
        break;
      case 'string':
        for (const piece of node.pieces) shiftSpan(piece, delta);
        break;
      default:
        break;
    }
  }
}

/** The comments before the element, those the new scan found inside it, and the later ones shifted. */
function mergeComments(
  earlier: readonly ErlangComment[], scanned: readonly ErlangComment[], from: number, oldEnd: number, delta: number,
): ErlangComment[] {
  const out: ErlangComment[] = [];
  for (const c of earlier) if (c.span.end <= from) out.push(c);
  for (const c of scanned) if (c.span.start >= from && c.span.end <= oldEnd + delta) out.push(c);
  for (const c of earlier) {
    if (c.span.start < oldEnd) continue;
    shiftSpan(c.span, delta);
    out.push(c);
  }
  return out;
}
