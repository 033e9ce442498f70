/**
 * Old option names in the groups where people wrote them, checked against
 * what oslo.messaging really read (openstack/oslo.messaging history; the
 * installed 14.0.3 probed by test/catalog/oslo-installed.test.ts):
 *
 * - rabbit_durable_queues was only ever read in [DEFAULT] (1.7.0–1.8.x as
 *   `deprecated_name` + `deprecated_group='DEFAULT'`, later as a
 *   DeprecatedOpt in [DEFAULT]), until 9.0.0 removed it: in
 *   [oslo_messaging_rabbit], where charm-helpers writes it, no release read
 *   it, so it is an unknown name there (CFG002), explained;
 * - the connection-pool options: [oslo_messaging_rabbit] all along,
 *   [DEFAULT] rpc_conn_pool_size a deprecated alias until 16.0.0, the
 *   [DEFAULT] conn_pool_min_size / conn_pool_ttl of the sample config never
 *   read (OSLO302, explained; the move is not applied blindly when it would
 *   leave the pool's maximum below its minimum, which stops the driver).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/paths.js';
import { fixAllWithOurs, lint, type Lint } from './engine.js';

function findingsOn(text: string, key: string, options: EngineOptions = {}): Lint[] {
  const result = lint({ path: '/etc/nova/nova.conf', text }, { language: 'oslo-config', ...options });
  assert.deepEqual(result.internalErrors, []);
  return result.findings.filter((f) => text.slice(f.span.start, f.span.end) === key && /^(CFG00[23]|OSLO30[12])$/.test(f.code));
}

const TLS = '[oslo_messaging_rabbit]\nssl = true\n';

test('[oslo_messaging_rabbit] rabbit_durable_queues: unknown at every release, explained, with amqp_durable_queues offered', () => {
  const text = `[DEFAULT]\ntransport_url = rabbit://u:p@h:5671/\n${TLS}rabbit_durable_queues = false\n`;
  for (const release of ['liberty', 'rocky', 'zed', undefined]) {
    const found = findingsOn(text, 'rabbit_durable_queues', release ? { osloRelease: release } : {});
    assert.deepEqual(found.map((f) => f.code), ['CFG002'], String(release));
    const [f] = found;
    assert.match(f.message, /never read it in this group; it is the \[DEFAULT\] spelling of amqp_durable_queues \(read there until oslo\.messaging 9\.0\.0\)/);
    assert.match(f.message, /did you mean 'amqp_durable_queues'\?$/);
    assert.deepEqual(f.fixes.map((x) => [x.title, x.safe]), [["Rename to 'amqp_durable_queues'", false]]);
  }
});

test('[DEFAULT] rabbit_durable_queues: a deprecated alias before Stein, ignored from 9.0.0 on', () => {
  const text = `[DEFAULT]\ntransport_url = rabbit://u:p@h:5671/\nrabbit_durable_queues = true\n${TLS}`;
  const rocky = findingsOn(text, 'rabbit_durable_queues', { osloRelease: 'rocky' });
  assert.deepEqual(rocky.map((f) => `${f.code}:${f.severity}`), ['OSLO302:information']);
  const now = findingsOn(text, 'rabbit_durable_queues');
  assert.deepEqual(now.map((f) => `${f.code}:${f.severity}`), ['OSLO302:error']);
  assert.match(now[0].message, /no longer read since oslo\.messaging 9\.0\.0 .*use \[oslo_messaging_rabbit\] amqp_durable_queues/);
});

test("charm-helpers' section-rabbitmq-oslo: every legacy name gets the code its history calls for", (t) => {
  if (!sharedAvailable()) {
    if (process.env.CI === 'true') throw new Error('shared/ missing');
    return t.skip('SHARED MISSING');
  }
  const path = join(CORPUS_DIR, 'oslo', 'charm-helpers', 'section-rabbitmq-oslo');
  const text = readFileSync(path, 'utf8');
  const result = lint({ path, text }, { language: 'oslo-config' });
  const byKey = new Map<string, string[]>();
  for (const f of result.findings) {
    const key = text.slice(f.span.start, f.span.end);
    if (!/^[a-z_]+$/.test(key)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), f.code]);
  }
  const expected: Record<string, string> = {
    rabbit_userid: 'OSLO301',
    rabbit_virtual_host: 'OSLO301',
    rabbit_password: 'OSLO301',
    rabbit_hosts: 'OSLO301',
    rabbit_host: 'OSLO301',
    rabbit_port: 'OSLO301',
    rabbit_use_ssl: 'OSLO302',
    kombu_ssl_ca_certs: 'OSLO302',
    rabbit_durable_queues: 'CFG002',
  };
  for (const [key, code] of Object.entries(expected)) assert.ok(byKey.get(key)?.includes(code), `${key}: ${byKey.get(key)?.join(',')}`);
  // rabbit_ha_queues is a current option (deprecated, still read).
  assert.ok(!byKey.get('rabbit_ha_queues')?.some((c) => /^(CFG002|OSLO30[12])$/.test(c)));
});

test('pool sizes: read in [oslo_messaging_rabbit] in Zed already; the [DEFAULT] spellings as that release reads them', () => {
  const text =
    '[DEFAULT]\ntransport_url = rabbit://u:p@h:5671/\nrpc_conn_pool_size = 40\nconn_pool_min_size = 4\nconn_pool_ttl = 600\n' +
    `${TLS}rpc_conn_pool_size = 50\nconn_pool_min_size = 5\nconn_pool_ttl = 700\n`;
  const zed = { osloRelease: 'zed' };
  const onKey = (key: string, options: EngineOptions) =>
    lint({ path: '/etc/nova/nova.conf', text }, { language: 'oslo-config', ...options }).findings.filter(
      (f) => text.slice(f.span.start, f.span.end) === key && /^(CFG002|OSLO302)$/.test(f.code),
    );
  // Both spellings are in the file: the group's rpc_conn_pool_size wins, the [DEFAULT] one is deprecated.
  assert.deepEqual(onKey('rpc_conn_pool_size', zed).map((f) => `${f.line}:${f.code}:${f.severity}`), ['3:OSLO302:information']);
  for (const key of ['conn_pool_min_size', 'conn_pool_ttl']) {
    const found = onKey(key, zed);
    assert.deepEqual(found.map((f) => `${f.line}:${f.code}:${f.severity}`), [`${key === 'conn_pool_ttl' ? 5 : 4}:OSLO302:error`], key);
    assert.match(found[0].message, new RegExp(`'${key}' is ignored in \\[DEFAULT\\] \\(the RabbitMQ driver reads it only in \\[oslo_messaging_rabbit\\]`));
  }
  assert.deepEqual(onKey('rpc_conn_pool_size', {}).map((f) => `${f.line}:${f.severity}`), ['3:error']);
});

test('moving an ignored pool size is safe only when the pool keeps its maximum at or above its minimum', () => {
  const base = `[DEFAULT]\ntransport_url = rabbit://u:p@h:5671/\n${TLS}`;
  const moveOf = (text: string, key: string, release = 'zed') => {
    const f = lint({ path: '/etc/nova/nova.conf', text }, { language: 'oslo-config', osloRelease: release }).findings.find(
      (x) => x.code === 'OSLO302' && text.slice(x.span.start, x.span.end) === key,
    );
    assert.ok(f, key);
    return f.fixes[0];
  };
  const fine = base.replace('[oslo_messaging_rabbit]', 'conn_pool_min_size = 5\n[oslo_messaging_rabbit]');
  assert.equal(moveOf(fine, 'conn_pool_min_size').safe, true);
  // Default maximum 30: a minimum of 50 would stop the driver (RuntimeError) once read.
  const tooBig = base.replace('[oslo_messaging_rabbit]', 'conn_pool_min_size = 50\n[oslo_messaging_rabbit]');
  assert.equal(moveOf(tooBig, 'conn_pool_min_size').safe, false);
  const raised = tooBig + 'rpc_conn_pool_size = 60\n';
  assert.equal(moveOf(raised, 'conn_pool_min_size').safe, true);
  // From 16.0.0 [DEFAULT] rpc_conn_pool_size is ignored too: 10 under a minimum of 20 is not moved blindly.
  const small = base.replace('[oslo_messaging_rabbit]', 'rpc_conn_pool_size = 10\n[oslo_messaging_rabbit]') + 'conn_pool_min_size = 20\n';
  assert.equal(moveOf(small, 'rpc_conn_pool_size', '2025.1').safe, false);
  const fixed = fixAllWithOurs({ path: '/etc/nova/nova.conf', text: fine }, { language: 'oslo-config', osloRelease: 'zed' });
  assert.match(fixed, /\[oslo_messaging_rabbit\]\n(?:.*\n)*conn_pool_min_size = 5\n/);
  assert.ok(!/\[DEFAULT\][^[]*conn_pool_min_size/.test(fixed), fixed);
  const kept = fixAllWithOurs({ path: '/etc/nova/nova.conf', text: tooBig }, { language: 'oslo-config', osloRelease: 'zed' });
  assert.match(kept, /\[DEFAULT\][^[]*conn_pool_min_size = 50/);
});
