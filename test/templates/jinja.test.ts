import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConditional, maskTemplate } from '../../server/src/engine/templates/index.js';
import type { MaskedDocument } from '../../server/src/engine/templates/types.js';
import { oracleMissing } from '../helpers/oracle.js';
import { assertMaskContract, runJinjaOracle } from './support.js';

function mask(text: string): MaskedDocument {
  const m = maskTemplate(text, 'jinja');
  assertMaskContract(text, m, JSON.stringify(text));
  return m;
}

/** Each tag as [its original text, its kind]. */
function tags(text: string, m: MaskedDocument): Array<[string, string]> {
  return m.spans.map((s) => [text.slice(s.start, s.end), s.kind]);
}

/** Each conditional region as its original text. */
function regions(text: string, m: MaskedDocument): string[] {
  return m.conditional.map((r) => text.slice(r.start, r.end));
}

test('an expression becomes a placeholder word of the same length', () => {
  const text = 'listeners.ssl.1 = {{ ssl_port }}\n';
  const m = mask(text);
  assert.equal(m.text, 'listeners.ssl.1 = t_____________\n');
  assert.deepEqual(m.spans, [{ start: 18, end: 32, kind: 'expression', dialect: 'jinja' }]);
  assert.equal(m.hasControlFlow, false);
  assert.deepEqual(m.errors, []);
});

test('statements and comments become spaces', () => {
  const text = '{# note #}\n{% set a = 1 %}key = v\n';
  const m = mask(text);
  assert.equal(m.text, '          \n               key = v\n');
  assert.deepEqual(tags(text, m), [
    ['{# note #}', 'comment'],
    ['{% set a = 1 %}', 'statement'],
  ]);
});

test('whitespace-control variants open and close tags', () => {
  const text = 'a{{- x -}}b{%- if y -%}c{%+ endif +%}d{#- z -#}e{{+ w }}';
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    ['{{- x -}}', 'expression'],
    ['{%- if y -%}', 'statement'],
    ['{%+ endif +%}', 'statement'],
    ['{#- z -#}', 'comment'],
    ['{{+ w }}', 'expression'],
  ]);
  assert.equal(m.text, 'at________b            c             d         et_______');
});

test('a closing delimiter inside a string does not end the tag', () => {
  const text = `{{ '}}' }} {{ "a\\"}}" }} {% set x = "%}" %} {{ x | replace('}}', '%}') }}`;
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    [`{{ '}}' }}`, 'expression'],
    [`{{ "a\\"}}" }}`, 'expression'],
    [`{% set x = "%}" %}`, 'statement'],
    [`{{ x | replace('}}', '%}') }}`, 'expression'],
  ]);
  assert.deepEqual(m.errors, []);
});

test('braces inside a tag are balanced before the tag can end', () => {
  const text = `{{ {'a': 1} }}} {% set d = {'a': {'b': 1}}%}x`;
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    [`{{ {'a': 1} }}`, 'expression'],
    [`{% set d = {'a': {'b': 1}}%}`, 'statement'],
  ]);
  assert.equal(m.text.slice(14, 16), '} ');
});

test('Erlang braces around an expression stay literal', () => {
  const text = '{tcp_listen_options, [{backlog, {{connection_backlog}}}]},';
  const m = mask(text);
  assert.equal(m.text, '{tcp_listen_options, [{backlog, t_____________________}]},');
});

test('raw blocks keep their contents as literal text', () => {
  const text = '{inet_dist_use_interface, {% raw %}{{% endraw %}{{ addr | f }}}},\n{%- raw -%}{{ x }} {% if %}{%- endraw -%}';
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    ['{% raw %}', 'statement'],
    ['{% endraw %}', 'statement'],
    ['{{ addr | f }}', 'expression'],
    ['{%- raw -%}', 'statement'],
    ['{%- endraw -%}', 'statement'],
  ]);
  assert.equal(
    m.text,
    '{inet_dist_use_interface,          {            t_____________}},\n           {{ x }} {% if %}              ',
  );
  assert.deepEqual(m.errors, []);
  assert.equal(m.hasControlFlow, false, 'an if inside raw is text');
});

test("Ansible's #jinja2: first line is a comment", () => {
  const text = '#jinja2: trim_blocks: False\n{\n  "a": "{{ x }}"\n}\n';
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    ['#jinja2: trim_blocks: False', 'comment'],
    ['{{ x }}', 'expression'],
  ]);
  const later = mask('x\n#jinja2: trim_blocks: False\n');
  assert.deepEqual(later.spans, [], 'only the first line is a header');
});

test('an expression spread over lines is one word on its first line, then blanks', () => {
  const text = 'k = {{ f(a,\n       b) }}\nz';
  const m = mask(text);
  assert.equal(m.text, 'k = t______\n            \nz');
});

test('CRLF line breaks stay in place', () => {
  const text = 'a = {{ x }}\r\n{% if y %}\r\nb = 1\r\n{% endif %}\r\n{# c\r\n d #}\r\n';
  const m = mask(text);
  assert.equal(m.text, 'a = t______\r\n          \r\nb = 1\r\n           \r\n    \r\n     \r\n');
  assert.deepEqual(regions(text, m), ['\r\nb = 1\r\n']);
});

test('if/elif/else bodies are conditional regions, one per branch', () => {
  const text = 'x\n{% if a %}\nA\n{% elif b %}\nB\n{% else %}\nC\n{% endif %}\ny\n';
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['\nA\n', '\nB\n', '\nC\n']);
  assert.equal(m.hasControlFlow, true);
});

test('for bodies (and for-else) are conditional; nested blocks fold into the outermost', () => {
  const text = '{% for h in hosts %}n{{ loop.index }} = {% if h %}H{% endif %}\n{% else %}none{% endfor %}';
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['n{{ loop.index }} = {% if h %}H{% endif %}\n', 'none']);
});

test('macro, call and set-block bodies are conditional; with, filter and set are not', () => {
  const text = [
    '{% macro m(x) %}M{% endmacro %}',
    '{% call m(1) %}C{% endcall %}',
    '{% set cap %}S{% endset %}',
    '{% set v = 1 %}',
    '{% with a = 1 %}W{% if a %}I{% endif %}{% endwith %}',
    '{% filter upper %}F{% endfilter %}',
  ].join('\n');
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['M', 'C', 'S', 'I']);
  assert.deepEqual(m.errors, []);
});

test('an empty if body is control flow without a region', () => {
  const m = mask('a{% if x %}{% endif %}b');
  assert.deepEqual(m.conditional, []);
  assert.equal(m.hasControlFlow, true);
});

test('expressions, set and include alone are not control flow', () => {
  const m = mask("{% set a = 1 %}{% include 'x.j2' %}v = {{ a }}");
  assert.equal(m.hasControlFlow, false);
  assert.deepEqual(m.conditional, []);
});

test('an unclosed {{ is an error on its delimiter; the tag runs to its line end', () => {
  const text = 'a = {{ x\nb = 1\n';
  const m = mask(text);
  assert.deepEqual(m.errors, [{ span: { start: 4, end: 6 }, message: "unclosed Jinja tag '{{'" }]);
  assert.equal(m.text, 'a = t___\nb = 1\n');
});

test('unclosed {%- and {# are errors on their delimiters', () => {
  const text = 'a\n{%- if x\n{# note\nb = 1\n';
  const m = mask(text);
  assert.deepEqual(
    m.errors.map((e) => [text.slice(e.span.start, e.span.end), e.message]),
    [
      ['{%-', "unclosed Jinja tag '{%'"],
      ['{#', "unclosed Jinja comment '{#'"],
    ],
  );
  assert.ok(m.text.endsWith('\nb = 1\n'));
});

test('an unterminated string or a stray bracket in a tag is reported; the tag ends on its line', () => {
  const text = "a = {{ it's }}\nb = {{ c }}\n";
  const m = mask(text);
  assert.deepEqual(m.errors.map((e) => [e.span, e.message]), [[{ start: 4, end: 6 }, "unterminated string in Jinja tag '{{'"]]);
  assert.deepEqual(tags(text, m), [
    ["{{ it's }}", 'expression'],
    ['{{ c }}', 'expression'],
  ]);
  const paren = mask('v = {{ f) }}\n');
  assert.deepEqual(paren.errors.map((e) => e.message), ["unexpected ')' in Jinja tag '{{'"]);
  assert.equal(paren.text, 'v = t_______\n');
});

test('a raw block without endraw is reported and does not swallow the rest', () => {
  const text = '{% raw %}\na = {{ x }}\n';
  const m = mask(text);
  assert.deepEqual(m.errors.map((e) => [text.slice(e.span.start, e.span.end), e.message]), [
    ['{% raw %}', "unclosed Jinja raw block: no '{% endraw %}' follows"],
  ]);
  assert.deepEqual(tags(text, m), [
    ['{% raw %}', 'statement'],
    ['{{ x }}', 'expression'],
  ]);
});

test('block nesting errors read like Jinja and point at the offending tag', () => {
  const stray = mask('a\n{% endif %}\n');
  assert.deepEqual(stray.errors.map((e) => e.message), ["Encountered unknown tag 'endif'."]);
  assert.deepEqual(stray.errors[0].span, { start: 2, end: 13 });

  const text = '{% for x in y %}{% if x %}X{% endfor %}tail';
  const crossed = mask(text);
  assert.deepEqual(crossed.errors.map((e) => [text.slice(e.span.start, e.span.end), e.message]), [
    [
      '{% endfor %}',
      "Encountered unknown tag 'endfor'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.",
    ],
  ]);
  assert.deepEqual(regions(text, crossed), ['{% if x %}X'], 'the endfor still closes the for (and the if inside it)');

  const open = '{% if a %}\nA\n';
  const unclosed = mask(open);
  assert.deepEqual(unclosed.errors.map((e) => [open.slice(e.span.start, e.span.end), e.message]), [
    [
      '{% if a %}',
      "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.",
    ],
  ]);
  assert.deepEqual(regions(open, unclosed), ['\nA\n'], 'an unclosed body runs to the end');

  const elifInFor = mask('{% for a in b %}{% elif c %}{% endfor %}');
  assert.equal(elifInFor.errors.length, 1);
  assert.match(elifInFor.errors[0].message, /^Encountered unknown tag 'elif'\./);
});

test('Go template actions (Helm) are statements and comments, with their own blocks', () => {
  const text = [
    '{{/* licence (the "License"); */}}',
    '{{- if .Values.tls }}',
    'listeners.ssl.1 = {{ .Values.port }}',
    '{{- else }}',
    'listeners.tcp.1 = {{ .Values.port }}',
    '{{- end }}',
    '{{- $x := print "a" }}',
    '{{ template "extra" . }}',
    '{{- range $k, $v := .Values.conf }}',
    '{{ $k }} = {{ $v }}',
    '{{ end -}}',
  ].join('\n');
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    ['{{/* licence (the "License"); */}}', 'comment'],
    ['{{- if .Values.tls }}', 'statement'],
    ['{{ .Values.port }}', 'expression'],
    ['{{- else }}', 'statement'],
    ['{{ .Values.port }}', 'expression'],
    ['{{- end }}', 'statement'],
    ['{{- $x := print "a" }}', 'statement'],
    ['{{ template "extra" . }}', 'expression'],
    ['{{- range $k, $v := .Values.conf }}', 'statement'],
    ['{{ $k }}', 'expression'],
    ['{{ $v }}', 'expression'],
    ['{{ end -}}', 'statement'],
  ]);
  assert.deepEqual(regions(text, m), [
    '\nlisteners.ssl.1 = {{ .Values.port }}\n',
    '\nlisteners.tcp.1 = {{ .Values.port }}\n',
    '\n{{ $k }} = {{ $v }}\n',
  ]);
  assert.deepEqual(m.errors, []);
});

test('{{ end }} and {{ else }} are plain Jinja expressions when no Go block is open', () => {
  const text = 'a = {{ end }}\nb = {{ else }}\n';
  const m = mask(text);
  assert.deepEqual(m.spans.map((s) => s.kind), ['expression', 'expression']);
  assert.equal(m.hasControlFlow, false);
});

test('a plain file comes back unchanged', () => {
  const text = '[{rabbit, [{tcp_listeners, [{"0.0.0.0", 5672}]}, {ssl_options, [{versions, [\'tlsv1.2\']}]}]}].\n% 50%} #{a => 1}\n';
  const m = mask(text);
  assert.equal(m.text, text);
  assert.deepEqual(m.spans, []);
  assert.deepEqual(m.errors, []);
});

/** Tricky sources whose tag spans are compared with Jinja's own lexer. */
const LEXER_CASES = [
  '{{{ x }}}',
  "a {{ {'a': 1} }}} b",
  '{% raw %}{{% endraw %}{{ a }}}}',
  "{{ '}}' }}{{ \"%}\" }}{% set x = '%}' %}",
  '{%- if a -%}\n  b\n{%+ endif +%}\n{#- c -#}',
  "{{ x | replace('}}', '{{') }}",
  "{% set d = {'a': {'b': [1, (2, 3)]}}%}{{ d['a'] }}",
  '{# a {{ b }} {% c %} #}{{ d }}',
  '{{ f(a,\n  b) }}\n{%\n  if x\n%}y{% endif %}',
  '{%- raw -%} {{ x }} {%- endraw -%}{{ y }}',
  "x = '{{ version }}'{% if not loop.last -%},{%- endif %}",
  '{{ a }}{{b}}{{-c-}}',
];

test("tag spans agree with Jinja's own lexer on tricky sources", (t) => {
  const run = runJinjaOracle<Array<{ ok: boolean; spans?: Array<[number, number, string]>; error?: string }>>({ lex: LEXER_CASES });
  if (!run.ok) return oracleMissing(t, `Jinja lexer (${run.why})`);
  LEXER_CASES.forEach((source, k) => {
    const answer = run.answer[k];
    assert.ok(answer.ok, `oracle rejected ${JSON.stringify(source)}: ${answer.error}`);
    const ours = mask(source).spans.map((s) => [s.start, s.end, s.kind]);
    assert.deepEqual(ours, answer.spans, JSON.stringify(source));
  });
});

/** Sources where Jinja's verdict (parses or not) depends only on what the masker checks. */
const PARSE_CASES = [
  '{% if a %}x{% endif %}',
  '{% if a %}x{% elif b %}y{% else %}z{% endif %}',
  '{% for a in b %}x{% else %}y{% endfor %}',
  '{% if a %}{% for b in c %}{% endfor %}{% endif %}',
  '{% macro m() %}x{% endmacro %}{% set c %}y{% endset %}',
  '{{ a',
  '{% if a',
  '{# a',
  '{% raw %}x',
  '{% endif %}',
  '{% if a %}',
  '{% for a in b %}{% endif %}',
  '{% if a %}{% for b in c %}{% endif %}{% endfor %}',
  '{% else %}',
  '{% for a in b %}{% elif c %}{% endfor %}',
  "{{ 'a }}",
  '{{ f) }}',
  "{{ '}}' }}",
  '{% raw %}{% if %}{% endraw %}',
];

test("error verdicts agree with Jinja's parser", (t) => {
  const run = runJinjaOracle<Array<{ ok: boolean; error?: string }>>({ parse: PARSE_CASES });
  if (!run.ok) return oracleMissing(t, `Jinja parser (${run.why})`);
  PARSE_CASES.forEach((source, k) => {
    const ours = mask(source).errors;
    assert.equal(ours.length === 0, run.answer[k].ok, `${JSON.stringify(source)}: Jinja says ${run.answer[k].error ?? 'ok'}, we say ${ours.map((e) => e.message).join('; ') || 'ok'}`);
  });
});

/** A small deterministic generator (linear congruential), so that every run checks the same sources. */
function sources(pieces: readonly string[], count: number, maxPieces: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let j = 1 + next(maxPieces); j > 0; j--) s += pieces[next(pieces.length)];
    out.push(s);
  }
  return out;
}

/** Fragments that stress the lexer: delimiters, quotes, brackets, raw markers, trim signs. */
const LEXER_PIECES = [
  '{{', '}}', '{%', '%}', '{#', '#}', "'", '"', '(', ')', '{', '}', '[', ']', ' ', '\n', 'a', 'x.y', '|f', ',', ':',
  '-', '+', '\\', '%', '#', 'if', ' raw ', ' endraw ', '{% raw %}', '{% endraw %}', '{%- endraw -%}',
];

test("random sources: spans equal Jinja's lexer, errors wherever Jinja fails to lex, none where it parses", (t) => {
  const cases = sources(LEXER_PIECES, 4000, 25, 333);
  type Lexed = { ok: boolean; spans?: Array<[number, number, string]>; error?: string };
  const lexed = runJinjaOracle<Lexed[]>({ lex: cases });
  const parsed = runJinjaOracle<Array<{ ok: boolean }>>({ parse: cases });
  if (!lexed.ok) return oracleMissing(t, `Jinja lexer (${lexed.why})`);
  if (!parsed.ok) return oracleMissing(t, `Jinja parser (${parsed.why})`);
  let lexable = 0;
  cases.forEach((source, k) => {
    const m = mask(source);
    const label = JSON.stringify(source);
    if (lexed.answer[k].ok) {
      lexable++;
      assert.deepEqual(m.spans.map((s) => [s.start, s.end, jinjaKind(source, s)]), lexed.answer[k].spans, label);
    } else if (!isUntokenizableChar(lexed.answer[k].error ?? '')) {
      assert.ok(m.errors.length > 0, `${label}: Jinja cannot lex it (${lexed.answer[k].error}), we found no error`);
    }
    if (parsed.answer[k].ok) assert.deepEqual(m.errors, [], `${label}: Jinja parses it`);
  });
  assert.ok(lexable > 500 && lexable < 3500, `a useful mix of good and bad sources (${lexable} lexable)`);
});

/** The kind Jinja's lexer gives a tag: a `{{ … }}` we read as a Go action is a print tag to it. */
function jinjaKind(source: string, span: { start: number; kind: string }): string {
  return source.startsWith('{{', span.start) ? 'expression' : span.kind;
}

/**
 * Jinja's lexer rejects characters its expression syntax lacks (`#`, `\`,
 * `$`…) with "unexpected char"; the masker does not check expression
 * syntax. A quote reported so is an unterminated string, which it does check.
 */
function isUntokenizableChar(error: string): boolean {
  const m = /^unexpected char (\S+) at/.exec(error);
  return m !== null && m[1] !== `"'"` && m[1] !== `'"'`;
}

/** Fragments that stress block nesting: every error they can cause is one the masker checks. */
const BLOCK_PIECES = [
  '{% if a %}', '{% elif b %}', '{% else %}', '{% endif %}', '{% for i in l %}', '{% endfor %}', '{% macro m() %}',
  '{% endmacro %}', '{% set c %}', '{% endset %}', '{% with %}', '{% endwith %}', '{% set d = 1 %}', '{{ x }}',
  '{{ y }}', 'text ', '\n', '{% raw %}{% if %}{% endraw %}', '{# c #}',
];

test("random block structures: errors exactly where Jinja's parser fails; conditional exactly where its tree says", (t) => {
  const cases = sources(BLOCK_PIECES, 6000, 8, 7);
  type Flags = { ok: boolean; flags?: boolean[] };
  const run = runJinjaOracle<Flags[]>({ conditionalSources: cases });
  if (!run.ok) return oracleMissing(t, `Jinja parser (${run.why})`);
  let valid = 0;
  cases.forEach((source, k) => {
    const m = mask(source);
    const label = JSON.stringify(source);
    const answer = run.answer[k];
    assert.equal(m.errors.length === 0, answer.ok, `${label}: Jinja ${answer.ok ? 'parses' : 'rejects'} it; we report ${m.errors.map((e) => e.message).join('; ') || 'nothing'}`);
    if (!answer.ok) return;
    valid++;
    const expressions = m.spans.filter((s) => s.kind === 'expression');
    assert.deepEqual(expressions.map((s) => isConditional(m, s)), answer.flags, label);
  });
  assert.ok(valid > 400 && valid < 5000, `a useful mix of good and bad structures (${valid} valid)`);
});
