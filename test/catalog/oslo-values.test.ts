/**
 * Agreement test: our value checks against oslo.config's real types.
 *
 * Every option of the catalog with a checked type (boolean, integer, float,
 * port, string with choices, list, multi) is paired with good, bad and edge
 * values (blank, surrounding spaces, signs, underscores, hex, floats, case
 * variants, Unicode digits and spaces, bounds ± 1, the choices and near
 * misses…). test/oracles/oslo_types.py converts them all in one Python
 * process with oslo_config.types, and our verdict must equal oslo.config's:
 * same acceptance, same message word for word, same converted value.
 *
 * Options as Debian's oslo.messaging 14.0.3 (installed here) defines them are
 * converted with the installed option's own type object, so the catalog's
 * description of them is checked as well; other releases' definitions are
 * converted with type objects built from the catalog.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  CHECKED_OSLO_TYPES,
  lookupOsloOption,
  osloCatalog,
  parseOsloValue,
  type OsloOption,
  type OsloValue,
  type OsloValueSpec,
} from '../../server/src/engine/catalog/oslo.js';
import { LISTED_IN_WRONG_GROUP } from '../../scripts/catalogs/oslo.js';
import { oracleMissing } from '../helpers/oracle.js';

const PYTHON = '/usr/bin/python3';
const ORACLE = 'test/oracles/oslo_types.py';
/** The oslo.messaging version installed beside the oracle (Debian 12). */
const INSTALLED = '14.0.3';

type Encoded =
  | { readonly none: true }
  | { readonly bool: boolean }
  | { readonly int: string }
  | { readonly float: string }
  | { readonly str: string }
  | { readonly list: readonly string[] };

interface OracleResult {
  readonly id: number;
  readonly missing?: true;
  readonly ok?: boolean;
  readonly message?: string;
  readonly value?: Encoded;
}

interface InstalledOption {
  readonly group: string;
  readonly name: string;
  readonly class: string;
  readonly default: unknown;
  readonly min: number | null;
  readonly max: number | null;
  readonly choices: string[] | null;
  readonly ignore_case: boolean;
  readonly secret: boolean;
  readonly deprecated_for_removal: boolean;
  readonly deprecated_opts: [string, string][];
}

interface OracleAnswer {
  readonly results: OracleResult[];
  readonly options: InstalledOption[];
}

interface Case {
  readonly id: number;
  readonly label: string;
  readonly value: string;
  readonly spec: OsloValueSpec;
  readonly real: [string, string] | null;
}

/** Values every type meets: blanks, spacing, signs, number syntaxes, Unicode. */
const COMMON_VALUES = [
  '', ' ', '\t', 'true', 'TRUE', 'On', 'oFF', 'Yes', 'no', 'y', 't', '1', '0', '01', '2', 'maybe', ' true', 'true ',
  ' 1 ', '+1', '-1', '-0', '+-1', '- 1', '1_000', '1__000', '_1', '1_', '0_0', '0x10', '0o7', '0b1', '010', '1.0', '1.',
  '.5', '1e3', '1E-3', '1e', '1e_3', '1_0.5', '1._5', 'inf', '-Infinity', 'INFINITY', 'nan', '+NaN', 'infinit', '1e400',
  'sixty', '60\ncontinued', '1 2', '١٢', '١.٥', '\u00a05', '\u20035\u3000', '5\u2028', '\x1c5', '5\x1f', '\x1c', '\x855',
  '\ufeff5', '\u200b1', '²', '\u{1d7d8}', "it's", 'a"b', `a'b"c`, 'é\u00e9', '\\', '\x7f1', 'round-robin', 'ROUND-ROBIN',
  '9'.repeat(4300), '9'.repeat(4301), '9'.repeat(4301) + 'x', '0'.repeat(4301), 'x'.repeat(250), 'é'.repeat(250),
  '1'.repeat(30), '-' + '1'.repeat(30),
];

/** Values for lists and multi-valued options. */
const LIST_VALUES = ['a,b', ' a , b ,', ',', ',,', 'a,,b', '', ' ', 'messagingv2', 'log, noop'];

/** Values around an option's bounds and its choices. */
function boundaryValues(option: OsloValueSpec): string[] {
  const out: string[] = [];
  const around = (bound: number) => {
    if (option.type === 'float') out.push(String(bound - 0.001), String(bound), String(bound + 0.001), `${bound}e0`);
    else out.push(String(bound - 1), String(bound), String(bound + 1), ` ${bound} `, `+${bound}`);
  };
  if (option.min !== undefined) around(option.min);
  if (option.max !== undefined) around(option.max);
  if (option.type === 'port') out.push('5671', '65535', '65536', '-1', '99999');
  for (const choice of option.choices ?? []) {
    out.push(choice, choice.toUpperCase(), choice.toLowerCase(), ` ${choice}`, `${choice} `, `${choice}x`, `'${choice}'`);
  }
  return out;
}

function valuesFor(option: OsloValueSpec): string[] {
  if (option.type === 'list' || option.type === 'multi') return LIST_VALUES;
  return [...COMMON_VALUES, ...boundaryValues(option)];
}

function specOf(option: OsloOption): OsloValueSpec {
  return {
    type: option.type,
    ...(option.min !== undefined ? { min: option.min } : {}),
    ...(option.max !== undefined ? { max: option.max } : {}),
    ...(option.choices ? { choices: option.choices } : {}),
  };
}

/** Each catalog option as the installed release and the newest release define it (when they differ or only one has it). */
function optionViews(): { label: string; option: OsloOption; real: boolean }[] {
  const views: { label: string; option: OsloOption; real: boolean }[] = [];
  for (const entry of osloCatalog().options) {
    if (!CHECKED_OSLO_TYPES.includes(entry.type)) continue;
    const ref = `[${entry.group}] ${entry.name}`;
    const installed = lookupOsloOption(entry.group, entry.name, INSTALLED);
    const ownInstalled = installed.status === 'known' && installed.option?.name === entry.name && installed.option.group === entry.group;
    if (ownInstalled) views.push({ label: `${ref} @${INSTALLED}`, option: installed.option!, real: true });
    const newest = lookupOsloOption(entry.group, entry.name);
    const newestOption = newest.status === 'known' ? newest.option! : entry; // removed: its last definition
    if (!ownInstalled || JSON.stringify(specOf(newestOption)) !== JSON.stringify(specOf(installed.option!))) {
      views.push({ label: `${ref} @newest`, option: newestOption, real: false });
    }
  }
  return views;
}

/**
 * The oracle finds installed options through list_opts(), which put the
 * RabbitMQ driver's pool options in [DEFAULT] though the driver registers
 * them in [oslo_messaging_rabbit] (the generator's LISTED_IN_WRONG_GROUP,
 * checked against the driver by oslo-installed.test.ts). Where list_opts()
 * has an option the catalog places in `group`:
 */
function whereListed(group: string, name: string): [string, string] {
  const moved = LISTED_IN_WRONG_GROUP.find((m) => m.readIn === group && m.listed.endsWith(`/${name}`));
  return moved ? [moved.listed.slice(0, moved.listed.indexOf('/')), name] : [group, name];
}

/** The group that reads an option list_opts() lists in `group` (the inverse of whereListed). */
function whereRead(group: string, name: string): string {
  return LISTED_IN_WRONG_GROUP.find((m) => m.listed === `${group}/${name}`)?.readIn ?? group;
}

/** The cases, and the options (as `[group] name`) some case covers. */
function buildCases(): { cases: Case[]; covered: Set<string> } {
  const cases: Case[] = [];
  const covered = new Set<string>();
  const seen = new Set<string>();
  for (const view of optionViews()) {
    covered.add(view.label.replace(/ @.*/, ''));
    const spec = specOf(view.option);
    for (const value of valuesFor(spec)) {
      // Views converted by a spec-built type repeat across options: check each (spec, value) once.
      const dedupe = view.real ? `${view.label}\u0000${value}` : `${JSON.stringify(spec)}\u0000${value}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      cases.push({
        id: cases.length,
        label: view.label,
        value,
        spec,
        real: view.real ? whereListed(view.option.group, view.option.name) : null,
      });
    }
  }
  return { cases, covered };
}

/** Why the oracle cannot run, or null when it can. */
function whyOracleMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import oslo_config.types, oslo_messaging.opts'], { encoding: 'utf8' });
  if (probe.status !== 0) return `oslo_config/oslo_messaging not importable by ${PYTHON}: ${probe.stderr.trim()}`;
  return null;
}

function runOracle(cases: readonly Case[]): OracleAnswer {
  const request = { cases: cases.map(({ id, value, spec, real }) => ({ id, value, spec, real })) };
  const r = spawnSync(PYTHON, [ORACLE], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.status, 0, `oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleAnswer;
}

/** Whether oslo's converted value equals ours. */
function sameValue(theirs: Encoded, ours: OsloValue): boolean {
  if ('none' in theirs) return ours === null;
  if ('bool' in theirs) return ours === theirs.bool;
  if ('int' in theirs) return typeof ours === 'number' && ours === Number(BigInt(theirs.int));
  if ('float' in theirs) {
    const special: Record<string, number> = { inf: Infinity, '-inf': -Infinity, nan: NaN };
    return typeof ours === 'number' && Object.is(ours, special[theirs.float] ?? Number(theirs.float));
  }
  if ('str' in theirs) return ours === theirs.str;
  return Array.isArray(ours) && JSON.stringify(ours) === JSON.stringify(theirs.list);
}

function show(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...(${s.length} chars)` : s);
}

/** One disagreement between us and oslo, described, or undefined. */
function disagreement(c: Case, theirs: OracleResult | undefined): string | undefined {
  const where = `${c.label} = ${show(c.value)}`;
  if (!theirs) return `${where}: no answer from the oracle`;
  if (theirs.missing) return `${where}: the catalog says ${INSTALLED} has this option, the installed oslo.messaging does not`;
  const ours = parseOsloValue(c.spec, c.value);
  if (ours.status === 'unchecked') return `${where}: we do not check this type`;
  if (theirs.ok) {
    if (ours.status === 'invalid') return `${where}: oslo accepts it, we say ${show(ours.message)}`;
    if (!sameValue(theirs.value!, ours.value)) return `${where}: oslo reads ${JSON.stringify(theirs.value)}, we read ${JSON.stringify(ours.value)}`;
    return undefined;
  }
  if (ours.status === 'valid') return `${where}: oslo says ${show(theirs.message!)}, we accept it`;
  if (ours.message !== theirs.message) return `${where}: oslo says ${show(theirs.message!)}, we say ${show(ours.message)}`;
  return undefined;
}

/** The oracle's answer, computed once for both tests (undefined when it cannot run). */
interface Answer {
  readonly cases: Case[];
  readonly covered: Set<string>;
  readonly oracle: OracleAnswer;
}
let answer: Answer | undefined;
function oracleAnswer(t: TestContext): Answer | undefined {
  const missing = whyOracleMissing();
  if (missing) {
    oracleMissing(t, missing);
    return undefined;
  }
  if (!answer) {
    const { cases, covered } = buildCases();
    answer = { cases, covered, oracle: runOracle(cases) };
  }
  return answer;
}

test('every value verdict and message agrees with oslo_config.types', (t) => {
  const got = oracleAnswer(t);
  if (!got) return;
  const byId = new Map(got.oracle.results.map((r) => [r.id, r]));
  const problems = got.cases.map((c) => disagreement(c, byId.get(c.id))).filter((p): p is string => p !== undefined);
  assert.deepEqual(problems.slice(0, 25), [], `${problems.length} of ${got.cases.length} cases disagree`);

  // The cases must really cover what the brief promises: every checked option, both verdicts, every type.
  const rejected = got.oracle.results.filter((r) => r.ok === false).length;
  assert.ok(got.cases.length >= 300, `only ${got.cases.length} cases`);
  assert.ok(rejected >= 100 && got.cases.length - rejected >= 100, `unbalanced: ${rejected} rejected of ${got.cases.length}`);
  const typesSeen = new Set(got.cases.map((c) => c.spec.type));
  for (const type of ['boolean', 'integer', 'float', 'port', 'string', 'list', 'multi'] as const) {
    assert.ok(typesSeen.has(type), `no ${type} option among the cases`);
  }
  for (const o of osloCatalog().options) {
    if (['boolean', 'integer', 'float', 'port'].includes(o.type) || o.choices) {
      assert.ok(got.covered.has(`[${o.group}] ${o.name}`), `[${o.group}] ${o.name} has no cases`);
    }
  }
  console.log(`# ${got.cases.length} (option, value) cases agree with oslo.config (${rejected} rejected by both)`);
});

/** Our type name for an oslo.config Opt class. */
const OPT_CLASS_TYPES: Record<string, string> = {
  BoolOpt: 'boolean',
  IntOpt: 'integer',
  FloatOpt: 'float',
  PortOpt: 'port',
  StrOpt: 'string',
  ListOpt: 'list',
  MultiStrOpt: 'multi',
};

test(`the catalog describes the installed oslo.messaging ${INSTALLED} exactly`, (t) => {
  const got = oracleAnswer(t);
  if (!got) return;
  const installed = got.oracle.options;
  assert.ok(installed.length > 50, `only ${installed.length} installed options reported`);
  const problems: string[] = [];
  for (const listed of installed) {
    const real = { ...listed, group: whereRead(listed.group, listed.name) };
    const where = `[${real.group}] ${real.name}`;
    const r = lookupOsloOption(real.group, real.name, INSTALLED);
    const o = r.option;
    if (r.status !== 'known' || !o || o.group !== real.group || o.name !== real.name || r.deprecatedAlias) {
      problems.push(`${where}: looked up as ${r.status} ${o ? `[${o.group}] ${o.name}` : ''}`);
      continue;
    }
    const expected = {
      type: OPT_CLASS_TYPES[real.class] ?? real.class,
      default: real.default,
      min: real.min ?? undefined,
      max: real.max ?? undefined,
      choices: real.choices ?? undefined,
      secret: real.secret,
      deprecatedForRemoval: real.deprecated_for_removal,
    };
    const actual = {
      type: o.type,
      default: o.sampleDefault !== undefined ? real.default : o.default,
      min: o.min,
      max: o.max,
      choices: o.choices,
      secret: o.secret === true,
      deprecatedForRemoval: r.deprecatedForRemoval !== undefined,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${where}: catalog ${JSON.stringify(actual)} vs installed ${JSON.stringify(expected)}`);
    }
    if (real.ignore_case) problems.push(`${where}: choices ignore case, the catalog cannot say so`);
    for (const [group, name] of real.deprecated_opts) {
      if (group === real.group && name === real.name) continue;
      const alias = lookupOsloOption(group, name, INSTALLED);
      if (alias.status !== 'known' || alias.option?.name !== real.name || !alias.deprecatedAlias) {
        problems.push(`${where}: its alias [${group}] ${name} looks up as ${alias.status}`);
      }
    }
  }
  // Conversely: nothing the catalog claims for this release may be missing from it.
  const names = new Set(installed.map((o) => `${whereRead(o.group, o.name)}/${o.name}`));
  for (const o of osloCatalog().options) {
    const r = lookupOsloOption(o.group, o.name, INSTALLED);
    if (r.status === 'known' && r.option?.name === o.name && !names.has(`${o.group}/${o.name}`)) {
      problems.push(`[${o.group}] ${o.name}: known at ${INSTALLED} in the catalog, absent from the installed release`);
    }
  }
  assert.deepEqual(problems, []);
});
