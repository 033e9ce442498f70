/**
 * The transports a service file sets up: where its RPC and notification
 * messages go (driver, brokers, logins, URL driver options), read from
 * `transport_url`, from the pre-Stein `rabbit_*` options, or from the
 * default `rabbit://` (guest:guest@localhost:5672).
 */
import type { Span } from '../../core/text.js';
import type { IniEntry } from '../../formats/ini/index.js';
import { interpolate } from './interpolation.js';
import { canonicalOption, type OsloSettings, type PlacedEntry } from './options.js';
import { parseTransportUrl, type TransportUrl, type TransportUrlParse } from './transport-url.js';
import { valueOffset, valueSpanOf } from './value-offsets.js';

/** What a transport carries. The notification transport defaults to the RPC one. */
export type TransportRole = 'rpc' | 'notifications';

/**
 * - `url`: a `transport_url` assignment;
 * - `legacy`: no URL, but `rpc_backend` / `rabbit_host`… (removed in 9.0.0):
 *   what the file meant, as releases before Stein read it;
 * - `default`: nothing set: `rabbit://`, guest:guest@localhost:5672;
 * - `elsewhere`: nothing set, and the file has no `[DEFAULT]` section at all:
 *   a fragment (a template partial, a `nova.conf.d/` snippet) whose
 *   transport is set in another file. Nothing is known about it.
 */
export type TransportOrigin = 'url' | 'legacy' | 'default' | 'elsewhere';

/** The user a client logs in as on one broker. */
export type LoginUser =
  /** Written in the file (possibly ''). */
  | { readonly state: 'given'; readonly value: string }
  /** Not written: RabbitMQ clients then log in as guest. */
  | { readonly state: 'default' }
  /** A template or an interpolation decides it. */
  | { readonly state: 'unknown' };

/** One broker of a transport and how the client logs in there. */
export interface BrokerLogin {
  /** As written; null for the driver's default host (localhost). */
  readonly host: string | null;
  readonly port: number | null;
  readonly user: LoginUser;
  /** Where the user name is written in the document. */
  readonly userSpan?: Span;
  /** Whether a password is given (a default guest login counts: its password is `guest`). */
  readonly hasPassword: boolean;
  readonly passwordSpan?: Span;
}

/** One transport (RPC, or notifications when it has its own URL). */
export interface OsloTransport {
  readonly role: TransportRole;
  readonly origin: TransportOrigin;
  /** The `transport_url` assignment, for origin `url`. */
  readonly urlEntry?: PlacedEntry;
  /** Whether the URL text depends on a template, a condition or a `$` reference. */
  readonly urlTemplated: boolean;
  /** The parse of the URL as the service sees it (of the masked text for templates). */
  readonly parse?: TransportUrlParse;
  /** `rabbit` (also for `kombu://`), `amqp`, `kafka`, `qpid`, …; undefined when unknown or broken. */
  readonly driver?: string;
  /** Brokers and logins; undefined when a template decides them or the URL is broken. */
  readonly logins?: readonly BrokerLogin[];
  /** Driver options from the URL query. */
  readonly query: ReadonlyMap<string, string>;
  /** False when a template may add query options the text does not show. */
  readonly queryComplete: boolean;
  /** Legacy origin: the removed options the transport is read from (and `rpc_backend`). */
  readonly legacyEntries: readonly PlacedEntry[];
}

/** The removed connection options of the rabbit driver, as `[oslo_messaging_rabbit]` names. */
export const LEGACY_RABBIT_OPTIONS = [
  'rabbit_host',
  'rabbit_port',
  'rabbit_hosts',
  'rabbit_userid',
  'rabbit_password',
  'rabbit_virtual_host',
] as const;

export type LegacyRabbitOption = (typeof LEGACY_RABBIT_OPTIONS)[number];

const RABBIT_GROUP = 'oslo_messaging_rabbit';
const NO_QUERY: ReadonlyMap<string, string> = new Map();

/** `kombu` is an alias of the rabbit driver. */
export function driverOfScheme(scheme: string): string {
  return scheme === 'kombu' ? 'rabbit' : scheme;
}

/** The driver an old `rpc_backend` value names (`rabbit`, `qpid`, `nova.openstack.common.rpc.impl_kombu`, …). */
export function driverOfRpcBackend(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.includes('kombu') || v.includes('rabbit')) return 'rabbit';
  if (v.includes('qpid')) return 'qpid';
  if (v.includes('zmq') || v.includes('zeromq')) return 'zmq';
  if (v.includes('kafka')) return 'kafka';
  if (v.includes('amqp')) return 'amqp';
  return v;
}

/** The assignment a pre-Stein release reads for a removed option (own name first, then old names). */
export function legacyWinner(settings: OsloSettings, name: string, group = RABBIT_GROUP): PlacedEntry | undefined {
  const option = canonicalOption(group, name);
  const names = [{ group, name }, ...(option?.aliases ?? [])];
  for (const n of names) {
    const found = settings.assignments(n.group, n.name);
    if (found.length > 0) return found[found.length - 1];
  }
  return undefined;
}

/** The text of an entry when it is known (no template, condition or reference). */
function knownText(settings: OsloSettings, entry: IniEntry): string | undefined {
  if (settings.unknownBecause(entry.span)) return undefined;
  const text = interpolate(entry.value);
  return text.resolved ? text.text : undefined;
}

/** A URL parse and where its parts sit in the document. */
function loginsOfUrl(settings: OsloSettings, entry: IniEntry, url: TransportUrl, withSpans = true): BrokerLogin[] {
  if (url.hosts.length === 0) {
    return [{ host: null, port: null, user: { state: 'default' }, hasPassword: true }];
  }
  return url.hosts.map((h) => {
    const userSpan = h.usernameSpan && withSpans ? valueSpanOf(entry, h.usernameSpan) : undefined;
    const passwordSpan = h.passwordSpan && withSpans ? valueSpanOf(entry, h.passwordSpan) : undefined;
    let user: LoginUser;
    if (userSpan && settings.facts.touchesTemplate(userSpan)) user = { state: 'unknown' };
    else if (h.username === null || h.username === '') user = { state: 'default' };
    else user = { state: 'given', value: h.username };
    return {
      host: h.hostname,
      port: h.port,
      user,
      ...(userSpan ? { userSpan } : {}),
      hasPassword: h.password !== null || user.state === 'default',
      ...(passwordSpan ? { passwordSpan } : {}),
    };
  });
}

/** End of the scheme (`rabbit://` → 6), or -1. */
function schemeLength(value: string): number {
  const m = /^[ \t]*([A-Za-z][A-Za-z0-9+.-]*):/.exec(value);
  return m ? m[0].length - 1 : -1;
}

/**
 * Whether a template might add query options: true when an expression lies
 * after the URL's last literal `/` (or after the scheme when there is none).
 */
function queryMayGrow(settings: OsloSettings, entry: IniEntry, from: number): boolean {
  const value = entry.value;
  let slash = -1;
  for (let i = from; i < value.length; i++) {
    if (value[i] !== '/' && value[i] !== '?') continue;
    const at = valueOffset(entry, i);
    if (!settings.facts.isTemplate(at)) slash = i;
  }
  const start = slash >= 0 ? slash : from;
  return settings.facts.touchesTemplate(valueSpanOf(entry, { start, end: value.length }));
}

/** A transport read from a `transport_url` assignment. */
function urlTransport(settings: OsloSettings, role: TransportRole, placed: PlacedEntry): OsloTransport {
  const { entry } = placed;
  const base = { role, origin: 'url' as const, urlEntry: placed, legacyEntries: [] as PlacedEntry[] };
  const conditional = settings.facts.isConditional(entry.span);
  const templated = settings.facts.touchesTemplate(entry.span);
  const text = interpolate(entry.value);
  if (!text.resolved) {
    return { ...base, urlTemplated: true, query: NO_QUERY, queryComplete: false };
  }
  if (!templated && !conditional) {
    const parse = parseTransportUrl(text.text);
    if (!parse.ok) return { ...base, urlTemplated: false, parse, query: NO_QUERY, queryComplete: true };
    // `$$` read as `$` shifts offsets: the parts are then not located, only known.
    const located = text.text === entry.value;
    return {
      ...base,
      urlTemplated: false,
      parse,
      driver: driverOfScheme(parse.url.transport),
      logins: loginsOfUrl(settings, entry, parse.url, located),
      query: parse.url.query,
      queryComplete: true,
    };
  }
  // A template: what the text shows for sure.
  const schemeEnd = schemeLength(entry.value);
  const schemeKnown = schemeEnd > 0 && !settings.facts.touchesTemplate(valueSpanOf(entry, { start: 0, end: schemeEnd }));
  const parse = parseTransportUrl(entry.value);
  const driver = schemeKnown && !conditional ? driverOfScheme(entry.value.slice(0, schemeEnd).trim().toLowerCase()) : undefined;
  const logins = parse.ok && schemeKnown && !conditional ? onlyCertainLogins(loginsOfUrl(settings, entry, parse.url)) : undefined;
  const complete = !conditional && !queryMayGrow(settings, entry, Math.max(0, schemeEnd + 3));
  return {
    ...base,
    urlTemplated: true,
    parse,
    ...(driver ? { driver } : {}),
    ...(logins ? { logins } : {}),
    query: parse.ok ? parse.url.query : NO_QUERY,
    queryComplete: complete && parse.ok,
  };
}

/** In a template, a login whose host list a loop builds is still certain for its user. */
function onlyCertainLogins(logins: readonly BrokerLogin[]): BrokerLogin[] {
  return logins.filter((l) => l.user.state !== 'default');
}

/** Hosts of an old `rabbit_hosts` list (`h1:5672,h2`), or of `rabbit_host` + `rabbit_port`. */
function legacyHosts(hostsText: string | undefined, host: string | undefined, port: number | null): { host: string | null; port: number | null }[] {
  if (hostsText !== undefined) {
    return hostsText
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '')
      .map((h) => splitHostPort(h, port));
  }
  return [{ host: host ?? 'localhost', port }];
}

/** `host:port`, `[v6]:port` or a bare host (with the default port). */
export function splitHostPort(text: string, defaultPort: number | null): { host: string; port: number | null } {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : defaultPort };
  const colon = text.lastIndexOf(':');
  if (colon > 0 && text.indexOf(':') === colon && /^\d+$/.test(text.slice(colon + 1))) {
    return { host: text.slice(0, colon), port: Number(text.slice(colon + 1)) };
  }
  return { host: text, port: defaultPort };
}

/** The legacy transport: `rpc_backend` and the removed rabbit options, as old releases read them. */
function legacyTransport(settings: OsloSettings, rpcBackend: PlacedEntry | undefined): OsloTransport | undefined {
  const placed = new Map<LegacyRabbitOption, PlacedEntry>();
  for (const name of LEGACY_RABBIT_OPTIONS) {
    const found = legacyWinner(settings, name);
    if (found) placed.set(name, found);
  }
  if (placed.size === 0 && !rpcBackend) return undefined;
  const text = (name: LegacyRabbitOption) => {
    const p = placed.get(name);
    return p ? knownText(settings, p.entry) : undefined;
  };
  const unknown = (name: LegacyRabbitOption) => placed.has(name) && text(name) === undefined;
  const backendText = rpcBackend ? knownText(settings, rpcBackend.entry) : 'rabbit';
  const driver = backendText === undefined ? undefined : driverOfRpcBackend(backendText);
  const legacyEntries = [...(rpcBackend ? [rpcBackend] : []), ...placed.values()];
  const base = { role: 'rpc' as const, origin: 'legacy' as const, urlTemplated: false, query: NO_QUERY, queryComplete: true, legacyEntries };
  if (driver !== 'rabbit') return { ...base, ...(driver ? { driver } : {}) };
  if (unknown('rabbit_hosts') || unknown('rabbit_host') || unknown('rabbit_port')) return { ...base, driver };
  const portText = text('rabbit_port');
  const port = portText !== undefined && /^\s*\d+\s*$/.test(portText) ? Number(portText) : 5672;
  const userEntry = placed.get('rabbit_userid');
  const userText = text('rabbit_userid');
  const user: LoginUser = !userEntry ? { state: 'default' } : userText === undefined ? { state: 'unknown' } : { state: 'given', value: userText };
  const passwordEntry = placed.get('rabbit_password');
  const logins = legacyHosts(text('rabbit_hosts'), text('rabbit_host'), port).map((h) => ({
    host: h.host,
    port: h.port,
    user,
    ...(userEntry ? { userSpan: userEntry.entry.valueSpan } : {}),
    hasPassword: true,
    ...(passwordEntry ? { passwordSpan: passwordEntry.entry.valueSpan } : {}),
  }));
  return { ...base, driver, logins };
}

const DEFAULT_TRANSPORT: Omit<OsloTransport, 'role'> = {
  origin: 'default',
  urlTemplated: false,
  driver: 'rabbit',
  logins: [{ host: null, port: null, user: { state: 'default' }, hasPassword: true }],
  query: NO_QUERY,
  queryComplete: true,
  legacyEntries: [],
};

/** The RPC transport of the file. */
export function rpcTransport(settings: OsloSettings): OsloTransport {
  const url = settings.winner({ group: 'DEFAULT', name: 'transport_url' });
  if (url) return urlTransport(settings, 'rpc', url);
  const backend = settings.assignments('DEFAULT', 'rpc_backend');
  const legacy = legacyTransport(settings, backend[backend.length - 1]);
  if (legacy) return legacy;
  if (settings.sections('DEFAULT').length === 0) {
    return { role: 'rpc', origin: 'elsewhere', urlTemplated: false, query: NO_QUERY, queryComplete: false, legacyEntries: [] };
  }
  return { role: 'rpc', ...DEFAULT_TRANSPORT };
}

/** The notification transport, when the file gives it its own URL. */
export function notificationTransport(settings: OsloSettings): OsloTransport | undefined {
  const url = settings.winner({ group: 'oslo_messaging_notifications', name: 'transport_url' });
  if (!url) return undefined;
  // An empty value means "the RPC transport" (oslo falls back to it).
  if (url.entry.value.trim() === '' && !settings.facts.touchesTemplate(url.entry.span)) return undefined;
  return urlTransport(settings, 'notifications', url);
}
