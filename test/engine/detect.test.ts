import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseConfigName, detectLanguage } from '../../server/src/engine/languages/detect.js';

const cases: [path: string, text: string, expected: string | undefined][] = [
  ['/etc/rabbitmq/rabbitmq.config', '', 'rabbitmq-config'],
  ['/etc/rabbitmq/advanced.config', '', 'rabbitmq-config'],
  ['templates/rabbitmq.config.j2', '', 'rabbitmq-config'],
  ['/etc/rabbitmq/rabbitmq.conf', '', 'rabbitmq-conf'],
  ['/etc/rabbitmq/conf.d/10-tls.conf', 'anything', 'rabbitmq-conf'],
  ['roles/rabbitmq/templates/rabbitmq.conf.j2', '', 'rabbitmq-conf'],
  ['/etc/rabbitmq/rabbitmq-env.conf', 'NODENAME=rabbit@x', undefined],
  ['/etc/nova/nova.conf', '', 'oslo-config'],
  ['templates/neutron.conf.j2', '', 'oslo-config'],
  ['/etc/neutron/plugins/ml2/ml2_conf.ini', '', 'oslo-config'],
  ['/etc/neutron/l3_agent.ini', '', 'oslo-config'],
  ['/etc/qpid/qpidd.conf', '', 'qpidd-conf'],
  // Names that say nothing: content decides, and only on positive evidence.
  ['section-oslo-messaging-rabbit', '[oslo_messaging_rabbit]\nssl = true\n', 'oslo-config'],
  ['site.conf', '[DEFAULT]\ntransport_url = rabbit://u:p@h/\n', 'oslo-config'],
  ['app.conf', '[server]\nport = 80\n', undefined],
  ['app.config', '%% a comment\n[{rabbit, [{tcp_listeners, []}]}].\n', 'rabbitmq-config'],
  ['app.config', '[{my_app, [{port, 80}]}].\n', undefined],
  ['app.conf', 'listeners.tcp = none\n', 'rabbitmq-conf'],
  ['nginx.conf', 'server { listen 80; }\n', undefined],
  ['inter_node_tls.config', '[{server, []}].', 'rabbitmq-config'],
];

for (const [path, text, expected] of cases) {
  test(`detects ${path} as ${expected ?? 'not ours'}`, () => {
    assert.equal(detectLanguage(path, text)?.language, expected);
  });
}

test('inter-node TLS option files are a variant that allows function calls', () => {
  assert.equal(detectLanguage('/etc/rabbitmq/inter_node_tls.config', '')?.variant, 'inter-node-tls');
  assert.equal(detectLanguage('/etc/rabbitmq/rabbitmq.config', '')?.variant, undefined);
});

test('template, sample and tagged suffixes are removed from the name', () => {
  assert.equal(baseConfigName('a/b/rabbitmq.config.j2__2018'), 'rabbitmq.config');
  assert.equal(baseConfigName('rabbit__rabbitmq.conf.example'), 'rabbitmq.conf');
  assert.equal(baseConfigName('nova.conf.j2'), 'nova.conf');
  assert.equal(baseConfigName('advanced_3.config.epp'), 'advanced_3.config');
});
