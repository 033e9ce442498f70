/**
 * OSLO202 and the workspace account index: the same broker user in files of
 * two different services is reported in each, naming the others; files of
 * the same service, guest, and users a template decides are not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { AccountIndex, accountsOfDocument } from '../../server/src/engine/workspace/index.js';
import { lint } from './engine.js';

function indexed(files: Record<string, string>): AccountIndex {
  const index = new AccountIndex();
  for (const [path, text] of Object.entries(files)) {
    const result = analyze({ path, text }, { language: 'oslo-config' });
    assert.ok(result);
    index.set(accountsOfDocument(result.document));
  }
  return index;
}

const NOVA = '[DEFAULT]\ntransport_url = rabbit://openstack:pw@r1:5671,openstack:pw@r2:5671/nova?ssl=1\n';
const CINDER = '[DEFAULT]\ntransport_url = rabbit://openstack:pw2@r1:5671/cinder?ssl=1\n';
const NEUTRON = '[DEFAULT]\ntransport_url = rabbit://neutron:pw@r1:5671/neutron?ssl=1\n[oslo_messaging_notifications]\ntransport_url = rabbit://openstack:pw@r1:5671/notify?ssl=1\n';

test('accounts of a document: users as written, decoded, per transport; guest, empty and templated users left out', () => {
  const doc = (path: string, text: string) => analyze({ path, text }, { language: 'oslo-config' })!.document;
  assert.deepEqual(
    accountsOfDocument(doc('/etc/nova/nova.conf', NOVA)).accounts.map((a) => [a.user, a.hosts, a.role]),
    [['openstack', ['r1', 'r2'], 'rpc']],
  );
  assert.deepEqual(
    accountsOfDocument(doc('/etc/neutron/neutron.conf', NEUTRON)).accounts.map((a) => [a.user, a.role]),
    [
      ['neutron', 'rpc'],
      ['openstack', 'notifications'],
    ],
  );
  assert.deepEqual(accountsOfDocument(doc('x/nova.conf', '[DEFAULT]\ntransport_url = rabbit://n%40x:p@h/\n')).accounts.map((a) => a.user), ['n@x']);
  assert.deepEqual(accountsOfDocument(doc('x/nova.conf', '[DEFAULT]\ntransport_url = rabbit://guest:guest@h/\n')).accounts, []);
  assert.deepEqual(accountsOfDocument(doc('x/nova.conf', '[DEFAULT]\ntransport_url = rabbit://:p@h/\n')).accounts, []);
  assert.deepEqual(accountsOfDocument(doc('x/nova.conf.j2', '[DEFAULT]\ntransport_url = rabbit://{{ user }}:{{ pw }}@h/\n')).accounts, []);
  // Legacy options name a user too.
  assert.deepEqual(accountsOfDocument(doc('x/nova.conf', '[DEFAULT]\nrabbit_host = h\nrabbit_userid = nova\n')).accounts.map((a) => a.user), ['nova']);
});

test('the index: add, update, remove; holders of other services only', () => {
  const index = indexed({ '/etc/nova/nova.conf': NOVA, '/etc/cinder/cinder.conf': CINDER, '/etc/neutron/neutron.conf': NEUTRON, '/srv/nova-cell/nova.conf': NOVA });
  assert.equal(index.size, 4);
  assert.deepEqual(index.holdersOf('openstack', { path: '/etc/nova/nova.conf', service: 'nova' }), [
    { path: '/etc/cinder/cinder.conf', service: 'cinder' },
    { path: '/etc/neutron/neutron.conf', service: 'neutron' },
  ]);
  // The file changed: cinder now has its own user.
  const cinderOwn = analyze({ path: '/etc/cinder/cinder.conf', text: CINDER.replace('openstack:', 'cinder:') }, {})!;
  index.set(accountsOfDocument(cinderOwn.document));
  assert.deepEqual(index.holdersOf('openstack', { path: '/etc/nova/nova.conf', service: 'nova' }).map((h) => h.service), ['neutron']);
  index.remove('/etc/neutron/neutron.conf');
  assert.deepEqual(index.holdersOf('openstack', { path: '/etc/nova/nova.conf', service: 'nova' }), []);
  assert.equal(index.get('/etc/neutron/neutron.conf'), undefined);
  index.remove('/not/there.conf');
  assert.equal(index.size, 3);
});

test('OSLO202: reported in each file, at the user, naming the other services; silent without an index', () => {
  const files = { '/etc/nova/nova.conf': NOVA, '/etc/cinder/cinder.conf': CINDER, '/etc/neutron/neutron.conf': NEUTRON };
  const index = indexed(files);
  for (const [path, text] of Object.entries(files)) {
    const found = lint({ path, text }, {}, index).findings.filter((f) => f.code === 'OSLO202');
    assert.equal(found.length, 1, path);
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'openstack');
    assert.equal(found[0].severity, 'warning');
    const others = Object.keys(files).filter((p) => p !== path);
    for (const other of others) assert.ok(found[0].message.includes(other), `${path}: ${found[0].message}`);
    assert.ok(!found[0].message.includes('pw'), 'no password');
  }
  assert.deepEqual(lint({ path: '/etc/nova/nova.conf', text: NOVA }).findings.filter((f) => f.code === 'OSLO202'), []);
  // The open buffer is what counts: once nova has its own user, nova's file is clean even if the index is stale.
  const own = NOVA.replace(/openstack:/g, 'nova:');
  assert.deepEqual(lint({ path: '/etc/nova/nova.conf', text: own }, {}, index).findings.filter((f) => f.code === 'OSLO202'), []);
});

test('OSLO202: two files of one service may share their account', () => {
  const index = indexed({ 'kolla/nova/nova.conf.j2': NOVA, 'kolla/nova-cell/nova.conf.j2': NOVA });
  assert.deepEqual(lint({ path: 'kolla/nova/nova.conf.j2', text: NOVA }, {}, index).findings.filter((f) => f.code === 'OSLO202'), []);
});
