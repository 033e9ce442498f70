/**
 * cuttlefish's unit-bearing values: byte sizes (`cuttlefish_bytesize`) and
 * durations (`cuttlefish_duration`, whose grammar is a small PEG).
 */
import { listToFloat, listToInteger } from './erlang-text.js';

/**
 * A byte size: a number with an optional `KB`, `MB` or `GB` (or `kb`, `mb`,
 * `gb`; no mixed case, no `TB`, no `KiB`), powers of 1024. The number is an
 * Erlang float or integer (`.5` reads as `0.5`). Undefined when not a size.
 */
export function parseBytesize(text: string): number | undefined {
  const units: Readonly<Record<string, number>> = { KB: 1024, kb: 1024, MB: 1024 ** 2, mb: 1024 ** 2, GB: 1024 ** 3, gb: 1024 ** 3 };
  const suffix = text.slice(-2);
  const multiplier = units[suffix];
  const number = multiplier === undefined ? text : text.slice(0, -2);
  const quantity = numerify(number);
  if (quantity === undefined) return undefined;
  return quantity * (multiplier ?? 1);
}

/** `cuttlefish_util:numerify/1`: a float, else an integer. */
function numerify(text: string): number | undefined {
  const t = text.startsWith('.') ? `0${text}` : text;
  const f = listToFloat(t);
  if (f !== undefined) return f;
  const i = listToInteger(t);
  return i === undefined ? undefined : Number(i);
}

/** Milliseconds per duration unit, in the order the grammar tries them (`ms` before `m`). */
const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['f', 1_209_600_000],
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['ms', 1],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * A duration such as `10s`, `1h30m`, `1.5d` (case-insensitive): one or more
 * amount-unit pairs, where an amount is an integer without a leading zero or
 * a decimal (`0.5`, `.5`). A bare number has no unit and is not a duration.
 * Returns milliseconds, or undefined.
 */
export function parseDuration(input: string): number | undefined {
  const text = input.toLowerCase();
  let at = 0;
  let total = 0;
  while (at < text.length) {
    const amount = durationAmount(text, at);
    if (!amount) return undefined;
    const unit = DURATION_UNITS.find(([u]) => text.startsWith(u, amount.end));
    if (!unit) return undefined;
    total += amount.value * unit[1];
    at = amount.end + unit[0].length;
  }
  return at > 0 ? total : undefined;
}

const DECIMAL_AMOUNT = /[0-9]+\.[0-9]+|\.[0-9]+/y;
const INTEGER_AMOUNT = /[1-9][0-9]*/y;

/** `float <- [0-9]+ "." [0-9]+ / "." [0-9]+` then `integer <- [1-9] [0-9]*`. */
function durationAmount(text: string, at: number): { value: number; end: number } | undefined {
  for (const pattern of [DECIMAL_AMOUNT, INTEGER_AMOUNT]) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m) return { value: Number(m[0].startsWith('.') ? `0${m[0]}` : m[0]), end: at + m[0].length };
  }
  return undefined;
}
