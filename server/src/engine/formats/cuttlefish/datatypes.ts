/**
 * cuttlefish's datatypes (`cuttlefish_datatypes:from_string/2`): whether a
 * rabbitmq.conf value converts to a datatype, and if not, the error text
 * cuttlefish gives (`cuttlefish_error:xlate/1`).
 *
 * Values reach these functions exactly as the parser read them: cuttlefish
 * trims nothing more, so `5 ` at the end of a file is not an integer.
 */
import type { ConfDatatype, NumberConstraint } from '../../catalog/rabbitmq-types.js';
import { erlangNumber, erlangString, listToFloat, listToInteger } from './erlang-text.js';
import { isInetAddress } from './inet-address.js';
import { parseBytesize, parseDuration } from './units.js';

/** A converted value, as much as validators need to know of it. */
export type TypedValue =
  | { readonly type: 'integer'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'atom'; readonly value: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'other' };

export type Conversion = { readonly ok: true; readonly value: TypedValue } | { readonly ok: false; readonly error: string };

const ok = (value: TypedValue): Conversion => ({ ok: true, value });
const fail = (error: string): Conversion => ({ ok: false, error });
const OTHER: TypedValue = { type: 'other' };

/** `"V" cannot be converted to a(n) T` */
function conversionError(value: string, type: string): Conversion {
  return fail(`${erlangString(value)} cannot be converted to a(n) ${type}`);
}

/** Converts `value` to `datatype` as cuttlefish would. */
export function convert(value: string, datatype: ConfDatatype): Conversion {
  switch (datatype.t) {
    case 'integer':
      return 'constraints' in datatype ? bounded(value, 'integer', datatype.constraints) : toInteger(value);
    case 'float':
      return 'constraints' in datatype ? bounded(value, 'float', datatype.constraints) : toFloat(value);
    case 'byte':
      return bounded(value, 'integer', [{ op: 'min', value: 0 }, { op: 'max', value: 255 }]);
    case 'port':
      return bounded(value, 'integer', [{ op: 'min', value: 0 }, { op: 'max', value: 65535 }]);
    case 'string':
    case 'file':
    case 'directory':
      return ok({ type: 'string', value });
    case 'binary':
      return ok(OTHER);
    case 'atom':
      return toAtom(value);
    case 'boolean':
      return value === 'true' || value === 'false' ? ok({ type: 'atom', value }) : conversionError(value, 'boolean');
    case 'enum':
      return toEnum(value, datatype.values);
    case 'flag':
      return 'on' in datatype ? toEnum(value, [datatype.on, datatype.off]) : toEnum(value, ['on', 'off']);
    case 'ip':
      return toIp(value);
    case 'fqdn':
      return toFqdn(value);
    case 'domain_socket':
      return toDomainSocket(value);
    case 'bytesize':
      return parseBytesize(value) === undefined ? fail(`Error converting value ${erlangString(value)} to a number of bytes`) : ok(OTHER);
    case 'duration':
      return parseDuration(value) === undefined ? fail(`Invalid duration value: ${value}`) : ok(OTHER);
    case 'percent':
      return toPercent(value, 'of' in datatype ? `{percent,${datatype.of}}` : 'percent');
    case 'tagged_string':
      return toTagged(value, 'tagged string');
    case 'tagged_binary':
      return toTagged(value, 'tagged binary');
    case 'list':
      return toList(value, datatype.of);
    case 'exact':
      return toExact(value, datatype.of, datatype.value);
    case 'uri':
    case 'regex':
    case 'unknown':
      // Not used by RabbitMQ's schemas; never reject what we cannot check.
      return ok(OTHER);
  }
}

function toInteger(value: string): Conversion {
  const n = listToInteger(value);
  return n === undefined ? conversionError(value, 'integer') : ok({ type: 'integer', value: n });
}

function toFloat(value: string): Conversion {
  const f = listToFloat(value);
  return f === undefined ? conversionError(value, 'float') : ok({ type: 'float', value: f });
}

/** `list_to_atom/1` fails on atoms longer than 255 characters. */
function toAtom(value: string): Conversion {
  if ([...value].length > 255) return fail('Caught exception converting to atom: error:system_limit');
  return ok({ type: 'atom', value });
}

/** `{integer, Constraints}` / `{float, Constraints}`, `byte`, `port` (cuttlefish 3.8+). */
function bounded(value: string, kind: 'integer' | 'float', constraints: readonly NumberConstraint[]): Conversion {
  const converted = kind === 'integer' ? toInteger(value) : toFloat(value);
  if (!converted.ok) return converted;
  const v = converted.value as { value: bigint | number };
  for (const c of expandShortcuts(constraints, kind)) {
    if (!satisfies(v.value, c)) return fail(rangeViolation(v.value, kind === 'float', c));
  }
  return converted;
}

type Bound = { readonly op: 'min' | 'max' | 'gt' | 'lt'; readonly value: number; readonly float?: boolean };

/**
 * `positive` is `{min, 1}` on integers but `{gt, 0.0}` on floats;
 * `non_negative` is `{min, 0}` or `{min, 0.0}`.
 */
function expandShortcuts(constraints: readonly NumberConstraint[], kind: 'integer' | 'float'): Bound[] {
  const isFloat = kind === 'float';
  return constraints.map((c): Bound => {
    if (c.op === 'positive') return isFloat ? { op: 'gt', value: 0, float: true } : { op: 'min', value: 1 };
    if (c.op === 'non_negative') return { op: 'min', value: 0, float: isFloat };
    return c as Bound;
  });
}

function satisfies(v: bigint | number, c: Bound): boolean {
  // Compare exactly: integers may exceed 2^53.
  const cmp = compareNumbers(v, c.value);
  switch (c.op) {
    case 'min':
      return cmp >= 0;
    case 'max':
      return cmp <= 0;
    case 'gt':
      return cmp > 0;
    case 'lt':
      return cmp < 0;
  }
}

function compareNumbers(a: bigint | number, b: number): number {
  if (typeof a === 'bigint' && Number.isInteger(b)) return a < BigInt(b) ? -1 : a > BigInt(b) ? 1 : 0;
  const x = Number(a);
  return x < b ? -1 : x > b ? 1 : 0;
}

function rangeViolation(v: bigint | number, isFloat: boolean, c: Bound): string {
  const value = erlangNumber(v, isFloat);
  const bound = erlangNumber(c.value, c.float === true || !Number.isInteger(c.value));
  switch (c.op) {
    case 'min':
      return `${value} is below the minimum allowed value of ${bound}`;
    case 'max':
      return `${value} exceeds the maximum allowed value of ${bound}`;
    case 'gt':
      return `${value} must be strictly greater than ${bound}`;
    case 'lt':
      return `${value} must be strictly less than ${bound}`;
  }
}

/** `cuttlefish_enum:parse/2`: the value must be one of the names. */
function toEnum(value: string, names: readonly string[]): Conversion {
  if (names.includes(value)) return ok({ type: 'atom', value });
  return fail(`${erlangString(value)} is not a valid enum value, acceptable values are: ${names.join(', ')}`);
}

/**
 * `IP:PORT`, split at the last `:` (so IPv6 needs no brackets, and brackets
 * are refused): the address must parse, the port be an integer >= 0.
 */
function toIp(value: string): Conversion {
  const colon = value.lastIndexOf(':');
  if (colon < 0) return conversionError(value, 'IP');
  const port = listToInteger(value.slice(colon + 1));
  if (port === undefined || port < 0n || !isInetAddress(value.slice(0, colon))) return conversionError(value, 'IP');
  return ok(OTHER);
}

function toFqdn(value: string): Conversion {
  const colon = value.lastIndexOf(':');
  if (colon < 0) return conversionError(value, 'FQDN');
  const port = listToInteger(value.slice(colon + 1));
  if (port === undefined || port < 0n || !isFqdn(value.slice(0, colon))) return conversionError(value, 'FQDN');
  return ok(OTHER);
}

/**
 * cuttlefish's FQDN pattern, checked without backtracking: at most 255
 * characters and no blanks, not starting with `://`; labels of 1 to 63
 * characters each followed by a dot (at most 127 of them), then a last label
 * of `[a-z0-9-]` that is not all digits, and an optional final dot.
 */
export function isFqdn(text: string): boolean {
  if (text.length < 1 || text.length > 255 || /\s/.test(text) || text.startsWith('://')) return false;
  const body = text.endsWith('.') ? text.slice(0, -1) : text;
  const lastDot = body.lastIndexOf('.');
  const last = body.slice(lastDot + 1);
  if (lastDot < 0 || !/^[a-z0-9-]+$/.test(last) || /^[0-9]*$/.test(last)) return false;
  return canSplitIntoLabels(body.slice(0, lastDot + 1));
}

/** Whether `prefix` (ending with a dot) splits into 1..127 pieces of 1-63 characters plus a dot. */
function canSplitIntoLabels(prefix: string): boolean {
  // fewest[i]: fewest pieces covering prefix[0..i), or Infinity.
  const fewest = new Array<number>(prefix.length + 1).fill(Infinity);
  fewest[0] = 0;
  for (let end = 2; end <= prefix.length; end++) {
    if (prefix[end - 1] !== '.') continue;
    for (let len = 2; len <= 64 && len <= end; len++) fewest[end] = Math.min(fewest[end], fewest[end - len] + 1);
  }
  return fewest[prefix.length] <= 127;
}

/** `local:PATH:0` or `unix:PATH:0`: the port must be 0 and PATH hold no `:`. */
function toDomainSocket(value: string): Conversion {
  const colon = value.lastIndexOf(':');
  if (colon < 0 || listToInteger(value.slice(colon + 1)) !== 0n) return conversionError(value, 'UDS');
  const tokens = value.slice(0, colon).split(':').filter((t) => t !== '');
  if (tokens.length !== 2 || (tokens[0] !== 'local' && tokens[0] !== 'unix')) return conversionError(value, 'UDS');
  return ok(OTHER);
}

/**
 * `50%`: cuttlefish drops the last character without looking at it and
 * reads the rest as an integer (a failure is an exception, reported as such).
 */
function toPercent(value: string, typeName: string): Conversion {
  const n = listToInteger([...value].slice(0, -1).join(''));
  if (n === undefined) return fail(`Caught exception converting to ${typeName}: error:badarg`);
  // Both kinds print the value back as `N%` (a float one as its ceiling, which is N).
  return n < 0n || n > 100n ? fail(`${n}% can't be outside the range 0 - 100%`) : ok(OTHER);
}

/** `tag:value` (e.g. `encrypted:…`): a tag of `[A-Za-z0-9_]`, a colon, a non-empty value. */
function toTagged(value: string, typeName: string): Conversion {
  return /^[A-Za-z0-9_]+:[\s\S]/.test(value) ? ok({ type: 'string', value }) : conversionError(value, typeName);
}

/** `{list, T}`: comma-separated, each element trimmed and converted; the first bad element is reported. */
function toList(value: string, of: ConfDatatype): Conversion {
  for (const element of value.split(',')) {
    const converted = convert(element.trim(), of);
    if (!converted.ok) return converted;
  }
  return ok(OTHER);
}

/** An extended datatype such as `{atom, infinity}`: the value must convert to exactly that. */
function toExact(value: string, of: string, expected: string): Conversion {
  const base = baseDatatype(of);
  const converted = base ? convert(value, base) : ok({ type: 'string', value });
  if (!converted.ok) return converted;
  const same = of === 'integer' ? listToInteger(value) === listToInteger(expected) : value === expected;
  const shown = of === 'string' ? erlangString(expected) : expected;
  return same ? converted : fail(`${erlangString(value)} is not accepted value: ${shown}`);
}

function baseDatatype(name: string): ConfDatatype | undefined {
  const simple = ['integer', 'float', 'string', 'atom', 'binary', 'file', 'directory', 'ip', 'fqdn', 'domain_socket', 'bytesize', 'tagged_string', 'tagged_binary'];
  return simple.includes(name) ? ({ t: name } as ConfDatatype) : undefined;
}
