/**
 * The merged application environment of a RabbitMQ node, in the classic
 * shape (`{App, [{Key, Value}]}`) whichever format each piece came from.
 *
 * Both front-ends (classic terms and rabbitmq.conf) produce these nodes;
 * merging follows RabbitMQ: rabbitmq.conf and the conf.d files in order (a
 * later key replaces an earlier one), then advanced.config replaces whole
 * application keys (cuttlefish's overlay works key by key inside each
 * application, so an `{ssl_options, [...]}` there replaces every
 * `ssl_options.*` line of rabbitmq.conf).
 */
import type { Maybe, Origin, SettingSource } from './types.js';

/** A scalar as RabbitMQ reads it: atoms and strings both as text, with their kind. */
export interface ScalarNode {
  readonly kind: 'scalar';
  readonly type: 'atom' | 'string' | 'integer' | 'boolean';
  readonly value: Maybe<string | number | boolean>;
  /** Integers: the number as written (`value` is a JS number, `Infinity` for a very long one). */
  readonly written?: string;
  readonly source: SettingSource;
}

/** A listener as written: `5672`, `{"10.0.0.1", 5672}`, `10.0.0.1:5672`. */
export interface ListenerValue {
  /** `undefined`: every interface. */
  readonly address: Maybe<string | undefined>;
  readonly port: Maybe<number>;
  /** The port as written (see `Listener.portText`). */
  readonly portText?: string;
}

/** One element of a list value. */
export interface ListItem {
  readonly value: Maybe<string | number | ListenerValue>;
  readonly origin: Origin;
  readonly conditional: boolean;
  /** rabbitmq.conf list keys sort by their last segment (`auth_mechanisms.1`, `.2`). */
  readonly sortKey?: string;
}

export interface ListNode {
  readonly kind: 'list';
  readonly items: readonly ListItem[];
  /** The elements could not all be read (a template expression stands for some). */
  readonly partial: boolean;
  readonly source: SettingSource;
}

/** A nested proplist (`ssl_options`, `ssl_config`, `tcp_config`, `listener`). */
export interface ProplistNode {
  readonly kind: 'proplist';
  readonly entries: ReadonlyMap<string, ConfigNode>;
  /** Some elements are written by a template expression: other keys may be set too. */
  readonly openEnded?: boolean;
  readonly source: SettingSource;
  /** Where a missing entry belongs (inside the list, or after the last `prefix.*` line). */
  readonly anchor: Origin;
}

/** A value the model cannot read (a template expression, a term of an unexpected shape). */
export interface OpaqueNode {
  readonly kind: 'opaque';
  readonly source: SettingSource;
}

export type ConfigNode = ScalarNode | ListNode | ProplistNode | OpaqueNode;

/** One application's settings, and where a new setting for it would go. */
export interface AppConfig {
  readonly entries: Map<string, ConfigNode>;
  /** A template expression writes settings of this application whose keys we cannot see. */
  openEnded?: boolean;
  /** The `{App, [...]}` list, or the file's end for rabbitmq.conf. */
  readonly anchor: Origin;
}

/** Applications by name. */
export type AppEnvironment = Map<string, AppConfig>;

export function sourceOf(node: ConfigNode): SettingSource {
  return node.source;
}

/**
 * An application whose entries are built when first read. Rules ask for a
 * few applications (rabbit, ssl, the plugins); a large config holds many
 * more, and building their settings on every keystroke was most of the
 * model's time.
 */
export class LazyAppConfig implements AppConfig {
  private built: Map<string, ConfigNode> | undefined;

  constructor(
    private readonly build: () => Map<string, ConfigNode>,
    readonly anchor: Origin,
    public openEnded?: boolean,
  ) {}

  get entries(): Map<string, ConfigNode> {
    this.built ??= this.build();
    return this.built;
  }
}

/** Overlays `later` on `earlier` key by key inside each application (cuttlefish's rule). */
export function overlay(earlier: AppEnvironment, later: AppEnvironment): AppEnvironment {
  const merged: AppEnvironment = new Map();
  for (const [app, cfg] of earlier) {
    const over = later.get(app);
    if (!over) {
      merged.set(app, new LazyAppConfig(() => new Map(cfg.entries), cfg.anchor, cfg.openEnded));
      continue;
    }
    const entries = (): Map<string, ConfigNode> => {
      const both = new Map(cfg.entries);
      for (const [k, v] of over.entries) both.set(k, v);
      return both;
    };
    merged.set(app, new LazyAppConfig(entries, cfg.anchor, cfg.openEnded || over.openEnded));
  }
  for (const [app, cfg] of later) {
    if (!merged.has(app)) merged.set(app, new LazyAppConfig(() => new Map(cfg.entries), cfg.anchor, cfg.openEnded));
  }
  return merged;
}
