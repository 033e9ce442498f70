/**
 * What the rabbitmq.conf tree promises (formats/cuttlefish/ast.ts): the
 * items, blank lines aside, are the whole text in order — printing each
 * item's extent and the blank lines between them gives the file back — and
 * keys, values, comments and include paths are the text their spans cover.
 */
import assert from 'node:assert/strict';
import type { ParseOutcome } from '../../../server/src/engine/core/parse.js';
import type { ConfComment, ConfDocument, ConfEntry, ConfItem } from '../../../server/src/engine/formats/cuttlefish/index.js';
import { around, assertOrdered, assertSpansInside, assertWithin, textOf } from './spans.js';

function checkComment(text: string, c: ConfComment): void {
  assert.equal(text[c.span.start], '#', 'a comment starts with #');
  assert.equal(textOf(text, c.span).slice(1), c.text, 'comment text is the rest of its span');
}

function checkEntry(text: string, e: ConfEntry): void {
  assert.equal(textOf(text, e.keySpan), e.key, 'key is the text of keySpan');
  assert.equal(e.segments.map((s) => s.raw).join('.'), e.key, 'the segments make up the key');
  for (const s of e.segments) {
    assert.equal(textOf(text, s.span), s.raw, 'segment raw text is the text of its span');
    assertWithin(s.span, e.keySpan, 'segment in the key');
  }
  assertOrdered(e.segments.map((s) => s.span), 'segment');
  const written = textOf(text, e.valueSpan);
  if (e.valueStyle === 'plain') assert.equal(written, e.value, 'a plain value is what was written');
  else if (e.valueStyle === 'quoted') assert.equal(written, `'${e.value}'`, 'a quoted value is written in single quotes');
  else assert.ok(written.startsWith("'''") && written.endsWith("'''") && written.length >= 6, 'a multi-line value is in triple quotes');
  assertWithin(e.keySpan, e.span, 'key in the entry');
  assertWithin(e.valueSpan, e.span, 'value in the entry');
  if (e.comment) {
    checkComment(text, e.comment);
    assertWithin(e.comment.span, e.span, 'trailing comment in the entry');
  }
}

function checkItem(text: string, item: ConfItem): void {
  if (item.kind === 'comment') {
    checkComment(text, item);
    return;
  }
  assertWithin(item.span, item.extent, `${item.kind} span in its extent`);
  if (item.kind === 'entry') checkEntry(text, item);
  else if (item.kind === 'include') {
    assert.equal(textOf(text, item.pathSpan), item.path, 'include path is the text of pathSpan');
    if (item.comment) checkComment(text, item.comment);
  }
}

/** The stretch of the text an item stands for (a whole-line comment has no extent of its own: its line). */
function extentOf(text: string, item: ConfItem): { start: number; end: number } {
  if (item.kind !== 'comment') return item.extent;
  const nl = text.indexOf('\n', item.span.end);
  return { start: item.span.start, end: nl < 0 ? text.length : nl + 1 };
}

/** Between the items there are only blank lines (cuttlefish's blanks are space and tab), and a byte order mark first. */
function checkGaps(text: string, items: readonly ConfItem[]): void {
  let at = 0;
  const gap = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = text[i];
      const blank = c === ' ' || c === '\t' || c === '\n' || (c === '\r' && text[i + 1] === '\n') || (i === 0 && c === '\ufeff');
      if (!blank) assert.fail(`no item covers ${around(text, i)} (offset ${i})`);
    }
  };
  for (const item of items) {
    const extent = extentOf(text, item);
    gap(at, extent.start);
    at = Math.max(at, extent.end);
  }
  gap(at, text.length);
}

export function checkCuttlefish(text: string, outcome: ParseOutcome<ConfDocument>): void {
  assertSpansInside(outcome, text.length);
  const { items, entries, comments, includes } = outcome.tree;
  assertOrdered(items.map((i) => extentOf(text, i)), 'item');
  for (const item of items) checkItem(text, item);
  checkGaps(text, items);
  assert.deepEqual(entries, items.filter((i) => i.kind === 'entry'), 'entries are the entry items');
  assert.deepEqual(includes, items.filter((i) => i.kind === 'include'), 'includes are the include items');
  assertOrdered(comments.map((c) => c.span), 'comment');
  assert.equal(outcome.errors.length, items.filter((i) => i.kind === 'invalid').length, 'one error per invalid line');
}
