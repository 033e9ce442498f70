/**
 * What the oslo.config INI tree promises (formats/ini/ast.ts), checked on
 * any text: every key, value, header and comment is the text its spans
 * cover, and every line with content is accounted for.
 */
import assert from 'node:assert/strict';
import type { IniDocument, IniEntry } from '../../../server/src/engine/formats/ini/index.js';
import type { IniParseOutcome } from '../../../server/src/engine/formats/ini/parser.js';
import { isPythonSpace } from '../../../server/src/engine/formats/ini/python-text.js';
import { around, assertOrdered, assertSpansInside, assertWithin, Coverage, textOf } from './spans.js';

function checkEntry(text: string, e: IniEntry, coverage: Coverage): void {
  assert.equal(textOf(text, e.keySpan), e.key, 'key is the text of keySpan');
  assert.equal(textOf(text, e.separatorSpan), e.separator, 'separator is the text of separatorSpan');
  assertWithin(e.valueSpan, e.rawValueSpan, 'valueSpan in rawValueSpan');
  assertWithin(e.keySpan, e.span, 'keySpan in span');
  assertWithin(e.rawValueSpan, e.span, 'rawValueSpan in span');
  assertWithin(e.span, e.linesSpan, 'span in linesSpan');
  if (e.quote) {
    const raw = textOf(text, e.rawValueSpan);
    assert.ok(raw.startsWith(e.quote) && raw.endsWith(e.quote), `quoted value ${JSON.stringify(raw)} is wrapped in ${e.quote}`);
  } else {
    assert.deepEqual(e.valueSpan, e.rawValueSpan, 'an unquoted value spans what was written');
  }
  for (const c of e.continuations) {
    assert.equal(textOf(text, c.span), c.text, 'continuation text is the text of its span');
    assertWithin(c.span, e.span, 'continuation in the entry');
  }
  assertOrdered(e.continuations.map((c) => c.span), 'continuation');
  assert.equal(e.value, [textOf(text, e.valueSpan), ...e.continuations.map((c) => c.text)].join('\n'), 'value is the first line and the continuations');
  coverage.add(e.span);
}

function checkTree(text: string, tree: IniDocument, coverage: Coverage): void {
  for (const e of tree.preamble) {
    checkEntry(text, e, coverage);
    assert.equal(e.group, null, 'a preamble entry has no group');
  }
  assertOrdered(tree.sections.map((s) => s.span), 'section');
  for (const s of tree.sections) {
    assert.equal(text[s.headerSpan.start], '[', 'a header starts with [');
    assert.equal(textOf(text, s.nameSpan), s.name, 'section name is the text of nameSpan');
    assertWithin(s.nameSpan, s.headerSpan, 'nameSpan in headerSpan');
    assertWithin(s.headerSpan, s.span, 'header in the section');
    assertOrdered(s.entries.map((e) => e.linesSpan), 'entry');
    for (const e of s.entries) {
      checkEntry(text, e, coverage);
      assertWithin(e.span, s.span, 'entry in its section');
      assert.equal(e.group, s.group, 'an entry carries its section group');
    }
    coverage.add(s.headerSpan);
  }
  assertOrdered(tree.comments.map((c) => c.span), 'comment');
  for (const c of tree.comments) {
    assert.equal(text[c.span.start], c.marker, 'a comment starts with its marker');
    assert.ok(textOf(text, c.span).slice(1).endsWith(c.text), 'comment text is the end of its span');
    coverage.add(c.span);
  }
}

/**
 * Every character that is not white space belongs to an entry, a header, a
 * comment or an error — or to an indented line after an error, which the
 * parser skips on purpose (ast.ts: "its indented follow-up lines are skipped
 * quietly").
 */
function checkCoverage(text: string, outcome: IniParseOutcome, coverage: Coverage): void {
  for (const e of outcome.errors) coverage.add(e.span);
  const firstError = outcome.errors.length > 0 ? Math.min(...outcome.errors.map((e) => e.span.start)) : Infinity;
  for (const offset of coverage.uncovered(text, (c) => !isPythonSpace(c))) {
    const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    const indented = text[lineStart] === ' ' || text[lineStart] === '\t';
    assert.ok(indented && firstError < offset, `no span covers ${around(text, offset)} (offset ${offset})`);
  }
}

export function checkOsloIni(text: string, outcome: IniParseOutcome): void {
  assertSpansInside(outcome, text.length);
  const coverage = new Coverage(text.length);
  checkTree(text, outcome.tree, coverage);
  checkCoverage(text, outcome, coverage);
  for (const e of outcome.errors) assert.ok(e.osloLine >= 1, 'oslo line numbers start at 1');
}
