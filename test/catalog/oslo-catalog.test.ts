/**
 * The committed oslo.messaging catalog against its sources in ../shared:
 * it must be exactly what the generator makes of them now, and it must say
 * what those files say (every option of both generator outputs, every alias,
 * every removal and rename with its version, the Qpid driver).
 * Without ../shared these tests skip loudly, and fail under CI=true.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOsloCatalogs, LISTED_IN_WRONG_GROUP, OSLO_CATALOG_FILE } from '../../scripts/catalogs/oslo.js';
import { lookupOsloOption } from '../../server/src/engine/catalog/oslo.js';
import { ROOT, SHARED_DIR, sharedAvailable } from '../helpers/paths.js';

const CATALOG_DIR = join(SHARED_DIR, 'catalog');
const COMMITTED = join(ROOT, 'server', 'src', 'engine', 'catalog', 'data', OSLO_CATALOG_FILE);

/** Skips (or fails under CI) when ../shared is not there; true when it is. */
function needShared(t: TestContext): boolean {
  if (sharedAvailable()) return true;
  const message = `SHARED MISSING: ${SHARED_DIR} (reference files the catalog is generated from)`;
  if (process.env.CI === 'true') throw new Error(`${message} (required under CI=true)`);
  console.warn(`\n*** ${message} — skipping ${t.name} ***\n`);
  t.skip(message);
  return false;
}

interface GeneratorOpt {
  readonly name: string;
  readonly type: string;
  readonly default: unknown;
  readonly sample_default: unknown;
  readonly choices: [unknown, unknown][];
  readonly min: number | null;
  readonly max: number | null;
  readonly secret: boolean;
  readonly deprecated_opts: { group: string | null; name: string | null }[];
  readonly deprecated_for_removal: boolean;
}

function readShared<T>(file: string): T {
  return JSON.parse(readFileSync(join(CATALOG_DIR, file), 'utf8')) as T;
}

function generatorOptions(file: string): { group: string; opt: GeneratorOpt }[] {
  const data = readShared<{ options: Record<string, { opts: GeneratorOpt[] }> }>(file);
  return Object.entries(data.options).flatMap(([group, { opts }]) => opts.map((opt) => ({ group, opt })));
}

const TYPE_WORDS: Record<string, string> = {
  boolean: 'boolean value',
  integer: 'integer value',
  float: 'floating point value',
  string: 'string value',
  list: 'list value',
  multi: 'multi valued',
  port: 'port value',
};

/**
 * The group that reads an option the generator listed in `group`: the same,
 * except for the options list_opts() placed in the wrong group (the
 * generator's LISTED_IN_WRONG_GROUP, checked against the installed library
 * by oslo-installed.test.ts), whose listed spelling must then be a name the
 * catalog maps to the real option.
 */
function groupReading(group: string, name: string, release: string, problems: string[]): string {
  const moved = LISTED_IN_WRONG_GROUP.find((m) => m.listed === `${group}/${name}`);
  if (!moved) return group;
  const listed = lookupOsloOption(group, name, release);
  const mapped = listed.option?.group === moved.readIn && listed.option.name === name;
  const honoured = listed.status === 'known' && listed.deprecatedAlias !== undefined;
  if (!mapped || !(honoured || listed.status === 'renamed')) problems.push(`[${group}] ${name} @${release}: listed spelling looks up as ${listed.status}`);
  return moved.readIn;
}

/** Every option of a generator output is known at `release` with the same type, default, bounds, choices. */
function checkGeneratorFile(file: string, release: string): string[] {
  const problems: string[] = [];
  for (const { group: listedGroup, opt } of generatorOptions(file)) {
    const group = groupReading(listedGroup, opt.name, release, problems);
    const where = `${file}: [${group}] ${opt.name} @${release}`;
    const r = lookupOsloOption(group, opt.name, release);
    const o = r.option;
    if (r.status !== 'known' || !o || o.name !== opt.name || o.group !== group) {
      problems.push(`${where}: ${r.status}`);
      continue;
    }
    const expected = {
      type: opt.type,
      default: opt.sample_default === null ? opt.default : undefined,
      min: opt.min ?? undefined,
      max: opt.max ?? undefined,
      choices: opt.choices.length ? opt.choices.map(([v]) => v) : undefined,
      secret: opt.secret,
      deprecated: opt.deprecated_for_removal,
    };
    const actual = {
      type: TYPE_WORDS[o.type] ?? o.type,
      default: o.default,
      min: o.min,
      max: o.max,
      choices: o.choices,
      secret: o.secret === true,
      deprecated: r.deprecatedForRemoval !== undefined,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${where}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
    for (const d of opt.deprecated_opts) {
      const alias = { group: d.group ?? group, name: d.name ?? opt.name };
      if (alias.group === group && alias.name === opt.name) continue;
      const a = lookupOsloOption(alias.group, alias.name, release);
      if (a.status !== 'known' || a.option?.name !== opt.name || !a.deprecatedAlias) {
        problems.push(`${where}: alias [${alias.group}] ${alias.name} is ${a.status}`);
      }
    }
  }
  return problems;
}

test('the committed catalog is what the generator makes of ../shared now', async (t) => {
  if (!needShared(t)) return;
  const out = mkdtempSync(join(tmpdir(), 'oslo-catalog-'));
  try {
    await generateOsloCatalogs(SHARED_DIR, out);
    assert.deepEqual(readdirSync(out), [OSLO_CATALOG_FILE]);
    const fresh = readFileSync(join(out, OSLO_CATALOG_FILE), 'utf8');
    assert.ok(fresh === readFileSync(COMMITTED, 'utf8'), `${COMMITTED} is stale: run npm run catalogs`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("every option of Debian's 14.0.3 and of upstream's generator output is in the catalog, as it was", (t) => {
  if (!needShared(t)) return;
  const upstream = readdirSync(CATALOG_DIR).find((f) => /^oslo\.messaging-[\d.]+-upstream\.json$/.test(f));
  assert.ok(upstream, 'no upstream generator output in ../shared/catalog');
  const version = /-([\d.]+)-upstream/.exec(upstream)![1];
  assert.deepEqual([...checkGeneratorFile('oslo.messaging.json', '14.0.3'), ...checkGeneratorFile(upstream, version)], []);
});

interface LegacyOption {
  readonly name: string;
  readonly group: string;
  readonly default?: unknown;
  readonly deprecated_group?: string;
  readonly deprecated_reason?: string;
  readonly removed_in?: string;
  readonly renamed_to?: string;
  readonly renamed_in?: string;
  readonly deprecated_alias_removed_in?: string;
  readonly source: { readonly tag: string };
}

test('every removal and rename of the legacy file holds, with its version', (t) => {
  if (!needShared(t)) return;
  const legacy = readShared<{ options: LegacyOption[] }>('oslo.messaging-legacy-removed.json');
  assert.ok(legacy.options.length > 10);
  for (const o of legacy.options) {
    const where = `[${o.group}] ${o.name}`;
    if (o.renamed_to) {
      const during = lookupOsloOption(o.group, o.name, o.renamed_in);
      assert.equal(during.status, 'known', `${where} @${o.renamed_in}`);
      assert.deepEqual(during.replacement, { group: o.group, name: o.renamed_to }, where);
      const after = lookupOsloOption(o.group, o.name, o.deprecated_alias_removed_in);
      assert.equal(after.status, 'renamed', `${where} @${o.deprecated_alias_removed_in}`);
      assert.deepEqual(after.replacement, { group: o.group, name: o.renamed_to });
      continue;
    }
    const removedIn = /^\d+(\.\d+)+/.exec(o.removed_in ?? '')?.[0];
    assert.ok(removedIn, `${where}: no removal version`);
    const gone = lookupOsloOption(o.group, o.name, removedIn);
    assert.equal(gone.status, 'removed', `${where} @${removedIn}`);
    assert.equal(gone.changedIn, removedIn);
    assert.deepEqual(gone.option?.default ?? null, o.default ?? null, where);
    const replaced = /\[(\w+)\]\/(\w+)/.exec(o.deprecated_reason ?? '');
    if (replaced) assert.deepEqual(gone.replacement, { group: replaced[1], name: replaced[2] }, where);
    if (o.deprecated_group) assert.equal(lookupOsloOption(o.deprecated_group, o.name, removedIn).status, 'removed', `[${o.deprecated_group}] ${o.name}`);
    // The last tag that still had it (where the legacy file read it) reads it.
    assert.equal(lookupOsloOption(o.group, o.name, o.source.tag).status, 'known', `${where} @${o.source.tag}`);
  }
});

test('the Qpid driver: read in [oslo_messaging_qpid] and [DEFAULT] until its removal', (t) => {
  if (!needShared(t)) return;
  const qpid = readShared<{ driver: { removed_in: { version: string } }; options: { name: string; group: string; deprecated_groups: string[] }[] }>(
    'qpid-legacy.json',
  );
  const removedIn = qpid.driver.removed_in.version;
  for (const o of qpid.options) {
    for (const group of [o.group, ...o.deprecated_groups]) {
      assert.equal(lookupOsloOption(group, o.name, 'kilo').status, 'known', `[${group}] ${o.name} @kilo`);
      assert.equal(lookupOsloOption(group, o.name, 'liberty').status, 'known', `[${group}] ${o.name} @liberty`);
      const gone = lookupOsloOption(group, o.name, removedIn);
      assert.equal(gone.status, 'removed', `[${group}] ${o.name} @${removedIn}`);
      assert.equal(lookupOsloOption(group, o.name).status, 'removed');
    }
  }
});
