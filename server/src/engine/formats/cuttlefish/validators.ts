/**
 * The validators RabbitMQ's schemas declare (`{validator, Name, Description,
 * fun(Value) -> boolean() end}`), re-implemented for the ones that only look
 * at the value.
 *
 * Validators that look at the file system (`file_accessible`, `pem_file`,
 * `dir_writable`, `is_dir`) are deliberately not applied: the files named in
 * a configuration usually live on the broker's host, not beside the file
 * being edited, so their absence here says nothing. `valid_regex` only
 * rejects the empty string: emulating PCRE's syntax is out of scope.
 *
 * A validator whose Erlang fun has a guard the value does not meet (an
 * `is_integer` validator given a string) would crash cuttlefish rather than
 * reject the value; such values are not reported here.
 */
import type { TypedValue } from './datatypes.js';
import { isInetAddress } from './inet-address.js';

/** true: valid; false: the validator rejects it; undefined: not checked here. */
type Check = (value: TypedValue) => boolean | undefined;

function integerIn(min: bigint, max: bigint): Check {
  return (v) => (v.type === 'integer' ? v.value >= min && v.value <= max : undefined);
}

/** The units rabbit.schema's `is_supported_information_unit` knows, lower-cased. */
const INFORMATION_SUFFIXES: ReadonlySet<string> = new Set(['k', 'ki', 'kb', 'kib', 'm', 'mi', 'mb', 'mib', 'g', 'gi', 'gb', 'gib', 't', 'ti', 'tb', 'tib', 'p', 'pi', 'pb', 'pib']);

const CHECKS: Readonly<Record<string, Check>> = {
  port: integerIn(1n, 65534n), // `Port > 0 andalso Port < 65535`: 65535 itself is refused
  byte: integerIn(0n, 255n),
  non_zero_positive_integer: (v) => (v.type === 'integer' ? v.value >= 1n : undefined),
  positive_16_bit_unsigned_integer: integerIn(1n, 0xffffn),
  positive_32_bit_unsigned_integer: integerIn(1n, 0xffff_ffffn),
  mirroring_sync_batch_size: integerIn(1n, 1_000_000n),
  max_message_size: integerIn(1n, 536_870_912n),
  less_than_1: (v) => (v.type === 'float' ? v.value > 0 && v.value < 1 : undefined),
  // Unlike the others, this one has a catch-all clause: anything else is invalid.
  non_negative_integer: (v) => (v.type === 'atom' && v.value === 'infinity') || (v.type === 'integer' && v.value >= 0n),
  is_ip: (v) => (v.type === 'string' || v.type === 'atom' ? isInetAddress(v.value) : undefined),
  valid_regex: (v) => (v.type === 'string' && v.value === '' ? false : undefined),
  is_supported_information_unit: informationUnit,
};

/**
 * `500MB`, `10GiB`, `2tb`: the schema's `[0-9]+[a-zA-Z]{1,3}$` (a digit,
 * then 1-3 letters ending the value, trailing spaces aside) and a known unit
 * at the end (any case). Written as one backward scan: those regexes, not
 * anchored at the start, retry from every offset, and a value of many
 * digits or spaces took time quadratic in its length (40 KB: seconds).
 */
function informationUnit(v: TypedValue): boolean | undefined {
  if (v.type === 'integer') return true;
  if (v.type !== 'string') return undefined;
  const s = v.value;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  let lettersStart = end;
  while (lettersStart > 0 && isAsciiLetter(s.charCodeAt(lettersStart - 1))) lettersStart--;
  const letters = end - lettersStart;
  // `[a-zA-Z]{1,3}$` right after a digit: the whole run of final letters, 1 to 3 of them.
  if (letters === 0 || letters > 3 || !isDigit(s.charCodeAt(lettersStart - 1))) return false;
  // The unit check only looks at how the value ends (`5xmb` ends with `mb`).
  const tail = s.slice(lettersStart, end).toLowerCase();
  for (let n = 1; n <= tail.length; n++) if (INFORMATION_SUFFIXES.has(tail.slice(-n))) return true;
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Names of validators that need the file system and are never applied here. */
export const FILE_SYSTEM_VALIDATORS: ReadonlySet<string> = new Set(['file_accessible', 'pem_file', 'dir_writable', 'is_dir']);

/** Runs the validator `name` on a converted value: false when it rejects the value. */
export function runValidator(name: string, value: TypedValue): boolean | undefined {
  if (FILE_SYSTEM_VALIDATORS.has(name)) return undefined;
  return CHECKS[name]?.(value);
}

/** Whether this project implements the validator `name` (others are skipped). */
export function isKnownValidator(name: string): boolean {
  return name in CHECKS || FILE_SYSTEM_VALIDATORS.has(name);
}
