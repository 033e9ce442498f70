/**
 * The few Python string operations oslo.config's parser relies on, on
 * offsets into the original text so that spans come for free.
 *
 * Python's `str.strip()` family removes more than ASCII blanks: every
 * character for which `str.isspace()` is true. Getting this set right is what
 * makes `key\u00a0= value` or a trailing form feed read the same as in oslo.
 */

/** `str.isspace()` for one UTF-16 code unit (no whitespace lies outside the BMP). */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The end of `text[start, end)` once Python's `rstrip()` has removed trailing whitespace. */
export function rstripEnd(text: string, start: number, end: number): number {
  while (end > start && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The start of `text[start, end)` once Python's `lstrip()` has removed leading whitespace. */
export function lstripStart(text: string, start: number, end: number): number {
  while (start < end && isPythonSpace(text.charCodeAt(start))) start++;
  return start;
}

/** Characters Python's `repr()` escapes although they are not ASCII controls (`str.isprintable()` is false). */
const NOT_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/**
 * Python's `repr()` of a string, as it appears in oslo.config's messages
 * (`Invalid section (must end with ]): '[x'`).
 */
export function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    out += reprChar(ch, quote);
  }
  return out + quote;
}

function reprChar(ch: string, quote: string): string {
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return '\\x' + hex(code, 2);
  if (code < 0x7f || !NOT_PRINTABLE.test(ch)) return ch;
  if (code <= 0xff) return '\\x' + hex(code, 2);
  if (code <= 0xffff) return '\\u' + hex(code, 4);
  return '\\U' + hex(code, 8);
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
