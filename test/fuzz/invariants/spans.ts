/**
 * Checks that hold for every parser: every span lies inside the document and
 * is well formed; helpers to state what a span claims to cover.
 */
import assert from 'node:assert/strict';
import type { Span } from '../../../server/src/engine/core/text.js';

function isSpan(value: object): value is Span {
  const v = value as { start?: unknown; end?: unknown };
  return typeof v.start === 'number' && typeof v.end === 'number';
}

/**
 * Visits every object reachable from `root` (arrays included, typed arrays
 * and getters' results not), once each, without recursion: trees of deeply
 * nested input are as deep as the input.
 */
export function visitObjects(root: unknown, visit: (value: object) => void): void {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) continue;
    seen.add(value);
    visit(value);
    if (Array.isArray(value)) for (const item of value) pending.push(item);
    else for (const key of Object.keys(value)) pending.push((value as Record<string, unknown>)[key]);
  }
}

/** Every `{start, end}` anywhere in `tree` (and in `errors`) satisfies 0 ≤ start ≤ end ≤ length. */
export function assertSpansInside(tree: unknown, length: number): void {
  visitObjects(tree, (value) => {
    if (!isSpan(value)) return;
    const { start, end } = value;
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `span with a non-integer offset: ${JSON.stringify(value)}`);
    assert.ok(start >= 0 && start <= end && end <= length, `span ${start}-${end} outside the document of length ${length}`);
  });
}

export function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function assertWithin(inner: Span, outer: Span, what: string): void {
  assert.ok(within(inner, outer), `${what}: ${inner.start}-${inner.end} is not inside ${outer.start}-${outer.end}`);
}

/** Spans in document order, none overlapping the next. */
export function assertOrdered(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i - 1].end <= spans[i].start, `${what} ${i - 1} (${spans[i - 1].start}-${spans[i - 1].end}) overlaps or follows ${what} ${i} (${spans[i].start}-${spans[i].end})`);
  }
}

/** The text of a span. */
export function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/**
 * Marks the offsets covered by some span. Coverage checks then ask which
 * characters no span claims.
 */
export class Coverage {
  private readonly covered: Uint8Array;

  constructor(length: number) {
    this.covered = new Uint8Array(length + 1);
  }

  add(span: Span): void {
    this.covered.fill(1, span.start, span.end);
  }

  /** The offsets of `text` for which `significant` holds and that no span covers. */
  uncovered(text: string, significant: (code: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) if (!this.covered[i] && significant(text.charCodeAt(i))) out.push(i);
    return out;
  }
}

/** A short quotation of the text around `offset`, for assertion messages. */
export function around(text: string, offset: number): string {
  return JSON.stringify(text.slice(Math.max(0, offset - 20), offset + 20));
}
