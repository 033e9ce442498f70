/**
 * The shape of the oslo.messaging option catalog (data/oslo-messaging.json,
 * written by scripts/catalogs/oslo.ts) and of the answers the loader gives.
 *
 * Versions are oslo.messaging version strings ("5.18.0", "14.2.4"). A change
 * "in" a version means: that version is the first one that has it.
 */

/**
 * How oslo.config converts an option's text (the `type` of its Opt class).
 * Named after the generator's words: "boolean value" → `boolean`,
 * "multi valued" → `multi` (MultiStrOpt, every occurrence kept).
 */
export type OsloValueType =
  | 'boolean'
  | 'integer'
  | 'float'
  | 'port'
  | 'string'
  | 'list'
  | 'multi'
  | 'dict'
  | 'uri'
  | 'ip-address'
  | 'hostname'
  | 'host-address'
  | 'host-domain'
  | 'range';

/** A JSON value, as an option default is written in the catalog. */
export type OsloJson = null | boolean | number | string | readonly OsloJson[];

/** An option by group and name (`group` normalised: `DEFAULT` or lower case). */
export interface OsloOptionRef {
  readonly group: string;
  readonly name: string;
}

/**
 * An older name of an option that oslo.config also reads (a `DeprecatedOpt`:
 * `deprecated_name` / `deprecated_group`).
 */
export interface OsloAlias extends OsloOptionRef {
  /**
   * The first version in which this name was only an alias (the rename).
   * Before it, the name was the option itself. Absent when the sources do
   * not say.
   */
  readonly since?: string;
  /** The first version that no longer reads this name. Absent: still read by the newest release. */
  readonly until?: string;
  /**
   * Why the name is not read where a reader would expect it, when that is
   * not a plain rename (a spelling the sample config showed but no release
   * read): said in place of "no longer read since".
   */
  readonly note?: string;
}

/** Marked `deprecated_for_removal=True`: still read, with a warning, until removed. */
export interface OsloRemovalNotice {
  /** The first version carrying the mark, when known. */
  readonly since?: string;
  /** oslo.messaging's `deprecated_reason`, when it gave one. */
  readonly reason?: string;
}

/** The option's constraints and markings that may differ between releases. */
export interface OsloOptionTraits {
  readonly default?: OsloJson;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly deprecatedForRemoval?: OsloRemovalNotice;
}

/**
 * What an option's traits were before version `in`. A key set to `null`
 * means the trait was absent then (e.g. `{ min: null }`: no lower bound).
 */
export interface OsloOptionChange {
  readonly in: string;
  readonly was: { readonly [K in keyof OsloOptionTraits]?: OsloOptionTraits[K] | null };
}

/** One option as the catalog stores it: its newest definition plus its history. */
export interface OsloOptionData extends OsloOptionTraits, OsloOptionRef {
  readonly type: OsloValueType;
  /**
   * For options whose default depends on the machine (`hostname` defaults to
   * the host's name): the example value the sample config shows. `default`
   * is then absent.
   */
  readonly sampleDefault?: string;
  /** The first sentence of oslo.messaging's help text. */
  readonly help: string;
  /** `secret=True`: oslo.config masks the value in logs. */
  readonly secret?: true;
  /** Older names oslo.config reads for this option, in the order it tries them. */
  readonly aliases?: readonly OsloAlias[];
  /** The first version having the option, when it is newer than the oldest catalog source. */
  readonly addedIn?: string;
  /** The first version without the option (it is then silently ignored). */
  readonly removedIn?: string;
  /** For a removed option: the setting that took over its job (`rabbit_host` → `[DEFAULT] transport_url`). */
  readonly replacement?: OsloOptionRef;
  /** Changes of traits between releases, newest first. */
  readonly history?: readonly OsloOptionChange[];
}

/** A group oslo.messaging owns (every `[oslo_messaging_*]` group, old alias groups like `[amqp1]`). */
export interface OsloGroupData {
  readonly name: string;
  /** The first version without the group's driver: anything set in it is ignored from then on. */
  readonly removedIn?: string;
  /** Why it went, in a few words. */
  readonly note?: string;
}

/** An OpenStack release series and the oslo.messaging series it shipped. */
export interface OsloReleaseData {
  /** The oslo.messaging series, `major.minor` ("14.0"), or a major alone ("18") for master. */
  readonly version: string;
  /** Lower-case names users call it by: "zed", "2023.1", "antelope", "master". */
  readonly names: readonly string[];
}

/** Where the catalog's facts come from. */
export interface OsloCatalogSource {
  readonly file: string;
  readonly what: string;
}

/** The whole generated catalog (data/oslo-messaging.json). */
export interface OsloCatalogData {
  readonly sources: readonly OsloCatalogSource[];
  /** The newest oslo.messaging version the catalog describes; the default release for lookups. */
  readonly newest: string;
  readonly releases: readonly OsloReleaseData[];
  readonly groups: readonly OsloGroupData[];
  readonly options: readonly OsloOptionData[];
}

/**
 * An option as it was in one release: the catalog entry with its traits
 * rolled back to that release.
 */
export type OsloOption = OsloOptionData;

/**
 * What a (group, name) in a service's config file means to oslo.messaging at
 * one release:
 * - `known`: read by that release (possibly through a deprecated alias, or
 *   deprecated for removal: see `deprecatedAlias` / `deprecatedForRemoval`);
 * - `renamed`: an old name that release no longer reads, while the option
 *   lives on as `replacement` (OSLO302);
 * - `removed`: an option (or a whole driver group) that release dropped
 *   (OSLO301);
 * - `unknown`: not an oslo.messaging option at that release.
 */
export type OsloLookupStatus = 'known' | 'renamed' | 'removed' | 'unknown';

export interface OsloLookup {
  readonly status: OsloLookupStatus;
  /**
   * `known`: the option that is read (for an alias: the option it is an alias
   * of), as it is at that release. `renamed`: the option under its new name.
   * `removed`: the removed option's last definition, when the catalog has it.
   * `unknown`: an option of that name that only a later release introduced.
   */
  readonly option?: OsloOption;
  /**
   * `renamed`: the new name. `removed`: what took over its job, if anything.
   * `known` through a deprecated alias: the name to use instead.
   */
  readonly replacement?: OsloOptionRef;
  /** `renamed`/`removed`: the first version that no longer reads the name. */
  readonly changedIn?: string;
  /** `unknown`: the first version that has an option of this name in this group. */
  readonly introducedIn?: string;
  /**
   * `removed` for a whole group: why the group went. `renamed`: why the old
   * name is not read, when it never was (see OsloAlias.note).
   */
  readonly note?: string;
  /** `known` through an old name: it still works but is deprecated in favour of `replacement`. */
  readonly deprecatedAlias?: {
    /** The version that turned the name into an alias, when known. */
    readonly since?: string;
    /** The first later version in the catalog that stops reading it. */
    readonly stopsWorkingIn?: string;
  };
  /** `known` and marked deprecated_for_removal at that release. */
  readonly deprecatedForRemoval?: OsloRemovalNotice & {
    /** The first later version in the catalog without the option. */
    readonly removedIn?: string;
  };
}
