/**
 * The snippet expander the e2e uses to predict what lands on disk. Expected
 * values follow VS Code's documented snippet semantics (placeholders,
 * mirrors, choices, variables, escapes).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandWithDefaults } from './snippet-defaults.js';

test('placeholders insert their default text; bare tab stops and $0 insert nothing', () => {
  assert.equal(expandWithDefaults('listeners.ssl.default = ${1:10.0.0.11}:5671$0'), 'listeners.ssl.default = 10.0.0.11:5671');
  assert.equal(expandWithDefaults('a=$2 b=${3}'), 'a= b=');
});

test('a mirror shows the placeholder of its tab stop, wherever that is defined', () => {
  assert.equal(expandWithDefaults('x=${1:a} y=$1 z=${1}'), 'x=a y=a z=a');
  assert.equal(expandWithDefaults('y=$1 x=${1:a}'), 'y=a x=a');
});

test('nested placeholders and choices', () => {
  assert.equal(expandWithDefaults('${1:outer ${2:inner}} [$2]'), 'outer inner [inner]');
  assert.equal(expandWithDefaults('versions = ${1|tlsv1.3,tlsv1.2|}'), 'versions = tlsv1.3');
  assert.equal(expandWithDefaults('${1|a\\,b,c|}'), 'a,b');
});

test('variables: known value, fallback, else the variable name', () => {
  assert.equal(expandWithDefaults('$TM_FILENAME ${MISSING:dflt} $UNKNOWN', { TM_FILENAME: 'rabbitmq.conf' }), 'rabbitmq.conf dflt UNKNOWN');
});

test('escapes and lone dollars stay literal; an array body is one line per entry', () => {
  assert.equal(expandWithDefaults('price \\$1 and \\} and $ 5'), 'price $1 and } and $ 5');
  assert.equal(expandWithDefaults(['[oslo_messaging_rabbit]', 'ssl = ${1:true}']), '[oslo_messaging_rabbit]\nssl = true');
});

test('malformed or unsupported syntax is refused, not guessed', () => {
  assert.throws(() => expandWithDefaults('${1:open'), /'}' expected/);
  assert.throws(() => expandWithDefaults('${1/(.*)/$1/}'), /transformations/);
});
