/**
 * Option values checked the way oslo_config.types converts them when a
 * service reads an option, with oslo.config's own error messages
 * ("Unexpected boolean value 'maybe'", "Should be greater than or equal to 1").
 *
 * The text given is what the type receives: the INI value after oslo.config's
 * parser (stripped, one pair of surrounding quotes removed, continuation
 * lines joined with "\n") and after `$` interpolation. A value still holding
 * `$name` references cannot be judged before they are substituted, and `$$`
 * stands for one `$`: callers deal with that before calling.
 */
import { pyFloat, pyFormatG, pyInt, pyRepr, pyStrip } from './oslo-python.js';
import type { OsloOption, OsloValueType } from './oslo-types.js';

/** The value a service gets: `null` is Python's None (an empty number). */
export type OsloValue = boolean | number | string | readonly string[] | null;

export type OsloParsed =
  | { readonly status: 'valid'; readonly value: OsloValue }
  | { readonly status: 'invalid'; readonly message: string }
  /** A type we do not emulate (URI, IP address, …): no verdict either way. */
  | { readonly status: 'unchecked' };

/** The parts of an option that decide how its values convert. */
export type OsloValueSpec = Pick<OsloOption, 'type' | 'min' | 'max' | 'choices'>;

/** Types whose conversion this module reproduces exactly. */
export const CHECKED_OSLO_TYPES: readonly OsloValueType[] = ['boolean', 'integer', 'float', 'port', 'string', 'list', 'multi'];

/** types.Port's bounds when the option sets none. */
const PORT_MIN = 0;
const PORT_MAX = 65535;

const TRUE_WORDS = ['true', '1', 'on', 'yes'];
const FALSE_WORDS = ['false', '0', 'off', 'no'];

function valid(value: OsloValue): OsloParsed {
  return { status: 'valid', value };
}

function invalid(message: string): OsloParsed {
  return { status: 'invalid', message };
}

/** types.Boolean: the eight words in any case, nothing else (not even ''). */
function parseBoolean(text: string): OsloParsed {
  const word = text.toLowerCase();
  if (TRUE_WORDS.includes(word)) return valid(true);
  if (FALSE_WORDS.includes(word)) return valid(false);
  return invalid(`Unexpected boolean value ${pyRepr(text)}`);
}

/** The bounds check types.Number does after converting (NaN passes both). */
function checkBounds(value: number | bigint, min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && value < min) return `Should be greater than or equal to ${pyFormatG(min)}`;
  if (max !== undefined && value > max) return `Should be less than or equal to ${pyFormatG(max)}`;
  return undefined;
}

/** types.Integer / types.Port: blank is None; otherwise int(text) within the bounds. */
function parseInteger(text: string, min: number | undefined, max: number | undefined): OsloParsed {
  if (pyStrip(text) === '') return valid(null);
  const n = pyInt(text);
  if (!n.ok) return invalid(n.message);
  const outOfBounds = checkBounds(n.value, min, max);
  return outOfBounds ? invalid(outOfBounds) : valid(Number(n.value));
}

/** types.Float: blank is None; otherwise float(text) within the bounds. */
function parseFloat(text: string, min: number | undefined, max: number | undefined): OsloParsed {
  if (pyStrip(text) === '') return valid(null);
  const x = pyFloat(text);
  if (!x.ok) return invalid(x.message);
  const outOfBounds = checkBounds(x.value, min, max);
  return outOfBounds ? invalid(outOfBounds) : valid(x.value);
}

/** types.String: any text, or (with choices) exactly one of them, case included. */
function parseString(text: string, choices: readonly string[] | undefined): OsloParsed {
  if (!choices || choices.includes(text)) return valid(text);
  return invalid(`Valid values are [${choices.join(', ')}], but found ${pyRepr(text)}`);
}

/** types.List of strings: comma-separated, items stripped, trailing commas ignored. */
function parseList(text: string): OsloParsed {
  let s = pyStrip(text);
  while (s.endsWith(',')) s = s.slice(0, -1);
  return valid(s === '' ? [] : s.split(',').map(pyStrip));
}

/**
 * Converts one value of `option` as oslo.config would when the service reads
 * it. For a multi-valued option, call it once per occurrence.
 */
export function parseOsloValue(option: OsloValueSpec, text: string): OsloParsed {
  switch (option.type) {
    case 'boolean':
      return parseBoolean(text);
    case 'integer':
      return option.choices ? { status: 'unchecked' } : parseInteger(text, option.min, option.max);
    case 'port':
      return option.choices ? { status: 'unchecked' } : parseInteger(text, option.min ?? PORT_MIN, option.max ?? PORT_MAX);
    case 'float':
      return parseFloat(text, option.min, option.max);
    case 'string':
      return parseString(text, option.choices);
    case 'multi':
      return valid(text);
    case 'list':
      return parseList(text);
    default:
      return { status: 'unchecked' };
  }
}

/**
 * Why oslo.config rejects `text` for `option`, in oslo.config's words, or
 * undefined when it accepts it (or when the type is one we do not check).
 */
export function validateOsloValue(option: OsloValueSpec, text: string): string | undefined {
  const parsed = parseOsloValue(option, text);
  return parsed.status === 'invalid' ? parsed.message : undefined;
}
