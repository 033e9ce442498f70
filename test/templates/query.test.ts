import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConditional, isInTemplate, maskTemplate, templateSpanAt, touchesTemplate } from '../../server/src/engine/templates/index.js';
import { spanOfText } from './support.js';

const TEXT = [
  'a = {{ x }}',
  'b = rabbit@{{ host }}',
  "v = '{{ version }}'{% if not loop.last -%},{%- endif %}",
  '{% if tls %}',
  'listeners.tcp = none',
  '{% endif %}',
  'c = 1',
].join('\n');
const M = maskTemplate(TEXT, 'jinja');

function at(piece: string, occurrence = 0): { start: number; end: number } {
  const [start, end] = spanOfText(TEXT, piece, occurrence);
  return { start, end };
}

test('templateSpanAt finds the tag holding an offset, end excluded', () => {
  const x = at('{{ x }}');
  assert.deepEqual(templateSpanAt(M, x.start), { ...x, kind: 'expression', dialect: 'jinja' });
  assert.deepEqual(templateSpanAt(M, x.end - 1)?.start, x.start);
  assert.equal(templateSpanAt(M, x.end), undefined);
  assert.equal(templateSpanAt(M, 0), undefined);
  assert.equal(templateSpanAt(M, TEXT.length), undefined);
  const endif = at('{% endif %}');
  assert.equal(templateSpanAt(M, endif.start + 3)?.kind, 'statement');
});

test('isInTemplate agrees with the spans at every offset', () => {
  for (let i = 0; i <= TEXT.length; i++) {
    const inside = M.spans.some((s) => s.start <= i && i < s.end);
    assert.equal(isInTemplate(M, i), inside, `offset ${i}`);
  }
});

test('touchesTemplate: overlapping, glued, or separated by whitespace only', () => {
  assert.equal(touchesTemplate(M, at('rabbit@')), true, 'glued before a tag');
  assert.equal(touchesTemplate(M, at("'", 0)), true, 'quote glued before');
  assert.equal(touchesTemplate(M, at(',')), true, 'comma between two tags');
  assert.equal(touchesTemplate(M, at('x }}')), true, 'overlap');
  assert.equal(touchesTemplate(M, at('a = ')), true, 'whitespace then tag');
  assert.equal(touchesTemplate(M, at('a')), false, 'separated by " = "');
  assert.equal(touchesTemplate(M, at('c = 1')), true, 'a line break then the endif');
  assert.equal(touchesTemplate(M, at('c = 1'), { sameLine: true }), false, 'not on the same line');
  assert.equal(touchesTemplate(M, at('listeners.tcp')), true);
  assert.equal(touchesTemplate(M, at('tcp =')), false, 'text on both sides');
  const x = at('{{ x }}');
  assert.equal(touchesTemplate(M, { start: x.end, end: x.end }), true, 'empty span at a tag end');
  assert.equal(touchesTemplate(M, { start: 1, end: 1 }), false);
  assert.equal(touchesTemplate(M, at('c = 1'), { expressionsOnly: true }), false, 'only an endif nearby');
  assert.equal(touchesTemplate(M, at(','), { expressionsOnly: true }), false, 'between two statements');
  assert.equal(touchesTemplate(M, at("'", 1), { expressionsOnly: true }), true, 'the quote after {{ version }}');
  const plain = maskTemplate('a = 1', 'jinja');
  assert.equal(touchesTemplate(plain, { start: 0, end: 5 }), false);
});

test('isConditional: inside, outside, straddling, empty spans', () => {
  assert.equal(isConditional(M, at('listeners.tcp = none')), true);
  assert.equal(isConditional(M, at(',')), true, 'the comma inside the inline if');
  assert.equal(isConditional(M, at('c = 1')), false);
  assert.equal(isConditional(M, at('a = ')), false);
  const body = M.conditional[M.conditional.length - 1];
  assert.equal(isConditional(M, { start: body.start - 3, end: body.start + 1 }), true, 'straddling the start');
  assert.equal(isConditional(M, { start: body.start - 3, end: body.start }), false, 'ending where the region starts');
  assert.equal(isConditional(M, { start: body.start, end: body.start }), true, 'empty span at the start');
  assert.equal(isConditional(M, { start: body.end, end: body.end }), false, 'empty span at the end');
  assert.equal(isConditional(maskTemplate('a', 'jinja'), { start: 0, end: 1 }), false);
});
