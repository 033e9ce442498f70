/**
 * Go text/template actions (Helm charts) met in files read as Jinja.
 *
 * `.tpl` files and chart values are Go templates: the same `{{ … }}`
 * delimiters, but control flow is written inside them (`{{ if .x }}`,
 * `{{ end }}`) and comments are `{{/* … *\/}}`. Each form recognised here is
 * invalid Jinja, so a real Jinja template never reads as Go; `{{ end }}` and
 * `{{ else }}` (valid Jinja variable names) count as Go only while a Go block
 * is open.
 */
import type { Span } from '../../core/text.js';
import type { ForwardSearch } from '../scan.js';
import { identifierEnd, isIdentifierPart, isWhitespace, skipWhitespace } from '../scan.js';

/** What a `{{ … }}` tag does when read as a Go action. */
export type GoAction =
  | { readonly kind: 'open'; readonly name: string; readonly conditional: boolean }
  | { readonly kind: 'branch' }
  | { readonly kind: 'close' }
  /** Renders nothing: `{{ $x := … }}`, `{{ break }}`. */
  | { readonly kind: 'silent' };

const OPENERS: Readonly<Record<string, boolean>> = { if: true, range: true, with: true, define: true, block: false };

/**
 * If a Go comment `{{/* … *\/}}` (with optional `-` trim markers) starts at
 * `open` (the offset of `{{`), returns the offset just past its `}}`.
 */
export function goCommentEnd(text: string, open: number, search: ForwardSearch): number | undefined {
  let i = open + 2;
  if (text[i] === '-' && isWhitespace(text.charCodeAt(i + 1))) i = skipWhitespace(text, i + 1);
  if (!text.startsWith('/*', i)) return undefined;
  const close = search.indexOf('*/', i + 2);
  if (close < 0) return undefined;
  let j = close + 2;
  if (isWhitespace(text.charCodeAt(j))) {
    j = skipWhitespace(text, j);
    if (text[j] !== '-') return undefined;
    j++;
  }
  return text.startsWith('}}', j) ? j + 2 : undefined;
}

/**
 * Reads the inside of a `{{ … }}` tag (`inner`, without delimiters) as a Go
 * action. Returns undefined for an ordinary expression.
 */
export function readGoAction(text: string, inner: Span, goBlockOpen: boolean): GoAction | undefined {
  let i = inner.start;
  if (text[i] === '-' || text[i] === '+') i++;
  i = skipWhitespace(text, i, inner.end);
  let last = inner.end;
  if (text[last - 1] === '-') last--;
  while (last > i && isWhitespace(text.charCodeAt(last - 1))) last--;

  if (text[i] === '$') return isDeclaration(text, i + 1, last) ? { kind: 'silent' } : undefined;
  const wordEnd = identifierEnd(text, i, last);
  if (wordEnd === i) return undefined;
  const word = text.slice(i, wordEnd);
  const hasMore = wordEnd < last;
  const separated = !hasMore || isWhitespace(text.charCodeAt(wordEnd)) || text[wordEnd] === '(';

  if (word in OPENERS && hasMore && separated) return { kind: 'open', name: `go:${word}`, conditional: OPENERS[word] };
  if (!goBlockOpen || !separated) return undefined;
  if (word === 'else') return { kind: 'branch' };
  if (word === 'end' && !hasMore) return { kind: 'close' };
  if ((word === 'break' || word === 'continue') && !hasMore) return { kind: 'silent' };
  return undefined;
}

/** `$name :=` or `$name =` (not `==`) from `from` (just past the `$`). */
function isDeclaration(text: string, from: number, limit: number): boolean {
  let i = from;
  while (i < limit && isIdentifierPart(text.charCodeAt(i))) i++;
  i = skipWhitespace(text, i, limit);
  if (text.startsWith(':=', i)) return true;
  return text[i] === '=' && text[i + 1] !== '=';
}
