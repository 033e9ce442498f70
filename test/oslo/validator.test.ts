/**
 * oslo-config-validator agreement on option names.
 *
 * For every plain service file of the corpus and every fixture in
 * test/fixtures/oslo/validator/, test/oracles/oslo_validator.py runs what
 * `oslo-config-validator --namespace oslo.messaging --input-file F
 * --exclude-group G…` runs (the groups excluded are the file's groups that
 * oslo.messaging does not own: the service's own). Its verdict on each
 * option (error "not part of the sample config" / warning "Deprecated opt" /
 * nothing) must be ours, with our lookups at the release it knows: Debian's
 * oslo.messaging 14.0.3.
 *
 * `[DEFAULT]` is shared with the service, so the validator calls every
 * service option there ("my_ip", "debug") unknown: for us those are "not
 * oslo.messaging's", which must be exactly the `[DEFAULT]` names the
 * validator rejects and our catalog does not know.
 *
 * Then our rules at 14.0.3 must say the same thing: OSLO302 as information
 * on each deprecated name, OSLO301/OSLO302 errors on removed/renamed names,
 * nothing on a fine one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMessagingGroup } from '../../server/src/engine/catalog/oslo.js';
import { osloMessagingModel } from '../../server/src/engine/model/oslo/index.js';
import { optionVerdict } from '../../server/src/engine/rules/oslo/option-verdict.js';
import { oracleMissing } from '../helpers/oracle.js';
import { CORPUS_DIR, ROOT, sharedAvailable } from '../helpers/paths.js';
import { lint } from './engine.js';
import { runPythonJson, whyPythonOracleMissing } from './oracle.js';

const ORACLE = join(ROOT, 'test/oracles/oslo_validator.py');
const FIXTURES = join(ROOT, 'test/fixtures/oslo/validator');
/** The oslo.messaging the validator runs here (Debian 12). */
const VALIDATOR_RELEASE = '14.0.3';

type Verdict = 'fine' | 'deprecated' | 'unknown';

type OracleAnswer =
  | { readonly path: string; readonly exit: number; readonly unknown: [string, string][]; readonly deprecated: [string, string][] }
  | { readonly path: string; readonly error: string };

/**
 * Where the validator answers otherwise, what it answers, and why. Each must
 * still happen (a difference that goes away is reported too).
 */
const KNOWN_DIFFERENCES: Record<string, { readonly validator: Verdict; readonly reason: string }> = {
  'DEFAULT/routing_notifier_config': {
    validator: 'unknown',
    reason:
      "routing_config is registered when the routing notifier loads and is missing from list_opts(), so the validator's data lacks it and its old name; services using the routing driver read the old name with a deprecation warning",
  },
  // The validator reads list_opts(), which lists the pool options in [DEFAULT]; the RabbitMQ driver
  // registers and reads them in [oslo_messaging_rabbit] (test/catalog/oslo-installed.test.ts probes it).
  'oslo_messaging_rabbit/rpc_conn_pool_size': {
    validator: 'unknown',
    reason: 'the driver reads it here; list_opts() put it in [DEFAULT] until 16.0.0',
  },
  'DEFAULT/conn_pool_min_size': {
    validator: 'fine',
    reason: 'listed in [DEFAULT] until 16.0.0 but never read there: the driver reads [oslo_messaging_rabbit] conn_pool_min_size only',
  },
  'DEFAULT/conn_pool_ttl': {
    validator: 'fine',
    reason: 'listed in [DEFAULT] until 16.0.0 but never read there: the driver reads [oslo_messaging_rabbit] conn_pool_ttl only',
  },
};

function plainCorpusFiles(): string[] {
  const dir = join(CORPUS_DIR, 'oslo', 'historical-plain');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.conf'))
    .sort()
    .map((n) => join(FIXTURES, n));
}

/** The file's sections and options as the validator walks them (raw section names). */
function optionsOf(path: string): { section: string; key: string }[] {
  const result = lint({ path, text: readFileSync(path, 'utf8') }, { language: 'oslo-config', osloRelease: VALIDATOR_RELEASE });
  const model = osloMessagingModel(result.document, VALIDATOR_RELEASE)!;
  const seen = new Set<string>();
  const out: { section: string; key: string }[] = [];
  for (const { entry, section } of model.settings.entries()) {
    const k = `${section.name}/${entry.key}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ section: section.name, key: entry.key });
  }
  return out;
}

/** Groups the validator is told to skip: the service's own. */
function excludedGroups(path: string): string[] {
  const names = new Set(optionsOf(path).map((o) => o.section));
  return [...names].filter((n) => n !== 'DEFAULT' && !isMessagingGroup(n));
}

test('option names: our verdicts agree with oslo-config-validator (oslo.messaging 14.0.3)', (t) => {
  const missing = whyPythonOracleMissing(['oslo_config.validator', 'oslo_messaging']);
  if (missing) return oracleMissing(t, missing);
  const files = [...(sharedAvailable() ? plainCorpusFiles() : []), ...fixtureFiles()];
  if (process.env.CI === 'true') assert.ok(files.length >= 10);
  const answers = runPythonJson<OracleAnswer[]>(
    ORACLE,
    files.map((path) => ({ path, exclude_groups: excludedGroups(path) })),
  );
  const disagreements: string[] = [];
  const counts = { fine: 0, deprecated: 0, unknown: 0, notMessaging: 0 };
  for (const [i, path] of files.entries()) {
    const answer = answers[i];
    assert.ok(!('error' in answer), `${path}: the validator could not read it: ${'error' in answer ? answer.error : ''}`);
    const theirs = new Map<string, Verdict>();
    for (const [g, o] of answer.unknown) theirs.set(`${g}/${o}`, 'unknown');
    for (const [g, o] of answer.deprecated) theirs.set(`${g}/${o}`, 'deprecated');
    const result = lint({ path, text: readFileSync(path, 'utf8') }, { language: 'oslo-config', osloRelease: VALIDATOR_RELEASE });
    const model = osloMessagingModel(result.document, VALIDATOR_RELEASE)!;
    const excluded = new Set(excludedGroups(path));
    for (const { section, key } of optionsOf(path)) {
      if (excluded.has(section)) continue;
      const ours = optionVerdict(model.settings, section, key);
      const id = `${section}/${key}`;
      const expected: Verdict = ours === 'not-messaging' ? 'unknown' : ours;
      const actual = theirs.get(id) ?? 'fine';
      if (ours === 'not-messaging') counts.notMessaging++;
      else counts[ours]++;
      const known = KNOWN_DIFFERENCES[id];
      if (known ? known.validator !== actual : expected !== actual) {
        disagreements.push(`${path.replace(ROOT, '.')}: ${id}: validator ${actual}, ours ${ours}`);
      }
    }
  }
  assert.deepEqual(disagreements, []);
  // The files must exercise every verdict.
  for (const [verdict, n] of Object.entries(counts)) assert.ok(n >= 3, `only ${n} '${verdict}' options`);
});

test('option names: our rules at 14.0.3 report exactly the names the verdicts condemn', () => {
  for (const path of fixtureFiles()) {
    const text = readFileSync(path, 'utf8');
    const result = lint({ path, text }, { language: 'oslo-config', osloRelease: VALIDATOR_RELEASE });
    const model = osloMessagingModel(result.document, VALIDATOR_RELEASE)!;
    for (const { entry, section } of model.settings.entries()) {
      const at = result.findings.filter((f) => f.span.start === entry.keySpan.start && /^(OSLO30[12]|QPID103)$/.test(f.code));
      const verdict = optionVerdict(model.settings, section.group, entry.key);
      const where = `${path.replace(ROOT, '.')}: [${section.name}] ${entry.key}`;
      const status = model.settings.lookup(section.group, entry.key).status;
      if (verdict === 'deprecated') {
        assert.deepEqual(at.map((f) => `${f.code}:${f.severity}`), ['OSLO302:information'], where);
      } else if (status === 'renamed') {
        assert.deepEqual(at.map((f) => `${f.code}:${f.severity}`), ['OSLO302:error'], where);
      } else if (status === 'removed') {
        // Qpid driver options are QPID103's.
        assert.equal(at.length, 1, where);
        assert.ok(at[0].code === 'OSLO301' || at[0].code === 'QPID103', where);
      } else {
        assert.deepEqual(at, [], where);
      }
    }
  }
});
