/**
 * The catalog's [oslo_messaging_rabbit] against the installed oslo.messaging
 * (Debian's 14.0.3 here) as its RabbitMQ driver really behaves, not as
 * oslo-config-generator lists it: test/catalog/oracles/oslo_rabbit_registered.py
 * creates a transport (the driver registers its options; no broker is
 * contacted) and reports the options registered, the old spellings each one
 * reads, and, for config files holding a single `[group] name = value`,
 * which option the value reaches.
 *
 * The two differ: list_opts() put the connection-pool options in [DEFAULT]
 * until 16.0.0, while the driver registers and reads them in
 * [oslo_messaging_rabbit]. The generator corrects that through its
 * LISTED_IN_WRONG_GROUP table, checked here against the library.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LISTED_IN_WRONG_GROUP } from '../../scripts/catalogs/oslo.js';
import { listOsloOptions, lookupOsloOption, osloCatalog, resolveOsloRelease, type OsloOptionData } from '../../server/src/engine/catalog/oslo.js';
import { oracleMissing } from '../helpers/oracle.js';
import { ROOT } from '../helpers/paths.js';
import { installedOsloMessaging, probeValue, runPythonJson, whyPythonOracleMissing } from '../oslo/oracle.js';

const ORACLE = join(ROOT, 'test/catalog/oracles/oslo_rabbit_registered.py');
const RABBIT = 'oslo_messaging_rabbit';

interface Probe {
  readonly group: string;
  readonly name: string;
  readonly value: string;
}

interface OracleAnswer {
  readonly version: string;
  /** Option name → the [group, name] spellings oslo.config also reads for it. */
  readonly registered: Record<string, [string, string][]>;
  readonly listed: { readonly DEFAULT: string[]; readonly oslo_messaging_rabbit: string[] };
  readonly probes: { readonly group: string; readonly name: string; readonly reaches: string | null }[];
}

/**
 * Every spelling the catalog knows for an [oslo_messaging_rabbit] option,
 * and the [DEFAULT]-only rabbit_durable_queues written in the group (as
 * charm-helpers does), each with a value for the option as `release` has it.
 */
function probes(release: string): Probe[] {
  const out = new Map<string, Probe>();
  const add = (group: string, name: string, option: OsloOptionData | undefined) => {
    const k = `${group}/${name}`;
    const atRelease = option ? (lookupOsloOption(option.group, option.name, release).option ?? option) : undefined;
    if (!out.has(k)) out.set(k, { group, name, value: probeValue(atRelease) });
  };
  for (const option of osloCatalog().options) {
    if (option.group !== RABBIT) continue;
    add(option.group, option.name, option);
    for (const alias of option.aliases ?? []) add(alias.group, alias.name, option);
  }
  const durable = osloCatalog().options.find((o) => o.group === RABBIT && o.name === 'amqp_durable_queues');
  add(RABBIT, 'rabbit_durable_queues', durable);
  return [...out.values()];
}

let cached: { answer: OracleAnswer; sent: Probe[] } | undefined;
function oracle(): { answer: OracleAnswer; sent: Probe[] } {
  if (!cached) {
    const version = installedOsloMessaging();
    assert.ok(resolveOsloRelease(version), `installed oslo.messaging ${version} is outside the catalog's releases`);
    const sent = probes(version);
    cached = { answer: runPythonJson<OracleAnswer>(ORACLE, { probes: sent }), sent };
  }
  return cached;
}

/** The installed release as our lookups take it. */
function releaseOf(answer: OracleAnswer): string {
  assert.ok(resolveOsloRelease(answer.version), `installed oslo.messaging ${answer.version} is outside the catalog's releases`);
  return answer.version;
}

test("[oslo_messaging_rabbit] at the installed release: the catalog's options are those the RabbitMQ driver registers", (t) => {
  const missing = whyPythonOracleMissing(['oslo_messaging']);
  if (missing) return oracleMissing(t, missing);
  const { answer } = oracle();
  const release = releaseOf(answer);
  const ours = listOsloOptions(RABBIT, release).map((o) => o.name);
  assert.deepEqual([...ours].sort(), Object.keys(answer.registered).sort());

  // Each option's old spellings: those oslo.config reads, and no others.
  const problems: string[] = [];
  for (const [name, spellings] of Object.entries(answer.registered)) {
    const theirs = spellings.map(([g, n]) => `${g}/${n}`).sort();
    const candidates = osloCatalog().options.flatMap((o) => (o.aliases ?? []).map((a) => `${a.group}/${a.name}`));
    const oursRead = [...new Set(candidates)]
      .filter((k) => {
        const [g, n] = k.split('/');
        const r = lookupOsloOption(g, n, release);
        return r.status === 'known' && r.deprecatedAlias !== undefined && r.option?.group === RABBIT && r.option.name === name;
      })
      .sort();
    if (JSON.stringify(oursRead) !== JSON.stringify(theirs)) problems.push(`${name}: library reads ${theirs.join(' ')}, we say ${oursRead.join(' ')}`);
  }
  assert.deepEqual(problems, []);
});

test('the generator moves exactly the options list_opts() lists outside the group the driver registers them in', (t) => {
  const missing = whyPythonOracleMissing(['oslo_messaging']);
  if (missing) return oracleMissing(t, missing);
  const { answer } = oracle();
  const listedElsewhere = Object.keys(answer.registered).filter((n) => !answer.listed.oslo_messaging_rabbit.includes(n));
  // Registered in the group, listed in [DEFAULT]: the generator's table must name each of them.
  for (const name of listedElsewhere) assert.ok(answer.listed.DEFAULT.includes(name), `${name} is listed nowhere`);
  const moved = LISTED_IN_WRONG_GROUP.filter((m) => m.readIn === RABBIT).map((m) => m.listed);
  assert.deepEqual([...moved].sort(), listedElsewhere.map((n) => `DEFAULT/${n}`).sort());
  assert.ok(listedElsewhere.length > 0, 'the installed list_opts() agrees with the driver: LISTED_IN_WRONG_GROUP is stale');
});

test('which spellings reach the RabbitMQ driver: our lookups at the installed release agree for every name the catalog knows', (t) => {
  const missing = whyPythonOracleMissing(['oslo_messaging']);
  if (missing) return oracleMissing(t, missing);
  const { answer, sent } = oracle();
  const release = releaseOf(answer);
  assert.equal(answer.probes.length, sent.length);
  const disagreements: string[] = [];
  let reached = 0;
  for (const probe of answer.probes) {
    const r = lookupOsloOption(probe.group, probe.name, release);
    const ours = r.status === 'known' && r.option?.group === RABBIT ? r.option.name : null;
    if (probe.reaches) reached++;
    if (ours !== probe.reaches) disagreements.push(`[${probe.group}] ${probe.name}: reaches ${probe.reaches}, we say ${ours} (${r.status})`);
  }
  assert.deepEqual(disagreements, []);
  // Both sides exercised: read spellings (own names, deprecated ones) and ignored ones.
  assert.ok(reached >= 30 && answer.probes.length - reached >= 10, `${reached} of ${answer.probes.length} probes reached an option`);
  const verdict = (group: string, name: string) => answer.probes.find((p) => p.group === group && p.name === name)?.reaches;
  assert.equal(verdict('DEFAULT', 'rpc_conn_pool_size'), 'rpc_conn_pool_size');
  assert.equal(verdict('DEFAULT', 'conn_pool_min_size'), null);
  assert.equal(verdict(RABBIT, 'rabbit_durable_queues'), null);
});
