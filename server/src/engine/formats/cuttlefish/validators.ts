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

const INFORMATION_UNIT = /[0-9]+[a-zA-Z]{1,3}$/;
const INFORMATION_SUFFIX = /(?:k|ki|kb|kib|m|mi|mb|mib|g|gi|gb|gib|t|ti|tb|tib|p|pi|pb|pib)$/i;

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

/** `500MB`, `10GiB`, `2tb`: digits then 1-3 letters, ending with a known unit (any case). */
function informationUnit(v: TypedValue): boolean | undefined {
  if (v.type === 'integer') return true;
  if (v.type !== 'string') return undefined;
  const s = v.value.replace(/ +$/, '');
  return INFORMATION_UNIT.test(s) && INFORMATION_SUFFIX.test(s);
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
