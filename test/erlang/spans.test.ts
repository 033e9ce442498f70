// Spans of broken input: what ast.ts promises must hold after errors too.
// A form without its dot spans from its first to its last token; forms do
// not overlap; a placeholder for a missing expression, and the node waiting
// for it, lie inside their parent. The first five inputs were found by the
// fuzzing (test/fuzz); the others are neighbours of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErlangNode } from '../../server/src/engine/formats/erlang/ast.js';
import { checkErlang } from '../fuzz/invariants/erlang.js';
import { as, parse, textOf } from './helpers.js';

/** Parses `text` and holds the tree to every promise of ast.ts (the fuzz property). */
function parseChecked(text: string) {
  const outcome = parse(text);
  assert.ok(outcome.errors.length > 0, `${JSON.stringify(text)} is meant to be broken`);
  checkErlang(text, outcome);
  return outcome;
}

/** The spans of the forms, as the text they cover. */
function formTexts(text: string): string[] {
  return parse(text).tree.forms.map((f) => textOf(text, f.span));
}

test('a form without its dot spans to its last token: "verify>>:"', () => {
  const text = 'verify>>:';
  parseChecked(text);
  assert.deepEqual(formTexts(text), ['verify>>:']);
});

test('a trailing comma of a form without its dot is in the form: "[a],"', () => {
  const text = '[a],';
  const outcome = parseChecked(text);
  assert.deepEqual(formTexts(text), ['[a],']);
  assert.equal(outcome.tree.forms[0].dot, null);
});

test('a form that could not be parsed does not overlap the next one: "= [a]."', () => {
  const text = '= [a].';
  const outcome = parseChecked(text);
  assert.deepEqual(formTexts(text), ['=', '[a].']);
  assert.deepEqual(outcome.tree.forms[0].expressions, []);
});

test('the placeholder of a missing operand lies inside its operator: "a + ,"', () => {
  const text = 'a + ,';
  parseChecked(text);
  const infix = as(parse(text).tree.forms[0].term, 'infix');
  assert.equal(textOf(text, infix.span), 'a +');
  assert.equal(as(infix.right, 'error').span.start, text.indexOf('+') + 1, 'right after the operator');
});

test('an operator whose operand is missing ends inside its list: "[+ ."', () => {
  const text = '[+ .';
  parseChecked(text);
  const list = as(parse(text).tree.forms[0].term, 'list');
  assert.equal(textOf(text, list.span), '[+');
  assert.equal(textOf(text, as(list.elements[0], 'prefix').span), '+');
});

test('a placeholder, and the operator waiting for it, do not reach over a comment to the next token', () => {
  for (const text of ['a + % why\n,', '[a + % why\n].', '- % why\n.', 'catch % why\n.', '#{a => % why\n}.', '#r{f = % why\n}.']) {
    const outcome = parseChecked(text);
    const comment = text.indexOf('%');
    const pending: ErlangNode[] = [...outcome.tree.forms[0].expressions];
    let placeholders = 0;
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.kind === 'error' || node.kind === 'infix' || node.kind === 'prefix') {
        assert.ok(node.span.end <= comment, `${node.kind} of ${JSON.stringify(text)} ends before the comment`);
      }
      if (node.kind === 'error') placeholders++;
      if (node.kind === 'infix') pending.push(node.left, node.right);
      if (node.kind === 'prefix') pending.push(node.operand);
      if (node.kind === 'list') pending.push(...node.elements);
      if (node.kind === 'map') pending.push(...node.entries.flatMap((e) => [e.key, e.value]));
      if (node.kind === 'expression') pending.push(...node.children);
    }
    assert.ok(placeholders > 0, `${JSON.stringify(text)} has a placeholder to check`);
  }
});

test('a map entry whose operator is missing covers its placeholder, past the key\'s parentheses', () => {
  const text = '#{(a) b}.';
  parseChecked(text);
  const [entry] = as(parse(text).tree.forms[0].term, 'map').entries;
  assert.equal(textOf(text, entry.key.span), 'a');
  assert.ok(entry.span.end >= entry.value.span.end && entry.value.span.start >= text.indexOf(')') + 1);
});

test('forms split at a missing dot end at their own last token, comments between them aside', () => {
  assert.deepEqual(formTexts('a % why\n b.'), ['a', 'b.']);
  assert.deepEqual(formTexts('[a] ) ) [b].'), ['[a] ) )', '[b].']);
  assert.deepEqual(formTexts('a b'), ['a', 'b']);
  for (const text of ['a % why\n b.', '[a] ) ) [b].', 'a b', 'f() -> a; g', 'a; b(']) parseChecked(text);
});

test('a form with too many errors keeps the rest of its range, dot included', () => {
  const atoms = Array.from({ length: 400 }, (_, i) => `a${i}`).join(' ');
  for (const text of [`${atoms}.`, atoms, `${atoms}. next.`]) {
    const outcome = parseChecked(text);
    const { forms } = outcome.tree;
    assert.ok(forms.length < 400, 'the garbage is not a form per atom');
    const last = text.endsWith(' next.') ? forms[forms.length - 2] : forms[forms.length - 1];
    assert.equal(last.span.end, atoms.length + (text.startsWith(`${atoms}.`) ? 1 : 0));
    assert.equal(last.dot !== null, text.startsWith(`${atoms}.`));
  }
});

test('a form nested too deep to check ends at its own dot, and the next form follows it', () => {
  const deep = '['.repeat(400_000);
  const text = `${deep}. a.`;
  const outcome = parseChecked(text);
  assert.deepEqual(outcome.tree.forms.map((f) => f.span), [{ start: 0, end: deep.length + 1 }, { start: deep.length + 2, end: text.length }]);
  const dotless = `x. ${deep}`;
  parseChecked(dotless);
  assert.equal(parse(dotless).tree.forms[1].span.end, dotless.length);
});
