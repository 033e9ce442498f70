/**
 * The RabbitMQ catalogs as committed: key matching as cuttlefish matches
 * variables, suggestions for unknown keys, classic equivalents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import {
  classicApps,
  classicEquivalentOf,
  confCatalog,
  confSettingsForTarget,
  findClassicSetting,
  findConfSetting,
  isCataloguedNamespace,
  matchConfKey,
  suggestClassicKeys,
  suggestConfKeys,
  tokenizeConfKey,
} from '../../server/src/engine/catalog/rabbitmq.js';

test('wildcard segments match any one segment: listeners, TLS versions, SASL mechanisms', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['listeners.ssl.default', 'listeners.ssl.$name', { $name: 'default' }],
    ['listeners.tcp.1', 'listeners.tcp.$name', { $name: '1' }],
    ['ssl_options.versions.1', 'ssl_options.versions.$version', { $version: '1' }],
    ['auth_mechanisms.1', 'auth_mechanisms.$name', { $name: '1' }],
    ['mqtt.listeners.ssl.default', 'mqtt.listeners.ssl.$name', { $name: 'default' }],
    ['loopback_users.guest', 'loopback_users.$user', { $user: 'guest' }],
  ];
  for (const [key, pattern, captures] of cases) {
    const m = matchConfKey(key);
    assert.ok(m, `${key} is known`);
    assert.equal(m.setting.key, pattern);
    assert.equal(m.via, 'wildcard');
    assert.deepEqual(m.captures, captures);
  }
});

test('exact keys match themselves, before any wildcard pattern', () => {
  const port = matchConfKey('management.ssl.port');
  assert.equal(port?.via, 'exact');
  assert.equal(port?.setting.target, 'rabbitmq_management.ssl_config.port');
  assert.equal(port?.setting.schema, 'rabbitmq_management');
  // `listeners.tcp` (= none) and `listeners.tcp.$name` are different mappings of one target.
  assert.equal(findConfSetting('listeners.tcp')?.key, 'listeners.tcp');
  assert.deepEqual(findConfSetting('listeners.tcp')?.datatype, [{ t: 'enum', values: ['none'] }]);
});

test('segment counts must agree, and literal segments must be equal', () => {
  assert.equal(findConfSetting('listeners.ssl.default.extra'), undefined);
  assert.equal(findConfSetting('listeners.ssl'), findConfSetting('listeners.ssl')); // the `= none` key
  assert.equal(findConfSetting('listeners.sll.default'), undefined);
  assert.equal(findConfSetting('Listeners.ssl.default'), undefined, 'cuttlefish is case-sensitive');
  assert.equal(findConfSetting(''), undefined);
});

test('keys may be given as parsed segments (escaped dots stay inside a segment)', () => {
  assert.deepEqual(tokenizeConfKey('a\\.b.c'), ['a.b', 'c']);
  assert.equal(findConfSetting(['listeners', 'ssl', 'default'])?.key, 'listeners.ssl.$name');
  assert.equal(findConfSetting(['listeners.ssl', 'default']), undefined);
});

test('deprecated aliases are found, and say so', () => {
  // A key of its own up to 4.2, an alias of max_connections in newer schemas.
  const m = matchConfKey('connection_max');
  assert.equal(m?.via, 'exact');
  assert.deepEqual(m?.setting.versions, ['v4.2.0-pre-partial']);
  assert.equal(m?.aliasOf?.key, 'max_connections');
  assert.deepEqual(findConfSetting('max_connections')?.aliases, ['connection_max']);
  assert.equal(matchConfKey('max_connections')?.aliasOf, undefined);
});

test('unknown keys get "did you mean" suggestions, filled in from the key itself', () => {
  assert.deepEqual(suggestConfKeys('ssl_options.verfy'), ['ssl_options.verify']);
  assert.deepEqual(suggestConfKeys('listeners.sll.default'), ['listeners.ssl.default']);
  assert.deepEqual(suggestConfKeys('SSL_options.verify'), ['ssl_options.verify']);
  assert.equal(suggestConfKeys('management.ssl.cacert')[0], 'management.ssl.cacertfile');
  assert.deepEqual(suggestConfKeys('completely.unrelated.thing'), []);
  for (const s of suggestConfKeys('ssl_options.versions.1x')) assert.ok(!s.includes('$'), s);
});

test('settings carry their schema facts: datatypes, validators, docs, versions, partial origin', () => {
  const verify = findConfSetting('ssl_options.verify');
  assert.deepEqual(verify?.datatype, [{ t: 'enum', values: ['verify_peer', 'verify_none'] }]);
  assert.equal(verify?.partial, 'rabbit/ssl_options');
  assert.deepEqual(verify?.versions, ['main', 'v4.3.5', 'v4.2.0-pre-partial']);
  const certfile = findConfSetting('ssl_options.certfile');
  assert.deepEqual(certfile?.validators, ['pem_file']);
  assert.match(confCatalog().validators.pem_file, /PEM/);
  const mechanisms = findConfSetting('auth_mechanisms.1');
  assert.match(mechanisms?.doc ?? '', /SASL mechanism/);
  assert.equal(mechanisms?.translated, true);
  const password = findConfSetting('default_pass');
  assert.deepEqual(password?.datatype, [{ t: 'tagged_binary' }, { t: 'binary' }]);
  // Only the newest schema accepts Unix domain sockets for listeners.
  assert.deepEqual(findConfSetting('listeners.tcp.1')?.datatype.map((d) => d.t), ['integer', 'ip', 'domain_socket']);
});

test('every catalogued setting is well formed', () => {
  const { settings, versions } = confCatalog();
  assert.ok(settings.length > 600, `${settings.length} settings`);
  const keys = new Set<string>();
  for (const s of settings) {
    assert.ok(!keys.has(s.key), `duplicate ${s.key}`);
    keys.add(s.key);
    assert.ok(s.datatype.length > 0, s.key);
    assert.ok(s.versions.length > 0 && s.versions.every((v) => versions.includes(v)), s.key);
    assert.ok(/^[a-z0-9_]+\./.test(s.target) || s.target.startsWith('vm_args.'), `${s.key} → ${s.target}`);
    for (const d of s.datatype) assert.notEqual(d.t, 'unknown', `${s.key} has a datatype we do not model: ${JSON.stringify(d)}`);
  }
});

test('the committed catalogs stay compact', () => {
  const dir = join(ROOT, 'server', 'src', 'engine', 'catalog', 'data');
  const total = ['rabbitmq-conf.json', 'rabbitmq-classic.json'].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  assert.ok(total < 400 * 1024, `${total} bytes`);
});

test('namespaces of plugins without a catalogued schema are recognisable', () => {
  assert.ok(isCataloguedNamespace('listeners'));
  assert.ok(isCataloguedNamespace('management'));
  assert.ok(isCataloguedNamespace('mqtt'));
  assert.ok(!isCataloguedNamespace('auth_ldap'));
  assert.ok(!isCataloguedNamespace('trust_store'));
});

test('classic equivalents: targets, nesting, and reverse lookups', () => {
  const ssl = classicEquivalentOf(findConfSetting('listeners.ssl.default')!);
  assert.equal(ssl?.app, 'rabbit');
  assert.equal(ssl?.key, 'ssl_listeners');
  assert.deepEqual(ssl?.confKeys, ['listeners.ssl', 'listeners.ssl.$name']);
  assert.equal(ssl?.translated, true);
  const verify = findClassicSetting('rabbit', 'ssl_options.verify');
  assert.deepEqual(verify?.datatype, [{ t: 'enum', values: ['verify_peer', 'verify_none'] }]);
  assert.ok(findClassicSetting('rabbit', 'ssl_options')?.children?.includes('verify'));
  assert.ok(findClassicSetting('rabbitmq_management', 'ssl_config')?.children?.includes('port'));
  assert.ok(findClassicSetting('kernel', 'inet_dist_listen_min'));
  assert.equal(findClassicSetting('rabbit', 'no_such_key'), undefined);
  assert.ok(classicApps().includes('rabbitmq_mqtt'));
  assert.ok(!classicApps().includes('vm_args'), 'VM flags are no application');
  assert.deepEqual(confSettingsForTarget('rabbit.tcp_listeners').map((s) => s.key), ['listeners.tcp', 'listeners.tcp.$name']);
});

test('classic suggestions stay at the same nesting level', () => {
  assert.deepEqual(suggestClassicKeys('rabbit', 'tcp_listener'), ['tcp_listeners']);
  assert.deepEqual(suggestClassicKeys('rabbit', 'ssl_options.verfy'), ['ssl_options.verify']);
  assert.deepEqual(suggestClassicKeys('no_such_app', 'x'), []);
});
