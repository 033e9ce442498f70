// Deep nesting, size, and what is left of the tree after errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErlangNode } from '../../server/src/engine/formats/erlang/ast.js';
import { atomName, documentTerm, lookupPath, proplistEntries, stringValue } from '../../server/src/engine/formats/erlang/index.js';
import { measureWork } from '../fuzz/work-meter.js';
import { as, parse, textOf } from './helpers.js';
import { consult, requireOracle } from './oracle.js';
import { sameTagged, toTagged } from './tagged.js';

const DEPTH = 100_000;

/** Nesting depth of a term, counted without recursion. */
function depthOf(root: ErlangNode): number {
  let max = 0;
  const pending: [ErlangNode, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    max = Math.max(max, depth);
    const children = node.kind === 'list' || node.kind === 'tuple' ? node.elements
      : node.kind === 'map' ? node.entries.map((e) => e.value)
        : node.kind === 'prefix' ? [node.operand]
          : node.kind === 'infix' ? [node.left, node.right] : [];
    for (const child of children) pending.push([child, depth + 1]);
  }
  return max;
}

test(`${DEPTH}-deep nesting parses without overflowing the stack`, () => {
  const cases: [string, number][] = [
    ['['.repeat(DEPTH) + ']'.repeat(DEPTH) + '.', DEPTH],
    ['{'.repeat(DEPTH) + 'a' + '}'.repeat(DEPTH) + '.', DEPTH + 1],
    ['#{k => '.repeat(DEPTH) + 'v' + '}'.repeat(DEPTH) + '.', DEPTH + 1],
  ];
  for (const [text, depth] of cases) {
    const outcome = parse(text);
    assert.deepEqual(outcome.errors, []);
    assert.equal(depthOf(outcome.tree.forms[0].term!), depth);
  }
  // Deep expressions that are not terms: still a tree, and Erlang's verdict.
  assert.equal(parse('(' .repeat(DEPTH) + 'a' + ')'.repeat(DEPTH) + '.').errors.length, 0);
  const chain = parse('[' + Array.from({ length: DEPTH }, (_, k) => `a${k}`).join(' = ') + '].');
  assert.equal(chain.errors[0].message, 'bad term');
  assert.ok(depthOf(chain.tree.forms[0].term!) > DEPTH / 2);
  const negations = parse('[' + 'not '.repeat(DEPTH) + 'true].');
  assert.equal(negations.errors[0].message, 'bad term');
});

test('nesting beyond about 300,000 levels is refused with a clear error, without exhausting memory', () => {
  const depth = 1_000_000;
  const outcome = parse('{}.\n' + '['.repeat(depth) + ']'.repeat(depth) + '.\n{later, 1}.');
  assert.deepEqual(outcome.errors.map((e) => `${e.line}: ${e.message}`), ['2: nesting too deep to check (more than about 300000 levels)']);
  assert.equal(outcome.tree.forms.length, 3);
  assert.equal(outcome.tree.forms[1].term, null);
  assert.equal(outcome.tree.forms[2].term?.kind, 'tuple'); // the next form is parsed as usual
});

test('deep unclosed brackets: one error at the end, the elements kept', () => {
  const outcome = parse('{'.repeat(DEPTH) + 'a');
  assert.deepEqual(outcome.errors.map((e) => `${e.line}: ${e.message}`), ['1: syntax error before: ']);
  assert.equal(depthOf(outcome.tree.forms[0].term!), DEPTH + 1);
});

test('deep nesting agrees with erl', (t) => {
  if (!requireOracle(t)) return;
  const texts = [
    '['.repeat(DEPTH) + ']'.repeat(DEPTH) + '.\n',
    '{'.repeat(DEPTH) + '"leaf"' + '}'.repeat(DEPTH) + '.\n',
    Array.from({ length: 20_000 }, (_, k) => ['[', '{x, ', '#{k => ', '[a | '][k % 4]).join('') + '<<"leaf">>'
      + Array.from({ length: 20_000 }, (_, k) => [']', '}', '}', ']'][(19_999 - k) % 4]).join('') + '.\n',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'erlang-deep-'));
  try {
    const files = texts.map((text, k) => {
      writeFileSync(join(dir, `${k}.config`), text);
      return join(dir, `${k}.config`);
    });
    consult(files).forEach((verdict, k) => {
      assert.ok(verdict.ok);
      const outcome = parse(texts[k]);
      assert.deepEqual(outcome.errors, []);
      assert.ok(sameTagged(outcome.tree.forms.map((f) => toTagged(f.term!)), verdict.terms));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- size ------------------------------------------------------------------------

const ENTRY = `  {rabbit, [{tcp_listeners, [{"127.0.0.1", 5672}, {"::1", 5672}]}, % listeners\n`
  + `    {ssl_options, [{cacertfile, "/etc/rabbitmq/ca.pem"}, {verify, verify_peer}, {versions, ['tlsv1.2', 'tlsv1.3']}]},\n`
  + `    {default_user, <<"guest">>}, {vm_memory_high_watermark, 0.4}, {frame_max, 16#20000}]},\n`;

function entriesFor(bytes: number): number {
  return Math.ceil(bytes / ENTRY.length);
}

function configOf(bytes: number): string {
  return '[\n' + ENTRY.repeat(entriesFor(bytes)) + ' {last, $z}\n].\n';
}

/** Work units per character a parse may take (counted, not timed: see test/fuzz/work-meter.ts). */
const PARSE_WORK_PER_CHAR = 40;

function workOf(text: string): number {
  return measureWork(() => parse(text)).work;
}

test('a 1 MB config parses, and its work grows linearly', () => {
  const oneMb = configOf(1 << 20);
  const outcome = parse(oneMb);
  assert.deepEqual(outcome.errors, []);
  assert.equal(as(documentTerm(outcome.tree), 'list').elements.length, entriesFor(1 << 20) + 1);
  const small = workOf(oneMb);
  assert.ok(small <= PARSE_WORK_PER_CHAR * oneMb.length, `1 MB: ${small} units of work`);
  const twoMb = configOf(2 << 20);
  const large = workOf(twoMb);
  assert.ok(large <= small * 2.2, `2 MB took ${large} units of work against ${small} for 1 MB`);
});

test('pathological 1 MB inputs take work linear in their size, and a bounded number of errors', () => {
  const inputs = [
    '['.repeat(1 << 20),
    '"' + 'x'.repeat(1 << 20),
    '%'.repeat(1 << 20),
    ']}),'.repeat(1 << 18) + '.',
    'a b '.repeat(1 << 18) + '.',
    '-'.repeat(1 << 20) + '1.',
    '"\\x{41}'.repeat(1 << 17),
    "'a' ".repeat(1 << 18) + '.',
  ];
  for (const text of inputs) {
    const { result: outcome, work } = measureWork(() => parse(text));
    assert.ok(work <= PARSE_WORK_PER_CHAR * text.length, `${JSON.stringify(text.slice(0, 12))}…: ${work} units of work for ${text.length} characters`);
    assert.ok(outcome.errors.length <= 1000, `${outcome.errors.length} errors`);
  }
});

// ---- what errors leave of the tree ------------------------------------------

test('a missing comma between two tuples still yields both tuples', () => {
  const text = '[{rabbit, [{tcp_listeners, [5672]}\n             {heartbeat, 60}]}].';
  const outcome = parse(text);
  assert.equal(outcome.errors.length, 1);
  assert.deepEqual(proplistEntries(lookupPath(documentTerm(outcome.tree), ['rabbit'])).map((e) => e.key), ['tcp_listeners', 'heartbeat']);
});

test('an unclosed list still yields the elements before the error', () => {
  const outcome = parse('[{rabbit, [{default_user, <<"guest">>},\n           {default_pass, "guest"}');
  assert.equal(outcome.errors.length, 1);
  const rabbit = lookupPath(documentTerm(outcome.tree), ['rabbit']);
  assert.equal(stringValue(lookupPath(rabbit, ['default_user'])), 'guest');
  assert.equal(stringValue(lookupPath(rabbit, ['default_pass'])), 'guest');
});

test('a later form after a broken one is still parsed', () => {
  const outcome = parse('[{a, 1} {b, 2}].\n{later, "after the error"}.\n');
  assert.equal(outcome.tree.forms.length, 2);
  assert.equal(atomName(as(outcome.tree.forms[1].term, 'tuple').elements[0]), 'later');
});

test('a missing dot splits the forms where the next term starts', () => {
  const text = '[a]\n{b, 1}.';
  const outcome = parse(text);
  assert.deepEqual(outcome.tree.forms.map((f) => textOf(text, f.span)), ['[a]', '{b, 1}.']);
});

test('a trailing comma or a stray bracket loses nothing', () => {
  const trailing = parse('[{a, 1},\n {b, 2},\n].');
  assert.deepEqual(proplistEntries(documentTerm(trailing.tree)).map((e) => e.key), ['a', 'b']);
  const stray = parse('[{a, 1}}, {b, 2}].');
  assert.deepEqual(proplistEntries(documentTerm(stray.tree)).map((e) => e.key), ['a', 'b']);
  const wrongCloser = parse('[{a, [1, 2}, {b, 2}].');
  const keys = wrongCloser.tree.forms.flatMap((f) => proplistEntries(f.term).map((e) => e.key));
  assert.ok(keys.includes('a'));
});

test('errors are not a cascade: one per mistake', () => {
  const text = '[{a, 1} {b, 2}].\n[{c => 3}].\n[{d, Var}].\n{e, "ok"}.\n';
  const outcome = parse(text);
  assert.deepEqual(outcome.errors.map((e) => `${e.line}: ${e.message}`), [
    "1: syntax error before: '{'",
    "2: syntax error before: '=>'",
    '3: bad term',
  ]);
});

test('errors stay bounded on garbage', () => {
  const outcome = parse(']'.repeat(10_000) + '.');
  assert.ok(outcome.errors.length >= 1 && outcome.errors.length <= 100, `${outcome.errors.length} errors`);
});
