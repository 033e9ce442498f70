/**
 * The credentials of a transport URL as a person wrote them, read with the
 * tolerance oslo.messaging does not have: a password holding `#`, `/` or `?`
 * cuts oslo's netloc short, but a reader can still tell that the URL's
 * brokers start after the last `@`. Used to point at such passwords, to
 * encode them, and to mask every password before a URL is shown.
 */
import type { Span } from '../../core/text.js';
import { hasOnlyValidEscapes, pyQuote } from './python-url.js';

/** One `user[:password]@host` item of a URL's authority, by offsets into the URL text. */
export interface RawLogin {
  readonly item: Span;
  /** Undefined when the item has no `@`. */
  readonly user?: Span;
  readonly password?: Span;
  readonly host: Span;
}

/** The authority (`user:pass@h1,user:pass@h2`) of a URL, and its items. */
export interface RawAuthority {
  readonly span: Span;
  readonly logins: readonly RawLogin[];
}

const SCHEME = /^[\t ]*[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** The end of the host part after `from`: the first `/`, `?`, `#` or blank. */
function hostPartEnd(url: string, from: number): number {
  for (let i = from; i < url.length; i++) {
    const c = url[i];
    if (c === '/' || c === '?' || c === '#' || c === ' ' || c === '\t' || c === '\n') return i;
  }
  return url.length;
}

/**
 * Reads the authority of `url` up to the host part after its last `@`.
 * Undefined when the text does not start with `scheme://`.
 */
export function readAuthority(url: string): RawAuthority | undefined {
  const scheme = SCHEME.exec(url);
  if (!scheme) return undefined;
  const start = scheme[0].length;
  const lastAt = url.lastIndexOf('@');
  const end = lastAt >= start ? hostPartEnd(url, lastAt + 1) : hostPartEnd(url, start);
  const logins: RawLogin[] = [];
  let from = start;
  while (from <= end) {
    const comma = url.indexOf(',', from);
    const itemEnd = comma < 0 || comma > end ? end : comma;
    if (itemEnd > from) logins.push(readLogin(url, from, itemEnd));
    from = itemEnd + 1;
  }
  return { span: { start, end }, logins };
}

function readLogin(url: string, start: number, end: number): RawLogin {
  const item = { start, end };
  const at = url.lastIndexOf('@', end - 1);
  if (at < start) return { item, host: item };
  const colon = url.indexOf(':', start);
  const userEnd = colon >= 0 && colon < at ? colon : at;
  return {
    item,
    user: { start, end: userEnd },
    ...(userEnd < at ? { password: { start: userEnd + 1, end: at } } : {}),
    host: { start: at + 1, end },
  };
}

/** Characters that break a URL when left unencoded in a user name or password. */
export type BreakingCharacter = '#' | '/' | '?' | '%';

/** The first character of `text` that oslo.messaging cannot read in credentials, if any. */
export function breakingCharacter(text: string): BreakingCharacter | undefined {
  for (const c of text) {
    if (c === '#' || c === '/' || c === '?') return c;
  }
  return hasOnlyValidEscapes(text) ? undefined : '%';
}

/**
 * The credential text percent-encoded so that oslo reads back what was meant.
 * Escapes already written (`%40`) are kept when every `%` starts one;
 * otherwise a `%` is taken literally and encoded too. `$` is left alone: it
 * belongs to oslo.config's interpolation (write `$$`), not to the URL.
 */
export function encodeCredential(text: string): string {
  return pyQuote(text, hasOnlyValidEscapes(text) ? '%$' : '$');
}

/** `url` with every password replaced by `***` (and query values of `*password*` options), for messages and logs. */
export function maskTransportUrl(url: string): string {
  const authority = readAuthority(url);
  const cuts: { span: Span; text: string }[] = [];
  for (const login of authority?.logins ?? []) {
    if (login.password) cuts.push({ span: login.password, text: '***' });
  }
  const queryStart = url.indexOf('?', authority?.span.end ?? 0);
  if (queryStart >= 0) {
    for (const value of passwordQueryValues(url, queryStart + 1)) cuts.push({ span: value, text: '***' });
  }
  let out = '';
  let from = 0;
  for (const cut of cuts.sort((a, b) => a.span.start - b.span.start)) {
    out += url.slice(from, cut.span.start) + cut.text;
    from = cut.span.end;
  }
  return out + url.slice(from);
}

const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const HASH = 0x23;

/**
 * The values of `key=value` pairs from `from` on whose key holds `password`
 * (any case). A key runs from the last `&`, `=` or `#` to the next `=`; a
 * value runs on to the next `&` or `#` and may hold `=`. One pass, so a long
 * query without separators costs no more than its length.
 */
function passwordQueryValues(url: string, from: number): Span[] {
  const values: Span[] = [];
  let keyStart = from;
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === AMPERSAND || c === HASH) {
      keyStart = i + 1;
    } else if (c === EQUALS) {
      if (holdsPassword(url, keyStart, i)) {
        const end = queryValueEnd(url, i + 1);
        values.push({ start: i + 1, end });
        i = end; // the separator that ended the value, or the end of the text
      }
      keyStart = i + 1;
    }
  }
  return values;
}

function queryValueEnd(url: string, from: number): number {
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === AMPERSAND || c === HASH) return i;
  }
  return url.length;
}

const PASSWORD = 'password';

/** Whether `url[start, end)` contains `password`, ASCII letters in any case. */
function holdsPassword(url: string, start: number, end: number): boolean {
  // Comparing at most eight characters at each offset keeps this linear.
  for (let at = start; at + PASSWORD.length <= end; at++) {
    let k = 0;
    while (k < PASSWORD.length && asciiLower(url.charCodeAt(at + k)) === PASSWORD.charCodeAt(k)) k++;
    if (k === PASSWORD.length) return true;
  }
  return false;
}

function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
