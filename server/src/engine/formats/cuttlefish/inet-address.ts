/**
 * Erlang's `inet:parse_address/1`, which cuttlefish's `ip` datatype and
 * RabbitMQ's `is_ip` validator call: a lenient IPv4 address (BSD
 * `inet_aton` style: 1 to 4 parts, each decimal, octal with a leading 0 or
 * hex with 0x, the last part filling the remaining bytes), else an IPv6
 * address per RFC 4291 with an optional dotted IPv4 tail and `%zone` suffix.
 *
 * Behaviour follows current OTP (26+, which RabbitMQ 4 requires); OTP 25
 * differed on oddities (a `+` sign in IPv4 parts, scope ids on every IPv6
 * address, over-long hex parts), never on ordinary addresses. No brackets:
 * `[::1]` is not an address for Erlang.
 */

/** Whether Erlang would parse `text` as an IP address. */
export function isInetAddress(text: string): boolean {
  return parseIpv4(text) !== undefined || parseIpv6(text) !== undefined;
}

// --- IPv4 -------------------------------------------------------------------

const MAX_U32 = 0xffff_ffff;

/** The address as four bytes, or undefined. */
export function parseIpv4(text: string): [number, number, number, number] | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const v = ipv4Part(part);
    if (v === undefined) return undefined;
    values.push(v);
  }
  return combineIpv4(values);
}

/** One part: `0x…` hex (up to 8 digits), `0…` octal (up to 12 characters), else decimal (up to 10). */
function ipv4Part(part: string): number | undefined {
  let digits: string;
  let base: number;
  if (/^0[xX]/.test(part)) {
    digits = part.slice(2);
    base = 16;
    if (digits.length > 8 || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
  } else if (part.startsWith('0')) {
    digits = part;
    base = 8;
    if (digits.length > 12 || !/^[0-7]+$/.test(digits)) return undefined;
  } else {
    digits = part;
    base = 10;
    if (digits.length > 10 || !/^[0-9]+$/.test(digits)) return undefined;
  }
  const v = parseInt(digits, base);
  return v <= MAX_U32 ? v : undefined;
}

function combineIpv4(v: number[]): [number, number, number, number] | undefined {
  const fits = (x: number, max: number) => x >= 0 && x <= max;
  switch (v.length) {
    case 1:
      return fits(v[0], MAX_U32) ? bytesOf(0, 0, 0, v[0], 4) : undefined;
    case 2:
      return fits(v[0], 0xff) && fits(v[1], 0xff_ffff) ? bytesOf(v[0], 0, 0, v[1], 3) : undefined;
    case 3:
      return fits(v[0], 0xff) && fits(v[1], 0xff) && fits(v[2], 0xffff) ? bytesOf(v[0], v[1], 0, v[2], 2) : undefined;
    case 4:
      return v.every((x) => fits(x, 0xff)) ? [v[0], v[1], v[2], v[3]] : undefined;
    default:
      return undefined;
  }
}

/** Leading parts as given, the last part spread over the `spread` low bytes. */
function bytesOf(a: number, b: number, c: number, last: number, spread: number): [number, number, number, number] {
  const low = [(last >>> 24) & 0xff, (last >>> 16) & 0xff, (last >>> 8) & 0xff, last & 0xff];
  const lead = [a, b, c].slice(0, 4 - spread);
  return [...lead, ...low.slice(4 - spread)] as [number, number, number, number];
}

// --- IPv6 -------------------------------------------------------------------

/** The address as eight 16-bit words, or undefined. */
export function parseIpv6(text: string): number[] | undefined {
  const { address, zoneOk } = splitZone(text);
  if (!zoneOk || address === '') return undefined;
  if (address === '::') return new Array<number>(8).fill(0);
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  const compressed = halves.length === 2;
  const words = parseGroups(head, tail.length === 0 && !compressed);
  const tailWords = compressed ? parseGroups(tail, true) : [];
  if (!words || !tailWords) return undefined;
  const count = words.length + tailWords.length;
  if (compressed ? count > 7 : count !== 8) return undefined;
  return [...words, ...new Array<number>(8 - count).fill(0), ...tailWords];
}

/**
 * `%zone`: a non-empty zone; a numeric one only on link-local `fe80::`
 * and `ff02::` addresses whose second word is zero, and below 65536.
 */
function splitZone(text: string): { address: string; zoneOk: boolean } {
  const at = text.indexOf('%');
  if (at < 0) return { address: text, zoneOk: true };
  const address = text.slice(0, at);
  const zone = text.slice(at + 1);
  if (zone === '') return { address, zoneOk: false };
  const numeric = /^[0-9]+/.exec(zone);
  if (!numeric || numeric[0].length < zone.length) return { address, zoneOk: true };
  const words = parseIpv6(address);
  const scoped = words !== undefined && (words[0] === 0xfe80 || words[0] === 0xff02) && words[1] === 0;
  return { address, zoneOk: scoped && Number(zone) <= 0xffff };
}

/** Hex groups, the last one possibly a dotted IPv4 address (two words). */
function parseGroups(groups: string[], mayEndWithIpv4: boolean): number[] | undefined {
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g.includes('.')) {
      if (i !== groups.length - 1 || !mayEndWithIpv4) return undefined;
      const v4 = strictIpv4(g);
      if (!v4) return undefined;
      words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) {
      words.push(parseInt(g, 16));
    } else {
      return undefined;
    }
  }
  return words;
}

/** Strict dotted decimal (`1.2.3.4`, no leading zeros), as inside IPv6. */
function strictIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(?:0|[1-9][0-9]{0,2})$/.test(p) ? Number(p) : 256));
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}
