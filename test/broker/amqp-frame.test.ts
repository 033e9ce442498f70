/** The AMQP 0-9-1 decoder, on frames built by hand from the specification. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AmqpFormatError, parseConnectionStart, scanFrame, type Frame } from './amqp-frame.js';
import { connectionStartFrame, encodeTable, frame, longStr, methodFrame, type Tagged } from './amqp-encode.js';

function onlyFrame(bytes: Buffer): Frame {
  const scan = scanFrame(bytes);
  assert.equal(scan.kind, 'frame');
  assert.ok(scan.kind === 'frame');
  assert.equal(scan.byteLength, bytes.length);
  return scan.frame;
}

test('connection.start with every field type decodes to the encoded values', () => {
  const properties: [string, Tagged][] = [
    ['product', ['S', 'RabbitMQ']],
    ['flag', ['t', true]],
    ['off', ['t', false]],
    ['i8', ['b', -5]],
    ['u8', ['B', 250]],
    ['i16', ['s', -30000]],
    ['u16', ['u', 65000]],
    ['i32', ['I', -2_000_000_000]],
    ['u32', ['i', 4_000_000_000]],
    ['i64', ['l', -(2n ** 62n)]],
    ['f32', ['f', 1.5]],
    ['f64', ['d', Math.PI]],
    ['dec', ['D', { scale: 2, value: 12345 }]],
    ['bytes', ['x', Buffer.from([0, 1, 255])]],
    ['when', ['T', 1_700_000_000n]],
    ['nothing', ['V', null]],
    ['list', ['A', [['S', 'a'], ['I', 7], ['A', []]]]],
    ['capabilities', ['F', [['publisher_confirms', ['t', true]], ['nested', ['F', [['deep', ['S', 'ü']]]]]]]],
  ];
  const start = parseConnectionStart(onlyFrame(connectionStartFrame(properties, 'AMQPLAIN PLAIN EXTERNAL', 'en_US')));
  assert.equal(start.versionMajor, 0);
  assert.equal(start.versionMinor, 9);
  assert.deepEqual(start.mechanisms, ['AMQPLAIN', 'PLAIN', 'EXTERNAL']);
  assert.deepEqual(start.locales, ['en_US']);
  assert.deepEqual(start.serverProperties, {
    product: 'RabbitMQ',
    flag: true,
    off: false,
    i8: -5,
    u8: 250,
    i16: -30000,
    u16: 65000,
    i32: -2_000_000_000,
    u32: 4_000_000_000,
    i64: -(2n ** 62n),
    f32: 1.5,
    f64: Math.PI,
    dec: { scale: 2, value: 12345 },
    bytes: Buffer.from([0, 1, 255]),
    when: new Date(1_700_000_000_000),
    nothing: null,
    list: ['a', 7, []],
    capabilities: { publisher_confirms: true, nested: { deep: 'ü' } },
  });
});

test('a frame split across reads is incomplete until its last byte arrives', () => {
  const bytes = connectionStartFrame([['product', ['S', 'RabbitMQ']]]);
  for (let cut = 0; cut < bytes.length; cut++) {
    assert.equal(scanFrame(bytes.subarray(0, cut)).kind, 'incomplete', `cut at ${cut}`);
  }
  const withNext = Buffer.concat([bytes, frame(8, 0, Buffer.alloc(0))]);
  const scan = scanFrame(withNext);
  assert.ok(scan.kind === 'frame');
  assert.equal(scan.byteLength, bytes.length, 'stops at the frame end, not at the end of the data');
});

test('a protocol header in reply is recognised as a version refusal', () => {
  const scan = scanFrame(Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]));
  assert.equal(scan.kind, 'protocol-header');
  assert.equal(scanFrame(Buffer.from('AMQP', 'latin1')).kind, 'incomplete');
});

test('malformed input is an AmqpFormatError, never a crash or a wrong answer', () => {
  const good = connectionStartFrame([['product', ['S', 'RabbitMQ']]]);
  const badEnd = Buffer.from(good);
  badEnd[badEnd.length - 1] = 0x00;
  assert.throws(() => scanFrame(badEnd), AmqpFormatError);

  const huge = Buffer.from([1, 0, 0, 0x7f, 0xff, 0xff, 0xff]);
  assert.throws(() => scanFrame(huge), /implausibly large/);

  // Heartbeat (type 8) where a method frame must be.
  assert.throws(() => parseConnectionStart(onlyFrame(frame(8, 0, Buffer.alloc(0)))), /method frame/);
  // connection.tune (10,30) instead of connection.start.
  assert.throws(() => parseConnectionStart(onlyFrame(methodFrame(10, 30, Buffer.alloc(8)))), /\(10,30\)/);
  // Right method on the wrong channel.
  assert.throws(() => parseConnectionStart(onlyFrame(methodFrame(10, 10, Buffer.alloc(0), 1))), /channel 0/);
  // Table length running past the payload.
  const overrun = methodFrame(10, 10, Buffer.concat([Buffer.from([0, 9]), Buffer.from([0, 0, 0, 50]), Buffer.from('x')]));
  assert.throws(() => parseConnectionStart(onlyFrame(overrun)), /truncated/);
  // Unknown field type letter.
  const unknownType = Buffer.concat([Buffer.from([0, 0, 0, 3, 1]), Buffer.from('aZ', 'latin1')]);
  const withUnknown = methodFrame(10, 10, Buffer.concat([Buffer.from([0, 9]), unknownType, longStr('PLAIN'), longStr('en_US')]));
  assert.throws(() => parseConnectionStart(onlyFrame(withUnknown)), /unknown field type "Z"/);
  // Trailing bytes after the last argument.
  const trailing = methodFrame(10, 10, Buffer.concat([Buffer.from([0, 9]), encodeTable([]), longStr('PLAIN'), longStr('en_US'), Buffer.from([7])]));
  assert.throws(() => parseConnectionStart(onlyFrame(trailing)), /unexpected bytes/);
});

test('tables nested past the depth cap are refused, not recursed into', () => {
  let value: Tagged = ['S', 'bottom'];
  for (let i = 0; i < 40; i++) value = ['F', [['x', value]]];
  const bytes = connectionStartFrame([['deep', value]]);
  assert.throws(() => parseConnectionStart(onlyFrame(bytes)), /nested deeper/);
});
