/**
 * Where an inline comment starts in a value: a `#` or `;` that follows
 * white space (or opens the value and is followed by white space). oslo.config
 * keeps such text as part of the value; a person meant a comment.
 */

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** The comment marker's index in `text` and where the blanks before it start; undefined when there is none. */
export function findInlineComment(text: string): { readonly marker: number; readonly cut: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '#' && c !== ';') continue;
    const opens = i === 0 && (i + 1 === text.length || isBlank(text[i + 1]));
    if (!opens && !isBlank(text[i - 1])) continue;
    let cut = i;
    while (cut > 0 && isBlank(text[cut - 1])) cut--;
    return { marker: i, cut };
  }
  return undefined;
}

/** `text` without an inline comment (and the blanks before it). */
export function withoutInlineComment(text: string): string {
  const found = findInlineComment(text);
  return found ? text.slice(0, found.cut) : text;
}
