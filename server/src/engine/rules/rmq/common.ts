/** Shared reading of the RabbitMQ model for the RMQ rules. */
import { abbreviate } from '../../core/abbreviate.js';
import type { Span } from '../../core/text.js';
import { lineEndAt } from '../../edits/conf-edits.js';
import type { Listener, ListenerSet, Maybe, Origin, RabbitModel, TlsEndpoint, TlsOption } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';

export const RABBIT_LANGUAGES = ['rabbitmq-config', 'rabbitmq-conf'] as const;

/**
 * Where a finding about a missing setting is shown: the first line of a
 * rabbitmq.conf, or the opening `{rabbit, [` of the classic term that should
 * hold it. Undefined when that place is in another file.
 */
export function missingSpan(ctx: RuleContext, anchor: Origin): Span | undefined {
  const span = ctx.here(anchor);
  if (!span) return undefined;
  const text = ctx.doc.source.text;
  if (ctx.doc.language === 'rabbitmq-conf' || span.start === span.end) {
    const start = ctx.doc.language === 'rabbitmq-conf' ? 0 : span.start;
    return { start, end: Math.max(start, lineEndAt(text, start)) };
  }
  // The anchor is the `[...]` of `{App, [...]}`: show `{App, [`.
  const open = text.lastIndexOf('{', span.start);
  return { start: open >= 0 ? open : span.start, end: span.start + 1 };
}

export function knownValue<T>(m: Maybe<T>): T | undefined {
  return m.known ? m.value : undefined;
}

/** A listener bound to every interface: a bare port, `0.0.0.0`, `::`, or an empty host. */
export function onAllInterfaces(l: Listener): boolean {
  if (!l.address.known) return false;
  const a = l.address.value;
  return a === undefined || a === '' || a === '0.0.0.0' || a === '::' || a === '[::]' || a === '0:0:0:0:0:0:0:0';
}

export function describeListener(l: Listener): string {
  const address = l.address.known ? (l.address.value === undefined ? 'every interface' : abbreviate(l.address.value)) : '<templated address>';
  // The digits as written: a port too long for a JS number would print as `Infinity`.
  const port = l.port.known ? abbreviate(l.portText ?? String(l.port.value)) : '<templated port>';
  if (address === 'every interface') return `port ${port} on every interface`;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export function listenerSet(m: RabbitModel, protocol: ListenerSet['protocol'], tls: boolean): ListenerSet[] {
  return m.listeners.filter((l) => l.protocol === protocol && l.tls === tls);
}

/** True when a listener set certainly has a listener in every rendering (no template guesswork). */
export function certainlyListening(s: ListenerSet): boolean {
  if (s.state === 'default') return s.listeners.length > 0;
  if (s.state !== 'configured' || s.source?.conditional) return false;
  return s.listeners.some((l) => !l.conditional);
}

/** True when a listener set certainly has no listener. */
export function certainlyNotListening(s: ListenerSet): boolean {
  if (s.state === 'disabled') return !s.source?.conditional;
  return s.state === 'default' && s.listeners.length === 0;
}

/** The TLS listeners that use the core `ssl_options` (AMQP, and the STOMP/MQTT/stream TLS listeners). */
export function coreTlsListenerSets(m: RabbitModel): ListenerSet[] {
  return m.listeners.filter((l) => l.tls && ['amqp', 'stomp', 'mqtt', 'stream'].includes(l.protocol));
}

/** TLS endpoints that matter: the core block when a TLS listener uses it or it is written, plugin blocks when written. */
export function activeTlsEndpoints(m: RabbitModel): TlsEndpoint[] {
  return m.tls.filter((e) => {
    if (e.id === 'erlang-ssl-app') return false;
    if (e.id === 'amqp') return e.source !== undefined || coreTlsListenerSets(m).some(certainlyListening);
    return e.source !== undefined;
  });
}

/** The option's value as a string, when it is one and known. */
export function optionText(o: TlsOption | undefined): string | undefined {
  if (!o || !o.value.known) return undefined;
  const v = o.value.value;
  return typeof v === 'string' ? v : typeof v === 'boolean' || typeof v === 'number' ? String(v) : undefined;
}

/** Where to report something about an endpoint's option: the option's value, else the block, else where it belongs. */
export function optionSpan(ctx: RuleContext, e: TlsEndpoint, key: string): Span | undefined {
  const o = e.options.get(key);
  if (o) return ctx.here(o.source.valueOrigin);
  if (e.source) return ctx.here(e.source.keyOrigin);
  return missingSpan(ctx, e.anchor);
}

/**
 * Severity for RMQ105/RMQ106 on HTTP endpoints (browsers and scrapers
 * authenticate by other means). Their fixes are offered there, never applied
 * by fix-all: requiring client certificates locks browsers out.
 */
export function httpDowngrade(e: TlsEndpoint): { severity?: 'information' } {
  return e.http ? { severity: 'information' } : {};
}

/** How messages (which start with it) name an endpoint's TLS: "AMQP TLS", "management HTTPS", "The Erlang ssl application's default". */
export function tlsName(e: TlsEndpoint): string {
  if (e.id === 'erlang-ssl-app') return "The Erlang ssl application's default";
  return e.http ? e.label : `${e.label} TLS`;
}
