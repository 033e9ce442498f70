/**
 * Builds the RabbitMQ catalogs from RabbitMQ's own cuttlefish schemas in
 * ../shared/corpus/rabbitmq/upstream/:
 *
 * - data/rabbitmq-conf.json: every rabbitmq.conf key pattern with its classic
 *   target, datatypes, default, doc, validators and the schema versions that
 *   declare it;
 * - data/rabbitmq-classic.json: the classic application keys those targets
 *   name, per application.
 *
 * The schemas are Erlang source (with `fun … end` translations), so they are
 * read by Erlang itself: cuttlefish-schema-to-json.escript (next to this file)
 * scans, parses and evaluates each form and expands `include_partial`. This
 * file then merges the forms the way cuttlefish does for one node (later
 * definitions replace earlier ones; several mappings onto one target without
 * a translation keep only the first) and unites the schema versions.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ClassicCatalog, ClassicSetting, ConfCatalog, ConfDatatype, ConfSetting } from '../../server/src/engine/catalog/rabbitmq-types.js';

const run = promisify(execFile);

/** The escript that turns schema files into JSON. */
export const SCHEMA_READER = resolve(__dirname, 'cuttlefish-schema-to-json.escript');

/** The label of schema files without a `__<version>` suffix (rabbitmq-server main). */
const MAIN = 'main';

/** One schema file of the corpus: `<app>__<name>.schema[__<version>]`. */
interface SchemaFile {
  readonly name: string;
  readonly app: string;
  readonly version: string;
}

/** What the escript prints for one schema form. */
type SchemaItem =
  | {
      readonly kind: 'mapping';
      readonly variable: string;
      readonly target: string;
      readonly datatype: ConfDatatype[];
      readonly default: string | null;
      readonly commented: string | null;
      readonly doc: string[];
      readonly comment: string[];
      readonly see: string[];
      readonly hidden: boolean;
      readonly level: string;
      readonly includeDefault: string | null;
      readonly validators: string[];
      readonly aliases: string[];
      readonly line: number;
      readonly partial: string | null;
    }
  | { readonly kind: 'translation'; readonly target: string; readonly line: number; readonly partial: string | null }
  | { readonly kind: 'validator'; readonly name: string; readonly description: string; readonly line: number; readonly partial: string | null }
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

type MappingItem = Extract<SchemaItem, { kind: 'mapping' }>;

interface ReaderOutput {
  readonly files: readonly { readonly file: string; readonly items: readonly SchemaItem[] }[];
}

/** The schema of one node of one version, merged as cuttlefish merges it. */
interface MergedSchema {
  readonly mappings: readonly (MappingItem & { readonly schema: string })[];
  readonly translations: ReadonlySet<string>;
  readonly validators: ReadonlyMap<string, string>;
}

export async function generateRabbitmqCatalogs(sharedDir: string, outDir: string): Promise<void> {
  const upstream = join(sharedDir, 'corpus', 'rabbitmq', 'upstream');
  const names = (await readdir(upstream)).sort();
  const files = names.map(parseSchemaFileName).filter((f): f is SchemaFile => f !== undefined);
  if (files.length === 0) throw new Error(`no *.schema files in ${upstream}`);
  const partials = names.filter((n) => n.endsWith('.partial'));

  const output = await readSchemas(upstream, files.map((f) => f.name));
  checkReaderOutput(output, partials);

  const versions = orderVersions([...new Set(files.map((f) => f.version))]);
  const merged = versions.map((v) => ({ version: v, schema: mergeVersion(files.filter((f) => f.version === v), output) }));
  const conf = buildConfCatalog(files.map((f) => f.name), versions, merged);
  const classic = buildClassicCatalog(conf);

  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'rabbitmq-conf.json'), JSON.stringify(conf) + '\n');
  await writeFile(join(outDir, 'rabbitmq-classic.json'), JSON.stringify(classic) + '\n');
}

function parseSchemaFileName(name: string): SchemaFile | undefined {
  const m = /^([a-z0-9_]+)__[a-z0-9_]+\.schema(?:__(.+))?$/.exec(name);
  if (!m) return undefined;
  return { name, app: m[1], version: m[2] ?? MAIN };
}

/** `main` first, then release versions newest first. */
function orderVersions(versions: string[]): string[] {
  const releases = versions.filter((v) => v !== MAIN);
  releases.sort((a, b) => compareVersions(b, a));
  return versions.includes(MAIN) ? [MAIN, ...releases] : releases;
}

function compareVersions(a: string, b: string): number {
  const na = (a.match(/\d+/g) ?? []).map(Number);
  const nb = (b.match(/\d+/g) ?? []).map(Number);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

async function readSchemas(dir: string, files: string[]): Promise<ReaderOutput> {
  // One Erlang process for every file: starting one is the slow part.
  const { stdout } = await run('escript', [SCHEMA_READER, dir, ...files], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as ReaderOutput;
}

/** A schema that does not read cleanly must stop the generator, not vanish from the catalog. */
function checkReaderOutput(output: ReaderOutput, partials: string[]): void {
  const errors = output.files.flatMap((f) => f.items.filter((i) => i.kind === 'error').map((i) => `${f.file}:${i.line}: ${(i as { message: string }).message}`));
  if (errors.length > 0) throw new Error(`cannot read the schemas:\n${errors.join('\n')}`);
  const used = new Set(output.files.flatMap((f) => f.items.map((i) => ('partial' in i ? i.partial : null))).filter((p): p is string => p !== null));
  const unused = partials.filter((p) => !used.has(p.replace(/\.partial$/, '').replace('__', '/')));
  if (unused.length > 0) throw new Error(`partials never included by a schema: ${unused.join(', ')}`);
}

/**
 * Merges one version's files like cuttlefish_schema:files/1: a mapping
 * replaces an earlier one with the same key; across files the first file in
 * RabbitMQ's (sorted) order wins; then, for a target with several mappings
 * and no translation, only the first mapping stays (cuttlefish's filter/1).
 */
function mergeVersion(files: SchemaFile[], output: ReaderOutput): MergedSchema {
  const mappings = new Map<string, MappingItem & { schema: string }>();
  const translations = new Set<string>();
  const validators = new Map<string, string>();
  for (const file of [...files].reverse()) {
    const items = output.files.find((f) => f.file === file.name)?.items ?? [];
    const own = new Map<string, MappingItem & { schema: string }>();
    for (const item of items) {
      if (item.kind === 'mapping') own.set(item.variable, { ...item, schema: file.app });
      else if (item.kind === 'translation') translations.add(item.target);
      else if (item.kind === 'validator') validators.set(item.name, item.description);
    }
    for (const [key, m] of own) mappings.set(key, m);
  }
  return { mappings: keepFirstPerUntranslatedTarget([...mappings.values()], translations), translations, validators };
}

function keepFirstPerUntranslatedTarget<M extends { target: string }>(mappings: M[], translations: ReadonlySet<string>): M[] {
  const seen = new Set<string>();
  return mappings.filter((m) => {
    if (translations.has(m.target)) return true;
    if (seen.has(m.target)) return false;
    seen.add(m.target);
    return true;
  });
}

function buildConfCatalog(sources: string[], versions: string[], merged: { version: string; schema: MergedSchema }[]): ConfCatalog {
  const byKey = new Map<string, { setting: ConfSetting; versions: string[] }>();
  const validators: Record<string, string> = {};
  // Newest first, so the newest definition of a key is the one kept.
  for (const { version, schema } of merged) {
    for (const [name, description] of schema.validators) validators[name] ??= description;
    for (const m of schema.mappings) {
      const known = byKey.get(m.variable);
      if (known) {
        known.versions.push(version);
        if (!known.setting.doc) known.setting = withDoc(known.setting, docOf(m));
      } else {
        byKey.set(m.variable, { setting: toSetting(m, schema.translations), versions: [version] });
      }
    }
  }
  const settings = shareDocWithinTarget([...byKey.values()].map(({ setting, versions: vs }) => ({ ...setting, versions: vs })));
  const sortedValidators = Object.fromEntries(Object.entries(validators).sort(([a], [b]) => a.localeCompare(b)));
  return { sources, versions, validators: sortedValidators, settings };
}

function toSetting(m: MappingItem & { schema: string }, translations: ReadonlySet<string>): ConfSetting {
  const doc = docOf(m);
  return {
    key: m.variable,
    target: m.target,
    schema: m.schema,
    datatype: m.datatype,
    ...(m.default !== null ? { default: m.default } : {}),
    ...(m.commented !== null ? { commented: m.commented } : {}),
    ...(doc ? { doc } : {}),
    ...(m.hidden ? { hidden: true } : {}),
    ...(m.level !== 'basic' ? { level: m.level } : {}),
    ...(m.validators.length > 0 ? { validators: m.validators } : {}),
    ...(m.aliases.length > 0 ? { aliases: m.aliases } : {}),
    ...(m.see.length > 0 ? { see: m.see } : {}),
    ...(translations.has(m.target) ? { translated: true } : {}),
    ...(m.partial !== null ? { partial: m.partial } : {}),
    versions: [],
  };
}

/**
 * RabbitMQ documents a group of keys feeding one target once, above the first
 * (`listeners.tcp` then `listeners.tcp.$name`): the others borrow that text.
 */
function shareDocWithinTarget(settings: ConfSetting[]): ConfSetting[] {
  const docByTarget = new Map<string, string>();
  for (const s of settings) if (s.doc && !docByTarget.has(s.target)) docByTarget.set(s.target, s.doc);
  return settings.map((s) => (s.doc ? s : withDoc(s, docByTarget.get(s.target))));
}

function withDoc(setting: ConfSetting, doc: string | undefined): ConfSetting {
  return doc ? { ...setting, doc } : setting;
}

/**
 * cuttlefish's `%% @doc` text when there is one, else the comment block right
 * above (how RabbitMQ documents most keys). A partial's comments describe the
 * partial itself, so its mappings only get `@doc` text.
 */
function docOf(m: MappingItem): string | undefined {
  const lines = m.doc.length > 0 ? m.doc : m.partial === null ? m.comment : [];
  const text = lines.join('\n').trim();
  return text.length > 0 ? text : undefined;
}

/** Application environments that are not applications (`vm_args.+K` become VM flags). */
const NOT_APPLICATIONS = new Set(['vm_args']);

function buildClassicCatalog(conf: ConfCatalog): ClassicCatalog {
  const apps = new Map<string, Map<string, ClassicDraft>>();
  for (const s of conf.settings) {
    const [app, ...path] = s.target.split('.');
    if (NOT_APPLICATIONS.has(app) || path.length === 0) continue;
    const keys = apps.get(app) ?? new Map<string, ClassicDraft>();
    apps.set(app, keys);
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join('.');
      const draft = keys.get(key) ?? newDraft(app, key);
      keys.set(key, draft);
      if (depth < path.length) draft.children.add(path[depth]);
      else draft.sources.push(s);
    }
  }
  const out: Record<string, ClassicSetting[]> = {};
  for (const app of [...apps.keys()].sort()) {
    out[app] = [...apps.get(app)!.values()].sort((a, b) => a.key.localeCompare(b.key)).map(finishDraft);
  }
  return { sources: conf.sources, apps: out };
}

interface ClassicDraft {
  readonly app: string;
  readonly key: string;
  readonly sources: ConfSetting[];
  readonly children: Set<string>;
}

function newDraft(app: string, key: string): ClassicDraft {
  return { app, key, sources: [], children: new Set() };
}

function finishDraft(d: ClassicDraft): ClassicSetting {
  const direct = d.sources.length === 1 && !d.sources[0].translated && !d.sources[0].key.includes('$') ? d.sources[0] : undefined;
  const doc = d.sources.find((s) => s.doc)?.doc;
  const children = [...d.children].sort();
  return {
    app: d.app,
    key: d.key,
    confKeys: d.sources.map((s) => s.key),
    ...(d.sources.some((s) => s.translated) ? { translated: true } : {}),
    ...(direct ? { datatype: direct.datatype } : {}),
    ...(direct?.default !== undefined ? { default: direct.default } : {}),
    ...(doc ? { doc } : {}),
    ...(children.length > 0 ? { children } : {}),
  };
}
