/**
 * The few Erlang built-ins that cuttlefish's datatypes lean on, and the way
 * Erlang prints values in error messages (`~tp`), so that our messages show
 * values as RabbitMQ's boot log would.
 */

const INTEGER = /^[+-]?[0-9]+$/;
const FLOAT = /^[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?$/;

/** `list_to_integer/1`: an optional sign and decimal digits, nothing else (no blanks, no `_`). */
export function listToInteger(text: string): bigint | undefined {
  return INTEGER.test(text) ? BigInt(text) : undefined;
}

/**
 * `list_to_float/1`: digits, a dot, digits, an optional exponent. `1`, `1.`
 * and `.5` are not floats for Erlang; neither is a value that overflows.
 */
export function listToFloat(text: string): number | undefined {
  if (!FLOAT.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Characters `~tp` prints inside a string literal under the default
 * printable range (`+pc latin1`); any other makes it print the list of codes.
 */
function isPrintable(code: number): boolean {
  if ((code >= 32 && code < 127) || (code >= 160 && code <= 255)) return true;
  return '\n\r\t\v\b\f\u001b'.includes(String.fromCharCode(code));
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\b': '\\b',
  '\f': '\\f',
  '\u001b': '\\e',
};

/** A string as Erlang's `~tp` shows it: `"verify_pee"`, `[]` when empty, `[1,2]` when not printable. */
export function erlangString(text: string): string {
  const codes = Array.from(text, (c) => c.codePointAt(0)!);
  if (codes.length === 0) return '[]';
  if (!codes.every(isPrintable)) return `[${codes.join(',')}]`;
  let out = '"';
  for (const c of text) out += ESCAPES[c] ?? c;
  return out + '"';
}

/** A number as Erlang's `~p` shows it: integers plainly, floats shortest (`0.5`, `1.0e3`). */
export function erlangNumber(value: number | bigint, isFloat: boolean): string {
  if (!isFloat) return typeof value === 'bigint' ? value.toString() : String(Math.trunc(value));
  const n = Number(value);
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = n.toExponential().split('e');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = n < 0 ? '-' : '';
  const e = Number(exp);
  const scientific = `${sign}${digits[0]}.${digits.slice(1) || '0'}e${e}`;
  return fixedForm(sign, digits, e).length <= scientific.length ? fixedForm(sign, digits, e) : scientific;
}

function fixedForm(sign: string, digits: string, e: number): string {
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const fraction = digits.slice(e + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}
