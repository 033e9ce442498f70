/**
 * The parser keeps comments as offsets until they are read, and reuses one
 * object for the assignment being read (formats/ini/comment-list.ts,
 * pending-entry.ts). These tests check that neither shows: the tree reads,
 * compares and serialises as plain data, and nothing of one assignment
 * leaks into the next.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../../server/src/engine/core/text.js';
import { parseOsloIni, type IniEntry } from '../../server/src/engine/formats/ini/index.js';

function at(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

test('comments read as a plain, stable list: same array each time, in keys, JSON and deep equality', () => {
  const text = '# one\n[DEFAULT]\n;two\nk = v\n#\n';
  const { tree } = parseOsloIni(text);
  assert.equal(tree.comments, tree.comments, 'the list is built once');
  assert.deepEqual(Object.keys(tree), ['preamble', 'sections', 'comments']);
  const expected = [
    { span: { start: 0, end: 5 }, marker: '#', text: 'one' },
    { span: { start: 16, end: 20 }, marker: ';', text: 'two' },
    { span: { start: 27, end: 28 }, marker: '#', text: '' },
  ];
  assert.deepEqual(tree.comments, expected);
  assert.deepEqual(JSON.parse(JSON.stringify(tree)).comments, expected);
  assert.deepEqual({ ...tree }.comments, expected);
});

test('thousands of comments (past the first buffer) keep their order, spans and texts', () => {
  const lines: string[] = ['[DEFAULT]'];
  for (let k = 0; k < 5000; k++) lines.push(k % 3 === 0 ? `;  note ${k}  ` : `#note ${k}`, k % 7 === 0 ? `key_${k} = ${k}` : '');
  const text = lines.join('\n');
  const { tree, errors } = parseOsloIni(text);
  assert.deepEqual(errors, []);
  assert.equal(tree.comments.length, 5000);
  tree.comments.forEach((c, k) => {
    assert.equal(c.text, `note ${k}`);
    assert.equal(c.marker, k % 3 === 0 ? ';' : '#');
    assert.equal(at(text, c.span), k % 3 === 0 ? `;  note ${k}` : `#note ${k}`);
  });
  assert.equal(tree.sections[0].entries.length, Math.ceil(5000 / 7));
});

test('nothing of one assignment carries over to the next: quotes, continuation lines, spans', () => {
  const text = ['[a]', 'first = "quoted"', '  more', '  lines', 'second = plain', '', 'third: \'x\'', '[b]', 'fourth ='].join('\n');
  const { tree, errors } = parseOsloIni(text);
  assert.deepEqual(errors, []);
  const entries: IniEntry[] = tree.sections.flatMap((s) => s.entries);
  assert.deepEqual(
    entries.map((e) => [e.key, e.value, e.quote, e.continuations.map((c) => c.text), e.group, at(text, e.span)]),
    [
      ['first', 'quoted\nmore\nlines', '"', ['more', 'lines'], 'a', 'first = "quoted"\n  more\n  lines'],
      ['second', 'plain', null, [], 'a', 'second = plain'],
      ['third', 'x', "'", [], 'a', "third: 'x'"],
      ['fourth', '', null, [], 'b', 'fourth ='],
    ],
  );
  const [, second, third, fourth] = entries;
  assert.equal(at(text, second.linesSpan), 'second = plain\n');
  assert.equal(at(text, third.rawValueSpan), "'x'");
  assert.equal(at(text, third.valueSpan), 'x');
  assert.equal(at(text, third.separatorSpan), ':');
  assert.deepEqual(fourth.valueSpan, { start: text.length, end: text.length });
});

test('an assignment after a rejected line starts clean', () => {
  const text = '[a]\nk = v\n  c1\nno separator here\n  skipped\nm = w\n';
  const { tree, errors } = parseOsloIni(text);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].osloLine, 4);
  const [k, m] = tree.sections[0].entries;
  assert.equal(k.value, 'v\nc1');
  assert.equal(m.value, 'w');
  assert.deepEqual(m.continuations, []);
  assert.equal(at(text, m.linesSpan), 'm = w\n');
});

test('the continuation lists of different entries are independent', () => {
  const { tree } = parseOsloIni('[a]\nx = 1\ny = 2\n  more\nz = 3\n');
  const [x, y, z] = tree.sections[0].entries;
  assert.equal(y.continuations.length, 1);
  assert.equal(x.continuations.length, 0);
  assert.equal(z.continuations.length, 0);
  assert.notEqual(y.continuations, x.continuations);
});
