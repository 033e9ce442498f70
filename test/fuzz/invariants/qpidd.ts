/**
 * What the qpidd.conf tree promises (formats/qpidd/ast.ts): keys, values,
 * headers and comments are the text their spans cover, and every
 * character that is not a blank belongs to one of them or to an error.
 */
import assert from 'node:assert/strict';
import type { ParseOutcome } from '../../../server/src/engine/core/parse.js';
import type { QpiddDocument } from '../../../server/src/engine/formats/qpidd/index.js';
import { around, assertOrdered, assertSpansInside, assertWithin, Coverage, textOf } from './spans.js';

/** boost's blanks: space, tab, CR, LF. */
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

export function checkQpidd(text: string, outcome: ParseOutcome<QpiddDocument>): void {
  assertSpansInside(outcome, text.length);
  const { entries, sections, comments } = outcome.tree;
  const coverage = new Coverage(text.length);
  assertOrdered(entries.map((e) => e.lineSpan), 'entry line');
  for (const e of entries) {
    assert.equal(textOf(text, e.keySpan), e.key, 'key is the text of keySpan');
    assert.equal(textOf(text, e.valueSpan), e.value, 'value is the text of valueSpan');
    assert.equal(text.slice(e.lineSpan.start, e.separatorSpan.start), e.rawKey, 'rawKey is everything before the =');
    assert.equal(textOf(text, e.separatorSpan), '=', 'the separator is =');
    assertWithin(e.span, e.lineSpan, 'entry in its line');
    assert.ok(e.name.endsWith(e.key), 'the option name ends with the key');
    coverage.add(e.span);
  }
  assertOrdered(sections.map((s) => s.headerSpan), 'section');
  for (const s of sections) {
    assert.equal(textOf(text, s.nameSpan), s.name, 'section name is the text of nameSpan');
    assertWithin(s.nameSpan, s.headerSpan, 'name in header');
    coverage.add(s.headerSpan);
  }
  assertOrdered(comments.map((c) => c.span), 'comment');
  for (const c of comments) {
    assert.ok(textOf(text, c.span).includes(c.text), 'comment text is inside its span');
    coverage.add(c.span);
  }
  for (const e of outcome.errors) coverage.add(e.span);
  const stray = coverage.uncovered(text, (c) => !isBlank(c));
  assert.deepEqual(stray, [], stray.length > 0 ? `no span covers ${around(text, stray[0])}` : '');
}
