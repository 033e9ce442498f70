import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abbreviate, abbreviateWithin, MAX_QUOTED } from '../../server/src/engine/core/abbreviate.js';

test('abbreviate keeps short text and cuts long text with an ellipsis', () => {
  assert.equal(abbreviate('guest'), 'guest');
  assert.equal(abbreviate('x'.repeat(MAX_QUOTED)), 'x'.repeat(MAX_QUOTED));
  assert.equal(abbreviate('x'.repeat(MAX_QUOTED + 1)), `${'x'.repeat(MAX_QUOTED)}…`);
  assert.equal(abbreviate('abcdef', 3), 'abc…');
  assert.equal(abbreviate('y'.repeat(1 << 20)).length, MAX_QUOTED + 1);
});

test('abbreviate never cuts a surrogate pair in two', () => {
  // '😀' is two UTF-16 code units; a cut after its first would leave a lone surrogate.
  const text = `${'a'.repeat(MAX_QUOTED - 1)}😀tail`;
  const cut = abbreviate(text);
  assert.equal(cut, `${'a'.repeat(MAX_QUOTED - 1)}…`);
  const last = cut.charCodeAt(cut.length - 2);
  assert.ok(last < 0xd800 || last > 0xdbff, 'ends with a lone high surrogate');
});

test('abbreviateWithin shortens each quotation of a long value and leaves short ones', () => {
  const long = 'v'.repeat(100);
  assert.equal(abbreviateWithin(`Error converting value "${long}"; "${long}" is not a duration`, long, 5), 'Error converting value "vvvvv…"; "vvvvv…" is not a duration');
  assert.equal(abbreviateWithin("Unexpected boolean value 'maybe'", 'maybe'), "Unexpected boolean value 'maybe'");
  assert.equal(abbreviateWithin('no quotation here', long), 'no quotation here');
});
