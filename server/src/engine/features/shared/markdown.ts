/** Small helpers to write Markdown for hovers and completion documentation. */

/** Escapes Markdown punctuation so catalog text (Erlang terms, `<<"guest">>`) shows as written. */
export function escapeMarkdown(text: string): string {
  // `_` inside a word (`verify_peer`) is never emphasis, and `#` only starts a heading at a line start:
  // leaving those alone keeps the text readable where it is shown raw.
  return text
    .replace(/[\\`*<>[\]|]/g, (c) => `\\${c}`)
    .replace(/(^|[^A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (m) => m.replace('_', '\\_'))
    .replace(/^(\s*)#/gm, '$1\\#');
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
