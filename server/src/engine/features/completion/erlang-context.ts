/**
 * Where the cursor stands in an Erlang-term file, for completion: the open
 * brackets around it, and for each open tuple its first atom and the element
 * the cursor is in. Read by a small forward scan of the text (strings, quoted
 * atoms, character literals and comments skipped) instead of the parse tree,
 * because a file being typed is usually broken right where the cursor is.
 */

/** One open bracket before the cursor. */
export interface OpenBracket {
  readonly bracket: '[' | '{' | '<<' | '#{' | '(';
  /** Offset of the bracket. */
  readonly start: number;
  /** 0-based element index the cursor is in (commas seen at this level). */
  index: number;
  /** For a tuple: its first element when that is an atom (`rabbit` in `{rabbit, …`). */
  first?: string;
  /** Something was written in the current element before the cursor. */
  filled: boolean;
}

export interface ErlangCursorContext {
  /** Outermost first. Empty outside any term. */
  readonly open: readonly OpenBracket[];
  /** The cursor is inside a string or a comment: nothing to complete. */
  readonly inert: boolean;
}

const CLOSERS: Record<string, OpenBracket['bracket'][]> = { ']': ['['], '}': ['{', '#{'], ')': ['('] };

function isAtomStart(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '@';
}

/** A dot that ends a form: followed by a blank, a comment or the end of the text. */
function isFormEnd(text: string, i: number, to: number): boolean {
  const next = text[i + 1];
  return i + 1 >= to || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === '%';
}

/** End of a quoted literal starting at `i` (after the closing quote), or -1 when it runs past `to`. */
function skipQuoted(text: string, i: number, to: number): number {
  const quote = text[i];
  for (let j = i + 1; j < to; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j + 1;
  }
  return -1;
}

/** Scans `text[0..to)` and describes the cursor at `to`. */
export function erlangCursorContext(text: string, to: number): ErlangCursorContext {
  const open: OpenBracket[] = [];
  const top = () => open[open.length - 1];
  const mark = () => {
    const t = top();
    if (t) t.filled = true;
  };
  let i = 0;
  while (i < to) {
    const c = text[i];
    if (c === '%') {
      const eol = text.indexOf('\n', i);
      if (eol < 0 || eol >= to) return { open, inert: true };
      i = eol + 1;
    } else if (c === '"' || c === "'") {
      const end = skipQuoted(text, i, to);
      // Inside a quoted atom the cursor is completing that atom: the caller reads it as the word.
      if (end < 0) return { open, inert: c === '"' };
      const t = top();
      if (c === "'" && t && t.bracket === '{' && t.index === 0 && !t.filled) t.first = text.slice(i + 1, end - 1);
      mark();
      i = end;
    } else if (c === '$') {
      mark();
      i += text[i + 1] === '\\' ? 3 : 2;
    } else if (c === '[' || c === '{' || c === '(' || (c === '<' && text[i + 1] === '<') || (c === '#' && text[i + 1] === '{')) {
      mark();
      const bracket = c === '<' ? '<<' : c === '#' ? '#{' : (c as '[' | '{' | '(');
      open.push({ bracket, start: i, index: 0, filled: false });
      i += bracket.length;
    } else if (c === ']' || c === '}' || c === ')' || (c === '>' && text[i + 1] === '>')) {
      const closes = c === '>' ? ['<<'] : CLOSERS[c];
      if (top() && closes.includes(top()!.bracket)) open.pop();
      i += c === '>' ? 2 : 1;
    } else if (c === ',' || c === '|') {
      const t = top();
      if (t) {
        t.index++;
        t.filled = false;
      }
      i++;
    } else if (c === '.' && isFormEnd(text, i, to) && !(i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9' && text[i + 1] >= '0')) {
      open.length = 0;
      i++;
    } else if (isAtomStart(c)) {
      let j = i;
      while (j < to && isNameChar(text[j])) j++;
      const t = top();
      if (t && t.bracket === '{' && t.index === 0 && !t.filled) t.first = text.slice(i, j);
      mark();
      i = j;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else {
      mark();
      i++;
    }
  }
  return { open, inert: false };
}

/** The atom being typed just before `offset`: its start (at an opening quote when quoted). */
export function atomStartBefore(text: string, offset: number, lineStart: number): number {
  let i = offset;
  while (i > lineStart && isNameChar(text[i - 1])) i--;
  // A quoted atom being typed: `'tlsv1.` — the quote starts the word.
  const quote = text.lastIndexOf("'", offset - 1);
  if (quote >= lineStart && quote < i && !text.slice(quote + 1, offset).includes("'") && /^[\w.@-]*$/.test(text.slice(quote + 1, offset))) {
    return quote;
  }
  return i;
}

/** Where the word at `offset` ends (for replacing a whole atom when completing in its middle). */
export function atomEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && isNameChar(text[i])) i++;
  return i;
}
