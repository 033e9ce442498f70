/**
 * Masked templates: statement tags arrive as blanks and expressions as
 * placeholder words (see server/src/engine/templates/types.ts). The parser
 * must not mistake a masked tag's blanks for indentation or content.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../../server/src/engine/core/text.js';
import { parseOsloIni } from '../../server/src/engine/formats/ini/index.js';

/** Masks the tags of a small Jinja template the way the masker does: statements → spaces, expressions → t___. */
function mask(template: string): { text: string; isTemplate: (offset: number) => boolean } {
  const tags: Span[] = [];
  const text = template.replace(/\{%.*?%\}|\{\{.*?\}\}/g, (tag, offset: number) => {
    tags.push({ start: offset, end: offset + tag.length });
    return tag.startsWith('{{') ? 't'.padEnd(tag.length, '_') : ' '.repeat(tag.length);
  });
  return { text, isTemplate: (o) => tags.some((t) => t.start <= o && o < t.end) };
}

function parseTemplate(template: string) {
  const { text, isTemplate } = mask(template);
  return { text, ...parseOsloIni(text, { isTemplate }) };
}

test('a statement tag at the start of a line does not make the line a continuation', () => {
  const template = '[oslo_messaging_rabbit]\n{% if tls %}ssl = true{% endif %}\n';
  const { tree, errors } = parseTemplate(template);
  assert.deepEqual(errors, []);
  const e = tree.sections[0].entries[0];
  assert.equal(e.key, 'ssl');
  assert.equal(e.value, 'true');
  // Without the template information the same masked text reads as an indented line.
  const plain = parseOsloIni(mask(template).text);
  assert.equal(plain.errors[0].message.startsWith('Unexpected continuation line'), true);
});

test('a line made only of statement tags counts as blank', () => {
  const { tree, errors } = parseTemplate('[DEFAULT]\n{% if x %}\ndebug = true\n{% endif %}\n');
  assert.deepEqual(errors, []);
  assert.equal(tree.sections[0].entries[0].value, 'true');
});

test('a tag-only line ends a multi-line value, as a blank line does', () => {
  const { tree, errors } = parseTemplate('[DEFAULT]\na = 1\n  two\n    {% endif %}\n  three\n');
  assert.equal(tree.sections[0].entries[0].value, '1\ntwo');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].osloLine, 5);
});

test('a line made only of an expression tag counts as blank, not as a line without "="', () => {
  const { errors } = parseTemplate('[DEFAULT]\n{{ extra_options }}\nx = 1\n');
  assert.deepEqual(errors, []);
});

test('real indentation after a masked tag still makes a continuation line', () => {
  const { tree, errors } = parseTemplate('[DEFAULT]\nhosts = a,\n{% for h in hs %}  {{ h }},{% endfor %}\n');
  assert.deepEqual(errors, []);
  const e = tree.sections[0].entries[0];
  assert.equal(e.continuations.length, 1);
  assert.equal(e.value.startsWith('a,\nt'), true);
});

test('expression placeholders read as keys and values, with spans on the original tags', () => {
  const template = '[DEFAULT]\ntransport_url = {{ url }}\n{{ key }} = 1\n';
  const { tree, errors } = parseTemplate(template);
  assert.deepEqual(errors, []);
  const [url, key] = tree.sections[0].entries;
  assert.equal(template.slice(url.valueSpan.start, url.valueSpan.end), '{{ url }}');
  assert.equal(template.slice(key.keySpan.start, key.keySpan.end), '{{ key }}');
});

test('a comment after a masked tag is still a comment', () => {
  const { tree, errors } = parseTemplate('[DEFAULT]\n{% if x %}# note\n');
  assert.deepEqual(errors, []);
  assert.equal(tree.comments[0].text, 'note');
});
