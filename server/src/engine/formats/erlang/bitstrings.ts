/**
 * Builds the value of a binary literal (`<<"guest">>`, `<<1:16/little>>`,
 * `<<"é"/utf8>>`) the way Erlang's bit syntax does when file:consult/1
 * evaluates it, or says which segment cannot be built (then the file is a
 * `bad term`).
 *
 * Segment rules (Erlang's bit syntax):
 * - type `integer` (default; size 8, unit 1), `float` (size 64, unit 1;
 *   16, 32 or 64 bits), `binary` (whole value, unit 8), `utf8/16/32` (no size
 *   or unit); `bytes` = binary with unit 8, `bits`/`bitstring` = unit 1;
 * - `signed`/`unsigned`, `big`/`little`/`native` (native is little-endian on
 *   the machines that run RabbitMQ), `unit:1..256`;
 * - a specifier category given twice with different values is an error, so
 *   is a unit without a size for integers and floats;
 * - a string literal stands for its characters, each one a segment with the
 *   same size and types; with neither, each character is truncated to a byte.
 */
import type { BinaryNode, BinarySegment, BitString, ErlangNode } from './ast.js';

/**
 * Integer segments larger than this many bits are refused rather than
 * allocated (`<<1:99999999999>>`); Erlang would run out of memory on them.
 */
const MAX_SEGMENT_BITS = 1 << 24;

export type SegmentOutcome = { readonly ok: true; readonly bits: BitString } | { readonly ok: false; readonly segment: BinarySegment };

/**
 * Evaluates `node`. Nested binaries must have been evaluated before (their
 * `bits` set); a nested binary without bits makes this one fail too.
 */
export function evaluateBinary(node: BinaryNode): SegmentOutcome {
  const out = new BitWriter();
  for (const segment of node.segments) {
    if (!writeSegment(out, segment)) return { ok: false, segment };
  }
  return { ok: true, bits: out.finish() };
}

// ---- type specifiers ---------------------------------------------------------

type SegmentType = 'integer' | 'float' | 'binary' | 'utf8' | 'utf16' | 'utf32';

interface Specifiers {
  type?: SegmentType;
  unit?: number;
  signed?: boolean;
  endian?: 'big' | 'little';
}

/** The specifiers of a segment, or null when they conflict or are unknown. */
function readSpecifiers(segment: BinarySegment): Specifiers | null {
  const result: Specifiers = {};
  const set = <K extends keyof Specifiers>(key: K, value: Specifiers[K]): boolean => {
    if (result[key] !== undefined && result[key] !== value) return false;
    result[key] = value;
    return true;
  };
  for (const spec of segment.types) {
    let ok: boolean;
    if (spec.value !== null) {
      ok = spec.name === 'unit' && spec.value >= 1n && spec.value <= 256n && set('unit', Number(spec.value));
    } else {
      switch (spec.name) {
        case 'integer': case 'float': case 'binary': case 'utf8': case 'utf16': case 'utf32':
          ok = set('type', spec.name);
          break;
        case 'bytes': ok = set('type', 'binary') && set('unit', 8); break;
        case 'bits': case 'bitstring': ok = set('type', 'binary') && set('unit', 1); break;
        case 'signed': ok = set('signed', true); break;
        case 'unsigned': ok = set('signed', false); break;
        case 'big': ok = set('endian', 'big'); break;
        case 'little': case 'native': ok = set('endian', 'little'); break;
        default: ok = false;
      }
    }
    if (!ok) return null;
  }
  return result;
}

/** A segment's resolved layout: its type, its size in units (or `all`), the unit, the byte order. */
interface Layout {
  readonly type: SegmentType;
  readonly size: bigint | 'all' | null;
  readonly unit: number;
  readonly endian: 'big' | 'little';
}

function layoutOf(segment: BinarySegment): Layout | null {
  const spec = readSpecifiers(segment);
  if (spec === null) return null;
  const type = spec.type ?? 'integer';
  const endian = spec.endian ?? 'big';
  let size: bigint | 'all' | null;
  if (segment.size === null) {
    size = null;
  } else if (segment.size.kind === 'integer') {
    size = segment.size.value;
  } else if (segment.size.kind === 'atom' && segment.size.name === 'all') {
    size = 'all';
  } else {
    return null;
  }
  switch (type) {
    case 'integer':
    case 'float':
      if (size === null) {
        if (spec.unit !== undefined) return null;
        return { type, size: type === 'integer' ? 8n : 64n, unit: 1, endian };
      }
      return size === 'all' ? null : { type, size, unit: spec.unit ?? 1, endian };
    case 'binary':
      return { type, size: size ?? 'all', unit: spec.unit ?? 8, endian };
    default:
      return size !== null || spec.unit !== undefined ? null : { type, size: null, unit: 1, endian };
  }
}

// ---- writing segments --------------------------------------------------------

function writeSegment(out: BitWriter, segment: BinarySegment): boolean {
  const value = segment.value;
  if (value.kind === 'string' && segment.size === null && segment.types.length === 0) {
    for (const ch of value.value) out.writeByte(ch.codePointAt(0)! & 0xff);
    return true;
  }
  const layout = layoutOf(segment);
  if (layout === null) return false;
  if (value.kind === 'string') {
    for (const ch of value.value) {
      if (!writeValue(out, layout, BigInt(ch.codePointAt(0)!))) return false;
    }
    return true;
  }
  return writeValue(out, layout, scalarOf(value));
}

type Scalar = bigint | number | BitString | null;

function scalarOf(node: ErlangNode): Scalar {
  if (node.kind === 'integer' || node.kind === 'float') return node.value;
  if (node.kind === 'binary') return node.bits ?? null;
  return null;
}

function writeValue(out: BitWriter, layout: Layout, value: Scalar): boolean {
  switch (layout.type) {
    case 'integer': {
      if (typeof value !== 'bigint' || typeof layout.size !== 'bigint' || layout.size < 0n) return false;
      const bits = Number(layout.size) * layout.unit;
      if (bits > MAX_SEGMENT_BITS) return false;
      if (layout.endian === 'big') out.writeUint(BigInt.asUintN(bits, value), bits);
      else writeLittleEndian(out, BigInt.asUintN(bits, value), bits);
      return true;
    }
    case 'float':
      return writeFloat(out, layout, value);
    case 'binary':
      return writeBits(out, layout, value);
    default:
      return writeUtf(out, layout, value);
  }
}

/** Little-endian: the low byte first; when the size is not whole bytes, the high bits come last. */
function writeLittleEndian(out: BitWriter, value: bigint, bits: number): void {
  let rest = value;
  let remaining = bits;
  while (remaining >= 8) {
    out.writeUint(rest & 0xffn, 8);
    rest >>= 8n;
    remaining -= 8;
  }
  if (remaining > 0) out.writeUint(rest, remaining);
}

function writeFloat(out: BitWriter, layout: Layout, value: Scalar): boolean {
  if (typeof value !== 'bigint' && typeof value !== 'number') return false;
  if (typeof layout.size !== 'bigint') return false;
  const x = Number(value);
  if (!Number.isFinite(x)) return false; // an integer too large for a float
  const bits = Number(layout.size) * layout.unit;
  if (bits !== 16 && bits !== 32 && bits !== 64) return false;
  const bytes = new Uint8Array(bits / 8);
  const view = new DataView(bytes.buffer);
  const little = layout.endian === 'little';
  if (bits === 64) view.setFloat64(0, x, little);
  else if (bits === 32) view.setFloat32(0, x, little);
  else view.setUint16(0, float16Bits(x), little);
  for (const b of bytes) out.writeByte(b);
  return true;
}

function writeBits(out: BitWriter, layout: Layout, value: Scalar): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (layout.size === 'all') {
    if (value.bitLength % layout.unit !== 0) return false;
    out.writeBitString(value, value.bitLength);
    return true;
  }
  if (layout.size === null || layout.size < 0n) return false;
  const bits = Number(layout.size) * layout.unit;
  if (bits > value.bitLength) return false; // also keeps absurd sizes out
  out.writeBitString(value, bits);
  return true;
}

function writeUtf(out: BitWriter, layout: Layout, value: Scalar): boolean {
  if (typeof value !== 'bigint' || value < 0n || value > 0x10ffffn || (value >= 0xd800n && value <= 0xdfffn)) return false;
  const c = Number(value);
  const little = layout.endian === 'little';
  if (layout.type === 'utf8') {
    for (const b of new TextEncoder().encode(String.fromCodePoint(c))) out.writeByte(b);
  } else if (layout.type === 'utf16') {
    const text = String.fromCodePoint(c);
    for (let i = 0; i < text.length; i++) writeUnit(out, text.charCodeAt(i), 2, little);
  } else {
    writeUnit(out, c, 4, little);
  }
  return true;
}

function writeUnit(out: BitWriter, value: number, bytes: number, little: boolean): void {
  for (let i = 0; i < bytes; i++) {
    const shift = little ? i * 8 : (bytes - 1 - i) * 8;
    out.writeByte(Math.floor(value / 2 ** shift) & 0xff);
  }
}

/** IEEE 754 half precision, rounding to nearest even; too large becomes infinity (as Erlang does). */
export function float16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  const minNormal = 2 ** -14;
  if (a < minNormal) return sign | roundHalfEven(a / 2 ** -24); // subnormal (1024 rounds up to the smallest normal)
  let exponent = Math.floor(Math.log2(a));
  if (2 ** exponent > a) exponent--;
  if (2 ** (exponent + 1) <= a) exponent++;
  let mantissa = roundHalfEven((a / 2 ** exponent - 1) * 1024);
  if (mantissa === 1024) {
    mantissa = 0;
    exponent++;
  }
  if (exponent > 15) return sign | 0x7c00;
  return sign | ((exponent + 15) << 10) | mantissa;
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const diff = v - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

// ---- bit buffer ------------------------------------------------------------

class BitWriter {
  private bytes = new Uint8Array(16);
  private bitLength = 0;

  private ensure(extraBits: number): void {
    const needed = Math.ceil((this.bitLength + extraBits) / 8);
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes);
    this.bytes = grown;
  }

  writeByte(b: number): void {
    if (this.bitLength % 8 === 0) {
      this.ensure(8);
      this.bytes[this.bitLength / 8] = b;
      this.bitLength += 8;
    } else {
      this.writeUint(BigInt(b), 8);
    }
  }

  private writeBit(bit: number): void {
    this.ensure(1);
    if (bit) this.bytes[this.bitLength >> 3] |= 0x80 >> (this.bitLength & 7);
    this.bitLength++;
  }

  /** The low `bits` bits of `value`, most significant first. */
  writeUint(value: bigint, bits: number): void {
    this.ensure(bits);
    if (bits <= 48) {
      const v = Number(value);
      for (let i = bits - 1; i >= 0; i--) this.writeBit(Math.floor(v / 2 ** i) % 2);
      return;
    }
    const text = value.toString(2).padStart(bits, '0');
    for (let i = text.length - bits; i < text.length; i++) this.writeBit(text.charCodeAt(i) === 49 ? 1 : 0);
  }

  /** The first `bits` bits of `source`. */
  writeBitString(source: BitString, bits: number): void {
    this.ensure(bits);
    if (this.bitLength % 8 === 0 && bits % 8 === 0) {
      this.bytes.set(source.bytes.subarray(0, bits / 8), this.bitLength / 8);
      this.bitLength += bits;
      return;
    }
    for (let i = 0; i < bits; i++) this.writeBit((source.bytes[i >> 3] >> (7 - (i & 7))) & 1);
  }

  finish(): BitString {
    return { bytes: this.bytes.slice(0, Math.ceil(this.bitLength / 8)), bitLength: this.bitLength };
  }
}
