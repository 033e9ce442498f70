/**
 * Reads the merged application environment into the normalized model,
 * applying RabbitMQ's defaults where a setting is absent.
 */
import type { AppEnvironment, ConfigNode, ListItem, ListenerValue, ProplistNode } from './tree.js';
import type {
  ListEntry,
  ListSetting,
  Listener,
  ListenerProtocol,
  ListenerSet,
  Maybe,
  Origin,
  RabbitModel,
  Setting,
  TlsEndpoint,
  TlsEndpointId,
  TlsListItem,
  TlsOption,
  TlsOptionValue,
} from './types.js';

const UNKNOWN = { known: false } as const;
function known<T>(value: T): Maybe<T> {
  return { known: true, value };
}

/** What RabbitMQ (rabbit app Makefile, plugin defaults) uses when a setting is absent. */
export const RABBIT_DEFAULTS = {
  tcpListeners: [5672],
  sslListeners: [] as number[],
  defaultUser: 'guest',
  defaultPass: 'guest',
  loopbackUsers: ['guest'],
  authMechanisms: ['PLAIN', 'AMQPLAIN', 'ANONYMOUS'],
  anonymousLoginUser: 'guest',
  pluginTcpPorts: { stomp: 61613, mqtt: 1883, stream: 5552, management: 15672, prometheus: 15692, 'web-stomp': 15674, 'web-mqtt': 15675 },
} as const;

/** Plain/TLS listener keys of the plugins that take `tcp_listeners` lists like the core. */
const LIST_LISTENER_APPS: readonly [ListenerProtocol, string][] = [
  ['amqp', 'rabbit'],
  ['stomp', 'rabbitmq_stomp'],
  ['mqtt', 'rabbitmq_mqtt'],
  ['stream', 'rabbitmq_stream'],
];

/** HTTP-based plugins with `tcp_config` / `ssl_config` blocks. */
const HTTP_APPS: readonly [ListenerProtocol, string, TlsEndpointId, string][] = [
  ['management', 'rabbitmq_management', 'management', 'management HTTPS'],
  ['prometheus', 'rabbitmq_prometheus', 'prometheus', 'Prometheus HTTPS'],
  ['web-stomp', 'rabbitmq_web_stomp', 'web-stomp', 'Web-STOMP HTTPS'],
  ['web-mqtt', 'rabbitmq_web_mqtt', 'web-mqtt', 'Web-MQTT HTTPS'],
];

class ModelReader {
  constructor(
    private readonly env: AppEnvironment,
    /** Where settings of an application that appears nowhere belong. */
    private readonly fallbackAnchor: Origin,
  ) {}

  get(app: string, key: string): ConfigNode | undefined {
    return this.env.get(app)?.entries.get(key);
  }

  /** A template may write settings of `app` that the model cannot see. */
  isOpen(app: string): boolean {
    return this.env.get(app)?.openEnded === true || this.env.get('*')?.openEnded === true;
  }

  anchorOf(app: string): Origin {
    return this.env.get(app)?.anchor ?? this.env.get('rabbit')?.anchor ?? this.fallbackAnchor;
  }

  listener(item: ListItem): Listener {
    if (!item.value.known) return { address: UNKNOWN, port: UNKNOWN, origin: item.origin, conditional: item.conditional };
    const v = item.value.value;
    if (typeof v === 'number') return { address: known(undefined), port: known(v), origin: item.origin, conditional: item.conditional };
    if (typeof v === 'string') return { address: UNKNOWN, port: UNKNOWN, origin: item.origin, conditional: item.conditional };
    const l = v as ListenerValue;
    return { address: l.address, port: l.port, portText: l.portText, origin: item.origin, conditional: item.conditional };
  }

  defaultListeners(ports: readonly number[]): Listener[] {
    return ports.map((p) => ({ address: known(undefined), port: known(p), conditional: false }));
  }

  listenerList(protocol: ListenerProtocol, tls: boolean, app: string, key: string, defaults: readonly number[]): ListenerSet {
    const node = this.get(app, key);
    const anchor = this.anchorOf(app);
    if (!node && this.isOpen(app)) return { protocol, tls, state: 'unknown', listeners: [], anchor };
    if (!node) return { protocol, tls, state: 'default', listeners: this.defaultListeners(defaults), anchor };
    if (node.kind !== 'list') return { protocol, tls, state: 'unknown', listeners: [], source: node.source, anchor };
    const listeners = node.items.map((i) => this.listener(i));
    return { protocol, tls, state: listeners.length === 0 && !node.partial ? 'disabled' : 'configured', listeners, source: node.source, anchor };
  }

  /** A `tcp_config`/`ssl_config`/`listener` block as one listener (port, ip). */
  blockListener(protocol: ListenerProtocol, tls: boolean, block: ConfigNode, defaultPort: number, anchor: Origin): ListenerSet {
    if (block.kind === 'list' && block.items.length === 0 && !block.partial) return { protocol, tls, state: 'disabled', listeners: [], source: block.source, anchor };
    if (block.kind !== 'proplist') return { protocol, tls, state: 'unknown', listeners: [], source: block.source, anchor };
    // `web_stomp.tcp.listener = none` turns the block's listener off.
    const off = block.entries.get('listener');
    if (off?.kind === 'scalar' && off.value.known && off.value.value === 'none') return { protocol, tls, state: 'disabled', listeners: [], source: block.source, anchor };
    const port = block.entries.get('port');
    const ip = block.entries.get('ip');
    const listener: Listener = {
      port: port?.kind === 'scalar' ? (port.value.known ? known(Number(port.value.value)) : UNKNOWN) : known(defaultPort),
      portText: port?.kind === 'scalar' && port.value.known ? port.written : undefined,
      address: ip?.kind === 'scalar' ? (ip.value.known ? known(String(ip.value.value)) : UNKNOWN) : known(undefined),
      origin: block.source.origin,
      conditional: block.source.conditional,
    };
    return { protocol, tls, state: 'configured', listeners: [listener], source: block.source, anchor };
  }

  httpListeners(protocol: ListenerProtocol, app: string): ListenerSet[] {
    const anchor = this.anchorOf(app);
    const defaultPort = RABBIT_DEFAULTS.pluginTcpPorts[protocol as keyof typeof RABBIT_DEFAULTS.pluginTcpPorts] ?? 0;
    const tcp = this.get(app, 'tcp_config');
    const ssl = this.get(app, 'ssl_config');
    const legacy = protocol === 'management' ? this.get(app, 'listener') : undefined;
    const out: ListenerSet[] = [];
    if (tcp) out.push(this.blockListener(protocol, false, tcp, defaultPort, anchor));
    if (ssl) out.push(this.blockListener(protocol, true, ssl, defaultPort - 1, anchor));
    if (legacy && legacy.kind === 'proplist') {
      const sslFlag = legacy.entries.get('ssl');
      const isTls = sslFlag?.kind === 'scalar' && sslFlag.value.known && sslFlag.value.value === true;
      out.push(this.blockListener(protocol, isTls, legacy, defaultPort, anchor));
    }
    if (out.length === 0 && this.isOpen(app)) out.push({ protocol, tls: false, state: 'unknown', listeners: [], anchor });
    if (out.length === 0) {
      // Nothing configured: the plugin (when enabled) serves plain HTTP on every interface.
      out.push({ protocol, tls: false, state: 'default', listeners: this.defaultListeners([defaultPort]), anchor });
    }
    return out;
  }

  tlsValue(node: ConfigNode): Maybe<TlsOptionValue> {
    if (node.kind === 'scalar') return node.value.known ? known(node.value.value) : UNKNOWN;
    if (node.kind === 'list') {
      if (node.partial) return UNKNOWN;
      return known(
        node.items.map(
          (i): TlsListItem => ({ value: i.value.known && typeof i.value.value === 'string' ? known(i.value.value) : i.value.known ? known(String(i.value.value)) : UNKNOWN, origin: i.origin }),
        ),
      );
    }
    return UNKNOWN;
  }

  tlsEndpoint(id: TlsEndpointId, label: string, http: boolean, block: ProplistNode | undefined, anchor: Origin, nested?: string, complete = true): TlsEndpoint {
    const options = new Map<string, TlsOption>();
    if (block) {
      const add = (entries: ReadonlyMap<string, ConfigNode>) => {
        for (const [key, node] of entries) {
          if (key === nested && node.kind === 'proplist') add(node.entries);
          else options.set(key, { key, value: this.tlsValue(node), source: node.source });
        }
      };
      add(block.entries);
    }
    // A block written in one piece (classic) is complete whatever else is unknown: later files replace it whole.
    const open = block ? block.openEnded === true : complete === false;
    return { id, label, http, options, complete: !open, ...(block ? { source: block.source } : {}), anchor: block?.anchor ?? anchor };
  }

  tlsEndpoints(): TlsEndpoint[] {
    const out: TlsEndpoint[] = [];
    const amqp = this.get('rabbit', 'ssl_options');
    // A block we cannot read (a template expression, `ssl_options = none`) hides its options.
    const amqpReadable = amqp === undefined || amqp.kind === 'proplist';
    out.push(this.tlsEndpoint('amqp', 'AMQP', false, amqp?.kind === 'proplist' ? amqp : undefined, this.anchorOf('rabbit'), undefined, amqpReadable && !this.isOpen('rabbit')));
    for (const [, app, id, label] of HTTP_APPS) {
      const ssl = this.get(app, 'ssl_config');
      if (ssl?.kind === 'proplist') out.push(this.tlsEndpoint(id, label, true, ssl, this.anchorOf(app), 'ssl_opts', !this.isOpen(app)));
    }
    const legacy = this.get('rabbitmq_management', 'listener');
    if (legacy?.kind === 'proplist') {
      const opts = legacy.entries.get('ssl_opts');
      if (opts?.kind === 'proplist') out.push(this.tlsEndpoint('management-legacy', 'management HTTPS (legacy listener)', true, opts, legacy.anchor, undefined, !this.isOpen('rabbitmq_management')));
    }
    const sslApp = this.env.get('ssl');
    if (sslApp) {
      const block: ProplistNode = { kind: 'proplist', entries: sslApp.entries, source: [...sslApp.entries.values()][0]?.source ?? { origin: sslApp.anchor, keyOrigin: sslApp.anchor, valueOrigin: sslApp.anchor, conditional: false }, anchor: sslApp.anchor };
      if (sslApp.entries.size > 0) out.push(this.tlsEndpoint('erlang-ssl-app', "Erlang's ssl application defaults", false, block, sslApp.anchor));
    }
    return out;
  }

  /** A scalar setting; `sub` reads it from inside a proplist value (`{default_user, [{login, …}]}`). */
  scalar<T extends string | boolean>(app: string, key: string, defaultValue: T, convert: (v: string | number | boolean) => T | undefined, sub?: string): Setting<T> {
    let node = this.get(app, key);
    if (sub && node?.kind === 'proplist') node = node.entries.get(sub) ?? node;
    if (!node && this.isOpen(app)) return { state: 'unknown' };
    if (!node) return { state: 'absent', defaultValue, anchor: this.anchorOf(app) };
    const base = node.source;
    if (node.kind !== 'scalar' || !node.value.known) return { state: 'set', value: UNKNOWN, ...base };
    const v = convert(node.value.value);
    return { state: 'set', value: v === undefined ? UNKNOWN : known(v), ...base };
  }

  list(app: string, key: string, defaultValue: readonly string[]): ListSetting {
    const node = this.get(app, key);
    if (!node && this.isOpen(app)) return { state: 'unknown' };
    if (!node) return { state: 'absent', defaultValue, anchor: this.anchorOf(app) };
    if (node.kind !== 'list' || node.partial) return { state: 'set', entries: UNKNOWN, ...node.source };
    const entries: ListEntry[] = node.items.map((i) => ({
      value: i.value.known ? known(String(i.value.value)) : UNKNOWN,
      origin: i.origin,
      conditional: i.conditional,
    }));
    return { state: 'set', entries: known(entries), ...node.source };
  }
}

const asString = (v: string | number | boolean) => String(v);
const asBoolean = (v: string | number | boolean) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);

/**
 * The model of one merged configuration. `files` are the paths read, in
 * RabbitMQ's order; `fallbackAnchor` is where settings go when no file holds
 * any (the first line of the main file).
 */
export function buildRabbitModel(env: AppEnvironment, files: readonly string[], fallbackAnchor: Origin): RabbitModel {
  const r = new ModelReader(env, fallbackAnchor);
  const listeners: ListenerSet[] = [];
  for (const [protocol, app] of LIST_LISTENER_APPS) {
    const plainDefault = protocol === 'amqp' ? RABBIT_DEFAULTS.tcpListeners : [RABBIT_DEFAULTS.pluginTcpPorts[protocol as 'stomp' | 'mqtt' | 'stream']];
    listeners.push(r.listenerList(protocol, false, app, 'tcp_listeners', plainDefault));
    listeners.push(r.listenerList(protocol, true, app, 'ssl_listeners', []));
  }
  for (const [protocol, app] of HTTP_APPS) listeners.push(...r.httpListeners(protocol, app));
  return {
    files,
    listeners,
    tls: r.tlsEndpoints(),
    defaultUser: r.scalar('rabbit', 'default_user', RABBIT_DEFAULTS.defaultUser, asString),
    defaultPass: r.scalar('rabbit', 'default_pass', RABBIT_DEFAULTS.defaultPass, asString),
    loopbackUsers: r.list('rabbit', 'loopback_users', RABBIT_DEFAULTS.loopbackUsers),
    authMechanisms: r.list('rabbit', 'auth_mechanisms', RABBIT_DEFAULTS.authMechanisms),
    anonymousLoginUser: r.scalar('rabbit', 'anonymous_login_user', RABBIT_DEFAULTS.anonymousLoginUser, asString),
    allowPoodle: r.scalar('rabbit', 'ssl_allow_poodle_attack', false, asBoolean),
    mqttAllowAnonymous: r.scalar('rabbitmq_mqtt', 'allow_anonymous', true, asBoolean),
    // STOMP and MQTT keep `{default_user, [{login, …}, {passcode, …}]}` / `default_user` as a binary.
    stompDefaultUser: r.scalar('rabbitmq_stomp', 'default_user', 'guest', asString, 'login'),
    mqttDefaultUser: r.scalar('rabbitmq_mqtt', 'default_user', 'guest', asString),
  };
}
