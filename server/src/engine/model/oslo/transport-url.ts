/**
 * `oslo_messaging.TransportURL.parse`, reproduced exactly (oslo.messaging
 * 14.0.3, the version our oracle runs; 18.1.0 splits the same way):
 *
 *   driver://[user:pass@]host:port[,[userN:passN@]hostN:portN]/virtual_host?query
 *
 * - `urlsplit` first: the netloc ends at the first `/`, `?` or `#`, so such a
 *   character left unencoded in a password cuts the URL short;
 * - the netloc splits at every `,` into hosts; each host's credentials are
 *   what precedes its LAST `@`, the user what precedes the FIRST `:` of
 *   those; user and password are percent-decoded, the host name is not;
 * - `[v6addr]:port`, otherwise `host:port` split at the first `:`; the port
 *   goes through Python's `int()` (an error there fails the parse);
 * - the virtual host is the percent-decoded path after its first `/`
 *   (`/` → '', `//` → '/'), absent when there is no path;
 * - the query becomes driver options (`?ssl=1`), repeated names joined by ','.
 *
 * Spans locate the user name, password and host of every host in the text
 * that was parsed.
 */
import type { Span } from '../../core/text.js';
import { pyInt } from '../../catalog/oslo-python.js';
import { pyParseQs, pyUnquote, urlSplit, type CleanedText, type UrlPart } from './python-url.js';

/** One broker host of a transport URL, as oslo.messaging's TransportHost holds it. */
export interface TransportHost {
  /** Null when the host part is empty (`user:pass@` or nothing): the driver's default applies. */
  readonly hostname: string | null;
  /** Python's `int()` of the port text; null when there is none (the driver's default, 5672). */
  readonly port: number | null;
  /** Percent-decoded; null without an `@`. */
  readonly username: string | null;
  /** Percent-decoded; null unless the credentials hold a `:`. */
  readonly password: string | null;
  /** Where the user name is written, in the parsed text (undefined without credentials). */
  readonly usernameSpan?: Span;
  readonly passwordSpan?: Span;
  /** The whole `[user[:pass]@]host[:port]` item. */
  readonly span: Span;
}

/** A parsed transport URL. */
export interface TransportUrl {
  /** The scheme, lower-cased: the driver name (`rabbit`, `kombu`, `amqp`, `kafka`, `qpid`, …). */
  readonly transport: string;
  /** Null when the URL has no path; '' for a bare `/` (RabbitMQ's default vhost `/`). */
  readonly virtualHost: string | null;
  /** Every non-empty host item, in order. Empty for `rabbit://` (the driver then uses guest@localhost). */
  readonly hosts: readonly TransportHost[];
  /** Driver options from the query, in first-seen order. */
  readonly query: ReadonlyMap<string, string>;
  /** Where the query text starts and ends (after the `?`), when there is one. */
  readonly querySpan?: Span;
}

/** Why oslo.messaging refuses a URL. `message` may quote parts of the URL: never show it when the URL holds a password. */
export interface TransportUrlError {
  readonly kind: 'no-scheme' | 'invalid-ipv6' | 'invalid-port' | 'invalid-netloc';
  readonly message: string;
}

export type TransportUrlParse =
  | { readonly ok: true; readonly url: TransportUrl }
  | { readonly ok: false; readonly error: TransportUrlError };

function fail(kind: TransportUrlError['kind'], message: string): TransportUrlParse {
  return { ok: false, error: { kind, message } };
}

/** Maps a range of the cleaned text back to the text that was given. */
function originalSpan(cleaned: CleanedText, start: number, end: number): Span {
  const from = start < cleaned.origin.length ? cleaned.origin[start] : (cleaned.origin[cleaned.origin.length - 1] ?? -1) + 1;
  const to = end > start ? cleaned.origin[end - 1] + 1 : from;
  return { start: from, end: to };
}

type HostOutcome = { readonly ok: true; readonly host: TransportHost } | { readonly ok: false; readonly error: TransportUrlParse };

/** One comma-separated item of the netloc. `start` is its offset in the cleaned text. */
function parseHost(item: UrlPart, cleaned: CleanedText): HostOutcome {
  const text = item.text;
  let hostText = text;
  let username: string | null = null;
  let password: string | null = null;
  let usernameSpan: Span | undefined;
  let passwordSpan: Span | undefined;
  const at = text.lastIndexOf('@');
  if (at >= 0) {
    const credentials = text.slice(0, at);
    hostText = text.slice(at + 1);
    const colon = credentials.indexOf(':');
    const userEnd = colon >= 0 ? colon : credentials.length;
    username = pyUnquote(credentials.slice(0, userEnd));
    usernameSpan = originalSpan(cleaned, item.start, item.start + userEnd);
    if (colon >= 0) {
      password = pyUnquote(credentials.slice(colon + 1));
      passwordSpan = originalSpan(cleaned, item.start + colon + 1, item.start + at);
    }
  }
  let hostname: string | null = hostText === '' ? null : hostText;
  let portText: string | null = null;
  if (hostname !== null && hostname.startsWith('[')) {
    const close = hostname.indexOf(']');
    if (close < 0) return { ok: false, error: fail('invalid-ipv6', 'Invalid IPv6 URL') };
    const rest = hostname.slice(close);
    hostname = hostname.slice(1, close);
    const colon = rest.indexOf(':');
    if (colon >= 0) portText = rest.slice(colon + 1);
  } else if (hostname !== null && hostname.includes(':')) {
    const colon = hostname.indexOf(':');
    portText = hostname.slice(colon + 1);
    hostname = hostname.slice(0, colon);
  }
  let port: number | null = null;
  if (portText !== null && portText !== '') {
    const parsed = pyInt(portText);
    if (!parsed.ok) return { ok: false, error: fail('invalid-port', parsed.message) };
    port = Number(parsed.value);
  }
  return {
    ok: true,
    host: {
      hostname,
      port,
      username,
      password,
      ...(usernameSpan ? { usernameSpan } : {}),
      ...(passwordSpan ? { passwordSpan } : {}),
      span: originalSpan(cleaned, item.start, item.start + text.length),
    },
  };
}

/** The comma-separated items of the netloc, empty ones skipped (as oslo does). */
function hostItems(netloc: UrlPart): UrlPart[] {
  const items: UrlPart[] = [];
  let start = 0;
  for (;;) {
    const comma = netloc.text.indexOf(',', start);
    const end = comma < 0 ? netloc.text.length : comma;
    if (end > start) items.push({ text: netloc.text.slice(start, end), start: netloc.start + start });
    if (comma < 0) return items;
    start = comma + 1;
  }
}

/** Parses a transport URL as oslo.messaging does when a service starts. */
export function parseTransportUrl(text: string): TransportUrlParse {
  const split = urlSplit(text);
  if (!split.ok) {
    const kind = split.error.startsWith('netloc') ? 'invalid-netloc' : 'invalid-ipv6';
    return fail(kind, split.error);
  }
  const { scheme, netloc, path, query, cleaned } = split.url;
  if (scheme === '') return fail('no-scheme', 'No scheme specified');
  const hosts: TransportHost[] = [];
  for (const item of hostItems(netloc)) {
    const outcome = parseHost(item, cleaned);
    if (!outcome.ok) return outcome.error;
    hosts.push(outcome.host);
  }
  const virtualHost = path.text.startsWith('/') ? pyUnquote(path.text.slice(1)) : null;
  return {
    ok: true,
    url: {
      transport: scheme,
      virtualHost,
      hosts,
      query: pyParseQs(query.text),
      ...(query.text !== '' ? { querySpan: originalSpan(cleaned, query.start, query.start + query.text.length) } : {}),
    },
  };
}
