// Seeded random inputs, compared with erl: token soups, mutated configs,
// random valid terms, character soups and number-like strings. The same
// seed gives the same inputs every run, so a failure is reproducible (the
// failing input is printed in the assertion message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertAgrees } from './agreement.js';
import { consult, requireOracle } from './oracle.js';

const PER_KIND = 300;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const rnd = random(4711);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const repeat = (max: number, make: () => string): string => Array.from({ length: 1 + Math.floor(rnd() * max) }, make).join('');

const TOKENS = [
  '[', ']', '{', '}', '(', ')', ',', ',', '.', '. ', '.\n', '|', '||', '#', '=>', ':=', ':', '/', '-', '+', '*', '<',
  '<<', '>>', '=', '!', ';', '->', 'a', 'b', "'q r'", '"s"', 'X', '_', '1', '16#F', '1.5', '$a', 'fun', 'end', 'case',
  'of', 'when', 'catch', 'try', 'after', 'begin', 'if', 'receive', '<-', '<=', '==', '=<', 'andalso', 'not', 'div',
  '%c\n', '\n', ' ', '...', '..', 'utf8', 'unit', 'binary', '8', '?', '@', 'cond', 'maybe', '?=', '::', '~', '×',
  '"a\\x{41}b"', "'a\\'b'", '$\\n', '$ ', '1_0', '2#1', '37#1', '1.0e', '1e3', '.5', '-0.0', '"\\^a"', '<<"ab"/utf8>>',
  '<<1:3>>', '#{a=>1}', '\r', '\t', '"open', "'open", '$', 'F(', 'm:f(', 'fun m:f/1', 'fun f/1', '"x\ny"', 'ü', '÷',
];

const SEEDS = [
  "[{rabbit, [{tcp_listeners, [5672]}, {ssl_options, [{verify, verify_peer}, {versions, ['tlsv1.2']}]}]}].\n",
  '[{a, <<"x"/utf8>>}, #{k => [1,2|3]}, {b, -1.5e3}, "s" "t", $c].\n',
  'fun (X) -> X; (Y) -> Y end.\n',
  '[X || X <- [1], X > 0].\n',
  'try a of b -> c catch d:e -> f after g end.\n',
  '#r{a = 1}#r.b.\n',
  'case X of {a, B} when B > 1; B < 0 -> ok end.\n',
  '<<1:8/little-unit:2, "ab":4, <<"c">>/binary>>.\n',
];

function soup(): string {
  return repeat(30, () => pick(TOKENS) + (rnd() < 0.5 ? ' ' : '')) + (rnd() < 0.7 ? '.\n' : '');
}

function mutation(): string {
  let text = pick(SEEDS);
  for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
    const at = Math.floor(rnd() * text.length);
    const r = rnd();
    if (r < 0.4) text = text.slice(0, at) + text.slice(at + 1);
    else if (r < 0.8) text = text.slice(0, at) + pick(TOKENS) + text.slice(at);
    else text = text.slice(0, at) + pick(['\n', ' ', '"', "'", '$', '\\', '%', '.', '\r', '\ufeff', '\u00a0', 'Ω', '#', '|']) + text.slice(at);
  }
  return text;
}

function validTerm(depth = 0): string {
  const leaves = [
    'a', "'b c'", "'tlsv1.2'", 'über', "'Ω'", "''", String(Math.floor(rnd() * 70000) - 1000), '1.5', '-0.0', '1.0e3', '2.5e-7',
    '16#fF', '2#101', '$a', '$\\n', '- 7', '+3', '1_000', '""', '"abc"', '"é🐇"', '"a\\nb"', '[5671]', '[97,98]', '[7]',
    '"a" "b"', '<<"x">>', '<<1:3>>', '<<"é"/utf8>>', '<<1,2,300>>', '<<>>', '<<"ab":4>>', 'fun m:f/2', '<<1.5:32/float>>',
  ];
  if (depth > 4 || rnd() < 0.3) return pick(leaves);
  const items = Array.from({ length: Math.floor(rnd() * 4) }, () => validTerm(depth + 1));
  const r = rnd();
  if (r < 0.35) return '[' + items.join(', ') + (items.length > 0 && rnd() < 0.2 ? ' | ' + validTerm(depth + 1) : '') + ']';
  if (r < 0.7) return '{' + items.join(',\n ') + '}';
  if (r < 0.85) return '#{' + items.map((item) => `${item} => ${validTerm(depth + 1)}`).join(', ') + '}';
  return '[' + items.join(' %c\n,') + ']';
}

function characters(): string {
  const alphabet = ['a', 'Z', '_', '0', '1', '7', 'e', 'x', '{', '}', '#', '.', '.', ' ', '\n', '\r', '\t', '"', "'", '$', '\\',
    '\\', '^', '%', ',', '[', ']', '+', '-', 'Ω', '🐇', '\u00a0', '\u0085', '\u007f', '\ufffe', 'é', '×', ':', '/', '<', '>',
    '=', '|', '\u0000'];
  return repeat(25, () => pick(alphabet));
}

function number(): string {
  const parts = ['1', '0', '9', '2', '6', '_', '.', 'e', 'E', '+', '-', '#', 'f', 'F', 'z', 'g', '$', '\\', 'x', '{', '}', '^', ' '];
  return '[' + pick(['1', '16', '2', '36', '37', '0', '$', '1.', '9']) + repeat(10, () => pick(parts)) + '].\n';
}

const inputs = [soup, mutation, () => validTerm() + '.\n', characters, number].flatMap((make) => Array.from({ length: PER_KIND }, make));

test(`${inputs.length} seeded random inputs agree with erl`, (t) => {
  if (!requireOracle(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'erlang-fuzz-'));
  try {
    const files = inputs.map((text, k) => {
      const file = join(dir, `${k}.config`);
      writeFileSync(file, text);
      return file;
    });
    const verdicts = consult(files);
    let accepted = 0;
    verdicts.forEach((verdict, k) => {
      if (verdict.ok) accepted++;
      try {
        assertAgrees(inputs[k], verdict, false, false);
      } catch (error) {
        assert.fail(`input ${JSON.stringify(inputs[k])}: ${(error as Error).message}`);
      }
    });
    // Both accepted and rejected inputs are exercised.
    assert.ok(accepted > PER_KIND / 2 && accepted < inputs.length - PER_KIND, `${accepted} accepted`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
