/**
 * Each RMQ rule on small configurations, in both formats: the same meaning
 * must give the same codes whether written as classic terms or rabbitmq.conf.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeIn, codesOf, memoryHost as memoryHostFor } from '../helpers/engine.js';

const CLASSIC = '/etc/rabbitmq/rabbitmq.config';
const CONF = '/etc/rabbitmq/rabbitmq.conf';

/** A complete hardened AMQP TLS setup in each format, to which cases add one mistake. */
const TLS_CLASSIC = `{ssl_options, [{cacertfile, "/etc/rabbitmq/ssl/ca.pem"}, {certfile, "/etc/rabbitmq/ssl/cert.pem"},
                  {keyfile, "/etc/rabbitmq/ssl/key.pem"}, {verify, verify_peer},
                  {fail_if_no_peer_cert, true}, {versions, ['tlsv1.3', 'tlsv1.2']}]}`;
const TLS_CONF = `ssl_options.cacertfile = /etc/rabbitmq/ssl/ca.pem
ssl_options.certfile = /etc/rabbitmq/ssl/cert.pem
ssl_options.keyfile = /etc/rabbitmq/ssl/key.pem
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = true
ssl_options.versions.1 = tlsv1.3
ssl_options.versions.2 = tlsv1.2`;

function classic(rabbit: string, more = ''): string {
  return `[{rabbit, [${rabbit}]}${more}].\n`;
}

interface Case {
  readonly name: string;
  readonly classic: string;
  readonly conf: string;
  readonly codes: readonly string[];
}

const HARDENED_RABBIT_CLASSIC = `{tcp_listeners, []}, {ssl_listeners, [{"10.0.0.1", 5671}]}, ${TLS_CLASSIC}, {auth_mechanisms, ['EXTERNAL', 'PLAIN']}`;
const HARDENED_CONF = `listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\n${TLS_CONF}\nauth_mechanisms.1 = EXTERNAL\nauth_mechanisms.2 = PLAIN\n`;

const CASES: Case[] = [
  { name: 'hardened', classic: classic(HARDENED_RABBIT_CLASSIC), conf: HARDENED_CONF, codes: [] },
  {
    name: 'nothing configured: default plain listener, no TLS',
    classic: classic('{vm_memory_high_watermark, 0.4}'),
    conf: 'vm_memory_high_watermark.relative = 0.4\n',
    codes: ['RMQ101', 'RMQ102'],
  },
  {
    name: 'TLS added but plain listener left on',
    classic: classic(`{ssl_listeners, [{"10.0.0.1", 5671}]}, ${TLS_CLASSIC}, {auth_mechanisms, ['EXTERNAL']}`),
    conf: `listeners.ssl.default = 10.0.0.1:5671\n${TLS_CONF}\nauth_mechanisms.1 = EXTERNAL\n`,
    codes: ['RMQ101'],
  },
  {
    name: 'explicit plain listener on every interface',
    classic: classic(`{tcp_listeners, [5672]}, {ssl_listeners, [{"10.0.0.1", 5671}]}, ${TLS_CLASSIC}, {auth_mechanisms, ['EXTERNAL']}`),
    conf: `listeners.tcp.default = 5672\nlisteners.ssl.default = 10.0.0.1:5671\n${TLS_CONF}\nauth_mechanisms.1 = EXTERNAL\n`,
    codes: ['RMQ101', 'RMQ103'],
  },
  {
    name: 'TLS listener without certificate files',
    classic: classic(`{tcp_listeners, []}, {ssl_listeners, [{"10.0.0.1", 5671}]}, {ssl_options, [{verify, verify_peer}, {fail_if_no_peer_cert, true}, {versions, ['tlsv1.2']}]}, {auth_mechanisms, ['EXTERNAL']}`),
    conf: 'listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\nssl_options.verify = verify_peer\nssl_options.fail_if_no_peer_cert = true\nssl_options.versions.1 = tlsv1.2\nauth_mechanisms.1 = EXTERNAL\n',
    codes: ['RMQ104'],
  },
  {
    name: 'verify_none, no client certificate required, legacy versions, weak cipher, system CA',
    classic: classic(
      `{tcp_listeners, []}, {ssl_listeners, [{"10.0.0.1", 5671}]}, {ssl_options, [{cacertfile, "/etc/ssl/certs/ca-certificates.crt"}, {certfile, "/c.pem"}, {keyfile, "/k.pem"}, {verify, verify_none}, {fail_if_no_peer_cert, false}, {versions, ['tlsv1.2', 'tlsv1.1', tlsv1]}, {ciphers, ["ECDHE-RSA-AES256-GCM-SHA384", "RC4-SHA"]}]}`,
    ),
    conf: 'listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\nssl_options.cacertfile = /etc/ssl/certs/ca-certificates.crt\nssl_options.certfile = /c.pem\nssl_options.keyfile = /k.pem\nssl_options.verify = verify_none\nssl_options.fail_if_no_peer_cert = false\nssl_options.versions.1 = tlsv1.2\nssl_options.versions.2 = tlsv1.1\nssl_options.versions.3 = tlsv1\nssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384\nssl_options.ciphers.2 = RC4-SHA\n',
    codes: ['RMQ105', 'RMQ106', 'RMQ107', 'RMQ109', 'RMQ110'],
  },
  {
    name: 'versions not pinned, plain-text key password',
    classic: classic(`{tcp_listeners, []}, {ssl_listeners, [{"10.0.0.1", 5671}]}, {ssl_options, [{cacertfile, "/ca.pem"}, {certfile, "/c.pem"}, {keyfile, "/k.pem"}, {password, "s3cret"}, {verify, verify_peer}, {fail_if_no_peer_cert, true}]}, {auth_mechanisms, ['EXTERNAL']}`),
    conf: 'listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\nssl_options.cacertfile = /ca.pem\nssl_options.certfile = /c.pem\nssl_options.keyfile = /k.pem\nssl_options.password = s3cret\nssl_options.verify = verify_peer\nssl_options.fail_if_no_peer_cert = true\nauth_mechanisms.1 = EXTERNAL\n',
    codes: ['RMQ108', 'RMQ113'],
  },
  {
    name: 'guest everywhere, anonymous login, guest allowed remotely',
    classic: classic(`${HARDENED_RABBIT_CLASSIC.replace("{auth_mechanisms, ['EXTERNAL', 'PLAIN']}", "{auth_mechanisms, ['EXTERNAL', 'PLAIN', 'ANONYMOUS']}")}, {default_user, <<"guest">>}, {default_pass, <<"guest">>}, {loopback_users, []}, {anonymous_login_user, <<"guest">>}`),
    conf: HARDENED_CONF + 'auth_mechanisms.3 = ANONYMOUS\ndefault_user = guest\ndefault_pass = guest\nloopback_users.guest = false\nanonymous_login_user = guest\n',
    codes: ['RMQ201', 'RMQ202', 'RMQ203'],
  },
  {
    name: 'mutual TLS without EXTERNAL',
    classic: classic(HARDENED_RABBIT_CLASSIC.replace("{auth_mechanisms, ['EXTERNAL', 'PLAIN']}", "{auth_mechanisms, ['PLAIN']}")),
    conf: HARDENED_CONF.replace('auth_mechanisms.1 = EXTERNAL\n', ''),
    codes: ['RMQ204'],
  },
  {
    name: 'management over plain HTTP, MQTT and STOMP on plain TCP, MQTT anonymous',
    classic: classic(HARDENED_RABBIT_CLASSIC, `, {rabbitmq_management, [{tcp_config, [{ip, "10.0.0.1"}, {port, 15672}]}]}, {rabbitmq_mqtt, [{tcp_listeners, [{"10.0.0.1", 1883}]}, {allow_anonymous, true}]}, {rabbitmq_stomp, [{tcp_listeners, [{"10.0.0.1", 61613}]}]}`),
    conf: HARDENED_CONF + 'management.tcp.ip = 10.0.0.1\nmanagement.tcp.port = 15672\nmqtt.listeners.tcp.default = 10.0.0.1:1883\nmqtt.allow_anonymous = true\nstomp.listeners.tcp.default = 10.0.0.1:61613\n',
    codes: ['RMQ301', 'RMQ302', 'RMQ303'],
  },
  {
    name: 'management over HTTPS without client verification is information only',
    classic: classic(HARDENED_RABBIT_CLASSIC, `, {rabbitmq_management, [{ssl_config, [{ip, "10.0.0.1"}, {port, 15671}, {cacertfile, "/ca.pem"}, {certfile, "/c.pem"}, {keyfile, "/k.pem"}, {versions, ['tlsv1.3']}]}]}`),
    conf: HARDENED_CONF + 'management.ssl.ip = 10.0.0.1\nmanagement.ssl.port = 15671\nmanagement.ssl.cacertfile = /ca.pem\nmanagement.ssl.certfile = /c.pem\nmanagement.ssl.keyfile = /k.pem\nmanagement.ssl.versions.1 = tlsv1.3\n',
    codes: ['RMQ105', 'RMQ106'],
  },
];

for (const c of CASES) {
  test(`${c.name}: classic and rabbitmq.conf give ${c.codes.join(', ') || 'nothing'}`, () => {
    const a = analyzeIn({ [CLASSIC]: c.classic }, CLASSIC);
    const b = analyzeIn({ [CONF]: c.conf }, CONF);
    assert.deepEqual(codesOf(a), [...c.codes].sort(), JSON.stringify(a.diagnostics.map((d) => [d.code, d.message])));
    assert.deepEqual(codesOf(b), [...c.codes].sort(), JSON.stringify(b.diagnostics.map((d) => [d.code, d.message])));
  });
}

test('TLS rules on HTTP endpoints are information, and their fixes are not applied by fix-all', () => {
  const c = CASES.find((x) => x.name.startsWith('management over HTTPS'))!;
  const r = analyzeIn({ [CONF]: c.conf }, CONF);
  for (const d of r.diagnostics) {
    assert.equal(d.severity, 'information', d.code);
    assert.ok(d.fixes.every((f) => !f.safe));
  }
});

test('messages name the endpoint and the listener, and never a password', () => {
  const r = analyzeIn({ [CONF]: 'listeners.tcp.default = 0.0.0.0:5672\nssl_options.password = s3cret\ndefault_pass = hunter2\n' }, CONF);
  const rmq101 = r.diagnostics.find((d) => d.code === 'RMQ101')!;
  assert.equal(rmq101.message, 'AMQP listener 0.0.0.0:5672 accepts plain TCP');
  for (const d of r.diagnostics) {
    assert.doesNotMatch(d.message, /s3cret|hunter2/);
    assert.doesNotMatch(d.message, /\n/);
  }
});

test('a missing setting is reported where it belongs: the first line of rabbitmq.conf, the {rabbit, [ of a classic file', () => {
  const conf = analyzeIn({ [CONF]: '# comment\nvm_memory_high_watermark.relative = 0.4\n' }, CONF);
  assert.deepEqual(conf.diagnostics.find((d) => d.code === 'RMQ101')!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
  const text = '%% c\n[\n {rabbit, [{vm_memory_high_watermark, 0.4}]}\n].\n';
  const cl = analyzeIn({ [CLASSIC]: text }, CLASSIC);
  const r = cl.diagnostics.find((d) => d.code === 'RMQ101')!.range;
  assert.deepEqual(r, { start: { line: 2, character: 1 }, end: { line: 2, character: 11 } }); // `{rabbit, [`
});

test('advanced.config beside rabbitmq.conf: one configuration, each finding in the file that decides it', () => {
  const files = {
    '/etc/rabbitmq/rabbitmq.conf': HARDENED_CONF,
    '/etc/rabbitmq/advanced.config': '[{rabbit, [{ssl_options, [{ciphers, ["ECDHE-RSA-AES256-GCM-SHA384"]}]}]}].\n',
  };
  const conf = analyzeIn(files, '/etc/rabbitmq/rabbitmq.conf');
  const adv = analyzeIn(files, '/etc/rabbitmq/advanced.config');
  // No RMQ101 anywhere: rabbitmq.conf turns plain TCP off.
  assert.ok(!conf.diagnostics.some((d) => d.code === 'RMQ101') && !adv.diagnostics.some((d) => d.code === 'RMQ101'));
  // advanced.config's ssl_options replaces rabbitmq.conf's whole block (cuttlefish overlay): the certificates are gone.
  assert.deepEqual(codesOf(adv), ['RMQ104', 'RMQ105', 'RMQ106', 'RMQ108']);
  assert.deepEqual(codesOf(conf), []);
});

test('a lone advanced.config that only tunes ciphers next to a TLS-only rabbitmq.conf keeps its ssl_options out of rabbitmq.conf', () => {
  const files = {
    '/etc/rabbitmq/rabbitmq.conf': 'listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\n',
    '/etc/rabbitmq/advanced.config': `[{rabbit, [${TLS_CLASSIC}, {auth_mechanisms, ['EXTERNAL']}]}].\n`,
  };
  assert.deepEqual(codesOf(analyzeIn(files, '/etc/rabbitmq/rabbitmq.conf')), []);
  assert.deepEqual(codesOf(analyzeIn(files, '/etc/rabbitmq/advanced.config')), []);
});

test('templates: unknown values never give a finding that only one rendering would justify', () => {
  const path = '/roles/rabbitmq/templates/rabbitmq.config.j2';
  const text = `[{rabbit, [
  {tcp_listeners, []},
  {ssl_listeners, [{{ rabbitmq_port }}]},
  {ssl_options, [{cacertfile, "{{ ca }}"}, {certfile, "{{ cert }}"}, {keyfile, "{{ key }}"},
                 {verify, {{ verify_mode }}}, {fail_if_no_peer_cert, {{ require_certs }}},
                 {versions, [{% for v in versions %}'{{ v }}'{% if not loop.last %},{% endif %}{% endfor %}]}]}
]}].
`;
  const r = analyzeIn({ [path]: text }, path);
  assert.deepEqual(codesOf(r).filter((c) => /^RMQ10[4-9]/.test(c)), []);
  const kolla = '/roles/rabbitmq/templates/rabbitmq.conf.j2';
  const loop = `{% for key, value in rabbitmq_config.items() %}\n{{ key }} = {{ value }}\n{% endfor %}\n`;
  assert.deepEqual(codesOf(analyzeIn({ [kolla]: loop }, kolla)), []);
});

test('RMQ111/RMQ112: key files readable by others, and missing files, only when file checks are on', () => {
  const files: Record<string, string> = {
    [CONF]: `listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\n${TLS_CONF.replace('/etc/rabbitmq/ssl/key.pem', 'ssl/key.pem')}\nauth_mechanisms.1 = EXTERNAL\n`,
  };
  const modes: Record<string, number> = { '/etc/rabbitmq/ssl/ca.pem': 0o644, '/var/lib/rabbitmq/ssl/key.pem': 0o640 };
  const host = {
    ...memoryHostFor(files),
    stat: (p: string) => (p in modes ? { mode: modes[p], isFile: true } : undefined),
  };
  const off = analyzeIn(files, CONF, { host });
  assert.deepEqual(codesOf(off), []);
  const on = analyzeIn(files, CONF, { host, checkFiles: true });
  assert.deepEqual(codesOf(on), ['RMQ111', 'RMQ112']);
  const perm = on.diagnostics.find((d) => d.code === 'RMQ111')!;
  assert.match(perm.message, /ssl\/key\.pem has mode 0640/);
  assert.deepEqual(perm.fixes[0].command, { command: 'mq-harden.chmod600', arguments: ['/var/lib/rabbitmq/ssl/key.pem'] });
  assert.equal(perm.fixes[0].safe, false);
  const missing = on.diagnostics.filter((d) => d.code === 'RMQ112');
  assert.deepEqual(missing.map((d) => d.severity), ['hint']);
  assert.match(missing[0].message, /cert\.pem does not exist/);
  modes['/var/lib/rabbitmq/ssl/key.pem'] = 0o600;
  modes['/etc/rabbitmq/ssl/cert.pem'] = 0o644;
  assert.deepEqual(codesOf(analyzeIn(files, CONF, { host, checkFiles: true })), []);
});

test('Web-STOMP and Web-MQTT blocks in rabbitmq.conf get the TLS and plain-listener rules too', () => {
  const r = analyzeIn({ [CONF]: HARDENED_CONF + 'web_stomp.tcp.port = 15674\nweb_mqtt.ssl.port = 15673\nweb_mqtt.ssl.versions.1 = tlsv1.1\n' }, CONF);
  const messages = r.diagnostics.map((d) => `${d.code} ${d.message}`);
  assert.ok(messages.some((m) => m.startsWith('RMQ302 Web-STOMP listens on plain HTTP')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('RMQ107 Web-MQTT HTTPS allows tlsv1.1')), messages.join('\n'));
});
