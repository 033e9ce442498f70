/**
 * Just enough of AMQP 0-9-1's wire format to read the broker's first words:
 * frame splitting, method frames, field tables, and `connection.start`.
 *
 * Frame layout: type (octet), channel (short), size (long), payload of that
 * size, then the frame-end octet 0xCE. Integers are big-endian. Field tables
 * use the type letters RabbitMQ actually sends (its errata to the spec, e.g.
 * `s` is a signed 16-bit short and `x` a byte array).
 */

/** What a client sends first: "AMQP", 0, then protocol version 0-9-1. */
export const AMQP_0_9_1_HEADER: Buffer = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

export const FRAME_METHOD = 1;
export const FRAME_END = 0xce;
const FRAME_HEADER_SIZE = 7;
/** Far above any connection.start; guards against buffering garbage forever. */
const MAX_FRAME_PAYLOAD = 1 << 20;
const MAX_TABLE_DEPTH = 32;

/** The wire data broke the format (or a limit of this reader). */
export class AmqpFormatError extends Error {
  override name = 'AmqpFormatError';
}

/** A decoded field-table value. */
export type FieldValue =
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | Date
  | null
  | Decimal
  | readonly FieldValue[]
  | FieldTable;

/** AMQP decimal: `value / 10^scale`. */
export interface Decimal {
  readonly scale: number;
  readonly value: number;
}

export interface FieldTable {
  readonly [name: string]: FieldValue;
}

/** One whole frame. */
export interface Frame {
  readonly type: number;
  readonly channel: number;
  readonly payload: Buffer;
}

/** What the start of a byte stream from the server holds. */
export type FrameScan =
  /** Not enough bytes yet. */
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'frame'; readonly frame: Frame; readonly byteLength: number }
  /** The server answered with its own protocol header: it refuses our version. */
  | { readonly kind: 'protocol-header'; readonly header: Buffer };

/** Looks for one frame at the start of `data`; throws {@link AmqpFormatError} on a malformed one. */
export function scanFrame(data: Buffer): FrameScan {
  if (data.length >= 4 && data.subarray(0, 4).toString('latin1') === 'AMQP') {
    return data.length >= 8 ? { kind: 'protocol-header', header: data.subarray(0, 8) } : { kind: 'incomplete' };
  }
  if (data.length < FRAME_HEADER_SIZE) return { kind: 'incomplete' };
  const size = data.readUInt32BE(3);
  if (size > MAX_FRAME_PAYLOAD) throw new AmqpFormatError(`frame payload of ${size} bytes is implausibly large`);
  const byteLength = FRAME_HEADER_SIZE + size + 1;
  if (data.length < byteLength) return { kind: 'incomplete' };
  const end = data[byteLength - 1];
  if (end !== FRAME_END) throw new AmqpFormatError(`frame ends with 0x${end.toString(16)}, expected 0xce`);
  const frame = { type: data[0], channel: data.readUInt16BE(1), payload: data.subarray(FRAME_HEADER_SIZE, byteLength - 1) };
  return { kind: 'frame', frame, byteLength };
}

/** Reads big-endian AMQP primitives with bounds checks. */
export class ByteReader {
  private offset = 0;

  constructor(private readonly data: Buffer) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  /** Reserves `n` bytes and returns where they start. */
  private take(n: number, what: string): number {
    if (n > this.remaining) throw new AmqpFormatError(`truncated ${what}: need ${n} bytes, ${this.remaining} left`);
    const at = this.offset;
    this.offset += n;
    return at;
  }

  u8(): number { return this.data.readUInt8(this.take(1, 'octet')); }
  i8(): number { return this.data.readInt8(this.take(1, 'octet')); }
  u16(): number { return this.data.readUInt16BE(this.take(2, 'short')); }
  i16(): number { return this.data.readInt16BE(this.take(2, 'short')); }
  u32(): number { return this.data.readUInt32BE(this.take(4, 'long')); }
  i32(): number { return this.data.readInt32BE(this.take(4, 'long')); }
  u64(): bigint { return this.data.readBigUInt64BE(this.take(8, 'long long')); }
  i64(): bigint { return this.data.readBigInt64BE(this.take(8, 'long long')); }
  f32(): number { return this.data.readFloatBE(this.take(4, 'float')); }
  f64(): number { return this.data.readDoubleBE(this.take(8, 'double')); }

  bytes(n: number, what: string): Buffer {
    const at = this.take(n, what);
    return this.data.subarray(at, at + n);
  }

  /** shortstr: octet length, then that many bytes (UTF-8). */
  shortString(): string {
    return this.bytes(this.u8(), 'short string').toString('utf8');
  }

  /** longstr: long length, then that many bytes. */
  longBytes(): Buffer {
    return this.bytes(this.u32(), 'long string');
  }

  /** A field table: long byte length, then (shortstr name, type letter, value) entries. */
  table(depth = 0): FieldTable {
    const body = new ByteReader(this.longBytes());
    const out: Record<string, FieldValue> = {};
    while (body.remaining > 0) {
      const name = body.shortString();
      out[name] = body.fieldValue(depth + 1);
    }
    return out;
  }

  /** A field array: long byte length, then typed values. */
  array(depth: number): FieldValue[] {
    const body = new ByteReader(this.longBytes());
    const out: FieldValue[] = [];
    while (body.remaining > 0) out.push(body.fieldValue(depth + 1));
    return out;
  }

  /** One typed value: a type letter, then its encoding. */
  fieldValue(depth: number): FieldValue {
    if (depth > MAX_TABLE_DEPTH) throw new AmqpFormatError(`field tables nested deeper than ${MAX_TABLE_DEPTH}`);
    const type = String.fromCharCode(this.u8());
    switch (type) {
      case 't': return this.u8() !== 0;
      case 'b': return this.i8();
      case 'B': return this.u8();
      case 's': return this.i16();
      case 'u': return this.u16();
      case 'I': return this.i32();
      case 'i': return this.u32();
      case 'l': return this.i64();
      case 'f': return this.f32();
      case 'd': return this.f64();
      case 'D': return { scale: this.u8(), value: this.i32() };
      case 'S': return this.longBytes().toString('utf8');
      case 'x': return Buffer.from(this.longBytes());
      case 'A': return this.array(depth);
      case 'T': return new Date(Number(this.u64()) * 1000);
      case 'F': return this.table(depth);
      case 'V': return null;
      default: throw new AmqpFormatError(`unknown field type ${JSON.stringify(type)}`);
    }
  }
}

/** A method frame's payload: which method, and its arguments still encoded. */
export interface MethodPayload {
  readonly classId: number;
  readonly methodId: number;
  readonly args: ByteReader;
}

export function readMethod(frame: Frame): MethodPayload {
  if (frame.type !== FRAME_METHOD) throw new AmqpFormatError(`expected a method frame (type 1), got type ${frame.type}`);
  const r = new ByteReader(frame.payload);
  return { classId: r.u16(), methodId: r.u16(), args: r };
}

/** The server's `connection.start` (class 10, method 10), decoded. */
export interface ConnectionStart {
  readonly versionMajor: number;
  readonly versionMinor: number;
  /** e.g. product "RabbitMQ", version, capabilities (a nested table). */
  readonly serverProperties: FieldTable;
  /** SASL mechanisms offered, e.g. ["AMQPLAIN", "PLAIN"] (EXTERNAL with the x509 plugin). */
  readonly mechanisms: readonly string[];
  readonly locales: readonly string[];
}

export const CONNECTION_CLASS = 10;
export const CONNECTION_START_METHOD = 10;

function words(bytes: Buffer): string[] {
  return bytes.toString('utf8').split(' ').filter((w) => w !== '');
}

/** Decodes a frame that must be `connection.start` on channel 0. */
export function parseConnectionStart(frame: Frame): ConnectionStart {
  if (frame.channel !== 0) throw new AmqpFormatError(`connection.start must come on channel 0, got ${frame.channel}`);
  const method = readMethod(frame);
  if (method.classId !== CONNECTION_CLASS || method.methodId !== CONNECTION_START_METHOD) {
    throw new AmqpFormatError(`expected connection.start (10,10), got method (${method.classId},${method.methodId})`);
  }
  const r = method.args;
  const start: ConnectionStart = {
    versionMajor: r.u8(),
    versionMinor: r.u8(),
    serverProperties: r.table(),
    mechanisms: words(r.longBytes()),
    locales: words(r.longBytes()),
  };
  if (r.remaining !== 0) throw new AmqpFormatError(`${r.remaining} unexpected bytes after connection.start`);
  return start;
}
