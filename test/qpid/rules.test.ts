/**
 * The QPID rules: the Qpid driver's options in service files (QPID101–103)
 * and the Qpid C++ broker's qpidd.conf (QPID201–203), with their fixes.
 * No Qpid broker is packaged in Debian: these are checked statically,
 * against the option semantics of qpidd (boost program_options, qpidd's own
 * pre-filter of raw option names) and of oslo.messaging's old driver.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import { lint, type Lint } from '../oslo/engine.js';
import { applyFix } from '../oslo/fix-harness.js';

function only(code: string, text: string, path = '/etc/cinder/cinder.conf', options: EngineOptions = {}): Lint[] {
  const result = lint({ path, text }, options);
  assert.deepEqual(result.internalErrors, []);
  return result.findings.filter((f) => f.code === code);
}

function at(text: string, f: Lint): string {
  return text.slice(f.span.start, f.span.end);
}

const QPID_ERA = '[DEFAULT]\nrpc_backend = qpid\nqpid_hostname = controller\nqpid_username = cinder\nqpid_password = pw\n';

test('QPID101: the Qpid driver selected and qpid_protocol absent or tcp', () => {
  const [absent] = only('QPID101', QPID_ERA);
  assert.equal(at(QPID_ERA, absent), '[DEFAULT]');
  const tcp = QPID_ERA + 'qpid_protocol = tcp\n';
  assert.equal(at(tcp, only('QPID101', tcp)[0]), 'tcp');
  assert.deepEqual(only('QPID101', QPID_ERA + 'qpid_protocol = ssl\n'), []);
  // Options without selecting the driver (glance's sample files carried them by default) are inert.
  assert.deepEqual(only('QPID101', '[DEFAULT]\nrabbit_host = ctl\nqpid_hostname = ctl\nqpid_protocol = tcp\n'), []);
  const url = '[DEFAULT]\ntransport_url = qpid://cinder:pw@ctl:5672/\n';
  assert.equal(only('QPID101', url).length, 1);
  const group = '[DEFAULT]\nrpc_backend = qpid\n[oslo_messaging_qpid]\nqpid_hostname = ctl\n';
  assert.equal(at(group, only('QPID101', group)[0]), '[oslo_messaging_qpid]');
});

test('QPID102: mechanisms empty, absent, or only PLAIN/ANONYMOUS', () => {
  assert.equal(only('QPID102', QPID_ERA).length, 1);
  const empty = QPID_ERA + 'qpid_sasl_mechanisms =\n';
  assert.match(only('QPID102', empty)[0].message, /empty/);
  assert.equal(only('QPID102', QPID_ERA + 'qpid_sasl_mechanisms = PLAIN ANONYMOUS\n').length, 1);
  assert.deepEqual(only('QPID102', QPID_ERA + 'qpid_sasl_mechanisms = GSSAPI PLAIN\n'), []);
});

test('QPID103: every Qpid option, by the release: deprecated from 1.16.0, removed from 3.1.0', () => {
  const text = QPID_ERA + '[oslo_messaging_qpid]\nqpid_heartbeat = 60\n';
  const found = only('QPID103', text);
  assert.deepEqual(found.map((f) => at(text, f)), ['qpid_hostname', 'qpid_username', 'qpid_password', 'qpid_heartbeat']);
  assert.match(found[0].message, /removed in oslo\.messaging 3\.1\.0 \(Mitaka\)/);
  assert.ok(!found[2].message.includes('pw'));
  assert.match(only('QPID103', text, undefined, { osloRelease: 'liberty' })[0].message, /deprecated/);
  assert.deepEqual(only('QPID103', text, undefined, { osloRelease: 'kilo' }), []);
  assert.equal(only('QPID103', '[DEFAULT]\ntransport_url = qpid://c:p@h/\n').length, 1);
  // glance's own qpid_notification_* options are not the driver's.
  assert.deepEqual(only('QPID103', '[DEFAULT]\nqpid_notification_exchange = glance\n'), []);
});

test('QPID101/QPID102 fixes: qpid_protocol = ssl, a placeholder mechanism (not safe)', () => {
  const p = applyFix({ path: '/etc/cinder/cinder.conf', text: QPID_ERA + 'qpid_protocol = tcp\n', code: 'QPID101', safe: false });
  assert.match(p.fixed, /qpid_protocol = ssl\n$/);
  const added = applyFix({ path: '/etc/cinder/cinder.conf', text: QPID_ERA, code: 'QPID101', safe: false });
  assert.match(added.fixed, /qpid_password = pw\nqpid_protocol = ssl\n$/);
  const m = applyFix({ path: '/etc/cinder/cinder.conf', text: QPID_ERA + 'qpid_sasl_mechanisms = PLAIN\n', code: 'QPID102', safe: false });
  assert.match(m.fixed, /qpid_sasl_mechanisms = EXTERNAL\n$/);
});

const BROKER = '# broker\nport=5672\nauth=no\nssl-port=5671\nssl-cert-db=/etc/qpid/db\nssl-cert-name=broker\n';

test('QPID201: auth=no (any boolean spelling); auth = no with blanks is not an option qpidd reads', () => {
  const [f] = only('QPID201', BROKER, 'qpidd.conf');
  assert.equal(at(BROKER, f), 'no');
  for (const v of ['false', 'off', '0', 'No']) assert.equal(only('QPID201', `auth=${v}\n`, 'qpidd.conf').length, 1, v);
  assert.deepEqual(only('QPID201', 'auth=yes\n', 'qpidd.conf'), []);
  assert.deepEqual(only('QPID201', 'auth = no\n', 'qpidd.conf'), []);
  assert.deepEqual(only('QPID201', '', 'qpidd.conf'), [], 'auth defaults to yes');
});

test('QPID202: TLS without require-encryption=yes, or no TLS at all', () => {
  const [f] = only('QPID202', BROKER, 'qpidd.conf');
  assert.equal(f.line, 1);
  assert.match(f.message, /not set/);
  assert.deepEqual(only('QPID202', BROKER + 'require-encryption=yes\n', 'qpidd.conf'), []);
  const off = BROKER + 'require-encryption=no\n';
  assert.equal(at(off, only('QPID202', off, 'qpidd.conf')[0]), 'no');
  const [none] = only('QPID202', 'port=5672\n', 'qpidd.conf');
  assert.match(none.message, /no TLS/);
  assert.deepEqual(none.fixes, [], 'no TLS to require yet: a human sets it up');
});

test('QPID203: TLS without ssl-require-client-authentication=yes', () => {
  assert.equal(only('QPID203', BROKER, 'qpidd.conf').length, 1);
  assert.deepEqual(only('QPID203', BROKER + 'ssl-require-client-authentication=yes\n', 'qpidd.conf'), []);
  assert.deepEqual(only('QPID203', 'port=5672\n', 'qpidd.conf'), []);
});

test('QPID201–QPID203 fixes: in place or appended, layout kept (not safe)', () => {
  const a = applyFix({ path: 'qpidd.conf', text: BROKER, code: 'QPID201', safe: false });
  assert.equal(a.fixed, BROKER.replace('auth=no', 'auth=yes'));
  const r = applyFix({ path: 'qpidd.conf', text: BROKER.trimEnd(), code: 'QPID202', safe: false });
  assert.equal(r.fixed, BROKER + 'require-encryption=yes\n');
  const c = applyFix({ path: 'qpidd.conf', text: BROKER + 'ssl-require-client-authentication=no # later\n', code: 'QPID203', safe: false });
  assert.match(c.fixed, /ssl-require-client-authentication=yes # later\n$/);
});

test('a qpidd.conf the broker refuses gets CFG001 only', () => {
  const found = lint({ path: 'qpidd.conf', text: 'auth=no\nthis is not an option\n' }).findings;
  assert.deepEqual(found.map((f) => f.code), ['CFG001']);
});
