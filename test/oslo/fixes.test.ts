/**
 * Every OSLO fix, through the common bar (test/oslo/fix-harness.ts), plus
 * what each must produce: the setting in the right section, a transport_url
 * that oslo.messaging reads back as the old options said, layout and line
 * breaks kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTransportUrl } from '../../server/src/engine/model/oslo/index.js';
import { applyFix } from './fix-harness.js';
import { lint } from './engine.js';

const URL_TLS = '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5671/nova\n';

test('OSLO101 fix: ssl = true, in the existing section, a new one, or in place of false (safe)', () => {
  const created = applyFix({ text: URL_TLS, code: 'OSLO101', safe: true });
  assert.equal(created.fixed, URL_TLS + '\n[oslo_messaging_rabbit]\nssl = true\n');
  const appended = applyFix({ text: URL_TLS + '\n[oslo_messaging_rabbit]\n# tuning\nheartbeat_rate = 3\n\n[database]\nx = 1\n', code: 'OSLO101', safe: true });
  assert.match(appended.fixed, /heartbeat_rate = 3\nssl = true\n\n\[database\]/);
  const replaced = applyFix({ text: URL_TLS + '[oslo_messaging_rabbit]\nssl = "False"\n', code: 'OSLO101', safe: true });
  assert.match(replaced.fixed, /\nssl = true\n$/);
  const crlf = applyFix({ text: URL_TLS.replace(/\n/g, '\r\n'), code: 'OSLO101', safe: true });
  assert.ok(!/[^\r]\n/.test(crlf.fixed), 'CRLF kept');
  // In a template, right after the header: the section's end may be inside an {% if %}.
  const j2 = '[DEFAULT]\ntransport_url = rabbit://nova:{{ pw }}@r1:5671/\n[oslo_messaging_rabbit]\n{% if x %}\nheartbeat_rate = 3\n{% endif %}\n';
  const t = applyFix({ path: 'templates/nova.conf.j2', text: j2, code: 'OSLO101', safe: true });
  assert.match(t.fixed, /\[oslo_messaging_rabbit\]\nssl = true\n\{% if x %\}/);
});

test('OSLO102/OSLO103 fixes: placeholder paths named after the service (safe)', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://neutron:pw@r1:5671/\n[oslo_messaging_rabbit]\nssl = true\nssl_ca_file =\n';
  const ca = applyFix({ path: 'roles/neutron/templates/neutron.conf.j2', text, code: 'OSLO102', safe: true });
  assert.match(ca.fixed, /\nssl_ca_file = \/etc\/neutron\/ssl\/ca\.pem\n/);
  const cert = applyFix({ path: '/etc/neutron/neutron.conf', text, code: 'OSLO103', safe: true });
  assert.match(cert.fixed, /ssl_cert_file = \/etc\/neutron\/ssl\/neutron\.pem\nssl_key_file = \/etc\/neutron\/ssl\/neutron\.key\n/);
  const keyOnly = applyFix({ text: text + 'ssl_cert_file = /etc/nova/my.pem\n', code: 'OSLO103', safe: true });
  assert.match(keyOnly.fixed, /ssl_cert_file = \/etc\/nova\/my\.pem\nssl_key_file = \/etc\/nova\/ssl\/nova\.key\n$/);
});

test('OSLO104 fix: true in place of false, or added where the release defaults to false (safe)', () => {
  const base = URL_TLS + '[oslo_messaging_rabbit]\nssl = true\nssl_ca_file = /etc/ca.pem\n';
  const explicit = applyFix({ text: base + 'ssl_enforce_hostname_verification = no\n', code: 'OSLO104', safe: true });
  assert.match(explicit.fixed, /ssl_enforce_hostname_verification = true\n$/);
  const added = applyFix({ text: base, code: 'OSLO104', safe: true, options: { osloRelease: 'zed' } });
  assert.match(added.fixed, /ssl_ca_file = \/etc\/ca\.pem\nssl_enforce_hostname_verification = true\n$/);
});

test('OSLO105 fix: the legacy ssl_version line goes, with its continuation lines (safe)', () => {
  const text = URL_TLS + '[oslo_messaging_rabbit]\nssl = true\nssl_version = TLSv1\n# next\nheartbeat_rate = 3\n';
  const r = applyFix({ text, code: 'OSLO105', safe: true });
  assert.equal(r.fixed, URL_TLS + '[oslo_messaging_rabbit]\nssl = true\n# next\nheartbeat_rate = 3\n');
});

test('OSLO106 fixes: ssl = true for AMQP 1.0, SASL_SSL for SASL_PLAINTEXT Kafka (not safe)', () => {
  const amqp = '[DEFAULT]\ntransport_url = amqp://nova:pw@router:5671/\n';
  const a = applyFix({ text: amqp, code: 'OSLO106', safe: false, options: { osloRelease: 'zed' } });
  assert.match(a.fixed, /\[oslo_messaging_amqp\]\nssl = true\n$/);
  const kafka = URL_TLS + '[oslo_messaging_rabbit]\nssl = true\n[oslo_messaging_notifications]\ntransport_url = kafka://n:p@k:9093/\n[oslo_messaging_kafka]\nsecurity_protocol = SASL_PLAINTEXT\n';
  const k = applyFix({ text: kafka, code: 'OSLO106', safe: false });
  assert.match(k.fixed, /security_protocol = SASL_SSL\n$/);
});

test('OSLO203 fix: the password percent-encoded, read back by oslo as written (safe)', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://nova:p#s/s?%z@r1:5671,nova:p#s/s?%z@r2:5671/nova ; two brokers\n';
  const r = applyFix({ text, code: 'OSLO203', safe: true });
  const url = /transport_url = (\S+)/.exec(r.fixed)![1];
  const parsed = parseTransportUrl(url);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.url.hosts.map((h) => [h.hostname, h.port, h.username, h.password]), [
    ['r1', 5671, 'nova', 'p#s/s?%z'],
    ['r2', 5671, 'nova', 'p#s/s?%z'],
  ]);
  assert.equal(parsed.url.virtualHost, 'nova');
  // Escapes already written stay escapes.
  const mixed = applyFix({ text: '[DEFAULT]\ntransport_url = rabbit://nova:a%40b/c@r1:5671/\n', code: 'OSLO203', safe: true });
  const m = parseTransportUrl(/transport_url = (\S+)/.exec(mixed.fixed)![1]);
  assert.ok(m.ok && m.url.hosts[0].password === 'a@b/c');
});

test('OSLO301 fix: the removed rabbit_* options become one equivalent transport_url (safe)', () => {
  const text =
    '# nova.conf, Newton era\n[DEFAULT]\nmy_ip = 10.0.0.21\nrpc_backend = rabbit\n\n[api]\nx = 1\n\n' +
    '[oslo_messaging_rabbit]\nrabbit_hosts = r1:5671, [fd00::5]:5671\nrabbit_userid = nova\nrabbit_password = s3cr:t/#1\nrabbit_virtual_host = /nova\nrabbit_use_ssl = true\n';
  const r = applyFix({ text, code: 'OSLO301', safe: true });
  assert.ok(!/rpc_backend|rabbit_hosts|rabbit_userid|rabbit_password|rabbit_virtual_host/.test(r.fixed), r.fixed);
  assert.match(r.fixed, /^# nova\.conf, Newton era\n\[DEFAULT\]\nmy_ip = 10\.0\.0\.21\ntransport_url = rabbit:\/\/\S+\n\n\[api\]/);
  assert.match(r.fixed, /rabbit_use_ssl = true\n$/, 'not a connection option: OSLO302 renames it');
  const parsed = parseTransportUrl(/transport_url = (\S+)/.exec(r.fixed)![1]);
  assert.ok(parsed.ok);
  assert.equal(parsed.url.virtualHost, '/nova');
  assert.deepEqual(parsed.url.hosts.map((h) => [h.hostname, h.port, h.username, h.password]), [
    ['r1', 5671, 'nova', 's3cr:t/#1'],
    ['fd00::5', 5671, 'nova', 's3cr:t/#1'],
  ]);
  assert.equal(r.after.filter((f) => f.code === 'OSLO301').length, 0);
  // The model says the same before and after: one login per host, same user.
  const users = (t: string) => lint({ path: '/etc/nova/nova.conf', text: t }).findings.filter((f) => f.code === 'OSLO201').length;
  assert.equal(users(text), users(r.fixed));
});

test('OSLO301 fix: defaults filled in, [DEFAULT] created, and plain removals elsewhere', () => {
  const text = '[oslo_messaging_rabbit]\nrabbit_host = ctl\nrabbit_password = guest\n';
  const r = applyFix({ text, code: 'OSLO301', safe: true });
  assert.equal(r.fixed, '[DEFAULT]\ntransport_url = rabbit://guest:guest@ctl:5672/\n\n[oslo_messaging_rabbit]\n');
  const only = applyFix({ text: '[DEFAULT]\nrpc_backend = rabbit\ndebug = true\n', code: 'OSLO301', safe: true });
  assert.equal(only.fixed, '[DEFAULT]\ndebug = true\n');
  const dead = applyFix({ text: URL_TLS + 'rabbit_host = old\n[oslo_messaging_rabbit]\nssl = true\n', code: 'OSLO301', safe: true });
  assert.ok(!dead.fixed.includes('rabbit_host'));
  const pthread = applyFix({ text: URL_TLS + '[oslo_messaging_rabbit]\nssl = true\nheartbeat_in_pthread = true\n', code: 'OSLO301', safe: true });
  assert.ok(!pthread.fixed.includes('heartbeat_in_pthread'));
  // Qpid is another story: dropping rpc_backend = qpid is offered, never automatic.
  applyFix({ text: '[DEFAULT]\nrpc_backend = qpid\n', code: 'OSLO301', safe: false });
});

test('OSLO302 fix: renamed in place, moved across groups, old duplicates dropped (safe)', () => {
  const same = applyFix({ text: URL_TLS + '[oslo_messaging_rabbit]\nrabbit_use_ssl = true\n', code: 'OSLO302', safe: true });
  assert.match(same.fixed, /\nssl = true\n$/);
  const exists = applyFix({ text: URL_TLS + '[oslo_messaging_rabbit]\nrabbit_use_ssl = false\nssl = true\n', code: 'OSLO302', safe: true });
  assert.match(exists.fixed, /\[oslo_messaging_rabbit\]\nssl = true\n$/);
  const moved = applyFix({ text: URL_TLS + 'notification_driver = messagingv2\n', code: 'OSLO302', safe: true });
  assert.match(moved.fixed, /\[oslo_messaging_notifications\]\ndriver = messagingv2\n$/);
  assert.ok(!moved.fixed.includes('notification_driver'));
  const twice = applyFix({
    text: '[DEFAULT]\nrabbit_use_ssl = false\ntransport_url = rabbit://n:p@h:5671/\n[oslo_messaging_rabbit]\nrabbit_use_ssl = true\nrabbit_use_ssl = true\n',
    code: 'OSLO302',
    safe: true,
  });
  assert.equal((twice.fixed.match(/^ssl = /gm) ?? []).length, 1);
  assert.ok(!twice.fixed.includes('rabbit_use_ssl'));
  // Still read at zed: information, and the same safe rename.
  applyFix({ text: URL_TLS + '[oslo_messaging_rabbit]\nkombu_ssl_ca_certs = /etc/ca.pem\nssl = true\n', code: 'OSLO302', safe: true, options: { osloRelease: 'zed' } });
});

test('OSLO303 fix: the comment moves above its setting, the value loses it (safe)', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://n:p@r1:5671,n:p@r2:5671/nova   # HA pair\n[oslo_messaging_rabbit]\nssl = true\n';
  const r = applyFix({ text, code: 'OSLO303', safe: true });
  assert.equal(r.fixed, '[DEFAULT]\n# HA pair\ntransport_url = rabbit://n:p@r1:5671,n:p@r2:5671/nova\n[oslo_messaging_rabbit]\nssl = true\n');
  const indented = applyFix({ text: URL_TLS + '[oslo_messaging_rabbit]\nssl = true\nssl_ca_file = /etc/ca.pem\n  # our CA\n', code: 'OSLO303', safe: true });
  assert.match(indented.fixed, /ssl_ca_file = \/etc\/ca\.pem\n# our CA\n$/);
});

test('OSLO304 fix: every offending $ doubled (safe in a secret)', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://nova:pa$word$@r1:5671/\n';
  const r = applyFix({ text, code: 'OSLO304', safe: true });
  assert.match(r.fixed, /rabbit:\/\/nova:pa\$\$word\$\$@r1/);
  const parsed = parseTransportUrl('rabbit://nova:pa$word$@r1:5671/');
  assert.ok(parsed.ok && parsed.url.hosts[0].password === 'pa$word$', 'what the service then reads');
});
