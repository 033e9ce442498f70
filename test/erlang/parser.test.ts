// Unit tests per construct: what the tree holds for each kind of literal and
// container, with spans pointing at the right text. Expected values are
// Erlang's semantics (checked against erl when these cases were written).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, parse, termOf, textOf } from './helpers.js';

test('atoms: plain, quoted, Latin-1 letters, @ and _', () => {
  const list = as(termOf(`[ok, 'tlsv1.2', 'a b', '', rabbit@host, café, 'end', 'Ω'].`), 'list');
  const atoms = list.elements.map((e) => as(e, 'atom'));
  assert.deepEqual(atoms.map((a) => a.name), ['ok', 'tlsv1.2', 'a b', '', 'rabbit@host', 'café', 'end', 'Ω']);
  assert.deepEqual(atoms.map((a) => a.quoted), [false, true, true, true, false, false, true, true]);
});

test('maybe and else are atoms in OTP 25; cond and let are reserved', () => {
  const list = as(termOf('[maybe, else, query].'), 'list');
  assert.deepEqual(list.elements.map((e) => as(e, 'atom').name), ['maybe', 'else', 'query']);
  assert.equal(parse('[cond].').errors[0].message, "syntax error before: 'cond'");
});

test('strings: escapes are decoded', () => {
  const cases: [string, string][] = [
    [String.raw`"a\nb\tc"`, 'a\nb\tc'],
    [String.raw`"\x{263A}\x41\x4a"`, '☺AJ'],
    [String.raw`"\101\60\7"`, 'A0\x07'],
    [String.raw`"\1012"`, 'A2'],
    [String.raw`"\08"`, '\x008'],
    [String.raw`"\^a\^Z\^[\^?"`, '\x01\x1a\x1b\x1f'],
    [String.raw`"\s\d\e\v\b\f\r"`, ' \x7f\x1b\x0b\x08\x0c\r'],
    [String.raw`"\q\"\\"`, 'q"\\'],
    [String.raw`"\x{1F600}"`, '😀'],
    ['"a\\\nb"', 'a\nb'],
  ];
  for (const [source, value] of cases) {
    assert.equal(as(termOf(source + '.'), 'string').value, value, source);
  }
});

test('adjacent strings are one string, with one piece per literal', () => {
  const text = '"ab" % comment\n "cd" "".';
  const s = as(termOf(text), 'string');
  assert.equal(s.value, 'abcd');
  assert.deepEqual(s.pieces.map((p) => textOf(text, p)), ['"ab"', '"cd"', '""']);
  assert.equal(textOf(text, s.span), '"ab" % comment\n "cd" ""');
});

test('character literals are integers', () => {
  const list = as(termOf('[$a, $\\n, $ , $\\s, $\\x{263a}, $\\^A, $\\\\, $", $%, $\\101, $\n].'), 'list');
  const values = list.elements.map((e) => as(e, 'integer'));
  assert.deepEqual(values.map((v) => v.value), [97n, 10n, 32n, 32n, 0x263an, 1n, 92n, 34n, 37n, 65n, 10n]);
  assert.ok(values.every((v) => v.notation === 'char'));
});

test('integers: decimal, underscores, based, unbounded', () => {
  const list = as(termOf('[0, 1_000_000, 16#FF, 16#ff, 2#1010, 36#Zz, 16#FF_FF, 1_6#F, 123456789012345678901234567890].'), 'list');
  const ints = list.elements.map((e) => as(e, 'integer'));
  assert.deepEqual(ints.map((i) => i.value), [0n, 1000000n, 255n, 255n, 10n, 1295n, 65535n, 15n, 123456789012345678901234567890n]);
  assert.deepEqual(ints.map((i) => i.notation), ['decimal', 'decimal', 'based', 'based', 'based', 'based', 'based', 'based', 'decimal']);
});

test('floats', () => {
  const list = as(termOf('[1.0, 1.0e3, 1.0E-3, 2.5e+10, 1_0.5_0, 1.0e-400].'), 'list');
  assert.deepEqual(list.elements.map((e) => as(e, 'float').value), [1, 1000, 0.001, 2.5e10, 10.5, 0]);
});

test('a sign on a number literal is part of it; spans include the sign', () => {
  const text = '[-1, - 1, -(1), +1, -$a, -1.5, +0.0, -0.0].';
  const list = as(termOf(text), 'list');
  const values = list.elements.map((e) => (e.kind === 'integer' ? e.value : as(e, 'float').value));
  assert.deepEqual(values, [-1n, -1n, -1n, 1n, -97n, -1.5, 0, -0]);
  assert.ok(Object.is(values[7], -0));
  assert.deepEqual(list.elements.map((e) => textOf(text, e.span)), ['-1', '- 1', '-(1)', '+1', '-$a', '-1.5', '+0.0', '-0.0']);
});

test('lists: proper, improper, nested', () => {
  const text = '[a, [b | c], [], [d | [e]]].';
  const list = as(termOf(text), 'list');
  assert.equal(list.elements.length, 4);
  assert.equal(list.tail, null);
  const improper = as(list.elements[1], 'list');
  assert.equal(as(improper.tail, 'atom').name, 'c');
  assert.equal(textOf(text, improper.span), '[b | c]');
  assert.deepEqual(as(list.elements[2], 'list').elements, []);
});

test('tuples, including the RabbitMQ listener shape {"::", 5671}', () => {
  const text = '{"::", 5671}.';
  const tuple = as(termOf(text), 'tuple');
  assert.equal(as(tuple.elements[0], 'string').value, '::');
  assert.equal(as(tuple.elements[1], 'integer').value, 5671n);
  assert.equal(textOf(text, tuple.span), '{"::", 5671}');
});

test('maps with => are terms', () => {
  const text = '#{a => 1, "k" => [x]}.';
  const map = as(termOf(text), 'map');
  assert.equal(map.base, null);
  assert.deepEqual(map.entries.map((e) => [textOf(text, e.key.span), e.operator, textOf(text, e.value.span)]), [['a', '=>', '1'], ['"k"', '=>', '[x]']]);
});

test('binaries are built', () => {
  const bytes = (text: string) => {
    const b = as(termOf(text), 'binary');
    assert.ok(b.bits);
    return [Array.from(b.bits.bytes), b.bits.bitLength];
  };
  assert.deepEqual(bytes('<<"guest">>.'), [[103, 117, 101, 115, 116], 40]);
  assert.deepEqual(bytes('<<"é"/utf8>>.'), [[0xc3, 0xa9], 16]);
  assert.deepEqual(bytes('<<"é">>.'), [[0xe9], 8]);
  assert.deepEqual(bytes('<<1, 2, 300>>.'), [[1, 2, 44], 24]);
  assert.deepEqual(bytes('<<1:16/little>>.'), [[1, 0], 16]);
  assert.deepEqual(bytes('<<-1:16/signed>>.'), [[255, 255], 16]);
  assert.deepEqual(bytes('<<1:3>>.'), [[32], 3]);
  assert.deepEqual(bytes('<<16#ABC:12/little>>.'), [[0xbc, 0xa0], 12]);
  assert.deepEqual(bytes('<<"abc":16>>.'), [[0, 97, 0, 98, 0, 99], 48]);
  assert.deepEqual(bytes('<<"a"/utf16-little>>.'), [[97, 0], 16]);
  assert.deepEqual(bytes('<<1.5:32/float>>.'), [[63, 192, 0, 0], 32]);
  assert.deepEqual(bytes('<<65520.0:16/float>>.'), [[0x7c, 0], 16]);
  assert.deepEqual(bytes('<<<<"abc">>:2/binary>>.'), [[97, 98], 16]);
  assert.deepEqual(bytes('<<>>.'), [[], 0]);
});

test('binary segments keep their parts', () => {
  const text = '<<X:8/little-unit:2, "s">>.';
  const outcome = parse(text);
  const b = as(outcome.tree.forms[0].term, 'binary');
  const [first, second] = b.segments;
  assert.equal(textOf(text, first.span), 'X:8/little-unit:2');
  assert.equal(as(first.value, 'var').name, 'X');
  assert.equal(as(first.size, 'integer').value, 8n);
  assert.deepEqual(first.types.map((t) => [t.name, t.value]), [['little', null], ['unit', 2n]]);
  assert.equal(as(second.value, 'string').value, 's');
});

test('fun mod:name/Arity is a term even without allowCalls', () => {
  const fun = as(termOf('fun public_key:pkix_verify_hostname_match_fun/1.'), 'fun');
  assert.equal(fun.form, 'external');
  assert.equal(as(fun.module, 'atom').name, 'public_key');
  assert.equal(as(fun.arity, 'integer').value, 1n);
});

test('allowCalls accepts calls and funs as values', () => {
  const text = '[{match_fun, public_key:pkix_verify_hostname_match_fun(https)}, {v, fun(_, S) -> {valid, S} end}].';
  assert.equal(parse(text).errors[0].message, 'bad term');
  const list = as(termOf(text, { allowCalls: true }), 'list');
  const call = as(as(list.elements[0], 'tuple').elements[1], 'call');
  const callee = as(call.callee, 'remote');
  assert.equal(as(callee.module, 'atom').name, 'public_key');
  assert.equal(as(callee.function, 'atom').name, 'pkix_verify_hostname_match_fun');
  assert.deepEqual(call.args.map((a) => as(a, 'atom').name), ['https']);
  assert.equal(textOf(text, call.span), 'public_key:pkix_verify_hostname_match_fun(https)');
  assert.equal(as(as(list.elements[1], 'tuple').elements[1], 'fun').form, 'clauses');
});

test('allowCalls still rejects variables and operators', () => {
  assert.equal(parse('[{a, f(X)}].', { allowCalls: true }).errors[0].message, 'bad term');
  assert.equal(parse('[{a, 1 + 2}].', { allowCalls: true }).errors[0].message, 'bad term');
});

test('comments are collected with their spans', () => {
  const text = '%% header\n[a, % after a\n b]. %trailing';
  const { tree } = parse(text);
  assert.deepEqual(tree.comments.map((c) => textOf(text, c.span)), ['%% header', '% after a', '%trailing']);
  assert.deepEqual(tree.comments.map((c) => c.text), ['header', 'after a', 'trailing']);
});

test('forms and their dots', () => {
  const text = '{a, 1}.\n[b]. % c\n"d".';
  const { tree, errors } = parse(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(tree.forms.map((f) => textOf(text, f.span)), ['{a, 1}.', '[b].', '"d".']);
  assert.ok(tree.forms.every((f) => f.dot && textOf(text, f.dot) === '.'));
});

test('a dot ends a form only before white space, % or the end', () => {
  assert.equal(parse('a.%c\nb.\tc.').tree.forms.length, 3);
  assert.equal(parse('a.b.').errors[0].message, "syntax error before: '.'");
  assert.equal(parse('a.\u00a0b.').tree.forms.length, 2); // NBSP is white space to Erlang
});

test('empty input, white space and comments only: no forms, no errors', () => {
  for (const text of ['', '  \n\t', '% just a comment', '%% a\n%% b\n']) {
    const outcome = parse(text);
    assert.deepEqual(outcome.errors, []);
    assert.deepEqual(outcome.tree.forms, []);
  }
});

test('CRLF and tabs', () => {
  const text = '[\r\n\t{a,\t1},\r\n\t{b, "x\r\ny"}\r\n].\r\n';
  const list = as(termOf(text), 'list');
  assert.equal(as(as(list.elements[1], 'tuple').elements[1], 'string').value, 'x\r\ny');
});

test('Unicode in strings and quoted atoms; spans are UTF-16 offsets', () => {
  const text = "[{'пароль', \"🐇 кролик\"}, x].";
  const list = as(termOf(text), 'list');
  const tuple = as(list.elements[0], 'tuple');
  assert.equal(as(tuple.elements[0], 'atom').name, 'пароль');
  assert.equal(as(tuple.elements[1], 'string').value, '🐇 кролик');
  assert.equal(textOf(text, tuple.elements[1].span), '"🐇 кролик"');
  assert.equal(textOf(text, list.elements[1].span), 'x');
});
