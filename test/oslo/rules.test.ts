/**
 * The OSLO rules on small service files: when each fires and when not, at
 * which range, with which severity, and that no message ever shows a
 * password. Expectations come from shared/rules.md and shared/facts/oslo.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import { lint, type Lint } from './engine.js';

function run(text: string, options: EngineOptions = {}, path = '/etc/nova/nova.conf'): readonly Lint[] {
  const result = lint({ path, text }, options);
  assert.deepEqual(result.internalErrors, []);
  return result.findings;
}

function only(code: string, text: string, options: EngineOptions = {}, path?: string): Lint[] {
  return run(text, options, path).filter((f) => f.code === code);
}

/** The text a finding points at. */
function at(text: string, f: Lint): string {
  return text.slice(f.span.start, f.span.end);
}

const TLS_OK =
  '[DEFAULT]\ntransport_url = rabbit://nova:Sup3r@r1:5671/nova\n' +
  '[oslo_messaging_rabbit]\nssl = true\nssl_ca_file = /etc/nova/ca.pem\nssl_cert_file = /etc/nova/c.pem\nssl_key_file = /etc/nova/c.key\nssl_enforce_hostname_verification = true\n';

test('a hardened file gives no OSLO finding at any release we know', () => {
  for (const release of [undefined, 'zed', '2023.1', '2025.1', 'master']) {
    assert.deepEqual(run(TLS_OK, release ? { osloRelease: release } : {}), [], String(release));
  }
});

test('OSLO rules stay silent on files that do not configure messaging', () => {
  const text = '[DEFAULT]\nmy_ip = 10.0.0.1\nrpc_response_timeout = 60\nlock_path = $state_path/lock # inline\n[database]\nconnection = mysql://u:p@db/nova\n';
  assert.deepEqual(run(text).filter((f) => f.code.startsWith('OSLO')), []);
});

test('OSLO101: TLS off by default, by ssl = false, by ?ssl=0, or through an old name the release ignores', () => {
  const missing = '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5672/\n';
  const [f] = only('OSLO101', missing);
  assert.equal(f.line, 1, 'no [oslo_messaging_rabbit]: the first line');
  assert.equal(f.severity, 'error');

  const off = missing + '[oslo_messaging_rabbit]\nssl = False\n';
  const [g] = only('OSLO101', off);
  assert.equal(at(off, g), 'False');

  const header = missing + '[oslo_messaging_rabbit]\nheartbeat_rate = 3\n';
  assert.equal(at(header, only('OSLO101', header)[0]), '[oslo_messaging_rabbit]');

  const query = '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5671/?ssl=0\n[oslo_messaging_rabbit]\nssl = true\n';
  const [q] = only('OSLO101', query);
  assert.match(at(query, q), /^rabbit:/);
  assert.ok(!q.message.includes('pw@'), q.message);

  const renamed = missing + '[oslo_messaging_rabbit]\nrabbit_use_ssl = true\n';
  assert.match(only('OSLO101', renamed)[0].message, /rabbit_use_ssl/);
  assert.deepEqual(only('OSLO101', renamed, { osloRelease: 'zed' }), [], 'zed still reads rabbit_use_ssl');

  assert.deepEqual(only('OSLO101', '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5671/?ssl=1\n'), []);
  assert.deepEqual(only('OSLO101', '[DEFAULT]\ntransport_url = kafka://nova:pw@k1:9092/\n'), [], 'not RabbitMQ');
  assert.deepEqual(only('OSLO101', '[DEFAULT]\ntransport_url = {{ url }}\n', {}, 'nova.conf.j2'), [], 'a template decides');
});

test('OSLO101: both transports off for the same reason is one finding; a notification URL without ssl=1 is its own', () => {
  const shared = '[DEFAULT]\ntransport_url = rabbit://a:p@h/\n[oslo_messaging_notifications]\ntransport_url = rabbit://b:p@h/\n';
  assert.equal(only('OSLO101', shared).length, 1);
  const split = '[DEFAULT]\ntransport_url = rabbit://a:p@h/?ssl=1\n[oslo_messaging_notifications]\ntransport_url = rabbit://b:p@h/?ssl=0\n';
  const found = only('OSLO101', split);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /notifications/);
  assert.equal(found[0].line, 4);
});

test('OSLO102/OSLO103: TLS without a CA file, without a client certificate', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5671/\n[oslo_messaging_rabbit]\nssl = true\nssl_cert_file = /etc/nova/c.pem\nssl_ca_file =\n';
  const [ca] = only('OSLO102', text);
  assert.equal(at(text, ca), 'ssl_ca_file');
  const [cert] = only('OSLO103', text);
  assert.match(cert.message, /ssl_key_file is not set/);
  assert.doesNotMatch(cert.message, /ssl_cert_file/);
  assert.equal(at(text, cert), '[oslo_messaging_rabbit]');
  // TLS off or unknown: nothing to say about certificates.
  assert.deepEqual(only('OSLO102', '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5671/\n'), []);
  assert.deepEqual(only('OSLO103', TLS_OK), []);
  // A CA given in the URL query counts.
  assert.deepEqual(only('OSLO102', '[DEFAULT]\ntransport_url = rabbit://n:p@h:5671/?ssl=1&ssl_ca_file=/etc/ca.pem\n'), []);
});

test('OSLO104: hostname verification off explicitly, or by the default of releases before 18.1.0', () => {
  const explicit = TLS_OK.replace('ssl_enforce_hostname_verification = true', 'ssl_enforce_hostname_verification = false');
  assert.equal(at(explicit, only('OSLO104', explicit)[0]), 'false');
  const absent = TLS_OK.replace('ssl_enforce_hostname_verification = true\n', '');
  assert.deepEqual(only('OSLO104', absent), [], 'the newest release verifies by default');
  const [z] = only('OSLO104', absent, { osloRelease: 'zed' });
  assert.match(z.message, /defaults to false/);
  assert.equal(at(absent, z), '[oslo_messaging_rabbit]');
});

test('OSLO105: obsolete ssl_version values in any case, never modern ones', () => {
  for (const v of ['sslv2', 'SSLv3', 'sslv23', 'TLSv1', 'tlsv1_1']) {
    const text = TLS_OK + `ssl_version = ${v}\n`;
    const [f] = only('OSLO105', text);
    assert.equal(at(text, f), v);
    assert.equal(f.severity, 'error');
  }
  assert.deepEqual(only('OSLO105', TLS_OK + 'ssl_version = tlsv1_2\n'), []);
  // The old name is ignored by the newest release (OSLO302 says so), but read by zed.
  assert.deepEqual(only('OSLO105', TLS_OK + 'kombu_ssl_version = tlsv1\n'), []);
  assert.equal(only('OSLO105', TLS_OK + 'kombu_ssl_version = tlsv1\n', { osloRelease: 'zed' }).length, 1);
});

test('OSLO106: AMQP 1.0 without ssl (while the driver exists), Kafka in PLAINTEXT/SASL_PLAINTEXT', () => {
  const amqp = '[DEFAULT]\ntransport_url = amqp://nova:pw@router:5672/\n[oslo_messaging_amqp]\nssl = false\n';
  assert.equal(only('OSLO106', amqp, { osloRelease: 'zed' }).length, 1);
  assert.deepEqual(only('OSLO106', amqp.replace('ssl = false', 'ssl = true'), { osloRelease: 'zed' }), []);
  // Gone in 15.0.0: OSLO301 reports the URL instead.
  assert.deepEqual(only('OSLO106', amqp), []);
  assert.equal(only('OSLO301', amqp).filter((f) => /driver/.test(f.message)).length, 1);

  const kafka = '[DEFAULT]\ntransport_url = rabbit://n:p@h:5671/?ssl=1\n[oslo_messaging_notifications]\ntransport_url = kafka://nova:pw@k1:9092/\n';
  const [k] = only('OSLO106', kafka);
  assert.match(k.message, /Kafka.*PLAINTEXT/);
  const sasl = kafka + '[oslo_messaging_kafka]\nsecurity_protocol = SASL_PLAINTEXT\n';
  assert.equal(at(sasl, only('OSLO106', sasl)[0]), 'SASL_PLAINTEXT');
  assert.deepEqual(only('OSLO106', kafka + '[oslo_messaging_kafka]\nsecurity_protocol = SASL_SSL\n'), []);
});

test('OSLO201: guest in the URL, hosts without credentials, no URL at all, legacy rabbit_userid', () => {
  const guest = '[DEFAULT]\ntransport_url = rabbit://guest:guest@r1:5671/\n';
  const [g] = only('OSLO201', guest);
  assert.equal(at(guest, g), 'guest');
  assert.ok(!g.message.includes('guest@'), 'no password shown');
  const partial = '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1,r2/\n';
  assert.match(only('OSLO201', partial)[0].message, /no user for r2/);
  const none = '[DEFAULT]\ndebug = true\n[oslo_messaging_rabbit]\nssl = true\n';
  assert.equal(at(none, only('OSLO201', none)[0]), '[DEFAULT]');
  assert.equal(only('OSLO201', '[DEFAULT]\ntransport_url = rabbit://\n').length, 1);
  const legacy = '[DEFAULT]\nrabbit_host = ctl\nrabbit_userid = guest\n';
  assert.equal(at(legacy, only('OSLO201', legacy)[0]), 'guest');
  assert.deepEqual(only('OSLO201', TLS_OK), []);
  assert.deepEqual(only('OSLO201', '[DEFAULT]\ntransport_url = rabbit://{{ u }}:{{ p }}@h/\n', {}, 'nova.conf.j2'), []);
  // A fragment without [DEFAULT] says nothing about the transport.
  assert.deepEqual(only('OSLO201', '[oslo_messaging_rabbit]\nssl = true\n'), []);
});

test('OSLO203: unencoded # / ? % in a password, located, never shown', () => {
  for (const [pw, ch] of [
    ['p#ss', '#'],
    ['pa/ss', '/'],
    ['pa?ss', '?'],
    ['50%off', '%'],
  ]) {
    const text = `[DEFAULT]\ntransport_url = rabbit://nova:${pw}@r1:5671,nova:${pw}@r2:5671/nova\n`;
    const [f] = only('OSLO203', text);
    assert.ok(f, pw);
    assert.equal(at(text, f), pw);
    assert.ok(f.message.includes(`'${ch}'`), f.message);
    assert.ok(!f.message.includes(pw), f.message);
  }
  assert.deepEqual(only('OSLO203', '[DEFAULT]\ntransport_url = rabbit://nova:p%23ss@r1:5671/\n'), []);
  assert.deepEqual(only('OSLO203', '[DEFAULT]\ntransport_url = rabbit://nova:p@ss@r1:5671/\n'), [], "'@' works (rsplit)");
  assert.deepEqual(only('OSLO203', '[DEFAULT]\ntransport_url = rabbit://r1:5671/nova # see /docs\n'), [], 'a comment is not a password');
});

test('OSLO204: PLAIN/AMQPLAIN login without TLS, at the login method or the URL', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://nova:pw@r1:5672/\n';
  const [f] = only('OSLO204', text);
  assert.match(at(text, f), /^rabbit:/);
  assert.equal(f.severity, 'warning');
  const plain = text + '[oslo_messaging_rabbit]\nrabbit_login_method = PLAIN\n';
  assert.equal(at(plain, only('OSLO204', plain)[0]), 'PLAIN');
  assert.deepEqual(only('OSLO204', text + '[oslo_messaging_rabbit]\nrabbit_login_method = EXTERNAL\n'), []);
  assert.deepEqual(only('OSLO204', TLS_OK), []);
});

test('OSLO301: removed options at the key, with the release that removed them; nothing at releases that read them', () => {
  const text = '[DEFAULT]\nrpc_backend = rabbit\n[oslo_messaging_rabbit]\nrabbit_host = ctl\nheartbeat_in_pthread = true\n';
  const found = only('OSLO301', text);
  assert.deepEqual(found.map((f) => at(text, f)), ['rpc_backend', 'rabbit_host', 'heartbeat_in_pthread']);
  assert.match(found[1].message, /9\.0\.0 \(Stein\)/);
  assert.match(found[2].message, /18\.0\.0/);
  assert.deepEqual(only('OSLO301', text, { osloRelease: 'queens' }), []);
  assert.deepEqual(
    only('OSLO301', text, { osloRelease: '2024.2' }).map((f) => at(text, f)),
    ['rpc_backend', 'rabbit_host'],
  );
  const group = '[DEFAULT]\ntransport_url = rabbit://n:p@h:5671/?ssl=1\n[matchmaker_redis]\nhost = 127.0.0.1\n';
  assert.match(only('OSLO301', group)[0].message, /\[matchmaker_redis\] is no longer read/);
  // Qpid options are QPID103's, never OSLO301's.
  assert.deepEqual(only('OSLO301', '[DEFAULT]\nqpid_hostname = ctl\n'), []);
  // A service's own option of a similar name is never judged.
  assert.deepEqual(only('OSLO301', '[DEFAULT]\nrabbit_notification_exchange = glance\n'), []);
});

test('OSLO302: ignored old names are errors, still-read ones information', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://n:p@h:5671/\nnotification_driver = messagingv2\n[oslo_messaging_rabbit]\nrabbit_use_ssl = true\nkombu_ssl_ca_certs = /etc/ca.pem\n';
  const newest = only('OSLO302', text);
  assert.deepEqual(newest.map((f) => [at(text, f), f.severity]), [
    ['notification_driver', 'error'],
    ['rabbit_use_ssl', 'error'],
    ['kombu_ssl_ca_certs', 'error'],
  ]);
  assert.match(newest[1].message, /16\.0\.0 \(2025\.1 Epoxy\)/);
  const zed = only('OSLO302', text, { osloRelease: 'zed' });
  assert.deepEqual(zed.map((f) => f.severity), ['information', 'information', 'information']);
  assert.match(zed[1].message, /deprecated/);
});

test('OSLO303: inline comments after messaging values, and indented comment lines', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://n:p@h:5671/ # HA pair\n[oslo_messaging_rabbit]\nssl = true ; on\nssl_ca_file = /etc/ca.pem\n  # indented\n';
  const found = only('OSLO303', text);
  assert.deepEqual(found.map((f) => at(text, f)), ['# HA pair', '; on', '# indented']);
  assert.ok(!found[0].message.includes('HA pair'), 'a secret value: the comment is not quoted');
  assert.match(found[1].message, /'; on'/);
  // '#' inside a word is a character of the value, not a comment.
  assert.deepEqual(only('OSLO303', '[DEFAULT]\ntransport_url = rabbit://n:p#1@h:5671/\n'), []);
  // A service's own option is not ours to judge.
  assert.deepEqual(only('OSLO303', '[DEFAULT]\ntransport_url = rabbit://n:p@h/\nmy_ip = 10.0.0.1 # mgmt\n'), []);
});

test('OSLO304: a $ that is neither $$ nor a reference to a real option', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://nova:pa$word@h:5671/\n';
  const [f] = only('OSLO304', text);
  assert.equal(at(text, f), '$');
  assert.ok(!f.message.includes('word'), 'the password is not shown');
  assert.deepEqual(only('OSLO304', '[DEFAULT]\ntransport_url = rabbit://nova:pa$$word@h:5671/\n'), []);
  assert.deepEqual(only('OSLO304', '[DEFAULT]\ntransport_url = rabbit://nova:pa\\$word@h:5671/\n'), []);
  assert.deepEqual(only('OSLO304', '[DEFAULT]\nrabbit_host = ctl\nrabbit_port = 5672\nrabbit_hosts = $rabbit_host:$rabbit_port\n'), []);
  const lone = '[DEFAULT]\ntransport_url = rabbit://nova:pa$@h:5671/\n';
  assert.match(only('OSLO304', lone)[0].message, /lone/);
});

test('a file oslo.config refuses gets CFG001 and nothing of ours: the service would not start', () => {
  const text = 'transport_url = rabbit://guest:guest@h/\n[oslo_messaging_rabbit]\nrabbit_use_ssl = false\n';
  assert.deepEqual(run(text).map((f) => f.code), ['CFG001']);
});

test('OSLO101 names the section of the setting that decides, old [DEFAULT] names included', () => {
  const text = '[DEFAULT]\nrabbit_host = ctl\nrabbit_userid = nova\nrabbit_use_ssl = false\n';
  const [f] = only('OSLO101', text, { osloRelease: 'ocata' });
  assert.match(f.message, /\[DEFAULT\] rabbit_use_ssl = false/);
  assert.equal(at(text, f), 'false');
});
