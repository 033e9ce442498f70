/**
 * The shapes of the RabbitMQ catalogs generated from RabbitMQ's own
 * cuttlefish schemas (scripts/catalogs/rabbitmq.ts writes them to
 * data/rabbitmq-conf.json and data/rabbitmq-classic.json).
 */

/** A bound on a number: `{min, 1}`, `{max, 65535}`, `{gt, 0}`, `{lt, 1}`, or a shortcut. */
export type NumberConstraint =
  /** `float`: the schema wrote the bound as an Erlang float (`0.0`), which messages print as such. */
  | { readonly op: 'min' | 'max' | 'gt' | 'lt'; readonly value: number; readonly float?: boolean }
  | { readonly op: 'positive' | 'non_negative' };

/**
 * One cuttlefish datatype, as a schema declares it (`{datatype, …}`).
 * A setting's datatype is a list of these: the value is accepted when any
 * one of them accepts it, tried in order (`[{atom, infinity}, integer]`).
 */
export type ConfDatatype =
  | {
      readonly t:
        | 'integer'
        | 'float'
        | 'string'
        | 'atom'
        | 'binary'
        | 'tagged_string'
        | 'tagged_binary'
        | 'file'
        | 'directory'
        | 'flag'
        | 'boolean'
        | 'byte'
        | 'port'
        | 'percent'
        | 'ip'
        | 'fqdn'
        | 'domain_socket'
        | 'bytesize'
        | 'uri'
        | 'regex';
    }
  /** `{integer, [{min,1},{max,65535}]}`, `{integer, positive}`, `{float, [{gt,0}]}` (cuttlefish 3.8+). */
  | { readonly t: 'integer' | 'float'; readonly constraints: readonly NumberConstraint[] }
  /** `{enum, [a, b]}`: the names a value may be, in the schema's order. */
  | { readonly t: 'enum'; readonly values: readonly string[] }
  /** `{flag, On, Off}`: two words meaning true and false. */
  | { readonly t: 'flag'; readonly on: string; readonly off: string }
  /** `{duration, Unit}`: `10s`, `1h30m`; the unit is what the number is converted to. */
  | { readonly t: 'duration'; readonly unit: string }
  /** `{percent, integer}` / `{percent, float}`. */
  | { readonly t: 'percent'; readonly of: 'integer' | 'float' }
  /** `{list, T}`: comma-separated values of T. */
  | { readonly t: 'list'; readonly of: ConfDatatype }
  /** An "extended" datatype: exactly one value of a base type, e.g. `{atom, infinity}`. */
  | { readonly t: 'exact'; readonly of: string; readonly value: string }
  /** A datatype this project does not know; values are never rejected for it. */
  | { readonly t: 'unknown'; readonly term: string };

/** A schema validator (`{validator, Name, Description, Fun}`) by name. */
export interface ConfValidatorInfo {
  readonly name: string;
  /** The text cuttlefish prints after "KEY invalid, ". */
  readonly description: string;
}

/** One `rabbitmq.conf` key pattern (a cuttlefish mapping). */
export interface ConfSetting {
  /**
   * The key as the schema writes it; segments starting with `$` match any one
   * segment (`listeners.ssl.$name`, `ssl_options.versions.$version`).
   */
  readonly key: string;
  /** The classic configuration key it feeds, `app.key[.sub]` (`rabbit.ssl_options.verify`). */
  readonly target: string;
  /** The application whose schema declares the key (`rabbit`, `rabbitmq_management`, …). */
  readonly schema: string;
  /** Accepted datatypes, any of which may match (never empty). */
  readonly datatype: readonly ConfDatatype[];
  /** The default as it would be written in rabbitmq.conf, when the schema gives one. */
  readonly default?: string;
  /** The example value RabbitMQ's generated rabbitmq.conf shows commented out. */
  readonly commented?: string;
  /** Documentation: the `%% @doc` text, or else the comment block right above the mapping. */
  readonly doc?: string;
  /** `hidden` in the schema: left out of generated documentation. */
  readonly hidden?: boolean;
  /** A `{level, …}` other than `basic` (deprecated in cuttlefish, still honoured for docs). */
  readonly level?: string;
  /** Names of validators run on the typed value (see {@link ConfCatalog.validators}). */
  readonly validators?: readonly string[];
  /** Deprecated key names cuttlefish accepts for this key (`{alias, "channel_max"}`). */
  readonly aliases?: readonly string[];
  /** `@see` references to other keys. */
  readonly see?: readonly string[];
  /** The target is computed by a translation function, not copied from the value. */
  readonly translated?: boolean;
  /** Declared by a cuttlefish partial (`rabbit/ssl_options`) pulled in with `include_partial`. */
  readonly partial?: string;
  /** The schema versions of the corpus that declare the key (`main`, `v4.3.5`, …). */
  readonly versions: readonly string[];
}

/** data/rabbitmq-conf.json */
export interface ConfCatalog {
  /** Schema files read, as named in the corpus. */
  readonly sources: readonly string[];
  /** Version labels, newest first. */
  readonly versions: readonly string[];
  readonly validators: Readonly<Record<string, string>>;
  readonly settings: readonly ConfSetting[];
}

/**
 * A key of a classic application environment (`{rabbit, [{Key, …}]}`), known
 * because some `rabbitmq.conf` key maps to it. Nested proplist keys are
 * entries of their own with a dotted `key` (`ssl_options.verify`).
 */
export interface ClassicSetting {
  /** The application (`rabbit`, `rabbitmq_management`, `kernel`, …). */
  readonly app: string;
  /** The key inside the application, dotted for nested proplists (`ssl_options.verify`). */
  readonly key: string;
  /** The rabbitmq.conf key patterns that set it. */
  readonly confKeys: readonly string[];
  /** Computed by a translation (its classic shape differs from the conf value). */
  readonly translated?: boolean;
  /** Datatypes, when one conf key maps straight to it without translation. */
  readonly datatype?: readonly ConfDatatype[];
  /** The conf-format default, under the same condition. */
  readonly default?: string;
  readonly doc?: string;
  /** Known nested keys (`verify`, `versions`, … under `ssl_options`). */
  readonly children?: readonly string[];
}

/** data/rabbitmq-classic.json */
export interface ClassicCatalog {
  readonly sources: readonly string[];
  /** Per application, its known keys (top level and nested). */
  readonly apps: Readonly<Record<string, readonly ClassicSetting[]>>;
}
