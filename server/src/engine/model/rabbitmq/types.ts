/**
 * The normalized RabbitMQ model: one shape for what a broker configuration
 * means, whichever file format (classic Erlang terms or rabbitmq.conf) and
 * whichever of the merged files (rabbitmq.conf, conf.d/*.conf,
 * advanced.config) each setting came from. Rules read this model only, so a
 * rule about TLS listeners is written once for both formats.
 *
 * Every value says where it came from (`Origin`). A setting that is absent is
 * represented explicitly (`state: 'absent'`), with the default RabbitMQ then
 * applies and the place where the setting would belong (`anchor`).
 */
import type { Span } from '../../core/text.js';

/** Where something is written: which file, which span. */
export interface Origin {
  /** The file's path as the host named it. */
  readonly path: string;
  readonly span: Span;
}

/**
 * A value that a template computes is unknown: no rule may draw a conclusion
 * from it that only a particular rendering would justify.
 */
export type Maybe<T> = { readonly known: true; readonly value: T } | { readonly known: false };

/** How a setting reached the model. */
export interface SettingSource {
  /** The whole setting (`{verify, verify_none}`, `ssl_options.verify = verify_none`). */
  readonly origin: Origin;
  /** The key alone. */
  readonly keyOrigin: Origin;
  /** The value alone. */
  readonly valueOrigin: Origin;
  /** Inside a template's `if`/`for` body: possibly set. */
  readonly conditional: boolean;
}

/**
 * A scalar setting: absent (the default applies), set, or unknown (absent
 * from the text, but a template may write it: its keys come from an expression).
 */
export type Setting<T> =
  | { readonly state: 'absent'; readonly defaultValue: T; readonly anchor: Origin }
  | { readonly state: 'unknown' }
  | ({ readonly state: 'set'; readonly value: Maybe<T> } & SettingSource);

/** One listener: an address (undefined = every interface) and a port. */
export interface Listener {
  /** `undefined` when bound to every interface (a bare port, `0.0.0.0`, `::`). */
  readonly address: Maybe<string | undefined>;
  readonly port: Maybe<number>;
  /**
   * The port as the file writes it (`5672`, `16#1628`), for messages:
   * `port` is a JS number, which a port of hundreds of digits turns into `Infinity`.
   */
  readonly portText?: string;
  /** Absent for the default listener RabbitMQ opens by itself. */
  readonly origin?: Origin;
  readonly conditional: boolean;
}

/** The protocols whose listeners the model knows. */
export type ListenerProtocol = 'amqp' | 'stomp' | 'mqtt' | 'stream' | 'management' | 'prometheus' | 'web-stomp' | 'web-mqtt';

/**
 * The plain or TLS listeners of one protocol.
 * - `default`: nothing configured, RabbitMQ's default applies (`listeners` holds it, without origin);
 * - `disabled`: explicitly none (`{tcp_listeners, []}`, `listeners.tcp = none`);
 * - `configured`: the listed listeners.
 */
export interface ListenerSet {
  readonly protocol: ListenerProtocol;
  readonly tls: boolean;
  readonly state: 'default' | 'disabled' | 'configured' | 'unknown';
  readonly listeners: readonly Listener[];
  /** The setting that decided the state (absent for `default`). */
  readonly source?: SettingSource;
  /** Where the setting belongs when it is absent. */
  readonly anchor: Origin;
}

/** A TLS option as written: the key and its value (an atom, string, number, boolean or list). */
export interface TlsOption {
  readonly key: string;
  readonly value: Maybe<TlsOptionValue>;
  readonly source: SettingSource;
}

export type TlsOptionValue = string | number | boolean | readonly TlsListItem[];

/** An element of a list-valued option (`versions`, `ciphers`), with its own origin. */
export interface TlsListItem {
  readonly value: Maybe<string>;
  readonly origin: Origin;
}

/** Which TLS endpoint an options block configures. */
export type TlsEndpointId =
  | 'amqp'
  | 'management'
  | 'management-legacy'
  | 'prometheus'
  | 'web-stomp'
  | 'web-mqtt'
  | 'erlang-ssl-app';

/** A block of TLS options for one endpoint. */
export interface TlsEndpoint {
  readonly id: TlsEndpointId;
  /** A human name for messages ("AMQP", "management HTTPS"). */
  readonly label: string;
  /** HTTP endpoints (management, Prometheus, web plugins) authenticate clients by other means. */
  readonly http: boolean;
  /** Options by key; a key set more than once keeps the one that wins. */
  readonly options: ReadonlyMap<string, TlsOption>;
  /**
   * False when options may be set that the model cannot see: the block is a
   * template expression, or holds elements a template writes. Rules about a
   * *missing* option say nothing then.
   */
  readonly complete: boolean;
  /** The block itself (`{ssl_options, [...]}`), or the first `ssl_options.*` line. */
  readonly source?: SettingSource;
  /** Where a missing option belongs. */
  readonly anchor: Origin;
}

/** An entry of a list setting such as `auth_mechanisms` or `loopback_users`. */
export interface ListEntry {
  readonly value: Maybe<string>;
  readonly origin: Origin;
  readonly conditional: boolean;
}

/** A list setting: absent (the default list applies) or set to the given entries. */
export type ListSetting =
  | { readonly state: 'absent'; readonly defaultValue: readonly string[]; readonly anchor: Origin }
  | { readonly state: 'unknown' }
  | ({ readonly state: 'set'; readonly entries: Maybe<readonly ListEntry[]> } & SettingSource);

/** What a merged RabbitMQ configuration means for security. */
export interface RabbitModel {
  /** The files the model was built from, in the order RabbitMQ reads them. */
  readonly files: readonly string[];
  readonly listeners: readonly ListenerSet[];
  readonly tls: readonly TlsEndpoint[];
  readonly defaultUser: Setting<string>;
  readonly defaultPass: Setting<string>;
  readonly loopbackUsers: ListSetting;
  readonly authMechanisms: ListSetting;
  readonly anonymousLoginUser: Setting<string>;
  /** `ssl_allow_poodle_attack` */
  readonly allowPoodle: Setting<boolean>;
  readonly mqttAllowAnonymous: Setting<boolean>;
  readonly stompDefaultUser: Setting<string>;
  readonly mqttDefaultUser: Setting<string>;
}
