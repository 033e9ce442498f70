/**
 * oslo.config's `$` interpolation, as a service meets it when it reads an
 * option (cfg.ConfigOpts._substitute): `\$` is first rewritten to `$$`, then
 * Python's `string.Template.safe_substitute` runs with oslo's identifier
 * pattern `[_a-z][._a-z0-9]*` (case-insensitive):
 * - `$$` is a literal `$`;
 * - `$name` / `${name}` / `${group.name}` is replaced by that option's value,
 *   and an unknown name raises NoSuchOptError (the service fails to start);
 * - any other `$` (`pa$`, `$1`, `${x`) is left as it is.
 */

/** One `$` in a value, by what oslo.config does with it. Offsets index the value string. */
export type DollarUse =
  /** `$$` or `\$`: one literal `$` (the two characters at `start`…`end`). */
  | { readonly kind: 'escaped'; readonly start: number; readonly end: number }
  /** `$name` or `${name}`: replaced by the option `name` (`group.name` allowed). */
  | { readonly kind: 'reference'; readonly start: number; readonly end: number; readonly name: string }
  /** A `$` Template leaves alone: kept literally, by luck rather than by intent. */
  | { readonly kind: 'lone'; readonly start: number; readonly end: number };

/** Python's `[a-z]` under re.IGNORECASE also matches these four non-ASCII letters. */
const FOLDED_LETTERS = new Set(['\u017f', '\u212a', '\u0130', '\u0131']);

function isIdStart(c: string | undefined): boolean {
  return c !== undefined && (/^[_A-Za-z]$/.test(c) || FOLDED_LETTERS.has(c));
}

function isIdChar(c: string | undefined): boolean {
  return c !== undefined && (/^[._A-Za-z0-9]$/.test(c) || FOLDED_LETTERS.has(c));
}

/** End of the identifier starting at `i` (which must be an id start). */
function identifierEnd(value: string, i: number): number {
  let j = i + 1;
  while (isIdChar(value[j])) j++;
  return j;
}

/** Every `$` of `value` and what oslo.config makes of it, in order. Linear in the length. */
export function scanDollars(value: string): DollarUse[] {
  // `\$` → `$$` keeps the length, so offsets in the rewritten text are offsets in `value`.
  const text = value.includes('\\$') ? value.replaceAll('\\$', '$$$$') : value;
  const uses: DollarUse[] = [];
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    const next = text[i + 1];
    if (next === '$') {
      uses.push({ kind: 'escaped', start: i, end: i + 2 });
      i++;
    } else if (isIdStart(next)) {
      const end = identifierEnd(text, i + 1);
      uses.push({ kind: 'reference', start: i, end, name: text.slice(i + 1, end) });
      i = end - 1;
    } else if (next === '{' && isIdStart(text[i + 2]) && text[identifierEnd(text, i + 2)] === '}') {
      const end = identifierEnd(text, i + 2);
      uses.push({ kind: 'reference', start: i, end: end + 1, name: text.slice(i + 2, end) });
      i = end;
    } else {
      uses.push({ kind: 'lone', start: i, end: i + 1 });
    }
  }
  return uses;
}

/** A value after interpolation, when it holds no reference (otherwise its text depends on other options). */
export type InterpolatedValue = { readonly resolved: true; readonly text: string } | { readonly resolved: false; readonly references: readonly string[] };

/** The text a service reads for `value`, escapes resolved; unresolved when `$name` references occur. */
export function interpolate(value: string): InterpolatedValue {
  if (!value.includes('$')) return { resolved: true, text: value };
  const uses = scanDollars(value);
  const references = uses.flatMap((u) => (u.kind === 'reference' ? [u.name] : []));
  if (references.length > 0) return { resolved: false, references };
  let text = '';
  let from = 0;
  for (const u of uses) {
    if (u.kind !== 'escaped') continue;
    text += value.slice(from, u.start) + '$';
    from = u.end;
  }
  return { resolved: true, text: text + value.slice(from) };
}
