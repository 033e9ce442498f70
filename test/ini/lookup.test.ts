import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getEffectiveEntry,
  getSections,
  getValues,
  normalizeGroupName,
  parseOsloIni,
} from '../../server/src/engine/formats/ini/index.js';

const TEXT = [
  '[Oslo_Messaging_Rabbit]',
  'ssl = true',
  '[DEFAULT]',
  'transport_url = rabbit://used/',
  '[default]',
  'transport_url = rabbit://ignored/',
  '[oslo_messaging_rabbit]',
  'ssl = false',
  'Ssl = maybe',
  '[oslo_messaging_notifications]',
  'driver = messagingv2',
  'driver = log',
  '',
].join('\n');
const doc = parseOsloIni(TEXT).tree;

test('normalizeGroupName keeps DEFAULT exactly and lower-cases everything else', () => {
  assert.equal(normalizeGroupName('DEFAULT'), 'DEFAULT');
  assert.equal(normalizeGroupName('default'), 'default');
  assert.equal(normalizeGroupName('Default'), 'default');
  assert.equal(normalizeGroupName('Oslo_Messaging_Rabbit'), 'oslo_messaging_rabbit');
});

test('getValues merges repeated and differently-cased sections, in document order', () => {
  assert.deepEqual(
    getValues(doc, 'oslo_messaging_rabbit', 'ssl').map((e) => e.value),
    ['true', 'false'],
  );
  // The group asked for is normalised too.
  assert.deepEqual(
    getValues(doc, 'OSLO_MESSAGING_RABBIT', 'ssl').map((e) => e.value),
    ['true', 'false'],
  );
});

test('option names are case-sensitive', () => {
  assert.deepEqual(
    getValues(doc, 'oslo_messaging_rabbit', 'Ssl').map((e) => e.value),
    ['maybe'],
  );
  assert.deepEqual(getValues(doc, 'oslo_messaging_rabbit', 'SSL'), []);
});

test('[default] is not the DEFAULT group', () => {
  assert.deepEqual(
    getValues(doc, 'DEFAULT', 'transport_url').map((e) => e.value),
    ['rabbit://used/'],
  );
  assert.deepEqual(
    getValues(doc, 'default', 'transport_url').map((e) => e.value),
    ['rabbit://ignored/'],
  );
});

test('getEffectiveEntry is the last assignment; multi-valued options read getValues', () => {
  assert.equal(getEffectiveEntry(doc, 'oslo_messaging_rabbit', 'ssl')?.value, 'false');
  assert.equal(getEffectiveEntry(doc, 'oslo_messaging_rabbit', 'ssl_ca_file'), undefined);
  assert.deepEqual(
    getValues(doc, 'oslo_messaging_notifications', 'driver').map((e) => e.value),
    ['messagingv2', 'log'],
  );
});

test('getSections lists every header feeding a group', () => {
  assert.deepEqual(
    getSections(doc, 'oslo_messaging_rabbit').map((s) => s.name),
    ['Oslo_Messaging_Rabbit', 'oslo_messaging_rabbit'],
  );
});

test('assignments before any section belong to no group', () => {
  const { tree } = parseOsloIni('ssl = true\n[oslo_messaging_rabbit]\n');
  assert.deepEqual(getValues(tree, 'oslo_messaging_rabbit', 'ssl'), []);
  assert.equal(tree.preamble[0].key, 'ssl');
});
