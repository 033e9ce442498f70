/**
 * The parts of Python's `urllib.parse` that oslo.messaging's
 * `TransportURL.parse` relies on, reproduced step for step (CPython 3.11 as
 * shipped in Debian 12, security fixes included): `urlsplit` (as `urlparse`
 * calls it for schemes without `;params`), `unquote`, `parse_qs` and `quote`.
 *
 * Every split keeps offsets into the text that was given, so that the
 * callers can point at a user name or a password in the editor.
 */
import { checkBracketedHost } from './ip-address.js';

/** Characters `urlsplit` strips from the start of a URL (WHATWG C0 controls and space). */
function isC0OrSpace(code: number): boolean {
  return code <= 0x20;
}

/** Characters `urlsplit` deletes wherever they are (tab, CR, LF). */
function isUnsafeUrlChar(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d;
}

function isSchemeChar(c: string): boolean {
  return /^[A-Za-z0-9+.-]$/.test(c);
}

/**
 * A URL text after `urlsplit`'s clean-up, with the original offset of every
 * character kept (`origin[i]` is where `text[i]` came from).
 */
export interface CleanedText {
  readonly text: string;
  readonly origin: readonly number[];
}

/** `url.lstrip(C0 and space)` then removal of every tab, CR and LF. */
export function cleanUrlText(url: string): CleanedText {
  let start = 0;
  while (start < url.length && isC0OrSpace(url.charCodeAt(start))) start++;
  let text = '';
  const origin: number[] = [];
  for (let i = start; i < url.length; i++) {
    if (isUnsafeUrlChar(url.charCodeAt(i))) continue;
    text += url[i];
    origin.push(i);
  }
  return { text, origin };
}

/** A piece of the cleaned URL: its text and its offset in the cleaned text. */
export interface UrlPart {
  readonly text: string;
  readonly start: number;
}

/** `urlsplit`'s five parts (params are never split for transport schemes). */
export interface SplitUrl {
  /** Lower-cased, '' when the URL has none. */
  readonly scheme: string;
  readonly netloc: UrlPart;
  readonly path: UrlPart;
  readonly query: UrlPart;
  readonly fragment: UrlPart;
  readonly cleaned: CleanedText;
}

export type SplitOutcome = { readonly ok: true; readonly url: SplitUrl } | { readonly ok: false; readonly error: string };

function part(text: string, start: number, end: number): UrlPart {
  return { text: text.slice(start, end), start };
}

/** The scheme's end (the `:`), or -1 when the text has no valid scheme. */
function schemeEnd(text: string): number {
  const colon = text.indexOf(':');
  if (colon <= 0) return -1;
  const first = text.charCodeAt(0);
  const isAsciiLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!isAsciiLetter) return -1;
  for (let i = 0; i < colon; i++) if (!isSchemeChar(text[i])) return -1;
  return colon;
}

/** The first `/`, `?` or `#` at or after `from`, or the text's end. */
function netlocEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '/' || c === '?' || c === '#') return i;
  }
  return text.length;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `_checknetloc`: characters that NFKC normalisation would turn into URL delimiters. */
function checkNetlocNormalization(netloc: string): string | undefined {
  if (netloc === '' || isAscii(netloc)) return undefined;
  const n = netloc.replace(/[@:#?]/g, '');
  const normalized = n.normalize('NFKC');
  if (n === normalized) return undefined;
  for (const c of '/?#@:') {
    if (normalized.includes(c)) return `netloc '${netloc}' contains invalid characters under NFKC normalization`;
  }
  return undefined;
}

/** `_check_bracketed_netloc`: the bracketed host of the netloc's last `@` part must be an IP literal. */
function checkBracketedNetloc(netloc: string): string | undefined {
  const at = netloc.lastIndexOf('@');
  const hostAndPort = at < 0 ? netloc : netloc.slice(at + 1);
  const open = hostAndPort.indexOf('[');
  let hostname: string;
  if (open >= 0) {
    if (open > 0) return 'Invalid IPv6 URL';
    const bracketed = hostAndPort.slice(open + 1);
    const close = bracketed.indexOf(']');
    hostname = close < 0 ? bracketed : bracketed.slice(0, close);
    const port = close < 0 ? '' : bracketed.slice(close + 1);
    if (port !== '' && !port.startsWith(':')) return 'Invalid IPv6 URL';
  } else {
    const colon = hostAndPort.indexOf(':');
    hostname = colon < 0 ? hostAndPort : hostAndPort.slice(0, colon);
  }
  return checkBracketedHost(hostname);
}

/** `urllib.parse.urlsplit(url)` with allow_fragments, on offsets. */
export function urlSplit(url: string): SplitOutcome {
  const cleaned = cleanUrlText(url);
  const text = cleaned.text;
  let pos = 0;
  let scheme = '';
  const colon = schemeEnd(text);
  if (colon > 0) {
    scheme = text.slice(0, colon).toLowerCase();
    pos = colon + 1;
  }
  let netloc = part(text, pos, pos);
  if (text.startsWith('//', pos)) {
    const end = netlocEnd(text, pos + 2);
    netloc = part(text, pos + 2, end);
    pos = end;
    const hasOpen = netloc.text.includes('[');
    const hasClose = netloc.text.includes(']');
    if (hasOpen !== hasClose) return { ok: false, error: 'Invalid IPv6 URL' };
    if (hasOpen && hasClose) {
      const error = checkBracketedNetloc(netloc.text);
      if (error) return { ok: false, error };
    }
  }
  let end = text.length;
  let fragment = part(text, end, end);
  const hash = text.indexOf('#', pos);
  if (hash >= 0) {
    fragment = part(text, hash + 1, text.length);
    end = hash;
  }
  let query = part(text, end, end);
  const question = text.indexOf('?', pos);
  if (question >= 0 && question < end) {
    query = part(text, question + 1, end);
    end = question;
  }
  const path = part(text, pos, end);
  const normalizationError = checkNetlocNormalization(netloc.text);
  if (normalizationError) return { ok: false, error: normalizationError };
  return { ok: true, url: { scheme, netloc, path, query, fragment, cleaned } };
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** UTF-8 bytes of a string of ASCII characters and `%XX` escapes (`unquote_to_bytes` on an ASCII run). */
function asciiRunToBytes(run: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i++) {
    if (run[i] === '%' && HEX.test(run.slice(i + 1, i + 3))) {
      bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(run.charCodeAt(i));
    }
  }
  return bytes;
}

// ignoreBOM: Python keeps a decoded U+FEFF; TextDecoder would drop a leading one.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * `urllib.parse.unquote(s)`: `%XX` escapes decoded as UTF-8 (invalid
 * sequences become U+FFFD), invalid escapes kept as they are. Python decodes
 * each maximal run of ASCII characters on its own; so do we.
 */
export function pyUnquote(s: string): string {
  if (!s.includes('%')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s.charCodeAt(j) <= 0x7f) j++;
    if (j > i) {
      out += UTF8.decode(new Uint8Array(asciiRunToBytes(s.slice(i, j))));
      i = j;
    }
    while (j < s.length && s.charCodeAt(j) > 0x7f) j++;
    out += s.slice(i, j);
    i = j;
  }
  return out;
}

/**
 * `urllib.parse.parse_qs(qs)` with oslo.messaging's join: every name once, in
 * first-seen order, its values joined with ','. Blank values are dropped, as
 * are fields without '='; '+' means a space.
 */
export function pyParseQs(qs: string): Map<string, string> {
  const lists = new Map<string, string[]>();
  if (qs === '') return new Map();
  for (const field of qs.split('&')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const rawValue = field.slice(eq + 1);
    if (rawValue === '') continue;
    const name = pyUnquote(field.slice(0, eq).replace(/\+/g, ' '));
    const value = pyUnquote(rawValue.replace(/\+/g, ' '));
    const list = lists.get(name);
    if (list) list.push(value);
    else lists.set(name, [value]);
  }
  return new Map([...lists].map(([k, v]) => [k, v.join(',')]));
}

const UTF8_ENCODER = new TextEncoder();

/** Characters `quote` never escapes. */
const ALWAYS_SAFE = /^[A-Za-z0-9_.~-]$/;

/**
 * `urllib.parse.quote(s, safe=…)`: UTF-8 bytes, every byte outside the
 * always-safe set and `safe` written `%XX` (upper case).
 */
export function pyQuote(s: string, safe = ''): string {
  let out = '';
  for (const ch of s) {
    if (ALWAYS_SAFE.test(ch) || (ch.length === 1 && safe.includes(ch))) {
      out += ch;
      continue;
    }
    for (const byte of UTF8_ENCODER.encode(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Whether every `%` in `s` starts a valid `%XX` escape. */
export function hasOnlyValidEscapes(s: string): boolean {
  for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
    if (!HEX.test(s.slice(i + 1, i + 3))) return false;
  }
  return true;
}
