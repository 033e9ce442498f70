/**
 * Every rabbitmq.conf-format file of the shared corpus: RabbitMQ's own
 * examples and docs parse, every key of every plain file is known to the
 * catalog (or is listed below with the reason it is not), and every value
 * the catalog can type is accepted. Templates (charm, kolla, OSA, puppet)
 * parse without syntax errors once masked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { oracleMissing } from '../helpers/oracle.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/paths.js';
import { parseCuttlefish } from '../../server/src/engine/formats/cuttlefish/index.js';
import { validateConfValue } from '../../server/src/engine/formats/cuttlefish/index.js';
import { isCataloguedNamespace, matchConfKey } from '../../server/src/engine/catalog/rabbitmq.js';
import { isInTemplate, maskTemplate, type TemplateDialect } from '../../server/src/engine/templates/index.js';

const RABBITMQ = join(CORPUS_DIR, 'rabbitmq');

/** Plain (non-template) rabbitmq.conf files, relative to corpus/rabbitmq. */
function plainConfFiles(): string[] {
  const docs = readdirSync(join(RABBITMQ, 'rabbitmq-website-docs'))
    .filter((f) => f.endsWith('.conf') && !f.includes('rabbitmq-env'))
    .map((f) => `rabbitmq-website-docs/${f}`);
  const upstream = readdirSync(join(RABBITMQ, 'upstream'))
    .filter((f) => f.endsWith('.conf') || f.endsWith('.conf.example'))
    .map((f) => `upstream/${f}`);
  return [...docs, ...upstream].sort();
}

/** rabbitmq.conf templates and their dialect. */
const TEMPLATES: readonly [string, TemplateDialect][] = [
  ['charm-rabbitmq-server/rabbitmq.conf', 'jinja'],
  ['kolla-ansible/rabbitmq.conf.j2', 'jinja'],
  ['openstack-ansible-rabbitmq_server/rabbitmq.conf.j2', 'jinja'],
  ['puppet-rabbitmq/rabbitmq_3.conf.epp', 'erb'],
];

/** Syntax errors cuttlefish really reports in the corpus: file → the lines it stops at. */
const EXPECTED_SYNTAX_ERRORS: Readonly<Record<string, readonly number[]>> = {
  // The extraction from the docs page kept the opening "``` ini" of the code fence.
  'rabbitmq-website-docs/production-checklist-anonymous-login.conf': [1],
};

/** Keys the catalog does not know, and why that is right. */
const EXPECTED_UNKNOWN: Readonly<Record<string, string>> = {
  'trust_store.directory': 'rabbitmq_trust_store plugin: its schema is not in the corpus',
  'trust_store.refresh_interval': 'rabbitmq_trust_store plugin: its schema is not in the corpus',
  'auth_ldap.user_dn_pattern': 'rabbitmq_auth_backend_ldap plugin: its schema is not in the corpus',
  'auth_ldap.use_ssl': 'rabbitmq_auth_backend_ldap plugin: its schema is not in the corpus',
  'auth_ldap.port': 'rabbitmq_auth_backend_ldap plugin: its schema is not in the corpus',
  'auth_ldap.log': 'rabbitmq_auth_backend_ldap plugin: its schema is not in the corpus',
  // A true finding: puppet writes `cluster_nodes = []` when no nodes are given,
  // a key no RabbitMQ schema has (node lists are cluster_formation.classic_config.nodes.$node).
  cluster_nodes: 'puppet-rabbitmq bug: no such rabbitmq.conf key',
};

function requireCorpus(t: Parameters<typeof oracleMissing>[0]): boolean {
  if (sharedAvailable() && existsSync(RABBITMQ)) return true;
  oracleMissing(t, `the shared corpus (${RABBITMQ})`);
  return false;
}

test('plain rabbitmq.conf files: parse, known keys, accepted values', (t) => {
  if (!requireCorpus(t)) return;
  const files = plainConfFiles();
  assert.ok(files.length >= 20, `${files.length} files`);
  const unknownSeen = new Set<string>();
  let entries = 0;
  for (const file of files) {
    const r = parseCuttlefish(readFileSync(join(RABBITMQ, file), 'utf8'));
    const lines = r.errors.map((e) => Number(/after line (\d+)/.exec(e.message)?.[1]));
    assert.deepEqual(lines, EXPECTED_SYNTAX_ERRORS[file] ?? [], `${file}: ${r.errors.map((e) => e.message).join('; ')}`);
    for (const e of r.tree.entries) {
      entries++;
      const m = matchConfKey(e.segments.map((s) => s.text));
      if (!m) {
        assert.ok(e.key in EXPECTED_UNKNOWN, `${file}: unknown key ${e.key}`);
        unknownSeen.add(e.key);
        continue;
      }
      assert.equal(validateConfValue(m.setting, e.value), undefined, `${file}: ${e.key} = ${e.value}`);
    }
  }
  assert.ok(entries > 150, `${entries} entries checked`);
  for (const key of unknownSeen) assert.ok(!isCataloguedNamespace(key.split('.')[0]) || key === 'cluster_nodes', key);
});

test('rabbitmq.conf templates: no syntax error once masked, known keys', (t) => {
  if (!requireCorpus(t)) return;
  for (const [file, dialect] of TEMPLATES) {
    const masked = maskTemplate(readFileSync(join(RABBITMQ, file), 'utf8'), dialect);
    const r = parseCuttlefish(masked.text, { isTemplate: (o) => isInTemplate(masked, o) });
    assert.deepEqual(r.errors, [], file);
    assert.ok(r.tree.entries.length > 10, `${file}: ${r.tree.entries.length} entries`);
    for (const e of r.tree.entries) {
      if (e.keyTemplated) continue;
      const m = matchConfKey(e.segments.map((s) => s.text));
      if (!m) assert.ok(e.key in EXPECTED_UNKNOWN, `${file}: unknown key ${e.key}`);
      else if (!e.valueTemplated) assert.equal(validateConfValue(m.setting, e.value), undefined, `${file}: ${e.key} = ${e.value}`);
    }
  }
});

test('every expected-unknown key still occurs in the corpus (the list is not stale)', (t) => {
  if (!requireCorpus(t)) return;
  const texts = [...plainConfFiles(), ...TEMPLATES.map(([f]) => f)].map((f) => readFileSync(join(RABBITMQ, f), 'utf8')).join('\n');
  for (const key of Object.keys(EXPECTED_UNKNOWN)) assert.match(texts, new RegExp(`^\\s*${key.replace(/\./g, '\\.')}\\s*=`, 'm'), key);
});
