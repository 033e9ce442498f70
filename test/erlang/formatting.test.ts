// Our re-implementations of Erlang's printing (used in error messages) and of
// io_lib:printable_unicode_list/1, compared with io_lib itself on many
// values, in one Erlang process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPrintableCharacter } from '../../server/src/engine/formats/erlang/access.js';
import { formatFloat, writeAtom, writeChar, writeString } from '../../server/src/engine/formats/erlang/messages.js';
import { requireOracle } from './oracle.js';

// Inputs go to Erlang as plain integers (code points, float bit patterns) so
// that nothing depends on the printing being tested; answers come back as
// lists of code points.
const PROBE = `
main([Input]) ->
    {ok, [[Atoms, Strings, Chars, FloatBits, Codes]]} = file:consult(Input),
    Out = fun(Chars0) -> io:format("~w~n", [lists:flatten(Chars0)]) end,
    [Out(io_lib:write_atom(list_to_atom(A))) || A <- Atoms],
    [Out(io_lib:write_string(S, $")) || S <- Strings],
    [Out(io_lib:write_string(S, $')) || S <- Strings],
    [Out(io_lib:write_char(C)) || C <- Chars],
    [begin <<F:64/float>> = <<B:64>>, Out(io_lib:write(F)) end || B <- FloatBits],
    [io:format("~w~n", [io_lib:printable_unicode_list([C])]) || C <- Codes].
`;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const rnd = random(20250101);
const codePointSamples = [
  0, 1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 32, 34, 39, 48, 64, 65, 90, 92, 95, 97, 122, 126, 127, 128, 133, 159, 160, 161,
  181, 191, 192, 215, 222, 223, 246, 247, 248, 255, 256, 0x3a9, 0x263a, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x1f600, 0x10ffff,
];
const randomCodePoint = () => {
  const r = rnd();
  if (r < 0.5) return codePointSamples[Math.floor(rnd() * codePointSamples.length)];
  if (r < 0.8) return Math.floor(rnd() * 300);
  return Math.floor(rnd() * 0xd000);
};

const atoms: string[] = [
  'a', 'ok', 'A', '_a', 'aB9@_', '9a', 'a-b', '', 'é', 'Ωa', 'aΩ', '×', 'a×', 'À', 'ÿ', 'ß', 'a.b', "a'b", 'a"b', 'a\\b',
  'after', 'and', 'andalso', 'cond', 'let', 'maybe', 'else', 'query', 'spec', 'end', 'fun', 'xor', 'a b', '\n', '[', '=>', '.',
];
for (let k = 0; k < 150; k++) {
  atoms.push(String.fromCodePoint(...Array.from({ length: 1 + Math.floor(rnd() * 6) }, randomCodePoint)));
}
const strings: string[] = ['', 'abc', 'a"b', "a'b", '\\', '\x7f\x9f\xa0', '\u0000\u0001\u001f', 'tab\there', '☺😀', 'é\u0301'];
for (let k = 0; k < 150; k++) {
  strings.push(String.fromCodePoint(...Array.from({ length: Math.floor(rnd() * 8) }, randomCodePoint)));
}
const chars = [...codePointSamples, ...Array.from({ length: 100 }, randomCodePoint)];

function bitsOf(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
const floats = [
  0, -0, 1, -1, 0.1, 0.5, 1.5, 10, 100, 1000, 12300, 1230, 123.456, 0.001, 0.0001, 0.00012, 1e15, 1e16, 1e21, 1e22, 1e-5,
  1e-7, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993, 123456.789, 1.2345678901234568e16, Math.PI,
];
for (let k = 0; k < 300; k++) {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, Math.floor(rnd() * 2 ** 32));
  view.setUint32(4, Math.floor(rnd() * 2 ** 32));
  const x = view.getFloat64(0);
  if (Number.isFinite(x)) floats.push(x);
  floats.push(Number((rnd() * 10 ** Math.floor(rnd() * 30 - 15)).toPrecision(1 + Math.floor(rnd() * 17))));
}
const codes = [...codePointSamples, 0xd800, 0xdfff, 0xfffe, 0xffff, 0x110000, ...Array.from({ length: 200 }, randomCodePoint)];

const codePoints = (s: string) => `[${Array.from(s, (c) => c.codePointAt(0)).join(',')}]`;

test('writeAtom, writeString, writeChar, formatFloat and isPrintableCharacter agree with io_lib', (t) => {
  if (!requireOracle(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'erlang-format-'));
  try {
    const script = join(dir, 'probe.escript');
    const input = join(dir, 'input.terms');
    writeFileSync(script, PROBE);
    writeFileSync(input, `[${[
      `[${atoms.map(codePoints).join(',')}]`,
      `[${strings.map(codePoints).join(',')}]`,
      `[${chars.join(',')}]`,
      `[${floats.map(bitsOf).join(',')}]`,
      `[${codes.join(',')}]`,
    ].join(',\n')}].\n`);
    const run = spawnSync('escript', [script, input], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    const text = () => String.fromCodePoint(...(JSON.parse(lines.shift()!) as number[]));

    for (const a of atoms) assert.equal(writeAtom(a), text(), `write_atom of ${JSON.stringify(a)}`);
    for (const s of strings) assert.equal(writeString(s, '"'), text(), `write_string of ${JSON.stringify(s)}`);
    for (const s of strings) assert.equal(writeString(s, "'"), text(), `write_string/2 ' of ${JSON.stringify(s)}`);
    for (const c of chars) assert.equal(writeChar(c), text(), `write_char of ${c}`);
    for (const f of floats) assert.equal(formatFloat(f), text(), `write of float ${f}`);
    for (const c of codes) assert.equal(String(isPrintableCharacter(c)), lines.shift(), `printable_unicode_list of [${c}]`);
    assert.deepEqual(lines, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
