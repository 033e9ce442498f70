/**
 * Builds the oslo.messaging option catalog, data/oslo-messaging.json, from
 * ../shared/catalog:
 *
 * - oslo.messaging.json: oslo-config-generator output of Debian's
 *   python3-oslo.messaging 14.0.3 (Zed, with a TLS backport);
 * - oslo.messaging-<version>-upstream.json: the same for upstream master;
 * - oslo.messaging-legacy-removed.json: options removed or renamed before
 *   that, with the version that dropped them, and the release map;
 * - qpid-legacy.json: the Qpid driver's options (removed in 3.1.0).
 *
 * The two generator outputs are merged into one entry per option holding the
 * newest definition, with the older definition's differing traits kept as
 * history. What changed between them and *when* is not in the files: the
 * version of every change comes from the tables below, each read from the
 * openstack/oslo.messaging tags (first tag with the change). The build fails
 * when the files show a change no table explains, or a table entry nothing
 * uses, so new inputs cannot slip through half-described.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  OsloAlias,
  OsloCatalogData,
  OsloGroupData,
  OsloJson,
  OsloOptionChange,
  OsloOptionData,
  OsloOptionRef,
  OsloReleaseData,
  OsloRemovalNotice,
  OsloValueType,
} from '../../server/src/engine/catalog/oslo-types.js';

/** The file written into outDir. */
export const OSLO_CATALOG_FILE = 'oslo-messaging.json';

// ---------------------------------------------------------------------------
// Curated history (read from openstack/oslo.messaging tags; facts/oslo.md §3)
// ---------------------------------------------------------------------------

/** The version of Debian's package behind oslo.messaging.json (facts/oslo.md §0). */
const DEBIAN_VERSION = '14.0.3';

/**
 * oslo.messaging 1.7.0 moved each driver's options from [DEFAULT] into the
 * driver's own group, keeping [DEFAULT] as their deprecated group (commit
 * 824313ac, see qpid-legacy.json's group_history).
 */
const DRIVER_GROUPS_SINCE = '1.7.0';

/** Options of the upstream catalog that Debian's lacks: the first version having each. */
const ADDED_AFTER_DEBIAN: Record<string, string> = {
  'oslo_messaging_rabbit/rabbit_quorum_max_memory_length': '14.2.4',
  'oslo_messaging_rabbit/rabbit_quorum_max_memory_bytes': '14.2.4',
  'oslo_messaging_rabbit/rabbit_transient_quorum_queue': '14.7.0',
  'oslo_messaging_rabbit/use_queue_manager': '14.7.0',
  'oslo_messaging_rabbit/hostname': '14.7.0',
  'oslo_messaging_rabbit/processname': '14.7.0',
  'oslo_messaging_rabbit/rabbit_stream_fanout': '14.7.0',
  'oslo_messaging_rabbit/kombu_reconnect_splay': '16.1.0',
};

/**
 * Options Debian's generator output lists in a group that never reads them.
 * list_opts() put the connection-pool options (drivers/base.py `base_opts`)
 * in [DEFAULT], but RabbitDriver.__init__ registers that list in
 * [oslo_messaging_rabbit] and reads them there (rpc_conn_pool_size since
 * 1.7.0, then in amqp_opts; the other two since they appeared in 5.6.0,
 * commit 162f6e98). Commit 5f92d68e (16.0.0) fixed the listing. Checked
 * against the installed 14.0.3 by test/catalog/oslo-installed.test.ts.
 *
 * Each is moved to the group that reads it before merging; a
 * `deprecated_group` it has becomes the alias oslo.config honours. The
 * ZeroMQ driver also read them in [DEFAULT] (5.6.0 to its removal in 9.0.0);
 * that driver is not modelled.
 */
export const LISTED_IN_WRONG_GROUP: readonly { listed: string; readIn: string; neverRead?: OsloAlias }[] = [
  { listed: 'DEFAULT/rpc_conn_pool_size', readIn: 'oslo_messaging_rabbit' },
  ...(['conn_pool_min_size', 'conn_pool_ttl'] as const).map((name) => ({
    listed: `DEFAULT/${name}`,
    readIn: 'oslo_messaging_rabbit',
    // No deprecated_group: the [DEFAULT] spelling the sample config showed was never read.
    // (Like every option Debian's catalog has, no addedIn: the catalog dates only later additions.)
    neverRead: {
      group: 'DEFAULT',
      name,
      since: '5.6.0',
      until: '5.6.0',
      note: "the RabbitMQ driver reads it only in [oslo_messaging_rabbit]; oslo.messaging's sample config listed it under [DEFAULT] by mistake until 16.0.0",
    },
  })),
];

/**
 * Options of Debian's catalog that upstream later renamed or moved: the old
 * name becomes an alias of the new one from `since`, read until `until`
 * (equal when no release read both).
 */
const RENAMED_AFTER_DEBIAN: readonly { from: string; to: string; since: string; until: string }[] = [
  // The "quroum" typo, fixed in 14.2.4 with the old names kept as aliases until 17.0.0.
  {
    from: 'oslo_messaging_rabbit/rabbit_quroum_max_memory_length',
    to: 'oslo_messaging_rabbit/rabbit_quorum_max_memory_length',
    since: '14.2.4',
    until: '17.0.0',
  },
  {
    from: 'oslo_messaging_rabbit/rabbit_quroum_max_memory_bytes',
    to: 'oslo_messaging_rabbit/rabbit_quorum_max_memory_bytes',
    since: '14.2.4',
    until: '17.0.0',
  },
];

/**
 * Aliases Debian's catalog has and the upstream one lost, beyond those the
 * legacy file dates and those of removed options: the first version without
 * each. 16.0.0 removed every deprecated alias left (e.g. commit c0ffd6c6
 * "Remove deprecated aliases of notification options").
 */
const ALIASES_DROPPED: Record<string, string> = {
  // Commit 7f7d8048 "rabbit: Clean up deprecated options" dropped its deprecated_group.
  'DEFAULT/rpc_conn_pool_size': '16.0.0',
  'DEFAULT/notification_driver': '16.0.0',
  'DEFAULT/notification_transport_url': '16.0.0',
  'DEFAULT/notification_topics': '16.0.0',
  'rpc_notifier2/topics': '16.0.0',
  'DEFAULT/amqp_auto_delete': '16.0.0',
  'DEFAULT/kombu_reconnect_delay': '16.0.0',
  'DEFAULT/rabbit_login_method': '16.0.0',
  'DEFAULT/rabbit_retry_backoff': '16.0.0',
  'DEFAULT/rabbit_ha_queues': '16.0.0',
};

type TraitName = 'default' | 'choices' | 'min' | 'max' | 'deprecatedForRemoval';

/** Traits that differ between Debian's and the upstream catalog: the first version with the upstream value. */
const TRAIT_CHANGES: Record<string, Partial<Record<TraitName, string>>> = {
  'oslo_messaging_rabbit/heartbeat_rate': { default: '14.5.0' },
  'oslo_messaging_rabbit/rabbit_transient_queues_ttl': { min: '14.6.0' },
  'oslo_messaging_rabbit/rabbit_retry_interval': { min: '17.0.0' },
  'oslo_messaging_rabbit/rabbit_retry_backoff': { min: '17.0.0' },
  'oslo_messaging_rabbit/rabbit_interval_max': { min: '17.0.0' },
  'oslo_messaging_rabbit/ssl_enforce_fips_mode': { deprecatedForRemoval: '17.3.0' },
  // Upstream 18.1.0 turned verification on; the stable/Debian backport keeps it off.
  'oslo_messaging_rabbit/ssl_enforce_hostname_verification': { default: '18.1.0', deprecatedForRemoval: '18.1.0' },
};

/**
 * Trait changes older than Debian's catalog that change which values a
 * release accepts (first stable point release carrying each).
 */
const OLDER_TRAIT_CHANGES: readonly { option: string; change: OsloOptionChange }[] = [
  { option: 'oslo_messaging_rabbit/rabbit_login_method', change: { in: '12.14.0', was: { choices: ['PLAIN', 'AMQPLAIN', 'RABBIT-CR-DEMO'] } } },
  { option: 'oslo_messaging_rabbit/rabbit_login_method', change: { in: '5.11.0', was: { choices: null } } },
  { option: 'oslo_messaging_rabbit/kombu_reconnect_delay', change: { in: '12.13.1', was: { min: null, max: null } } },
  { option: 'oslo_messaging_rabbit/rpc_conn_pool_size', change: { in: '12.5.1', was: { min: null } } },
];

/** When options still in both catalogs were first marked deprecated_for_removal. */
const DEPRECATED_FOR_REMOVAL_SINCE: Record<string, string> = {
  'oslo_messaging_rabbit/direct_mandatory_flag': '12.7.0',
  'oslo_messaging_rabbit/heartbeat_in_pthread': '14.9.0',
  'oslo_messaging_kafka/pool_size': '5.35.0',
  'oslo_messaging_kafka/conn_pool_min_size': '5.35.0',
  'oslo_messaging_kafka/conn_pool_ttl': '5.35.0',
  'DEFAULT/rpc_backend': '5.2.0',
  'oslo_messaging_rabbit/rabbit_host': '5.2.0',
  'oslo_messaging_rabbit/rabbit_port': '5.2.0',
  'oslo_messaging_rabbit/rabbit_hosts': '5.2.0',
  'oslo_messaging_rabbit/rabbit_userid': '5.2.0',
  'oslo_messaging_rabbit/rabbit_password': '5.2.0',
  'oslo_messaging_rabbit/rabbit_virtual_host': '5.2.0',
  'oslo_messaging_rabbit/rabbit_max_retries': '5.6.0',
  'oslo_messaging_amqp/allow_insecure_clients': '5.17.0',
  'oslo_messaging_amqp/username': '5.22.0',
  'oslo_messaging_amqp/password': '5.22.0',
};

/** Removed options whose deprecation reason names its successor in words, not as [group]/name. */
const REPLACEMENTS: Record<string, string> = {
  'oslo_messaging_amqp/username': 'DEFAULT/transport_url',
  'oslo_messaging_amqp/password': 'DEFAULT/transport_url',
};

/** Groups whose whole driver left oslo.messaging (facts/oslo.md §3, qpid-legacy.json). */
const REMOVED_GROUPS: readonly OsloGroupData[] = [
  { name: 'oslo_messaging_amqp', removedIn: '15.0.0', note: 'the AMQP 1.0 driver was removed (deprecated since 14.4.0)' },
  { name: 'amqp1', removedIn: '15.0.0', note: 'old name of [oslo_messaging_amqp]; the AMQP 1.0 driver was removed' },
  { name: 'oslo_messaging_zmq', removedIn: '9.0.0', note: 'the ZeroMQ driver was removed' },
  { name: 'matchmaker_redis', removedIn: '9.0.0', note: "the ZeroMQ driver's Redis matchmaker was removed with the driver" },
  { name: 'oslo_messaging_pika', removedIn: '6.0.0', note: 'the Pika driver was removed' },
];

/**
 * Old aliases the files do not list: [DEFAULT] names of amqp_durable_queues,
 * read until 9.0.0.
 */
const OLDER_ALIASES: readonly { option: string; alias: OsloAlias }[] = [
  { option: 'oslo_messaging_rabbit/amqp_durable_queues', alias: { group: 'DEFAULT', name: 'amqp_durable_queues', until: '9.0.0' } },
  { option: 'oslo_messaging_rabbit/amqp_durable_queues', alias: { group: 'DEFAULT', name: 'rabbit_durable_queues', until: '9.0.0' } },
];

/**
 * Options oslo.messaging registers when a module is imported rather than
 * through list_opts(), so oslo-config-generator never lists them
 * (oslo_messaging/_metrics/client.py, notify/_impl_routing.py; same in 14.0.3
 * and 18.1.0 apart from the routing alias).
 */
const UNLISTED_OPTIONS: readonly OsloOptionData[] = [
  {
    group: 'oslo_messaging_notifications',
    name: 'routing_config',
    type: 'string',
    default: '',
    help: 'RoutingNotifier configuration file location.',
    aliases: [{ group: 'DEFAULT', name: 'routing_notifier_config', until: '16.0.0' }],
  },
  ...(
    [
      ['metrics_enabled', 'boolean', false, 'Boolean to send rpc metrics to oslo.metrics.'],
      ['metrics_buffer_size', 'integer', 1000, 'Buffer size to store in oslo.messaging.'],
      ['metrics_socket_file', 'string', '/var/tmp/metrics_collector.sock', 'Unix domain socket file to be used to send rpc related metrics'],
      ['metrics_process_name', 'string', '', 'Process name which is used to identify which process produce metrics'],
      [
        'metrics_thread_stop_timeout',
        'integer',
        10,
        'Sending thread stop once metrics_thread_stop_timeout seconds after the last successful metrics send.',
      ],
    ] as const
  ).map(([name, type, value, help]): OsloOptionData => ({
    group: 'oslo_messaging_metrics',
    name,
    type,
    default: value,
    help,
    addedIn: '12.9.0',
  })),
];

// ---------------------------------------------------------------------------
// Input shapes
// ---------------------------------------------------------------------------

/** One option as oslo-config-generator --format json writes it. */
interface GeneratorOpt {
  readonly name: string;
  readonly type: string;
  readonly default: OsloJson;
  readonly sample_default: OsloJson;
  readonly choices: readonly (readonly [OsloJson, OsloJson])[];
  readonly min: number | null;
  readonly max: number | null;
  readonly help: string;
  readonly secret: boolean;
  readonly deprecated_opts: readonly { readonly group: string | null; readonly name: string | null }[];
  readonly deprecated_for_removal: boolean;
  readonly deprecated_reason: string | null;
  readonly deprecated_since: string | null;
}

interface GeneratorOutput {
  readonly options: Record<string, { readonly opts: readonly GeneratorOpt[] }>;
}

/** An option of oslo.messaging-legacy-removed.json or qpid-legacy.json. */
interface LegacyOption {
  readonly name: string;
  readonly group: string;
  readonly opt_class: string;
  readonly default?: OsloJson;
  readonly help: string;
  readonly secret?: boolean;
  readonly deprecated_group?: string;
  readonly deprecated_groups?: readonly string[];
  readonly deprecated_for_removal?: boolean;
  readonly deprecated_reason?: string;
  readonly removed_in?: string;
  readonly renamed_to?: string;
  readonly renamed_in?: string;
  readonly deprecated_alias_removed_in?: string;
}

interface LegacyFile {
  readonly release_map: Record<string, string>;
  readonly options: readonly LegacyOption[];
}

interface QpidFile {
  readonly driver: {
    readonly deprecated_in: { readonly version: string; readonly openstack_release: string };
    readonly removed_in: { readonly version: string; readonly openstack_release: string };
  };
  readonly options: readonly LegacyOption[];
}

// ---------------------------------------------------------------------------
// Conversion helpers
// ---------------------------------------------------------------------------

/** A mutable option while the catalog is assembled. */
type Draft = { -readonly [K in keyof OsloOptionData]: OsloOptionData[K] } & { aliases: OsloAlias[]; history: OsloOptionChange[] };

const GENERATOR_TYPES: Record<string, OsloValueType> = {
  'boolean value': 'boolean',
  'integer value': 'integer',
  'floating point value': 'float',
  'port value': 'port',
  port: 'port',
  'string value': 'string',
  'list value': 'list',
  'multi valued': 'multi',
  'dict value': 'dict',
  'uri value': 'uri',
  'IP address value': 'ip-address',
  'hostname value': 'hostname',
  'host address value': 'host-address',
  'host domain value': 'host-domain',
  'range value': 'range',
};

const OPT_CLASSES: Record<string, OsloValueType> = {
  BoolOpt: 'boolean',
  IntOpt: 'integer',
  FloatOpt: 'float',
  PortOpt: 'port',
  StrOpt: 'string',
  ListOpt: 'list',
  MultiStrOpt: 'multi',
  DictOpt: 'dict',
  URIOpt: 'uri',
  IPOpt: 'ip-address',
  HostnameOpt: 'hostname',
  HostAddressOpt: 'host-address',
  HostDomainOpt: 'host-domain',
};

function fail(message: string): never {
  throw new Error(`oslo catalog: ${message}`);
}

function keyOf(ref: OsloOptionRef): string {
  return `${ref.group}/${ref.name}`;
}

function refOf(key: string): OsloOptionRef {
  const slash = key.indexOf('/');
  return { group: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The first sentence of a help text, whitespace collapsed, at most 200 characters. */
export function shortHelp(help: string): string {
  const text = help.replace(/\s+/g, ' ').trim();
  const end = text.search(/\.(\s|$)/);
  const sentence = end >= 0 ? text.slice(0, end + 1) : text;
  return sentence.length <= 200 ? sentence : `${sentence.slice(0, 199).trimEnd()}…`;
}

function removalNotice(since: string | undefined, reason: string | null | undefined): OsloRemovalNotice {
  return { ...(since ? { since } : {}), ...(reason ? { reason: reason.trim() } : {}) };
}

/** A generator option as a draft of `group`. */
function fromGenerator(group: string, opt: GeneratorOpt): Draft {
  const type = GENERATOR_TYPES[opt.type] ?? fail(`unknown generator type '${opt.type}' of ${group}/${opt.name}`);
  const draft: Draft = { group, name: opt.name, type, help: shortHelp(opt.help ?? ''), aliases: [], history: [] };
  if (typeof opt.sample_default === 'string') draft.sampleDefault = opt.sample_default; // machine-dependent default
  else draft.default = opt.default;
  if (opt.choices.length > 0) draft.choices = opt.choices.map(([value]) => String(value));
  if (opt.min !== null) draft.min = opt.min;
  if (opt.max !== null) draft.max = opt.max;
  if (opt.secret) draft.secret = true;
  if (opt.deprecated_for_removal) draft.deprecatedForRemoval = removalNotice(opt.deprecated_since ?? undefined, opt.deprecated_reason);
  for (const d of opt.deprecated_opts) {
    const alias = { group: d.group ?? group, name: d.name ?? opt.name };
    if (alias.group === group && alias.name === opt.name) continue; // a deprecated_group equal to its own group
    draft.aliases.push(alias);
  }
  return draft;
}

function fromGeneratorFile(data: GeneratorOutput): Map<string, Draft> {
  const out = new Map<string, Draft>();
  for (const [group, { opts }] of Object.entries(data.options)) {
    for (const opt of opts) out.set(`${group}/${opt.name}`, fromGenerator(group, opt));
  }
  return out;
}

/** Debian's generator output with LISTED_IN_WRONG_GROUP's options moved to the group that reads them. */
function relocateListed(output: GeneratorOutput): GeneratorOutput {
  const options: Record<string, { opts: GeneratorOpt[] }> = {};
  for (const [group, { opts }] of Object.entries(output.options)) options[group] = { opts: [...opts] };
  for (const { listed, readIn } of LISTED_IN_WRONG_GROUP) {
    const { group, name } = refOf(listed);
    const from = options[group]?.opts ?? [];
    const at = from.findIndex((o) => o.name === name);
    if (at < 0) fail(`LISTED_IN_WRONG_GROUP: ${listed} is not in Debian's catalog`);
    const to = options[readIn] ?? fail(`LISTED_IN_WRONG_GROUP: no group ${readIn} in Debian's catalog`);
    if (to.opts.some((o) => o.name === name)) fail(`LISTED_IN_WRONG_GROUP: ${readIn}/${name} is listed already`);
    to.opts.push(...from.splice(at, 1));
  }
  return { ...output, options };
}

/** The spelling the sample config showed but no release read, for the relocated options that had one. */
function completeRelocated(merged: Map<string, Draft>, upstream: Map<string, Draft>): void {
  for (const { listed, readIn, neverRead } of LISTED_IN_WRONG_GROUP) {
    if (upstream.has(listed)) fail(`LISTED_IN_WRONG_GROUP: upstream lists ${listed} again`);
    const draft = merged.get(`${readIn}/${refOf(listed).name}`) ?? fail(`LISTED_IN_WRONG_GROUP: ${listed} is not upstream in ${readIn}`);
    if (neverRead) addAlias(draft, neverRead);
  }
}

/** A legacy option as a draft (its aliases and removal are added by the caller). */
function fromLegacy(opt: LegacyOption): Draft {
  const type = OPT_CLASSES[opt.opt_class] ?? fail(`unknown opt class '${opt.opt_class}' of ${opt.group}/${opt.name}`);
  const draft: Draft = { group: opt.group, name: opt.name, type, default: opt.default ?? null, help: shortHelp(opt.help), aliases: [], history: [] };
  if (type === 'port') Object.assign(draft, { min: 0, max: 65535 });
  if (opt.secret) draft.secret = true;
  if (opt.deprecated_for_removal) {
    draft.deprecatedForRemoval = removalNotice(DEPRECATED_FOR_REMOVAL_SINCE[keyOf(opt)], opt.deprecated_reason);
  }
  return draft;
}

/** The leading version of a legacy "removed_in" text ("15.0.0 (whole AMQP1 driver removed, …)"). */
function versionIn(text: string): string {
  const m = /^\d+(\.\d+)+/.exec(text.trim());
  return m ? m[0] : fail(`no version in '${text}'`);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------

/** Tracks which curated entries were used, to report stale ones. */
class Ledger {
  private readonly used = new Set<string>();
  take<T>(table: Record<string, T>, key: string, tableName: string): T | undefined {
    if (!(key in table)) return undefined;
    this.used.add(`${tableName}:${key}`);
    return table[key];
  }
  mark(tableName: string, key: string): void {
    this.used.add(`${tableName}:${key}`);
  }
  checkAllUsed(tableName: string, keys: Iterable<string>): void {
    for (const k of keys) if (!this.used.has(`${tableName}:${k}`)) fail(`${tableName} entry '${k}' explains nothing in the sources`);
  }
}

const TRAITS: readonly TraitName[] = ['default', 'choices', 'min', 'max', 'deprecatedForRemoval'];

/** Records, in `newer`, how its traits differed in Debian's `older` definition. */
function addTraitHistory(key: string, newer: Draft, older: Draft, ledger: Ledger): void {
  const changes = new Map<string, Record<string, unknown>>();
  for (const trait of TRAITS) {
    const was = older[trait];
    const now = newer[trait];
    // A deprecation mark compares by presence: upstream never sets deprecated_since.
    const differs = trait === 'deprecatedForRemoval' ? Boolean(was) !== Boolean(now) : !sameJson(was, now);
    if (!differs) continue;
    const version = ledger.take(TRAIT_CHANGES[key] ?? {}, trait, `TRAIT_CHANGES ${key}`);
    if (!version) fail(`${key}: '${trait}' is ${JSON.stringify(was)} in ${DEBIAN_VERSION} but ${JSON.stringify(now)} upstream; add it to TRAIT_CHANGES`);
    if (trait === 'deprecatedForRemoval' && now) newer.deprecatedForRemoval = { ...newer.deprecatedForRemoval, since: version };
    const entry = changes.get(version) ?? {};
    entry[trait] = was ?? null;
    changes.set(version, entry);
  }
  for (const [version, was] of changes) newer.history.push({ in: version, was });
}

/** Adds an alias to a draft, or dates the one it has; conflicting dates are an error. */
function addAlias(draft: Draft, alias: OsloAlias): void {
  const existing = draft.aliases.find((a) => a.group === alias.group && a.name === alias.name);
  if (!existing) {
    draft.aliases.push(alias);
    return;
  }
  for (const field of ['since', 'until'] as const) {
    const value = alias[field];
    if (value === undefined) continue;
    if (existing[field] !== undefined && existing[field] !== value) {
      fail(`${keyOf(draft)} alias ${keyOf(alias)}: ${field} ${existing[field]} vs ${value}`);
    }
    Object.assign(existing, { [field]: value });
  }
}

/** The upstream definitions, with Debian's differences as history and Debian-only aliases dated. */
function mergeCatalogs(debian: Map<string, Draft>, upstream: Map<string, Draft>, ledger: Ledger): Map<string, Draft> {
  const merged = new Map<string, Draft>();
  for (const [key, newer] of upstream) {
    const older = debian.get(key);
    if (older) {
      addTraitHistory(key, newer, older, ledger);
      for (const alias of older.aliases) {
        if (newer.aliases.some((a) => a.group === alias.group && a.name === alias.name)) continue;
        newer.aliases.push({ ...alias, ...datedAliasEnd(alias, ledger) });
      }
    } else {
      newer.addedIn = ledger.take(ADDED_AFTER_DEBIAN, key, 'ADDED_AFTER_DEBIAN') ?? fail(`${key} is new upstream; add it to ADDED_AFTER_DEBIAN`);
    }
    merged.set(key, newer);
  }
  return merged;
}

/** The end of an alias upstream dropped, if a table dates it (the legacy file may date it later). */
function datedAliasEnd(alias: OsloAlias, ledger: Ledger): Partial<OsloAlias> {
  const until = ledger.take(ALIASES_DROPPED, keyOf(alias), 'ALIASES_DROPPED');
  return until ? { until } : {};
}

/** Debian options upstream no longer has: renamed ones become aliases, the rest stay as removed options. */
function addDebianOnly(merged: Map<string, Draft>, debian: Map<string, Draft>, removedGroups: Map<string, OsloGroupData>): void {
  for (const [key, older] of debian) {
    if (merged.has(key)) continue;
    const rename = RENAMED_AFTER_DEBIAN.find((r) => r.from === key);
    if (rename) {
      const target = merged.get(rename.to) ?? fail(`rename target ${rename.to} is not upstream`);
      for (const field of ['type', 'default', 'choices', 'min', 'max'] as const) {
        if (!sameJson(target[field], older[field])) fail(`${key} → ${rename.to} changes ${field}; describe it as history`);
      }
      addAlias(target, { ...refOf(key), since: rename.since, until: rename.until });
      for (const alias of older.aliases) addAlias(target, alias);
      continue;
    }
    const group = removedGroups.get(older.group);
    if (group?.removedIn) older.removedIn = group.removedIn; // may be refined by the legacy file
    merged.set(key, older);
  }
  for (const r of RENAMED_AFTER_DEBIAN) if (!debian.has(r.from)) fail(`RENAMED_AFTER_DEBIAN: ${r.from} is not in Debian's catalog`);
}

/** Applies one legacy-removed.json entry: dates a rename, or adds/refines a removed option. */
function applyLegacy(merged: Map<string, Draft>, opt: LegacyOption): void {
  const key = keyOf(opt);
  const movedFromDefault = opt.deprecated_group === 'DEFAULT';
  if (opt.renamed_to) {
    const target = merged.get(`${opt.group}/${opt.renamed_to}`) ?? fail(`${key} renamed to unknown ${opt.renamed_to}`);
    const renamedIn = opt.renamed_in ?? fail(`${key}: renamed_to without renamed_in`);
    addAlias(target, { group: opt.group, name: opt.name, since: renamedIn, ...(opt.deprecated_alias_removed_in ? { until: opt.deprecated_alias_removed_in } : {}) });
    // The [DEFAULT] spelling was not carried over by the rename.
    if (movedFromDefault) addAlias(target, { group: 'DEFAULT', name: opt.name, since: DRIVER_GROUPS_SINCE, until: renamedIn });
    return;
  }
  const removedIn = versionIn(opt.removed_in ?? fail(`${key}: neither renamed nor removed`));
  const legacy = fromLegacy(opt);
  const existing = merged.get(key);
  const draft = existing ?? legacy;
  if (existing) {
    if (existing.type !== legacy.type || !sameJson(existing.default ?? null, legacy.default)) {
      fail(`${key}: legacy file disagrees with the generator catalog on type/default`);
    }
    if (legacy.deprecatedForRemoval) existing.deprecatedForRemoval = { ...legacy.deprecatedForRemoval, ...existing.deprecatedForRemoval };
  } else merged.set(key, draft);
  if (existing?.removedIn && existing.removedIn !== removedIn) fail(`${key}: removed in ${existing.removedIn} or ${removedIn}?`);
  draft.removedIn = removedIn;
  const replacement = REPLACEMENTS[key] ?? /\[(\w+)\]\/(\w+)/.exec(opt.deprecated_reason ?? '')?.slice(1, 3).join('/');
  if (replacement) draft.replacement = refOf(replacement);
  if (opt.deprecated_group) {
    addAlias(draft, { group: opt.deprecated_group, name: opt.name, ...(movedFromDefault ? { since: DRIVER_GROUPS_SINCE } : {}) });
  }
}

/** The Qpid driver's options: in [oslo_messaging_qpid] from 1.7.0, in [DEFAULT] before, gone in 3.1.0. */
function addQpid(merged: Map<string, Draft>, qpid: QpidFile): OsloGroupData {
  const removedIn = qpid.driver.removed_in.version;
  for (const opt of qpid.options) {
    const draft = fromLegacy(opt);
    draft.removedIn = removedIn;
    for (const group of opt.deprecated_groups ?? []) {
      addAlias(draft, { group, name: opt.name, ...(group === 'DEFAULT' ? { since: DRIVER_GROUPS_SINCE } : {}) });
    }
    merged.set(keyOf(draft), draft);
  }
  const { deprecated_in: deprecated, removed_in: removed } = qpid.driver;
  return {
    name: qpid.options[0]?.group ?? fail('qpid-legacy.json has no options'),
    removedIn,
    note: `the Qpid driver was removed in ${removed.version} (${removed.openstack_release}), deprecated since ${deprecated.version} (${deprecated.openstack_release})`,
  };
}

/** Aliases of removed options end with them. */
function closeAliasesOfRemoved(merged: Map<string, Draft>): void {
  for (const draft of merged.values()) {
    if (!draft.removedIn) continue;
    const until = draft.removedIn;
    draft.aliases = draft.aliases.map((alias) => (alias.until === undefined ? { ...alias, until } : alias));
  }
}

/** The aliases the upstream release reads, as `option→alias` keys (taken before merging adds Debian's). */
function liveAliases(upstream: Map<string, Draft>): Set<string> {
  const live = new Set<string>();
  for (const [key, draft] of upstream) for (const alias of draft.aliases) live.add(`${key}→${keyOf(alias)}`);
  return live;
}

/** Every alias upstream dropped must have been dated by some source or table. */
function checkAliasesDated(merged: Map<string, Draft>, live: Set<string>): void {
  for (const [key, draft] of merged) {
    for (const alias of draft.aliases) {
      const stillRead = live.has(`${key}→${keyOf(alias)}`);
      if (!stillRead && alias.until === undefined) fail(`${key}: alias ${keyOf(alias)} is gone upstream but undated; add it to ALIASES_DROPPED`);
      if (stillRead && alias.until !== undefined) fail(`${key}: alias ${keyOf(alias)} is dated ${alias.until} yet still read upstream`);
    }
  }
}

/** Debian options upstream lacks must have become aliases or have a removal version. */
function checkRemovalsExplained(merged: Map<string, Draft>, debian: Map<string, Draft>, upstream: Map<string, Draft>): void {
  for (const key of debian.keys()) {
    if (upstream.has(key) || RENAMED_AFTER_DEBIAN.some((r) => r.from === key)) continue;
    if (!merged.get(key)?.removedIn) fail(`${key} is gone upstream but no source dates its removal`);
  }
}

/** The release map of the legacy file: "14.0.x" → Zed, "2023.1 Antelope" → names 2023.1 and antelope. */
function releasesFrom(map: Record<string, string>): OsloReleaseData[] {
  return Object.entries(map).map(([version, label]) => {
    const parts = version.replace(/\.x$/, '').split('.');
    const words = label.split(/\s+/);
    const names = [words[0].toLowerCase()];
    if (/^\d{4}\.\d$/.test(words[0]) && /^[A-Za-z]+$/.test(words[1] ?? '')) names.push(words[1].toLowerCase());
    return { version: parts.slice(0, 2).join('.'), names };
  });
}

/** Groups oslo.messaging owns: those of its options and old aliases, and removed drivers' groups. */
function groupsOf(options: readonly OsloOptionData[], removed: readonly OsloGroupData[]): OsloGroupData[] {
  const byName = new Map<string, OsloGroupData>();
  const add = (name: string) => {
    if (name !== 'DEFAULT' && !byName.has(name)) byName.set(name, { name });
  };
  for (const o of options) {
    add(o.group);
    for (const a of o.aliases ?? []) add(a.group);
  }
  for (const g of removed) byName.set(g.name, g);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A draft without its empty lists, fields in a stable order. */
function finish(draft: Draft): OsloOptionData {
  const { group, name, type, aliases, history, ...rest } = draft;
  const ordered: Record<string, unknown> = { group, name, type };
  for (const field of ['default', 'sampleDefault', 'choices', 'min', 'max', 'secret', 'help', 'deprecatedForRemoval', 'addedIn', 'removedIn', 'replacement'] as const) {
    if (rest[field] !== undefined) ordered[field] = rest[field];
  }
  if (aliases.length > 0) ordered.aliases = aliases;
  if (history.length > 0) ordered.history = [...history].sort((a, b) => compareDotted(b.in, a.in));
  return ordered as unknown as OsloOptionData;
}

function compareDotted(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** JSON with one array element per line: compact, yet diffs show which option changed. */
function serialize(catalog: OsloCatalogData): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(catalog);
  entries.forEach(([field, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value)) {
      lines.push(`"${field}":[`);
      value.forEach((item, j) => lines.push(JSON.stringify(item) + (j < value.length - 1 ? ',' : '')));
      lines.push(`]${comma}`);
    } else lines.push(`"${field}":${JSON.stringify(value)}${comma}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** The upstream generator output and its version, from its file name. */
async function findUpstream(catalogDir: string): Promise<{ file: string; version: string }> {
  const files = (await readdir(catalogDir)).filter((f) => /^oslo\.messaging-\d+(\.\d+)+-upstream\.json$/.test(f));
  if (files.length !== 1) fail(`expected one oslo.messaging-<version>-upstream.json in ${catalogDir}, found ${files.length}`);
  return { file: files[0], version: /-(\d+(?:\.\d+)+)-/.exec(files[0])![1] };
}

/** Builds the catalog from the shared folder (exported for tests). */
export async function buildOsloCatalog(sharedDir: string): Promise<OsloCatalogData> {
  const dir = join(sharedDir, 'catalog');
  const upstreamFile = await findUpstream(dir);
  const debian = fromGeneratorFile(relocateListed(await readJson<GeneratorOutput>(join(dir, 'oslo.messaging.json'))));
  const upstream = fromGeneratorFile(await readJson<GeneratorOutput>(join(dir, upstreamFile.file)));
  const legacy = await readJson<LegacyFile>(join(dir, 'oslo.messaging-legacy-removed.json'));
  const qpid = await readJson<QpidFile>(join(dir, 'qpid-legacy.json'));
  const ledger = new Ledger();
  const upstreamAliases = liveAliases(upstream);

  const removedGroups = new Map(REMOVED_GROUPS.map((g) => [g.name, g]));
  const merged = mergeCatalogs(debian, upstream, ledger);
  addDebianOnly(merged, debian, removedGroups);
  completeRelocated(merged, upstream);
  for (const opt of legacy.options) applyLegacy(merged, opt);
  const qpidGroup = addQpid(merged, qpid);
  for (const { option, alias } of OLDER_ALIASES) addAlias(merged.get(option) ?? fail(`OLDER_ALIASES: no ${option}`), alias);
  for (const { option, change } of OLDER_TRAIT_CHANGES) (merged.get(option) ?? fail(`OLDER_TRAIT_CHANGES: no ${option}`)).history.push(change);
  for (const [key, since] of Object.entries(DEPRECATED_FOR_REMOVAL_SINCE)) {
    const draft = merged.get(key) ?? fail(`DEPRECATED_FOR_REMOVAL_SINCE: no ${key}`);
    if (!draft.deprecatedForRemoval) fail(`DEPRECATED_FOR_REMOVAL_SINCE: ${key} is not deprecated for removal`);
    draft.deprecatedForRemoval = { ...draft.deprecatedForRemoval, since };
  }
  for (const extra of UNLISTED_OPTIONS) {
    if (merged.has(keyOf(extra))) fail(`${keyOf(extra)} is listed now; drop it from UNLISTED_OPTIONS`);
    merged.set(keyOf(extra), { ...extra, aliases: [...(extra.aliases ?? [])], history: [] });
  }
  closeAliasesOfRemoved(merged);
  checkAliasesDated(merged, upstreamAliases);
  checkRemovalsExplained(merged, debian, upstream);
  ledger.checkAllUsed('ADDED_AFTER_DEBIAN', Object.keys(ADDED_AFTER_DEBIAN));
  ledger.checkAllUsed('ALIASES_DROPPED', Object.keys(ALIASES_DROPPED));
  for (const [key, traits] of Object.entries(TRAIT_CHANGES)) ledger.checkAllUsed(`TRAIT_CHANGES ${key}`, Object.keys(traits));

  const options = [...merged.values()].map(finish);
  return {
    sources: [
      { file: 'catalog/oslo.messaging.json', what: `oslo-config-generator output, Debian python3-oslo.messaging ${DEBIAN_VERSION}` },
      { file: `catalog/${upstreamFile.file}`, what: `oslo-config-generator output, upstream oslo.messaging ${upstreamFile.version}` },
      { file: 'catalog/oslo.messaging-legacy-removed.json', what: 'removed and renamed options, release map' },
      { file: 'catalog/qpid-legacy.json', what: 'the Qpid driver (removed in 3.1.0)' },
      { file: 'scripts/catalogs/oslo.ts', what: 'versions of the changes in between, read from openstack/oslo.messaging tags' },
    ],
    newest: upstreamFile.version,
    releases: releasesFrom(legacy.release_map),
    groups: groupsOf(options, [...REMOVED_GROUPS, qpidGroup]),
    options,
  };
}

/** Writes data/oslo-messaging.json into `outDir` from the reference files in `sharedDir`. */
export async function generateOsloCatalogs(sharedDir: string, outDir: string): Promise<void> {
  const catalog = await buildOsloCatalog(sharedDir);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, OSLO_CATALOG_FILE), serialize(catalog));
}
