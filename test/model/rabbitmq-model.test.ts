import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import type { AnalyzedDocument } from '../../server/src/engine/analysis/document.js';
import { rabbitModelOf, type ListenerSet, type RabbitModel, type TlsEndpoint } from '../../server/src/engine/model/rabbitmq/index.js';

function doc(path: string, text: string): AnalyzedDocument {
  const r = analyze({ path, text });
  assert.ok(r, `${path} not recognised`);
  return r.document;
}

interface ListenerMeaning {
  tls: boolean;
  state: string;
  listeners: { address: unknown; port: unknown }[];
}

/** The meaning of listeners, without origins: what a rule would conclude. */
function listenerSummary(m: RabbitModel, protocol = 'amqp'): ListenerMeaning[] {
  return m.listeners
    .filter((l) => l.protocol === protocol)
    .map((l: ListenerSet) => ({
      tls: l.tls,
      state: l.state,
      listeners: l.listeners.map((x) => ({ address: x.address, port: x.port })),
    }));
}

function tlsSummary(e: TlsEndpoint | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, o] of e?.options ?? []) {
    out[k] = o.value.known
      ? Array.isArray(o.value.value)
        ? (o.value.value as { value: { known: boolean; value?: string } }[]).map((i) => (i.value.known ? i.value.value : '?'))
        : o.value.value
      : '?';
  }
  return out;
}

const CLASSIC = `[{rabbit, [
  {tcp_listeners, []},
  {ssl_listeners, [{"10.0.0.1", 5671}]},
  {ssl_options, [{cacertfile, "/ca.pem"}, {certfile, "/cert.pem"}, {keyfile, "/key.pem"},
                 {verify, verify_peer}, {fail_if_no_peer_cert, true},
                 {versions, ['tlsv1.3', 'tlsv1.2']}]},
  {loopback_users, []},
  {auth_mechanisms, ['EXTERNAL', 'PLAIN']}
]}].
`;
const CONF = `listeners.tcp = none
listeners.ssl.default = 10.0.0.1:5671
ssl_options.cacertfile = /ca.pem
ssl_options.certfile = /cert.pem
ssl_options.keyfile = /key.pem
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = true
ssl_options.versions.1 = tlsv1.3
ssl_options.versions.2 = tlsv1.2
loopback_users.guest = false
auth_mechanisms.1 = EXTERNAL
auth_mechanisms.2 = PLAIN
`;

test('the same configuration in both formats gives the same model', () => {
  const a = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.config', CLASSIC)]);
  const b = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.conf', CONF)]);
  assert.deepEqual(listenerSummary(a), listenerSummary(b));
  assert.deepEqual(listenerSummary(a), [
    { tls: false, state: 'disabled', listeners: [] },
    { tls: true, state: 'configured', listeners: [{ address: { known: true, value: '10.0.0.1' }, port: { known: true, value: 5671 } }] },
  ]);
  const ta = tlsSummary(a.tls.find((t) => t.id === 'amqp'));
  assert.deepEqual(ta, tlsSummary(b.tls.find((t) => t.id === 'amqp')));
  assert.deepEqual(ta, {
    cacertfile: '/ca.pem', certfile: '/cert.pem', keyfile: '/key.pem',
    verify: 'verify_peer', fail_if_no_peer_cert: true, versions: ['tlsv1.3', 'tlsv1.2'],
  });
  for (const m of [a, b]) {
    assert.equal(m.loopbackUsers.state, 'set');
    assert.deepEqual(m.loopbackUsers.state === 'set' && m.loopbackUsers.entries.known ? m.loopbackUsers.entries.value : 'x', []);
    assert.ok(m.authMechanisms.state === 'set' && m.authMechanisms.entries.known);
    assert.deepEqual(m.authMechanisms.entries.value.map((e) => (e.value.known ? e.value.value : '?')), ['EXTERNAL', 'PLAIN']);
  }
});

test('absent settings are explicit, with the default RabbitMQ applies and where the setting belongs', () => {
  const text = `[{rabbit, [{ssl_listeners, [5671]}]}].\n`;
  const m = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.config', text)]);
  const plain = m.listeners.find((l) => l.protocol === 'amqp' && !l.tls)!;
  assert.equal(plain.state, 'default');
  assert.deepEqual(plain.listeners.map((l) => [l.address, l.port]), [[{ known: true, value: undefined }, { known: true, value: 5672 }]]);
  assert.equal(text.slice(plain.anchor.span.start, plain.anchor.span.end), '[{ssl_listeners, [5671]}]');
  assert.equal(m.defaultUser.state, 'absent');
  assert.equal(m.defaultUser.state === 'absent' && m.defaultUser.defaultValue, 'guest');
  assert.equal(m.tls.find((t) => t.id === 'amqp')?.options.size, 0);
});

test('values carry their source ranges', () => {
  const m = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.conf', CONF)]);
  const verify = m.tls.find((t) => t.id === 'amqp')!.options.get('verify')!;
  assert.equal(CONF.slice(verify.source.keyOrigin.span.start, verify.source.keyOrigin.span.end), 'ssl_options.verify');
  assert.equal(CONF.slice(verify.source.valueOrigin.span.start, verify.source.valueOrigin.span.end), 'verify_peer');
});

test('advanced.config replaces whole application keys of rabbitmq.conf, as cuttlefish overlays them', () => {
  const conf = doc('/etc/rabbitmq/rabbitmq.conf', CONF);
  const advanced = doc('/etc/rabbitmq/advanced.config', `[{rabbit, [{ssl_options, [{ciphers, ["ECDHE-RSA-AES256-GCM-SHA384"]}]}]}].\n`);
  const m = rabbitModelOf([conf, advanced]);
  assert.deepEqual(listenerSummary(m)[0], { tls: false, state: 'disabled', listeners: [] });
  assert.deepEqual(tlsSummary(m.tls.find((t) => t.id === 'amqp')), { ciphers: ['ECDHE-RSA-AES256-GCM-SHA384'] });
  assert.equal(m.tls.find((t) => t.id === 'amqp')!.source!.origin.path, '/etc/rabbitmq/advanced.config');
});

test('conf.d files are read after rabbitmq.conf, and a later key wins', () => {
  const m = rabbitModelOf([
    doc('/etc/rabbitmq/rabbitmq.conf', 'ssl_options.verify = verify_none\nlisteners.tcp.default = 5672\n'),
    doc('/etc/rabbitmq/conf.d/20-tls.conf', 'ssl_options.verify = verify_peer\n'),
  ]);
  const verify = m.tls.find((t) => t.id === 'amqp')!.options.get('verify')!;
  assert.deepEqual(verify.value, { known: true, value: 'verify_peer' });
  assert.equal(verify.source.origin.path, '/etc/rabbitmq/conf.d/20-tls.conf');
  assert.deepEqual(listenerSummary(m)[0], {
    tls: false,
    state: 'configured',
    listeners: [{ address: { known: true, value: undefined }, port: { known: true, value: 5672 } }],
  });
});

test('template expressions are unknown values, settings in if-branches are conditional', () => {
  const text = `[{rabbit, [
  {ssl_options, [{verify, {{ verify_mode }}}, {cacertfile, "{{ ca }}"}]},
{% if tls_only %}
  {tcp_listeners, []},
{% endif %}
  {ssl_listeners, [5671]}
]}].
`;
  const m = rabbitModelOf([doc('roles/rabbitmq/templates/rabbitmq.config.j2', text)]);
  const amqp = m.tls.find((t) => t.id === 'amqp')!;
  assert.deepEqual(amqp.options.get('verify')!.value, { known: false });
  assert.deepEqual(amqp.options.get('cacertfile')!.value, { known: false });
  const plain = m.listeners.find((l) => l.protocol === 'amqp' && !l.tls)!;
  assert.equal(plain.state, 'disabled');
  assert.equal(plain.source?.conditional, true);
});

test('management listeners: HTTPS block, plain block, legacy listener, and the HTTP default', () => {
  const conf = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.conf', 'management.ssl.port = 15671\nmanagement.ssl.verify = verify_none\n')]);
  assert.deepEqual(listenerSummary(conf, 'management'), [
    { tls: true, state: 'configured', listeners: [{ address: { known: true, value: undefined }, port: { known: true, value: 15671 } }] },
  ]);
  assert.deepEqual(tlsSummary(conf.tls.find((t) => t.id === 'management')), { port: 15671, verify: 'verify_none' });
  const legacy = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.config', '[{rabbitmq_management, [{listener, [{port, 15672}, {ssl, true}, {ssl_opts, [{verify, verify_none}]}]}]}].\n')]);
  assert.deepEqual(listenerSummary(legacy, 'management').map((x) => x.tls), [true]);
  assert.deepEqual(tlsSummary(legacy.tls.find((t) => t.id === 'management-legacy')), { verify: 'verify_none' });
  const none = rabbitModelOf([doc('/etc/rabbitmq/rabbitmq.conf', 'listeners.tcp = none\n')]);
  assert.deepEqual(listenerSummary(none, 'management'), [
    { tls: false, state: 'default', listeners: [{ address: { known: true, value: undefined }, port: { known: true, value: 15672 } }] },
  ]);
});
