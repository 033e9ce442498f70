/**
 * Where a Jinja `{{ … }}` or `{% … %}` tag ends.
 *
 * Jinja tokenizes the inside of a tag: a closing delimiter inside a string
 * (`{{ '}}' }}`) or inside brackets (`{{ {'a': 1} }}`) does not end it.
 * This walk follows the same rules without building tokens.
 */

/** Where the tag ended, or why no end was found. */
export type TagEndScan =
  | { readonly ok: true; readonly end: number }
  | { readonly ok: false; readonly at: number; readonly message: string };

const OPENING_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * Scans from `from` (just past the opening delimiter) for `closer`
 * (`}}` or `%}`) at bracket depth zero and outside strings. `end` is the
 * offset just past the closer.
 */
export function scanJinjaTagEnd(text: string, from: number, closer: '}}' | '%}'): TagEndScan {
  const first = closer.charCodeAt(0);
  const open: string[] = [];
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (open.length === 0 && code === first && text.charCodeAt(i + 1) === 0x7d /* } */) {
      return { ok: true, end: i + 2 };
    }
    if (ch === "'" || ch === '"') {
      const close = stringEnd(text, i);
      if (close < 0) return { ok: false, at: i, message: `unterminated string in Jinja tag` };
      i = close + 1;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      open.push(ch);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (open.pop() !== OPENING_OF[ch]) return { ok: false, at: i, message: `unexpected '${ch}' in Jinja tag` };
    }
    i++;
  }
  if (open.length > 0) return { ok: false, at: text.length, message: `unclosed '${open[open.length - 1]}' in Jinja tag` };
  return { ok: false, at: text.length, message: 'unclosed Jinja tag' };
}

/** Offset of the quote that closes the string opened at `start`, or -1. Backslash escapes the next character. */
function stringEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c /* \ */) i++;
    else if (code === quote) return i;
  }
  return -1;
}
