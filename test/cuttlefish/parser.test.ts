/**
 * The rabbitmq.conf parser against cuttlefish's grammar (conf_parse.peg).
 * Expected values and error lines below were checked against cuttlefish's
 * own conf_parse module during development (see the report of this change);
 * each test names the grammar rule it exercises.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCuttlefish } from '../../server/src/engine/formats/cuttlefish/index.js';
import type { ConfEntry } from '../../server/src/engine/formats/cuttlefish/index.js';
import type { Span } from '../../server/src/engine/core/text.js';

const slice = (text: string, s: Span) => text.slice(s.start, s.end);

function entries(text: string): ConfEntry[] {
  const r = parseCuttlefish(text);
  assert.deepEqual(r.errors, [], `unexpected errors in ${JSON.stringify(text)}`);
  return [...r.tree.entries];
}

/** The 1-based line cuttlefish reports ("after line N"), read back from our message. */
function errorLines(text: string): number[] {
  return parseCuttlefish(text).errors.map((e) => Number(/after line (\d+) column 1, parsing incomplete/.exec(e.message)?.[1]));
}

test('key = value, with dotted keys split into segments with their own spans', () => {
  const text = 'listeners.ssl.default = 5671\n';
  const [e] = entries(text);
  assert.equal(e.key, 'listeners.ssl.default');
  assert.deepEqual(e.segments.map((s) => s.text), ['listeners', 'ssl', 'default']);
  assert.deepEqual(e.segments.map((s) => slice(text, s.span)), ['listeners', 'ssl', 'default']);
  assert.equal(slice(text, e.keySpan), 'listeners.ssl.default');
  assert.equal(e.value, '5671');
  assert.equal(slice(text, e.valueSpan), '5671');
  assert.equal(e.valueStyle, 'plain');
  assert.deepEqual(e.span, { start: 0, end: text.length - 1 });
  assert.deepEqual(e.extent, { start: 0, end: text.length });
});

test('blanks around the key and the = are allowed, tabs too', () => {
  const text = '  \tssl_options.verify\t=   verify_peer  \n';
  const [e] = entries(text);
  assert.equal(e.key, 'ssl_options.verify');
  assert.equal(e.value, 'verify_peer');
  assert.equal(slice(text, e.valueSpan), 'verify_peer');
  assert.equal(e.span.start, 0, 'the whole line, indentation included');
});

test('key words: letters, digits, _ and -, and escaped dots inside a segment', () => {
  const text = 'a\\.b.c-d_e.1 = x\n';
  const [e] = entries(text);
  assert.deepEqual(e.segments.map((s) => s.text), ['a.b', 'c-d_e', '1']);
  assert.deepEqual(e.segments.map((s) => s.raw), ['a\\.b', 'c-d_e', '1']);
  assert.equal(e.key, 'a\\.b.c-d_e.1', 'the key as written');
});

test('a trailing comment ends the value, and the blanks before it are dropped', () => {
  const text = 'ssl_options.verify = verify_peer # note\n';
  const [e] = entries(text);
  assert.equal(e.value, 'verify_peer');
  assert.ok(e.comment);
  assert.equal(e.comment.text, ' note');
  assert.equal(slice(text, e.comment.span), '# note');
  assert.equal(e.span.end, text.length - 1, 'the entry spans its comment');
});

test('# starts a comment even inside a word: a password loses its tail', () => {
  const [e] = entries('default_pass = pass#word\n');
  assert.equal(e.value, 'pass');
  assert.equal(e.comment?.text, 'word');
});

test("a quoted value keeps '#' and blanks, and the quotes are not part of the value", () => {
  const text = "default_pass = 'e9238-7_49%#sod7 x' # c\n";
  const [e] = entries(text);
  assert.equal(e.value, 'e9238-7_49%#sod7 x');
  assert.equal(e.valueStyle, 'quoted');
  assert.equal(slice(text, e.valueSpan), "'e9238-7_49%#sod7 x'");
  assert.equal(e.comment?.text, ' c');
});

test("'' is an empty value, while nothing after = is a syntax error", () => {
  assert.equal(entries("a = ''\n")[0].value, '');
  assert.deepEqual(errorLines('a = \n'), [1]);
  assert.deepEqual(errorLines('a = # only a comment\n'), [1]);
});

test("a quote that is never closed is plain text", () => {
  assert.equal(entries("a = 'abc\n")[0].value, "'abc");
});

test("a quoted value may run over several lines (cuttlefish's '.' matches line breaks)", () => {
  const [e] = entries("a = 'abc\ndef'\nb = 1\n");
  assert.equal(e.value, 'abc\ndef');
  assert.equal(e.span.end, "a = 'abc\ndef'".length);
});

test("''' … ''' multi-line values: quotes and the line breaks next to them are trimmed", () => {
  const text = "a = '''\n    l0\n    l1\n'''\nb = 1\n";
  const r = parseCuttlefish(text);
  assert.deepEqual(r.errors, []);
  const [a, b] = r.tree.entries;
  assert.equal(a.value, '    l0\n    l1');
  assert.equal(a.valueStyle, 'multiline');
  assert.equal(slice(text, a.valueSpan), "'''\n    l0\n    l1\n'''");
  assert.equal(b.key, 'b');
  // With CRLF the \r\n next to the quotes goes too; inner ones stay.
  assert.equal(entries("a = '''\r\nx\r\ny\r\n'''\r\n")[0].value, 'x\r\ny');
  assert.equal(entries("a = '''value'''\n")[0].value, 'value');
});

test("an unclosed ''' is a syntax error on the line that opens it", () => {
  const errors = parseCuttlefish("x = 1\na = '''\nl0\nl1\n").errors;
  assert.match(errors[0].message, /after line 2 column 1/);
  assert.match(errors[0].message, /never closed/);
});

test('text after a quoted value is a syntax error (PEG: no falling back to a plain value)', () => {
  const r = parseCuttlefish("a = 'x' y\n");
  assert.deepEqual(errorLines("a = 'x' y\n"), [1]);
  assert.match(r.errors[0].message, /after the quoted value/);
  assert.deepEqual(errorLines("a = '''x''''\n"), [1]);
});

test('comment lines, blank lines, whitespace-only lines', () => {
  const text = '# top\n\n   \t\n  # indented\nk = v\n';
  const r = parseCuttlefish(text);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.tree.comments.map((c) => c.text), [' top', ' indented']);
  assert.deepEqual(r.tree.items.map((i) => i.kind), ['comment', 'comment', 'entry']);
  assert.equal(slice(text, r.tree.comments[1].span), '# indented');
});

test('CRLF line ends: the \\r is not part of values or comments', () => {
  const text = 'a = 1\r\nb = two # c\r\n# d\r\n';
  const r = parseCuttlefish(text);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.tree.entries.map((e) => e.value), ['1', 'two']);
  assert.deepEqual(r.tree.comments.map((c) => c.text), [' c', ' d']);
  assert.deepEqual(r.tree.entries[0].extent, { start: 0, end: 7 });
});

test('a lone \\r is no line break for cuttlefish: it stays in the value and does not count as a line', () => {
  const text = 'a = 1\rb\n$x = 1\n';
  assert.equal(parseCuttlefish(text).tree.entries[0].value, '1\rb');
  assert.deepEqual(errorLines(text), [2]);
});

test('the last line needs no line break; at the very end trailing blanks stay in a plain value', () => {
  assert.equal(entries('a = b')[0].value, 'b');
  // cuttlefish keeps them: `(!((ws* crlf) / comment) .)+` finds no line break to stop before.
  assert.equal(entries('a = b   ')[0].value, 'b   ');
  assert.equal(entries('a = b   \n')[0].value, 'b');
});

test('a byte order mark at the start is skipped', () => {
  const [e] = entries('\uFEFFa = b\n');
  assert.equal(e.key, 'a');
  assert.equal(e.keySpan.start, 1);
});

test('include directives', () => {
  const text = 'include conf.d/*.conf # more\ninclude=x\n';
  const r = parseCuttlefish(text);
  assert.deepEqual(r.errors, []);
  const [inc] = r.tree.includes;
  assert.equal(inc.path, 'conf.d/*.conf');
  assert.equal(slice(text, inc.pathSpan), 'conf.d/*.conf');
  assert.equal(inc.comment?.text, ' more');
  // `include=x` is a setting whose key is `include`: the setting rule comes first.
  assert.equal(r.tree.entries[0].key, 'include');
});

test('include: no trailing blanks, a path of [A-Za-z0-9-_.*/] only, and a blank after the word', () => {
  assert.deepEqual(errorLines('include conf.d/*.conf   \n'), [1]);
  assert.match(parseCuttlefish('include conf.d/*.conf   \n').errors[0].message, /after the include path/);
  assert.deepEqual(errorLines('include ~/x.conf\n'), [1]);
  assert.match(parseCuttlefish('include ~/x.conf\n').errors[0].message, /'~' cannot appear in an include path/);
  assert.match(parseCuttlefish('include a~b\n').errors[0].message, /'~' cannot appear in an include path/);
  assert.match(parseCuttlefish('include\t\n').errors[0].message, /expected a file or glob after include/);
  assert.deepEqual(errorLines('includex.conf\n'), [1]);
});

test('error messages name cuttlefish line numbers and say why', () => {
  const cases: [string, number, RegExp][] = [
    ['a = 1\nfoo bar\n', 2, /expected '=' after the key 'foo'/],
    ['a = 1\nb = 2\nf = \n', 3, /'f' has no value/],
    ['listeners.tcp.$name = 5672\n', 1, /'\$' cannot appear in a key/],
    ['a. = 1\n', 1, /cannot end with '\.'/],
    ['a..b = 1\n', 1, /cannot end with '\.' or contain '\.\.'/],
    ['[rabbit]\n', 1, /expected a key.*found '\['/],
    ['key: value\n', 1, /':' cannot appear in a key/],
  ];
  for (const [text, line, reason] of cases) {
    const [error] = parseCuttlefish(text).errors;
    assert.ok(error, `no error for ${JSON.stringify(text)}`);
    assert.match(error.message, new RegExp(`^Syntax error after line ${line} column 1, parsing incomplete: `));
    assert.match(error.message, reason);
  }
});

test('the error span sits on the reported line, from its first non-blank character', () => {
  const text = 'a = 1\n  foo bar\nb = 2\n';
  const [error] = parseCuttlefish(text).errors;
  assert.equal(slice(text, error.span), 'foo bar');
});

test('parsing goes on after an error: later lines are read and later errors reported too', () => {
  const text = 'a = 1\nbad line\nb = 2\n$also bad\nc = 3\n';
  const r = parseCuttlefish(text);
  assert.deepEqual(errorLines(text), [2, 4]);
  assert.deepEqual(r.tree.entries.map((e) => e.key), ['a', 'b', 'c']);
  assert.deepEqual(r.tree.items.map((i) => i.kind), ['entry', 'invalid', 'entry', 'invalid', 'entry']);
});

test('lines after a multi-line value count in error line numbers', () => {
  assert.deepEqual(errorLines("a = '''\n1\n2\n'''\nb = 1\noops\n"), [6]);
});

test('non-ASCII values are kept, non-ASCII keys are refused', () => {
  assert.equal(entries('cluster_name = lapin-é\n')[0].value, 'lapin-é');
  assert.deepEqual(errorLines('clé = 1\n'), [1]);
});

// --- templates ---------------------------------------------------------------

/** Masks `{{ }}` to placeholder words and `{% %}` to blanks, as the template masker does. */
function mask(template: string): { text: string; isTemplate: (offset: number) => boolean } {
  const tags: Span[] = [];
  const text = template.replace(/\{%.*?%\}|\{\{.*?\}\}/g, (tag: string, offset: number) => {
    tags.push({ start: offset, end: offset + tag.length });
    return tag.startsWith('{{') ? 't'.padEnd(tag.length, '_') : ' '.repeat(tag.length);
  });
  return { text, isTemplate: (o) => tags.some((t) => t.start <= o && o < t.end) };
}

test('masked template: placeholder key and value parse as an entry, flagged as templated', () => {
  const m = mask('{{ key }} = {{ value }}\nlisteners.ssl.1 = {{ port }}\n');
  const r = parseCuttlefish(m.text, { isTemplate: m.isTemplate });
  assert.deepEqual(r.errors, []);
  const [free, port] = r.tree.entries;
  assert.equal(free.key, 't________');
  assert.ok(free.keyTemplated && free.valueTemplated);
  assert.equal(port.key, 'listeners.ssl.1');
  assert.ok(!port.keyTemplated && port.valueTemplated);
});

test('masked template: statement tags leave blank or indented lines, which are fine', () => {
  const m = mask('{% if ssl %}\n{% if x %}listeners.tcp = none{% endif %}\n{% endif %}\n');
  const r = parseCuttlefish(m.text, { isTemplate: m.isTemplate });
  assert.deepEqual(r.errors, []);
  assert.equal(r.tree.entries[0].value, 'none');
});

test('masked template: a line that is only an expression may render as anything, so it is no error', () => {
  const m = mask('a = 1\n{{ extra_settings }}\nb = 2\n');
  const r = parseCuttlefish(m.text, { isTemplate: m.isTemplate });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.tree.items.map((i) => i.kind), ['entry', 'template', 'entry']);
  // The same text without the template information is a syntax error.
  assert.deepEqual(errorLines(m.text), [2]);
});

test('masked template: blanks of a tag at the very end are not counted into the value', () => {
  const m = mask('a = b{% endif %}');
  assert.equal(parseCuttlefish(m.text, { isTemplate: m.isTemplate }).tree.entries[0].value, 'b');
  assert.equal(parseCuttlefish(m.text).tree.entries[0].value, 'b           ');
});

// --- speed ---------------------------------------------------------------------

test('a 1 MB file parses completely, and many unclosed quotes still give a tree', () => {
  const line = "listeners.ssl.default = 5671 # comment\nssl_options.password = 'secret#1'\n";
  const big = line.repeat(Math.ceil(1_000_000 / line.length));
  const r = parseCuttlefish(big);
  assert.equal(r.errors.length, 0);
  assert.equal(r.tree.entries.length, 2 * Math.ceil(1_000_000 / line.length));
  const bad = "a = 'x\nb = '''y\n".repeat(40_000);
  assert.ok(parseCuttlefish(bad).errors.length > 0);
});
