/**
 * The oslo.messaging client model: which transports a file sets up, with
 * which logins and TLS settings, at which release — following the facts in
 * shared/facts/oslo.md (§2 INI reading, §3 release history, §4 transport_url).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import {
  interpolate,
  maskTransportUrl,
  osloMessagingModel,
  rabbitTls,
  scanDollars,
  serviceOfPath,
  truth,
  type OsloMessagingModel,
} from '../../server/src/engine/model/oslo/index.js';

function model(text: string, release?: string, path = 'nova.conf'): OsloMessagingModel {
  const result = analyze({ path, text }, { language: 'oslo-config' });
  assert.ok(result);
  return osloMessagingModel(result.document, release)!;
}

function tlsOf(m: OsloMessagingModel, role: 'rpc' | 'notifications' = 'rpc') {
  const t = m.transports.find((x) => x.role === role)!;
  return rabbitTls(m.settings, t);
}

test('TLS: [oslo_messaging_rabbit] ssl, the last assignment winning, repeated sections merged', () => {
  assert.equal(truth(tlsOf(model('[DEFAULT]\ntransport_url = rabbit://u:p@h/\n[oslo_messaging_rabbit]\nssl = true\n')).ssl), true);
  assert.equal(truth(tlsOf(model('[oslo_messaging_rabbit]\nssl = true\nssl = false\n')).ssl), false);
  assert.equal(truth(tlsOf(model('[oslo_messaging_rabbit]\nssl = false\n[Oslo_Messaging_Rabbit]\nssl = On\n')).ssl), true);
  // [default] is not [DEFAULT]: its transport_url is never read.
  const m = model('[default]\ntransport_url = rabbit://u:p@h/\n[DEFAULT]\ndebug = true\n[oslo_messaging_rabbit]\nssl = true\n');
  assert.equal(m.rpc.origin, 'default');
  // An invalid boolean stops the service; the model does not guess.
  assert.equal(tlsOf(model('[oslo_messaging_rabbit]\nssl = maybe\n')).ssl.state, 'unknown');
});

test('TLS: the URL query overrides the group, per transport, from oslo.messaging 5.18.0 on', () => {
  const text =
    '[DEFAULT]\ntransport_url = rabbit://u:p@h:5671/?ssl=1\n' +
    '[oslo_messaging_notifications]\ntransport_url = rabbit://n:p@h:5672/\n' +
    '[oslo_messaging_rabbit]\nssl = false\n';
  const m = model(text);
  assert.equal(m.transports.length, 2);
  assert.equal(truth(tlsOf(m, 'rpc').ssl), true);
  assert.equal(truth(tlsOf(m, 'notifications').ssl), false);
  // Ocata (5.17) ignored the query.
  assert.equal(truth(tlsOf(model(text, 'ocata'), 'rpc').ssl), false);
  assert.equal(truth(tlsOf(model('[DEFAULT]\ntransport_url = rabbit://u:p@h/?ssl=true&ssl_ca_file=/etc/ca.pem\n')).ssl), true);
  const ca = tlsOf(model('[DEFAULT]\ntransport_url = rabbit://u:p@h/?ssl=true&ssl_ca_file=/etc/ca.pem\n')).caFile;
  assert.equal(ca.state === 'set' && ca.source === 'url' && ca.value, '/etc/ca.pem');
});

test('TLS: old names are read while the release reads them, and the new name wins over them', () => {
  const old = '[DEFAULT]\ntransport_url = rabbit://u:p@h/\n[oslo_messaging_rabbit]\nrabbit_use_ssl = true\nkombu_ssl_ca_certs = /etc/ca.pem\n';
  assert.equal(truth(tlsOf(model(old, 'zed')).ssl), true);
  const ca = tlsOf(model(old, 'zed')).caFile;
  assert.equal(ca.state === 'set' && ca.value, '/etc/ca.pem');
  // 16.0.0 (2025.1 Epoxy) stopped reading them.
  assert.equal(truth(tlsOf(model(old, '2025.1')).ssl), false);
  assert.equal(truth(tlsOf(model(old)).ssl), false);
  assert.equal(truth(tlsOf(model(old + 'ssl = false\n', 'zed')).ssl), false);
  // [DEFAULT] rabbit_use_ssl was read until 5.18.0 (Pike).
  const veryOld = '[DEFAULT]\nrabbit_use_ssl = true\nrabbit_host = ctl\n';
  assert.equal(truth(tlsOf(model(veryOld, 'ocata')).ssl), true);
  assert.equal(truth(tlsOf(model(veryOld, 'pike')).ssl), false);
});

test('TLS: hostname verification defaults to false before 18.1.0 and to true from it', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://u:p@h/\n[oslo_messaging_rabbit]\nssl = true\n';
  assert.equal(truth(tlsOf(model(text, 'zed')).hostnameVerification), false);
  assert.equal(truth(tlsOf(model(text, '18.1.0')).hostnameVerification), true);
  const login = tlsOf(model(text)).loginMethod;
  assert.equal(login.state === 'default' && login.value, 'AMQPLAIN');
});

test('templates: expressions and if-bodies make values unknown, literal parts stay known', () => {
  const kolla = model(
    '[DEFAULT]\ntransport_url = {{ rpc_transport_url }}\n[oslo_messaging_rabbit]\n{% if tls %}\nssl = true\n{% endif %}\n',
    undefined,
    'nova.conf.j2',
  );
  assert.equal(kolla.rpc.driver, undefined);
  assert.equal(tlsOf(kolla).ssl.state, 'unknown');
  const partial = model('[DEFAULT]\ntransport_url = rabbit://nova:{{ pw }}@ctl:5671/nova\n', undefined, 'nova.conf.j2');
  assert.equal(partial.rpc.driver, 'rabbit');
  assert.deepEqual(partial.rpc.logins?.map((l) => l.user), [{ state: 'given', value: 'nova' }]);
  assert.equal(partial.rpc.queryComplete, true);
  const user = model('[DEFAULT]\ntransport_url = rabbit://{{ user }}:{{ pw }}@ctl:5671/\n', undefined, 'nova.conf.j2');
  assert.deepEqual(user.rpc.logins?.map((l) => l.user.state), ['unknown']);
  const looped = model(
    "[DEFAULT]\ntransport_url = rabbit://{% for h in hosts %}{{ u }}:{{ p }}@{{ h }}:5671{% if not loop.last %},{% endif %}{% endfor %}\n",
    undefined,
    'nova.conf.j2',
  );
  assert.equal(looped.rpc.driver, 'rabbit');
  assert.equal(looped.rpc.queryComplete, false, 'an expression after the last literal / may render a query');
});

test('transports: default guest@localhost, fragments, legacy options, rpc_backend', () => {
  const plain = model('[DEFAULT]\ndebug = true\n[oslo_messaging_rabbit]\nssl = true\n');
  assert.equal(plain.rpc.origin, 'default');
  assert.deepEqual(plain.rpc.logins, [{ host: null, port: null, user: { state: 'default' }, hasPassword: true }]);
  // No [DEFAULT] at all: a fragment whose transport is set elsewhere.
  const fragment = model('[oslo_messaging_rabbit]\nssl = true\n');
  assert.equal(fragment.rpc.origin, 'elsewhere');
  assert.equal(fragment.rpc.logins, undefined);

  const legacy = model(
    '[DEFAULT]\nrpc_backend = rabbit\n[oslo_messaging_rabbit]\nrabbit_hosts = r1:5671, r2\nrabbit_port = 5673\nrabbit_userid = nova\nrabbit_password = pw\n',
  );
  assert.equal(legacy.rpc.origin, 'legacy');
  assert.equal(legacy.rpc.driver, 'rabbit');
  assert.deepEqual(
    legacy.rpc.logins?.map((l) => [l.host, l.port, l.user]),
    [
      ['r1', 5671, { state: 'given', value: 'nova' }],
      ['r2', 5673, { state: 'given', value: 'nova' }],
    ],
  );
  const qpid = model('[DEFAULT]\nrpc_backend = nova.openstack.common.rpc.impl_qpid\nqpid_hostname = ctl\n');
  assert.equal(qpid.rpc.driver, 'qpid');
  // transport_url wins over the old options.
  const both = model('[DEFAULT]\ntransport_url = kafka://k:p@k1:9092/\nrpc_backend = rabbit\nrabbit_host = ctl\n');
  assert.equal(both.rpc.origin, 'url');
  assert.equal(both.rpc.driver, 'kafka');
});

test('notifications: their own transport only with their own transport_url', () => {
  assert.equal(model('[DEFAULT]\ntransport_url = rabbit://u:p@h/\n').notifications, undefined);
  assert.equal(model('[DEFAULT]\ntransport_url = rabbit://u:p@h/\n[oslo_messaging_notifications]\ntransport_url =\n').notifications, undefined);
  const own = model('[DEFAULT]\ntransport_url = rabbit://u:p@h/\n[oslo_messaging_notifications]\ntransport_url = kafka://n:p@k:9092/\n');
  assert.equal(own.notifications?.driver, 'kafka');
  // The old [DEFAULT] name, while a release reads it.
  const old = '[DEFAULT]\ntransport_url = rabbit://u:p@h/\nnotification_transport_url = rabbit://n:p@h2/\n';
  assert.equal(model(old, 'zed').notifications?.logins?.[0].host, 'h2');
  assert.equal(model(old).notifications, undefined);
});

test('configuresMessaging: transport_url, legacy names, or a setting in a messaging group; never a service option alone', () => {
  assert.equal(model('[DEFAULT]\nmy_ip = 10.0.0.1\nrpc_response_timeout = 60\n').configuresMessaging, false);
  assert.equal(model('[DEFAULT]\nmy_ip = 10.0.0.1\n[oslo_messaging_rabbit]\n').configuresMessaging, false);
  assert.equal(model('[DEFAULT]\ntransport_url = rabbit://u:p@h/\n').configuresMessaging, true);
  assert.equal(model('[DEFAULT]\nrabbit_host = ctl\n').configuresMessaging, true);
  assert.equal(model('[DEFAULT]\nrabbit_notification_exchange = glance\n').configuresMessaging, false, "glance's own option");
  assert.equal(model('[oslo_messaging_notifications]\ndriver = messagingv2\n').configuresMessaging, true);
  // keystone.conf: notifications off, no RPC of its own.
  assert.equal(model('[DEFAULT]\ndebug = true\n[oslo_messaging_notifications]\ndriver = noop\n').configuresMessaging, false);
});

test('interpolation: $$ and \\$ are literal, $name and ${group.name} are references, anything else is left alone', () => {
  assert.deepEqual(interpolate('pa$$word'), { resolved: true, text: 'pa$word' });
  assert.deepEqual(interpolate('pa\\$word'), { resolved: true, text: 'pa$word' });
  assert.deepEqual(interpolate('$rabbit_host:$rabbit_port'), { resolved: false, references: ['rabbit_host', 'rabbit_port'] });
  assert.deepEqual(interpolate('${oslo_messaging_rabbit.ssl}'), { resolved: false, references: ['oslo_messaging_rabbit.ssl'] });
  assert.deepEqual(interpolate('p$1 p$ ${x'), { resolved: true, text: 'p$1 p$ ${x' });
  assert.deepEqual(
    scanDollars('a$$b$c$').map((u) => u.kind),
    ['escaped', 'reference', 'lone'],
  );
  // `\$` is rewritten to `$$` first: `$\$x` then reads `$$` + `$x`.
  assert.deepEqual(
    scanDollars('$\\$x').map((u) => u.kind),
    ['escaped', 'reference'],
  );
});

test('masking: passwords (and *password* query values) never show', () => {
  assert.equal(maskTransportUrl('rabbit://nova:s3cr3t@ctl:5671/'), 'rabbit://nova:***@ctl:5671/');
  assert.equal(
    maskTransportUrl('rabbit://a:p#1@h1:5671,b:p/2@h2:5671/vh?ssl=1&ssl_key_password=k3y'),
    'rabbit://a:***@h1:5671,b:***@h2:5671/vh?ssl=1&ssl_key_password=***',
  );
  assert.equal(maskTransportUrl('rabbit://h1,h2/'), 'rabbit://h1,h2/');
  assert.equal(maskTransportUrl('kafka://user@k1:9092/'), 'kafka://user@k1:9092/');
});

test('service names come from the file name, or a nearby directory named after a service', () => {
  assert.equal(serviceOfPath('/etc/nova/nova.conf'), 'nova');
  assert.equal(serviceOfPath('templates/nova.conf.j2'), 'nova');
  assert.equal(serviceOfPath('/etc/glance/glance-api.conf'), 'glance');
  assert.equal(serviceOfPath('kolla/neutron/ml2_conf.ini.j2'), 'neutron');
  assert.equal(serviceOfPath('kolla/nova-cell/nova.conf.j2'), 'nova');
  assert.equal(serviceOfPath('C:\\deploy\\cinder\\cinder.conf'), 'cinder');
  assert.equal(serviceOfPath('/srv/site/foo.conf'), 'foo');
});
