/**
 * Just enough of a Ruby / Puppet tokenizer to follow block structure in the
 * code of ERB and EPP tags.
 *
 * Strings (with `#{…}` / `${…}` interpolation), comments, numbers and
 * variables are skipped; what remains is words that may be keywords,
 * brackets, `;` and line breaks. Regexp literals, `%w[]`-style literals and
 * heredocs are not recognised: they are rare in templates and at worst
 * disturb the conditional regions, never the masking.
 */
import { isIdentifierPart, isIdentifierStart, isLineBreak } from '../scan.js';

export type RubyPunct = '{' | '}' | '(' | ')' | '[' | ']' | ';';

export type RubyToken =
  | {
      readonly kind: 'word';
      readonly text: string;
      /** False for method names (`x.end`), symbols (`:if`), hash keys (`if:`), numbers and sigil variables (`$x`, `@if`). */
      readonly keyword: boolean;
    }
  | { readonly kind: 'punct'; readonly text: RubyPunct }
  | { readonly kind: 'newline' };

const PUNCT = new Set<string>(['{', '}', '(', ')', '[', ']', ';']);

/** Tokens of the code in `[from, to)`. */
export function rubyTokens(text: string, from: number, to: number): RubyToken[] {
  const tokens: RubyToken[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      tokens.push({ kind: 'newline' });
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '\\' && isLineBreak(text.charCodeAt(i + 1))) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2; // line continuation
    } else if (ch === '#') {
      while (i < to && !isLineBreak(text.charCodeAt(i))) i++;
    } else if (ch === "'" || ch === '`') {
      i = plainStringEnd(text, i, to);
    } else if (ch === '"') {
      i = interpolatedStringEnd(text, i, to);
    } else if (ch === '$' || ch === '@') {
      const end = variableEnd(text, i, to);
      tokens.push({ kind: 'word', text: text.slice(i, end), keyword: false });
      i = end;
    } else if (isIdentifierStart(code)) {
      const end = wordEnd(text, i, to);
      tokens.push({ kind: 'word', text: text.slice(i, end), keyword: mayBeKeyword(text, i, end) });
      i = end;
    } else if (code >= 0x30 && code <= 0x39) {
      while (i < to && isIdentifierPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: '', keyword: false });
    } else {
      if (PUNCT.has(ch)) tokens.push({ kind: 'punct', text: ch as RubyPunct });
      i++;
    }
  }
  return tokens;
}

/** A word: identifier characters, then an optional `?` or `!` that is not part of `!=`/`?=`. */
function wordEnd(text: string, start: number, to: number): number {
  let i = start + 1;
  while (i < to && isIdentifierPart(text.charCodeAt(i))) i++;
  if ((text[i] === '?' || text[i] === '!') && text[i + 1] !== '=' && i < to) i++;
  return i;
}

function mayBeKeyword(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (before === '.' || before === ':') return false;
  return !(text[end] === ':' && text[end + 1] !== ':');
}

/** `$x`, `@x`, `@@x`, Puppet's `$a::b::c`. */
function variableEnd(text: string, start: number, to: number): number {
  let i = start;
  while (i < to && (text[i] === '$' || text[i] === '@')) i++;
  while (i < to && (isIdentifierPart(text.charCodeAt(i)) || text[i] === ':')) i++;
  return i;
}

/** Past the end of a `'…'` or `` `…` `` string starting at `start` (or `to`). */
function plainStringEnd(text: string, start: number, to: number): number {
  const quote = text[start];
  for (let i = start + 1; i < to; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return to;
}

/**
 * Past the end of a `"…"` string starting at `start`, following `#{…}`
 * (Ruby) and `${…}` (Puppet) interpolations, which hold code and so may
 * hold braces and further strings.
 */
function interpolatedStringEnd(text: string, start: number, to: number): number {
  /** `string`: inside quotes; a number: the brace depth inside an interpolation. */
  const stack: Array<'string' | number> = ['string'];
  let i = start + 1;
  while (i < to && stack.length > 0) {
    const top = stack[stack.length - 1];
    const ch = text[i];
    if (top === 'string') {
      if (ch === '\\') {
        i += 2;
      } else if (ch === '"') {
        stack.pop();
        i++;
      } else if ((ch === '#' || ch === '$') && text[i + 1] === '{') {
        stack.push(1);
        i += 2;
      } else {
        i++;
      }
    } else if (ch === '"') {
      stack.push('string');
      i++;
    } else if (ch === "'") {
      i = plainStringEnd(text, i, to);
    } else {
      if (ch === '{') stack[stack.length - 1] = top + 1;
      else if (ch === '}') {
        if (top === 1) stack.pop();
        else stack[stack.length - 1] = top - 1;
      }
      i++;
    }
  }
  return Math.min(i, to);
}
