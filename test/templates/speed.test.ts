/**
 * Large and hostile inputs: a 1 MB template, and inputs built to make a
 * careless lexer rescan the text (unclosed tags, endless quotes, deep
 * nesting) are masked completely and correctly. (Speed itself is measured by
 * the benchmark script, never asserted on the clock here.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTemplateDialect, maskTemplate } from '../../server/src/engine/templates/index.js';
import type { TemplateDialect } from '../../server/src/engine/templates/types.js';
import { corpusFiles, readText } from './support.js';

const MB = 1 << 20;
/** Runs one large case; `what` names it in failures. */
function timed<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `unit` repeated to at least `size` characters. */
function repeatTo(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

function realTemplates(dialect: TemplateDialect): string {
  const pattern = dialect === 'erb' ? /\.(erb|epp)(__|$)/ : /\.j2(__|$)/;
  const texts = corpusFiles().filter((p) => pattern.test(p)).map(readText);
  // Fixed fallbacks keep the test meaningful without the shared corpus.
  if (texts.length === 0) texts.push(dialect === 'erb' ? '<% if @a -%>\n{x, <%= @b %>},\n<% end -%>\n' : '{% if a %}\nx = {{ b }}\n{% endif %}\n');
  return repeatTo(texts.join('\n'));
}

for (const dialect of ['jinja', 'erb'] as const) {
  test(`a 1 MB ${dialect} template masks well under a second`, () => {
    const text = realTemplates(dialect);
    const m = timed(`masking 1 MB of ${dialect}`, () => maskTemplate(text, dialect));
    assert.equal(m.text.length, text.length);
    assert.ok(m.spans.length > 1000);
    timed(`detecting 1 MB of ${dialect}`, () => detectTemplateDialect('file', text));
  });
}

const HOSTILE: Array<[string, string, TemplateDialect]> = [
  ['unclosed {{ on every line', repeatTo('a = {{ x\n'), 'jinja'],
  ['{{{{{{…', repeatTo('{'), 'jinja'],
  ['{%{%{%…', repeatTo('{%'), 'jinja'],
  ['{#{#{#…', repeatTo('{#'), 'jinja'],
  ['unterminated strings in tags', repeatTo("{{ 'a }}\n"), 'jinja'],
  ['a quote in every tag, closed far away', repeatTo("{{ ' }}") + "'}}", 'jinja'],
  ['open brackets in every tag', repeatTo('{{ ( }}\n'), 'jinja'],
  ['100 000 nested ifs', '{% if a %}'.repeat(100_000) + 'x' + '{% endif %}'.repeat(100_000), 'jinja'],
  ['100 000 unclosed ifs', '{% if a %}\n'.repeat(100_000), 'jinja'],
  ['100 000 ifs closed by endfor', '{% if a %}'.repeat(100_000) + '{% endfor %}'.repeat(100_000), 'jinja'],
  ['100 000 else under a Go block', '{% if a %}{{ if .x }}' + '{% else %}'.repeat(100_000), 'jinja'],
  ['expressions under 100 000 open blocks', '{% for a in b %}'.repeat(100_000) + '{{ x }}'.repeat(100_000), 'jinja'],
  ['Go ends under 100 000 Jinja blocks', '{{ if .x }}' + '{% if a %}'.repeat(100_000) + '{{ end }}'.repeat(100_000), 'jinja'],
  ['raw without endraw, many {%', '{% raw %}' + repeatTo('{% x '), 'jinja'],
  ['Go comments never closed', repeatTo('{{/* a '), 'jinja'],
  ['Go comments closed wrongly far away', repeatTo('{{/* a ') + '*/ x', 'jinja'],
  ['raw blocks never closed', repeatTo('{% raw %}{% x %}\n'), 'jinja'],
  ['unclosed comments', repeatTo('{# a\n'), 'jinja'],
  ['<%<%<%…', repeatTo('<%'), 'erb'],
  ['unclosed <%= on every line', repeatTo('a = <%= @x\n'), 'erb'],
  ['%%> everywhere', '<%' + repeatTo('%%>'), 'erb'],
  ['unclosed tags among %%>', repeatTo('<% %%>\n'), 'erb'],
  ['nested interpolations', '<% x = ' + repeatTo('"#{') + ' %>', 'erb'],
  ['100 000 nested Ruby blocks', '<% if a %>'.repeat(100_000) + '<% end %>'.repeat(100_000), 'erb'],
  ['100 000 nested Puppet blocks', '<% if $a { %>'.repeat(100_000) + '<% } %>'.repeat(100_000), 'erb'],
];

for (const [what, text, dialect] of HOSTILE) {
  test(`linear on hostile input: ${what}`, () => {
    const m = timed(`masking ${what}`, () => maskTemplate(text, dialect));
    assert.equal(m.text.length, text.length);
    timed(`detecting ${what}`, () => detectTemplateDialect('file', text));
    timed(`detecting ${what} as Erlang`, () => detectTemplateDialect('file', text, 'erlang'));
  });
}

test('detection is linear on long lines of openers without closers', () => {
  for (const text of [repeatTo('{{ a '), repeatTo('{% if '), repeatTo('{{ x.y '), repeatTo('{# '), repeatTo('<%= ')]) {
    timed('detecting', () => detectTemplateDialect('file', text));
  }
});
