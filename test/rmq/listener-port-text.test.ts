/**
 * Listener messages print the port as the file writes it. The model keeps a
 * JS number for the port, which a port of hundreds of digits turns into
 * `Infinity`; the messages must show the digits instead (shortened).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeIn } from '../helpers/engine.js';

const CLASSIC = '/etc/rabbitmq/rabbitmq.config';
const CONF = '/etc/rabbitmq/rabbitmq.conf';

/** 400 digits: far past Number.MAX_VALUE, so Number() gives Infinity. */
const LONG_PORT = `1${'0'.repeat(398)}7`;

function messages(path: string, text: string, code: string): string[] {
  return analyzeIn({ [path]: text }, path).diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

test('RMQ103 prints a 400-digit port as its first digits, not Infinity, in both formats', () => {
  for (const [path, text] of [
    [CLASSIC, `[{rabbit, [{tcp_listeners, [{"0.0.0.0", ${LONG_PORT}}]}]}].\n`],
    [CLASSIC, `[{rabbit, [{tcp_listeners, [${LONG_PORT}]}]}].\n`],
    [CONF, `listeners.tcp.default = 0.0.0.0:${LONG_PORT}\n`],
    [CONF, `listeners.tcp.default = ${LONG_PORT}\n`],
  ]) {
    const found = messages(path, text, 'RMQ103');
    assert.equal(found.length, 1, `${path}: ${JSON.stringify(found)}`);
    const [message] = found;
    assert.doesNotMatch(message, /Infinity/);
    assert.ok(message.includes(`${LONG_PORT.slice(0, 40)}`), message);
    assert.ok(message.includes('…'), message);
    assert.ok(message.length < 200, `${message.length} characters`);
  }
});

test('a long management port is printed by its digits too', () => {
  const [message] = messages(CONF, `management.tcp.port = ${LONG_PORT}\n`, 'RMQ103');
  assert.ok(message, 'RMQ103 expected');
  assert.doesNotMatch(message, /Infinity/);
  assert.ok(message.includes(LONG_PORT.slice(0, 40)), message);
});

test('ordinary ports print as before, and an Erlang based integer as written', () => {
  assert.deepEqual(messages(CLASSIC, '[{rabbit, [{tcp_listeners, [{"0.0.0.0", 5672}]}]}].\n', 'RMQ103'), [
    "AMQP listener binds 0.0.0.0:5672; bind it to the management network's address",
  ]);
  assert.deepEqual(messages(CONF, 'listeners.tcp.default = 5672\n', 'RMQ103'), [
    "AMQP listener binds port 5672 on every interface; bind it to the management network's address",
  ]);
  assert.deepEqual(messages(CLASSIC, '[{rabbit, [{tcp_listeners, [16#1628]}]}].\n', 'RMQ103'), [
    "AMQP listener binds port 16#1628 on every interface; bind it to the management network's address",
  ]);
});
