/**
 * rabbitmq.conf front-end: turns `key = value` lines into the classic
 * application environment, using the schema mappings in the catalog
 * (`listeners.tcp.$name` → `rabbit.tcp_listeners`, `management.ssl.port` →
 * `rabbitmq_management.ssl_config.port`). The catalog says *where* a key
 * goes; the small conversions here say what its value becomes.
 */
import { findConfSetting, tokenizeConfKey } from '../../catalog/rabbitmq.js';
import type { ConfSetting } from '../../catalog/rabbitmq-types.js';
import type { ConfDocument, ConfEntry } from '../../formats/cuttlefish/ast.js';
import type { TemplateFacts } from './from-classic.js';
import type { AppEnvironment, ConfigNode, ListItem, ListNode, ListenerValue, ProplistNode, ScalarNode } from './tree.js';
import type { Maybe, Origin, SettingSource } from './types.js';

/** One parsed conf file with what the model needs of it. */
export interface ConfFile {
  readonly path: string;
  readonly doc: ConfDocument;
  readonly facts: TemplateFacts;
  /** Length of the text: missing settings belong at the end of the file. */
  readonly length: number;
}

const UNKNOWN = { known: false } as const;
function known<T>(value: T): Maybe<T> {
  return { known: true, value };
}

/** `5671`, `10.0.0.1:5671`, `:::5671`, `[::1]:5671` → address (undefined: every interface) and port. */
export function parseListenerText(text: string): ListenerValue | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { address: known(undefined), port: known(Number(t)), portText: t };
  const colon = t.lastIndexOf(':');
  if (colon < 0) return undefined;
  const port = t.slice(colon + 1);
  let host = t.slice(0, colon);
  if (!/^\d+$/.test(port)) return undefined;
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { address: known(host), port: known(Number(port)), portText: port };
}

function scalar(setting: ConfSetting, entry: ConfEntry, source: SettingSource, templated: boolean): ScalarNode {
  const t = setting.datatype[0]?.t;
  const v = entry.value.trim();
  if (templated) return { kind: 'scalar', type: 'string', value: UNKNOWN, source };
  if (t === 'boolean' && (v === 'true' || v === 'false')) return { kind: 'scalar', type: 'boolean', value: known(v === 'true'), source };
  if ((t === 'integer' || t === 'port' || t === 'byte') && /^-?\d+$/.test(v)) return { kind: 'scalar', type: 'integer', value: known(Number(v)), written: v, source };
  if (t === 'enum' || t === 'atom' || t === 'flag') return { kind: 'scalar', type: 'atom', value: known(v), source };
  return { kind: 'scalar', type: 'string', value: known(v), source };
}

interface Placement {
  readonly app: string;
  /** Keys below the application: `['ssl_options', 'verify']`. */
  readonly path: readonly string[];
  /** The key pattern ends in a `$name` segment: the value is one element of a list. */
  readonly listElement: boolean;
  /** The value of that `$name` segment in this key (`default`, `1`, `guest`). */
  readonly elementName?: string;
}

/**
 * Web-STOMP and Web-MQTT keep their listener blocks like the management
 * plugin (`web_stomp.ssl.certfile` → `rabbitmq_web_stomp.ssl_config.certfile`),
 * but their schemas are not shipped: this is the mapping those schemas make,
 * written out for the keys the security rules read.
 */
const WEB_PLUGIN_KEY = /^web_(stomp|mqtt)\.(tcp|ssl)\.([a-z_]+)(?:\.([\w-]+))?$/;

function webPluginSetting(key: string): ConfSetting | undefined {
  const m = WEB_PLUGIN_KEY.exec(key);
  if (!m) return undefined;
  const [, plugin, block, option, element] = m;
  const list = element !== undefined;
  return {
    key: list ? `web_${plugin}.${block}.${option}.$n` : key,
    target: `rabbitmq_web_${plugin}.${block}_config.${option}`,
    schema: `rabbitmq_web_${plugin}`,
    datatype: option === 'port' ? [{ t: 'integer' }] : [{ t: 'string' }],
    versions: [],
    ...(list ? { translated: true } : {}),
  };
}

function placementOf(setting: ConfSetting, key: string): Placement | undefined {
  const [app, ...path] = setting.target.split('.');
  if (!app || path.length === 0) return undefined;
  const pattern = tokenizeConfKey(setting.key);
  const segments = tokenizeConfKey(key);
  const last = pattern[pattern.length - 1];
  if (last?.startsWith('$')) return { app, path, listElement: true, elementName: segments[segments.length - 1] };
  // A `$name` in the middle (`default_users.$name.password`) builds structures we do not model.
  if (pattern.some((p) => p.startsWith('$'))) return { app, path: [path[0]], listElement: false };
  return { app, path, listElement: false };
}

class EnvironmentBuilder {
  readonly env: AppEnvironment = new Map();

  constructor(readonly endOfFile: Origin) {}

  private app(name: string) {
    let cfg = this.env.get(name);
    if (!cfg) {
      cfg = { entries: new Map(), anchor: this.endOfFile };
      this.env.set(name, cfg);
    }
    return cfg;
  }

  /** The proplist at `path` (created from this entry's source when missing). */
  private container(app: string, path: readonly string[], source: SettingSource): Map<string, ConfigNode> {
    let entries = this.app(app).entries;
    for (const key of path) {
      let node = entries.get(key);
      if (!node || node.kind !== 'proplist') {
        node = { kind: 'proplist', entries: new Map(), source, anchor: { path: source.origin.path, span: { start: source.origin.span.end, end: source.origin.span.end } } };
        entries.set(key, node);
      } else {
        // Missing options of a block belong after its last line.
        (node as { anchor: Origin }).anchor = { path: source.origin.path, span: { start: source.origin.span.end, end: source.origin.span.end } };
      }
      entries = node.entries as Map<string, ConfigNode>;
    }
    return entries;
  }

  put(p: Placement, node: ConfigNode): void {
    const parent = this.container(p.app, p.path.slice(0, -1), node.source);
    parent.set(p.path[p.path.length - 1], node);
  }

  addItem(p: Placement, item: ListItem, source: SettingSource): void {
    const parent = this.container(p.app, p.path.slice(0, -1), source);
    const key = p.path[p.path.length - 1];
    const existing = parent.get(key);
    if (existing?.kind === 'list') {
      // The builder made this list itself: growing it in place keeps building linear.
      (existing.items as ListItem[]).push(item);
    } else {
      parent.set(key, { kind: 'list', items: [item], partial: false, source } satisfies ListNode);
    }
  }

  /** `loopback_users.guest = false`: the key exists (so the default list is replaced) but adds no element. */
  touchList(p: Placement, source: SettingSource): void {
    const parent = this.container(p.app, p.path.slice(0, -1), source);
    const key = p.path[p.path.length - 1];
    if (parent.get(key)?.kind !== 'list') parent.set(key, { kind: 'list', items: [], partial: false, source });
  }
}

function markOpen(node: ConfigNode): void {
  if (node.kind !== 'proplist') return;
  (node as { openEnded?: boolean }).openEnded = true;
  for (const child of node.entries.values()) markOpen(child);
}

/** cuttlefish orders `key.1`, `key.2`, `key.10` numerically; one collator for every comparison. */
const SORT_KEYS = new Intl.Collator('en', { numeric: true });

function sortLists(node: ConfigNode): void {
  if (node.kind === 'list') (node.items as ListItem[]).sort((a, b) => SORT_KEYS.compare(a.sortKey ?? '', b.sortKey ?? ''));
  if (node.kind === 'proplist') for (const child of node.entries.values()) sortLists(child);
}

/** The application environment that rabbitmq.conf plus its conf.d files produce (later files win, key by key). */
export function confEnvironment(files: readonly ConfFile[]): AppEnvironment {
  // cuttlefish merges the files key by key before translating: last occurrence of a key wins.
  const byKey = new Map<string, { entry: ConfEntry; file: ConfFile }>();
  for (const file of files) for (const entry of file.doc.entries) byKey.set(entry.key, { entry, file });
  const last = files[files.length - 1];
  const builder = new EnvironmentBuilder({ path: last?.path ?? '', span: { start: last?.length ?? 0, end: last?.length ?? 0 } });

  // A line whose key is a template expression may set anything: every application is open-ended.
  const openEnded = files.some((f) => f.doc.entries.some((e) => e.keyTemplated));
  for (const { entry, file } of byKey.values()) {
    const setting = findConfSetting(entry.key) ?? webPluginSetting(entry.key);
    if (!setting) continue;
    const placement = placementOf(setting, entry.key);
    if (!placement) continue;
    const origin = (span: ConfEntry['span']): Origin => ({ path: file.path, span });
    const source: SettingSource = {
      origin: origin(entry.span),
      keyOrigin: origin(entry.keySpan),
      valueOrigin: origin(entry.valueSpan),
      conditional: file.facts.isConditional(entry.span),
    };
    const templated = entry.keyTemplated || entry.valueTemplated;
    const value = entry.value.trim();

    if (placement.listElement) {
      const isListener = placement.path[placement.path.length - 1].endsWith('listeners');
      const isUserFlag = setting.key.startsWith('loopback_users.');
      if (isUserFlag) {
        if (templated || value === 'true') {
          builder.addItem(placement, { value: templated ? UNKNOWN : known(placement.elementName ?? ''), origin: source.origin, conditional: source.conditional }, source);
        } else builder.touchList(placement, source);
        continue;
      }
      let itemValue: Maybe<string | number | ListenerValue> = UNKNOWN;
      if (!templated) {
        const listener = isListener ? parseListenerText(value) : undefined;
        itemValue = listener ? known(listener) : known(value);
      }
      builder.addItem(placement, { value: itemValue, origin: source.origin, conditional: source.conditional, sortKey: placement.elementName }, source);
      continue;
    }
    // `listeners.tcp = none`, `ssl_options = none`: the whole list or block is switched off.
    if (value === 'none' && setting.datatype.some((d) => d.t === 'enum' && d.values.includes('none')) && setting.translated) {
      builder.put(placement, { kind: 'list', items: [], partial: false, source });
      continue;
    }
    if (setting.translated && placement.path.length === 1 && !templated && setting.datatype[0]?.t !== 'enum') {
      builder.put(placement, scalar(setting, entry, source, templated));
      continue;
    }
    builder.put(placement, scalar(setting, entry, source, templated));
  }
  for (const cfg of builder.env.values()) for (const node of cfg.entries.values()) sortLists(node);
  // Templated keys may add options to any block built from these lines.
  if (openEnded) for (const cfg of builder.env.values()) for (const node of cfg.entries.values()) markOpen(node);
  if (openEnded) builder.env.set('*', { entries: new Map(), anchor: builder.endOfFile, openEnded: true });
  return builder.env;
}

export type { ProplistNode };
