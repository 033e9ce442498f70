/** Small helpers to write Markdown for hovers and completion documentation. */

/** Escapes Markdown punctuation so catalog text (Erlang terms, `<<"guest">>`) shows as written. */
export function escapeMarkdown(text: string): string {
  // `_` inside a word (`verify_peer`) is never emphasis, and `#` only starts a heading at a line start:
  // leaving those alone keeps the text readable where it is shown raw.
  const escaped = text
    .replace(/[\\`*<>[\]|]/g, (c) => `\\${c}`)
    .replace(/(^|[^A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (m) => m.replace('_', '\\_'));
  return escapeLeadingHashes(escaped);
}

/**
 * Escapes each `#` that only white space separates from the start of a line
 * (that white space may itself hold line breaks), as a heading mark would be.
 * One pass, where the pattern `^\s*#` with the `m` flag would rescan a run
 * of blank lines from each of its line starts.
 */
function escapeLeadingHashes(text: string): string {
  let out = '';
  let copied = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      if (atLineStart) {
        out += text.slice(copied, i) + '\\';
        copied = i;
      }
      atLineStart = false;
    } else if (isLineBreak(c)) {
      atLineStart = true;
    } else if (!isWhiteSpace(c)) {
      atLineStart = false;
    }
  }
  return out + text.slice(copied);
}

const HASH = 0x23;

/** Line terminators as JavaScript's `^` with the `m` flag knows them. */
function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** The other characters of JavaScript's `\s`. */
function isWhiteSpace(c: number): boolean {
  return (
    c === 0x09 || c === 0x0b || c === 0x0c || c === 0x20 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Inline code; backticks inside the text get a longer fence. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Joins non-empty paragraphs with blank lines. */
export function paragraphs(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n\n');
}
