// One test per kind of error: the message and line file:consult/1 reports
// (as Erlang/OTP 25 words them — each expectation was checked against erl),
// the module, and where our span points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstError, parse, textOf } from './helpers.js';
import { consult, requireOracle } from './oracle.js';

/** Every input whose expected `line: message` is stated below, for the final check against erl itself. */
const stated: [string, string][] = [];

/** [input, `line: message` as Erlang reports it, module, the text our span covers]. */
type Case = [string, string, 'erl_scan' | 'erl_parse', string];

function check(cases: Case[]): void {
  for (const [input, expected, module, spanText] of cases) {
    stated.push([input, expected]);
    const outcome = parse(input);
    const e = outcome.errors[0];
    assert.ok(e, `no error for ${JSON.stringify(input)}`);
    assert.equal(`${e.line}: ${e.message}`, expected, JSON.stringify(input));
    assert.equal(e.module, module, JSON.stringify(input));
    assert.equal(textOf(input, e.span), spanText, `span of ${JSON.stringify(input)}`);
  }
}

test('syntax error before: tokens printed the way erl_parse prints them', () => {
  check([
    ['[a b].', '1: syntax error before: b', 'erl_parse', 'b'],
    ['[a,\n b,\n]\n.', "3: syntax error before: ']'", 'erl_parse', ']'],
    ["[a 'A'].", "1: syntax error before: 'A'", 'erl_parse', "'A'"],
    ["[a 'end'].", "1: syntax error before: 'end'", 'erl_parse', "'end'"],
    ['[a end].', "1: syntax error before: 'end'", 'erl_parse', 'end'],
    ['[a Var].', '1: syntax error before: Var', 'erl_parse', 'Var'],
    ['[a 16#FF].', '1: syntax error before: 255', 'erl_parse', '16#FF'],
    ['[a 1000.0].', '1: syntax error before: 1.0e3', 'erl_parse', '1000.0'],
    ['[a 123.0].', '1: syntax error before: 123.0', 'erl_parse', '123.0'],
    ['[a 0.00012].', '1: syntax error before: 1.2e-4', 'erl_parse', '0.00012'],
    ['[a $ ].', '1: syntax error before: $\\s', 'erl_parse', '$ '],
    ['[a $\\x{1}].', '1: syntax error before: $\\001', 'erl_parse', '$\\x{1}'],
    ['[a "x\\ny\\x{7f}\\x{9f}"].', '1: syntax error before: "x\\ny\\d\\237"', 'erl_parse', '"x\\ny\\x{7f}\\x{9f}"'],
    ['[a × b].', "1: syntax error before: '×'", 'erl_parse', '×'],
    ['[a, \u007f].', "1: syntax error before: '\\d'", 'erl_parse', '\u007f'],
    ['{a}.{b}.', "1: syntax error before: '.'", 'erl_parse', '.'],
    ['a..', "1: syntax error before: '..'", 'erl_parse', '..'],
    ['[a ?= b].', "1: syntax error before: '?='", 'erl_parse', '?='],
    ['[{a => 1}].', "1: syntax error before: '=>'", 'erl_parse', '=>'],
    ['[1 < 2 < 3].', "1: syntax error before: '<'", 'erl_parse', '<'],
    ['a:b:c.', "1: syntax error before: ':'", 'erl_parse', ':'],
    ['#{a => 1}#r{}.', '1: syntax error before: r', 'erl_parse', 'r'],
  ]);
});

test('typical config mistakes', () => {
  check([
    ['[{versions, [tlsv1.2]}].', "1: syntax error before: '.'", 'erl_parse', '.'],
    ['[{a, 1} {b, 2}].', "1: syntax error before: '{'", 'erl_parse', '{'],
    ['[{a, 1},\n {b, 2}\n {c, 3}].', "3: syntax error before: '{'", 'erl_parse', '{'],
    ['[\n  ,{crl_check, true}\n].', "2: syntax error before: ','", 'erl_parse', ','],
    ['[{a, 1}; {b, 2}].', "1: syntax error before: ';'", 'erl_parse', ';'],
    ['[a]\n[b].', "2: syntax error before: '['", 'erl_parse', '['],
    ['[a]].', "1: syntax error before: ']'", 'erl_parse', ']'],
    ['[a]. .', "1: syntax error before: '.'", 'erl_parse', '.'],
  ]);
});

test('a missing final dot is reported at the last token, with an empty token', () => {
  // Erlang: "syntax error before: " on the line of the last token.
  const cases: [string, string, number][] = [
    ['[a]', '1: syntax error before: ', 3],
    ['[a,\n b\n\n%% trailing comment\n', '2: syntax error before: ', 6],
    ['[{a, 1},\n {b, 2}', '2: syntax error before: ', 16],
    ['[a,\n "x\ny"', '2: syntax error before: ', 10],
  ];
  for (const [input, expected, offset] of cases) {
    stated.push([input, expected]);
    const e = parse(input).errors[0];
    assert.equal(`${e.line}: ${e.message}`, expected, JSON.stringify(input));
    assert.deepEqual(e.span, { start: offset, end: offset }, JSON.stringify(input));
  }
});

test('bad term: Erlang reports the line where the term starts; the span marks the culprit', () => {
  check([
    ['X.', '1: bad term', 'erl_parse', 'X'],
    ['\n\n[a,\n X].', '3: bad term', 'erl_parse', 'X'],
    ['[{rabbit, [{default_pass, list_to_binary("guest")}]}].', '1: bad term', 'erl_parse', 'list_to_binary("guest")'],
    ['[{a, public_key:f(https)}].', '1: bad term', 'erl_parse', 'public_key:f(https)'],
    ['#{a := 1}.', '1: bad term', 'erl_parse', 'a := 1'],
    ['[M#{a => 1}].', '1: bad term', 'erl_parse', 'M#{a => 1}'],
    ['#r{a = 1}.', '1: bad term', 'erl_parse', '#r{a = 1}'],
    ['[{port, 5670 + 1}].', '1: bad term', 'erl_parse', '5670 + 1'],
    ['- - 1.', '1: bad term', 'erl_parse', '- - 1'],
    ['{key = value}.', '1: bad term', 'erl_parse', 'key = value'],
    ['fun f/1.', '1: bad term', 'erl_parse', 'fun f/1'],
    ['[<<"ab"/binary>>].', '1: bad term', 'erl_parse', '"ab"/binary'],
    ['[<<1/unit:8>>].', '1: bad term', 'erl_parse', '1/unit:8'],
    ['[<<<<1:3>>/binary>>].', '1: bad term', 'erl_parse', '<<1:3>>/binary'],
    ['a,\n b.', '2: bad term', 'erl_parse', 'b'],
    ['(\n a) + b.', '2: bad term', 'erl_parse', 'a) + b'],
    ['[X || X <- [1]].', '1: bad term', 'erl_parse', '[X || X <- [1]]'],
  ]);
});

test('head mismatch', () => {
  check([
    ['a; g() -> b.', '1: head mismatch', 'erl_parse', 'g'],
    ['[fun (X) -> X;\n (X, Y) -> Y end].', '2: head mismatch', 'erl_parse', '('],
  ]);
});

test('unterminated strings and atoms are reported where they start', () => {
  check([
    ['[\n  {a, "guest},\n  {b, 1}\n].\n', '2: unterminated string starting with "guest},\\n  {b, 1}"', 'erl_scan', '"guest},'],
    ["[\n 'tlsv1.2].\n", "2: unterminated atom starting with 'tlsv1.2].\\n'", 'erl_scan', "'tlsv1.2]."],
    ['{a, "ab', '1: unterminated string starting with "ab"', 'erl_scan', '"ab'],
    // 16 grapheme clusters: CRLF and e + combining accent count as one each.
    ['"a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh\r\ni\r\n', '1: unterminated string starting with "a\\r\\nb\\r\\nc\\r\\nd\\r\\ne\\r\\nf\\r\\ng\\r\\nh\\r\\n"', 'erl_scan', '"a\r'],
    ['"e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301', '1: unterminated string starting with "' + 'e\u0301'.repeat(16) + '"', 'erl_scan', '"' + 'e\u0301'.repeat(17)],
    ['"\\x{41}\\n\\\\', '1: unterminated string starting with "A\\n\\\\"', 'erl_scan', '"\\x{41}\\n\\\\'],
  ]);
});

test('scanner errors: illegal characters, escapes, numbers, names', () => {
  check([
    ['[{heartbeat, ∞}].', '1: illegal character', 'erl_scan', '∞'],
    ['\ufeff[a].', '1: illegal character', 'erl_scan', '\ufeff'],
    ['[a,\n b Ω].', '2: illegal character', 'erl_scan', 'Ω'],
    ['["\\xg"].', '1: illegal character', 'erl_scan', '\\x'],
    ['[\n "\\x{D800}"].', '2: illegal character', 'erl_scan', '\\x{D800}'],
    ['["\\x{110000}"].', '1: illegal character', 'erl_scan', '\\x{110000}'],
    ['["\\x{FFFE}"].', '1: illegal character', 'erl_scan', '\\x{FFFE}'],
    ['["\\x{}"].', '1: illegal character', 'erl_scan', '\\x{}'],
    ['[a]. % bad \ufffe\n', '1: illegal character', 'erl_scan', '\ufffe'],
    ['[a, $', '1: unterminated character', 'erl_scan', '$'],
    ['[a, $\\', '1: unterminated character', 'erl_scan', '$\\'],
    ['[1.0e].', '1: illegal float', 'erl_scan', '1.0e'],
    ['[1.0e999].', '1: illegal float', 'erl_scan', '1.0e999'],
    ['[37#1].', "1: illegal base '37'", 'erl_scan', '37#1'],
    ['[1#1].', "1: illegal base '1'", 'erl_scan', '1#1'],
    ['[16#].', '1: illegal integer', 'erl_scan', '16#'],
    ['[16#_F].', '1: illegal integer', 'erl_scan', '16#'],
    [`['${'x'.repeat(256)}'].`, '1: illegal atom', 'erl_scan', `'${'x'.repeat(256)}'`],
    [`[a,\n ${'y'.repeat(256)}].`, '2: illegal atom', 'erl_scan', 'y'.repeat(256)],
    [`[${'V'.repeat(256)}].`, '1: illegal var', 'erl_scan', 'V'.repeat(256)],
  ]);
  // 255 characters is still fine.
  assert.deepEqual(parse(`['${'x'.repeat(255)}', ${'y'.repeat(255)}].`).errors, []);
});

test('numbers that are not what they seem', () => {
  check([
    ['[.5].', "1: syntax error before: '.'", 'erl_parse', '.'],
    ['[1.].', "1: syntax error before: '.'", 'erl_parse', '.'],
    ['[1e3].', '1: syntax error before: e3', 'erl_parse', 'e3'],
    ['[2#102].', '1: syntax error before: 2', 'erl_parse', '2'],
    ['[1__0].', '1: syntax error before: __0', 'erl_parse', '__0'],
  ]);
});

test('a scanner error wins over an earlier syntax error of the same form', () => {
  // erl_scan reads the whole form before erl_parse sees it.
  check([['[a b,\n "unterminated\n', '2: unterminated string starting with "unterminated\\n"', 'erl_scan', '"unterminated']]);
  // …but not over a syntax error in an earlier form.
  check([['[a b].\n"unterminated', '1: syntax error before: b', 'erl_parse', 'b']]);
});

test('the first form with an error decides; later forms are still checked', () => {
  stated.push(['{a, 1}.\n\n[b c].\n[d e].\n', '3: syntax error before: c']);
  const outcome = parse('{a, 1}.\n\n[b c].\n[d e].\n');
  assert.deepEqual(outcome.errors.map((e) => `${e.line}: ${e.message}`), ['3: syntax error before: c', '4: syntax error before: e']);
});

test('lone CR is white space but not a line break for Erlang', () => {
  stated.push(['[a,\r b,\r c d].', '1: syntax error before: d']);
  assert.equal(firstError('[a,\r b,\r c d].'), '1: syntax error before: d');
});

// Runs last: the expectations above are Erlang's own words, not a copy of our output.
test('every stated expectation is what erl itself reports', (t) => {
  if (!requireOracle(t)) return;
  assert.ok(stated.length > 80, `only ${stated.length} cases collected`);
  const dir = mkdtempSync(join(tmpdir(), 'erlang-errors-'));
  try {
    const files = stated.map(([input], k) => {
      const file = join(dir, `${k}.config`);
      writeFileSync(file, input);
      return file;
    });
    const verdicts = consult(files);
    verdicts.forEach((v, k) => {
      assert.ok(!v.ok && 'line' in v, `erl did not report an error for ${JSON.stringify(stated[k][0])}`);
      assert.equal(`${v.line}: ${v.message}`, stated[k][1], JSON.stringify(stated[k][0]));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
