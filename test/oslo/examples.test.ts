/**
 * The OpenStack and Qpid examples produce exactly the findings the rule
 * catalog predicts (reasoned below from shared/rules.md and facts/oslo.md,
 * line by line), the hardened one none, and fix-all leaves on the legacy and
 * half-hardened ones only what needs a person: TLS on the broker side,
 * certificates, and accounts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import { AccountIndex, accountsOfDocument } from '../../server/src/engine/workspace/index.js';
import { ROOT } from '../helpers/paths.js';
import { codes, fixAllWithOurs, lint } from './engine.js';

const EXAMPLES = join(ROOT, 'examples');

function example(rel: string): { path: string; text: string } {
  const path = join(EXAMPLES, rel);
  return { path, text: readFileSync(path, 'utf8') };
}

function codesOf(rel: string, options: EngineOptions = {}, index?: AccountIndex): string[] {
  const result = lint(example(rel), options, index);
  assert.deepEqual(result.internalErrors, []);
  return codes(result);
}

const LEGACY = 'openstack/queens-legacy/nova.conf';
const QPID_ERA = 'openstack/qpid-era/cinder.conf';
const HALF = 'openstack/half-hardened/neutron.conf';
const HARDENED = 'openstack/hardened/nova.conf';
const KOLLA = 'openstack/kolla-template/nova.conf.j2';
const QPIDD = 'qpid/qpidd.conf';

test('queens-legacy/nova.conf at the newest release', () => {
  assert.deepEqual(codesOf(LEGACY), [
    // TLS: ssl is not set, and the old name rabbit_use_ssl stopped being read in 16.0.0.
    'OSLO101',
    // The password (rabbit_password, AMQPLAIN by default) crosses without TLS.
    'OSLO204',
    // rpc_backend and the five rabbit_* connection options were removed in 9.0.0.
    'OSLO301',
    'OSLO301',
    'OSLO301',
    'OSLO301',
    'OSLO301',
    'OSLO301',
    // rabbit_use_ssl and kombu_ssl_version: renamed, ignored since 16.0.0.
    'OSLO302',
    'OSLO302',
  ]);
});

test('queens-legacy/nova.conf at Queens, the release it was written for', () => {
  assert.deepEqual(codesOf(LEGACY, { osloRelease: 'queens' }), [
    // rabbit_use_ssl = false is read: TLS is off.
    'OSLO101',
    // kombu_ssl_version = TLSv1 is read (an alias of ssl_version since 5.18.0).
    'OSLO105',
    'OSLO204',
    // Both old TLS names still work, deprecated: information.
    'OSLO302',
    'OSLO302',
  ]);
  const infos = lint(example(LEGACY), { osloRelease: 'queens' }).findings.filter((f) => f.code === 'OSLO302');
  assert.deepEqual(infos.map((f) => f.severity), ['information', 'information']);
});

test('qpid-era/cinder.conf', () => {
  assert.deepEqual(codesOf(QPID_ERA), [
    // rpc_backend (removed in 9.0.0); its qpid value makes the fix a human's.
    'OSLO301',
    // The Qpid driver is selected: qpid_protocol = tcp, qpid_sasl_mechanisms = PLAIN.
    'QPID101',
    'QPID102',
    // Six qpid_* options of a driver removed in 3.1.0.
    'QPID103',
    'QPID103',
    'QPID103',
    'QPID103',
    'QPID103',
    'QPID103',
  ]);
});

test('half-hardened/neutron.conf', () => {
  assert.deepEqual(codesOf(HALF), [
    // ssl = true, but no ssl_ca_file, no client certificate.
    'OSLO102',
    'OSLO103',
    // ssl_enforce_hostname_verification = false.
    'OSLO104',
    // ssl_version = tlsv1_1.
    'OSLO105',
    // "# HA pair" after the URL is part of the value (the vhost becomes ' ').
    'OSLO303',
  ]);
});

test('hardened/nova.conf: no OSLO finding at any release, nothing at all at the newest', () => {
  assert.deepEqual(codesOf(HARDENED), []);
  for (const release of ['zed', '2023.1', '2024.2', '2025.1', '2025.2', 'master']) {
    assert.deepEqual(codesOf(HARDENED, { osloRelease: release }).filter((c) => c.startsWith('OSLO')), [], release);
  }
});

test('kolla-template/nova.conf.j2: only what no rendering can avoid', () => {
  // The transports come from template variables and TLS from an {% if %}: unknown, silent.
  // heartbeat_in_pthread is set whatever it renders to, and 18.0.0 removed it.
  assert.deepEqual(codesOf(KOLLA), ['OSLO301']);
  assert.deepEqual(codesOf(KOLLA, { osloRelease: '2024.1' }), [], 'still read by 14.7');
});

test('qpid/qpidd.conf', () => {
  // auth=no; TLS set up without require-encryption, without client certificates.
  assert.deepEqual(codesOf(QPIDD), ['QPID201', 'QPID202', 'QPID203']);
});

test('OSLO202 across the examples: nova and neutron share the install guide\'s "openstack" account', () => {
  const index = new AccountIndex();
  for (const rel of [LEGACY, QPID_ERA, HALF, HARDENED, KOLLA]) {
    const result = analyze(example(rel));
    assert.ok(result, rel);
    index.set(accountsOfDocument(result.document));
  }
  assert.equal(codesOf(LEGACY, {}, index).filter((c) => c === 'OSLO202').length, 1);
  assert.equal(codesOf(HALF, {}, index).filter((c) => c === 'OSLO202').length, 1);
  for (const rel of [QPID_ERA, HARDENED, KOLLA]) assert.deepEqual(codesOf(rel, {}, index).filter((c) => c === 'OSLO202'), [], rel);
});

test('fix-all on the legacy and half-hardened files leaves only what needs a person', () => {
  // TLS on, the deployment's CA and a client certificate at placeholder paths: only the
  // account (OSLO202, with the workspace indexed) is left to a person.
  const cases: [string, string[]][] = [
    [LEGACY, []],
    [HALF, []],
  ];
  for (const [rel, left] of cases) {
    const source = example(rel);
    const fixed = fixAllWithOurs(source);
    const after = lint({ path: source.path, text: fixed });
    assert.deepEqual(codes(after), left, `${rel}:\n${fixed}`);
    for (const f of after.findings) assert.ok(!f.fixes.some((x) => x.safe), `${rel}: ${f.code} still has a safe fix`);
    assert.equal(fixAllWithOurs({ path: source.path, text: fixed }), fixed, `${rel}: fix-all twice`);
  }
  // The legacy file's connection survives: one transport_url saying what the old options said.
  const legacy = fixAllWithOurs(example(LEGACY));
  assert.match(legacy, /^transport_url = rabbit:\/\/openstack:RABBIT_PASS@controller:5672\/$/m);
  assert.match(legacy, /^ssl = true$/m);
  assert.match(legacy, /^ssl_ca_file = \/etc\/nova\/ssl\/ca\.pem$/m);
  assert.doesNotMatch(legacy, /rabbit_|kombu_|rpc_backend|ssl_version/);
  // The half-hardened file keeps its comment, now on its own line, and its URL loses it.
  const half = fixAllWithOurs(example(HALF));
  assert.match(half, /^# HA pair\ntransport_url = rabbit:\/\/\S+:5671\/$/m);
});
