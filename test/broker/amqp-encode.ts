/**
 * A tiny AMQP 0-9-1 *encoder*, for tests only: it builds the frames a broker
 * would send, so the decoder and the probes can be checked against bytes
 * written from the specification rather than against their own output.
 */

/** A value tagged with the field type letter it must be encoded as. */
export type Tagged =
  | ['t', boolean]
  | ['b' | 'B' | 's' | 'u' | 'I' | 'i' | 'f' | 'd', number]
  | ['l' | 'T', bigint]
  | ['D', { scale: number; value: number }]
  | ['S', string]
  | ['x', Buffer]
  | ['A', Tagged[]]
  | ['F', [string, Tagged][]]
  | ['V', null];

function u8(n: number): Buffer { const b = Buffer.alloc(1); b.writeUInt8(n); return b; }
function u16(n: number): Buffer { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; }
function u32(n: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; }

export function shortStr(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([u8(bytes.length), bytes]);
}

export function longStr(bytes: Buffer | string): Buffer {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return Buffer.concat([u32(b.length), b]);
}

export function encodeValue([type, v]: Tagged): Buffer {
  const tag = Buffer.from(type, 'latin1');
  const body = (() => {
    const b8 = Buffer.alloc(8);
    switch (type) {
      case 't': return u8(v ? 1 : 0);
      case 'b': { const b = Buffer.alloc(1); b.writeInt8(v); return b; }
      case 'B': return u8(v);
      case 's': { const b = Buffer.alloc(2); b.writeInt16BE(v); return b; }
      case 'u': return u16(v);
      case 'I': { const b = Buffer.alloc(4); b.writeInt32BE(v); return b; }
      case 'i': return u32(v);
      case 'f': { const b = Buffer.alloc(4); b.writeFloatBE(v); return b; }
      case 'd': b8.writeDoubleBE(v); return b8;
      case 'l': b8.writeBigInt64BE(v); return b8;
      case 'T': b8.writeBigUInt64BE(v); return b8;
      case 'D': { const b = Buffer.alloc(4); b.writeInt32BE(v.value); return Buffer.concat([u8(v.scale), b]); }
      case 'S': return longStr(v);
      case 'x': return longStr(v);
      case 'A': return longStr(Buffer.concat(v.map(encodeValue)));
      case 'F': return encodeTable(v);
      case 'V': return Buffer.alloc(0);
    }
  })();
  return Buffer.concat([tag, body]);
}

export function encodeTable(entries: [string, Tagged][]): Buffer {
  return longStr(Buffer.concat(entries.flatMap(([name, value]) => [shortStr(name), encodeValue(value)])));
}

/** type, channel, size, payload, 0xCE. */
export function frame(type: number, channel: number, payload: Buffer): Buffer {
  return Buffer.concat([u8(type), u16(channel), u32(payload.length), payload, u8(0xce)]);
}

/** A `connection.start` method frame as RabbitMQ would send it. */
export function connectionStartFrame(properties: [string, Tagged][], mechanisms = 'AMQPLAIN PLAIN', locales = 'en_US'): Buffer {
  const payload = Buffer.concat([u16(10), u16(10), u8(0), u8(9), encodeTable(properties), longStr(mechanisms), longStr(locales)]);
  return frame(1, 0, payload);
}

/** A method frame with arbitrary class/method ids and raw arguments. */
export function methodFrame(classId: number, methodId: number, args: Buffer, channel = 0): Buffer {
  return frame(1, channel, Buffer.concat([u16(classId), u16(methodId), args]));
}
