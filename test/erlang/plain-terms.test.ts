// The fast path for plain terms (plain-terms.ts) must build exactly what the
// general parser builds: same forms, same nodes and spans, same binary
// values, same errors. Compared on every fixture, the corpus and examples,
// the benchmark's generated config, random terms and mutations of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseErlangTerms, parseErlangTermsWithoutFastPath } from '../../server/src/engine/formats/erlang/parse.js';
import { classicConfig } from '../../scripts/bench/generate/erlang.js';
import { mutatedSeed } from '../fuzz/arbitraries.js';
import { TARGETS } from '../fuzz/targets.js';
import { seedFiles } from '../fuzz/seeds.js';
import { filesUnder } from '../helpers/files.js';
import { ROOT } from '../helpers/paths.js';
import { flatten } from './flatten.js';

function assertSame(text: string, what: string, allowCalls = false): void {
  const fast = flatten(parseErlangTerms(text, { allowCalls }));
  const general = flatten(parseErlangTermsWithoutFastPath(text, { allowCalls }));
  const at = fast.findIndex((line, i) => line !== general[i]);
  if (at >= 0 || fast.length !== general.length) {
    const i = at >= 0 ? at : Math.min(fast.length, general.length);
    assert.fail(`${what}: fast path ${fast[i] ?? '(end)'}, general parser ${general[i] ?? '(end)'}`);
  }
}

test('every Erlang fixture parses the same with and without the fast path', () => {
  const all = filesUnder(join(ROOT, 'test', 'fixtures', 'erlang'));
  assert.ok(all.length > 100, `${all.length} fixtures`);
  for (const path of all) assertSame(readFileSync(path, 'utf8'), path, path.includes('/calls/'));
});

test('every classic config of the corpus and examples parses the same with and without the fast path', () => {
  const configs = seedFiles().filter((f) => f.language === 'rabbitmq-config');
  assert.ok(configs.length > 5);
  for (const f of configs) assertSame(f.text, f.path);
});

test('the fast path takes the plain forms: a generated 100 KiB config', () => {
  const text = classicConfig({ bytes: 100 * 1024 });
  assertSame(text, 'generated config');
  assert.deepEqual(parseErlangTerms(text).errors, []);
});

/** Random plain and nearly plain terms: what the fast path takes, and what it must hand over. */
const leaf = fc.constantFrom(
  'a', "'b c'", "'tlsv1.2'", '"s"', '"a" "b"', '""', '0', '-1', '+ 2', '- 3.5', '16#ff', '$a', '-$a', '1.0e3', '2#101',
  '<<>>', '<<"x">>', '<<1,2,300>>', '<<-1>>', '<<"é">>', '<<"ab" "c", 7>>', '<<"🐇">>', '<<1:3>>', '<<"x"/utf8>>', '<<a>>',
  '<<1.5>>', '<<[1]>>', 'X', '#{a => 1}', '- - 1', '- a', '1 + 2', 'f()', 'fun m:f/1', '[1 | 2]',
);
const term: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('t'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(tie('t'), { maxLength: 4 }).map((items) => `{${items.join(',\n')}}`),
  ),
})).t;

test('random terms parse the same with and without the fast path', () => {
  fc.assert(fc.property(fc.array(term, { minLength: 1, maxLength: 3 }), fc.constantFrom('.\n', '.', '', '. %c\n'), (forms, end) => {
    assertSame(forms.join('.\n') + end, 'random terms');
  }), { seed: 0xfa57, numRuns: 2000 });
});

test('mutated configs parse the same with and without the fast path', () => {
  const erlang = TARGETS.find((t) => t.name === 'erlang')!;
  fc.assert(fc.property(mutatedSeed(erlang), (text) => assertSame(text, 'mutated config')), { seed: 0x5107, numRuns: 1000 });
});

test('forms after the first one the fast path declines, with comments on both sides, parse the same', () => {
  const texts = [
    '%% head\n[a]. % after a\n[X]. %% after X\n[b].\n',
    '%c\n[a, %x\n b | c].\n% tail\n',
    '[{a, 1}].\n[{b, "s" % in between\n "t"}].\n#{k => v}.\n[c].',
    '[a].\n[b]',
    '[a].\n[b].\n\'\\x{41}\'.\n[$\\n, "a\\tb"].\n',
    '[<<"x">>, <<1:8>>].\n[<<1.5>>].\n[<<"é", 300, -1>>].\n',
    '[a]. [b]. %\u00a0nbsp\n[c].\u00a0[d].\n',
    '[a]. \ufffe\n[b].\n',
  ];
  for (const text of texts) assertSame(text, JSON.stringify(text));
});
