// Accessors: values as Erlang sees them, on trees from real-looking configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  atomName, binaryBytes, booleanValue, documentTerm, floatValue, integerValue, isAtom, isProplistTuple, listElements,
  lookupPath, proplistEntries, proplistLookup, proplistValue, smallIntegerValue, stringValue, tupleElements, tupleKey,
} from '../../server/src/engine/formats/erlang/index.js';
import { as, parse, termOf, textOf } from './helpers.js';

const CONFIG = `[
 {rabbit, [
   {tcp_listeners, []},
   {ssl_listeners, [{"::", 5671}, 5672]},
   {ssl_options, [{cacertfile, "/etc/rabbitmq/ca.pem"},
                  {verify, verify_peer},
                  fail_if_no_peer_cert,
                  {versions, ['tlsv1.3', 'tlsv1.2']},
                  {password, <<"s3cret">>},
                  {verify, verify_none}]},
   {default_user, [103, 117, 101, 115, 116]},
   {vm_memory_high_watermark, 0.4},
   {frame_max, 16#20000},
   {reverse_dns_lookups, false}
 ]}
].`;

test('lookupPath follows nested proplists; proplists take the first entry', () => {
  const doc = parse(CONFIG).tree;
  const config = documentTerm(doc);
  assert.equal(atomName(lookupPath(config, ['rabbit', 'ssl_options', 'verify'])), 'verify_peer');
  assert.equal(stringValue(lookupPath(config, ['rabbit', 'ssl_options', 'cacertfile'])), '/etc/rabbitmq/ca.pem');
  assert.deepEqual(listElements(lookupPath(config, ['rabbit', 'ssl_options', 'versions']))?.map(atomName), ['tlsv1.3', 'tlsv1.2']);
  assert.equal(lookupPath(config, ['rabbit', 'nope']), undefined);
  assert.equal(lookupPath(config, ['rabbit', 'frame_max', 'deeper']), undefined);
  assert.equal(booleanValue(lookupPath(config, ['rabbit', 'reverse_dns_lookups'])), false);
});

test('proplistEntries: pairs and bare atoms, with their nodes', () => {
  const sslOptions = lookupPath(documentTerm(parse(CONFIG).tree), ['rabbit', 'ssl_options']);
  const entries = proplistEntries(sslOptions);
  assert.deepEqual(entries.map((e) => e.key), ['cacertfile', 'verify', 'fail_if_no_peer_cert', 'versions', 'password', 'verify']);
  const bare = entries[2];
  assert.equal(bare.value, undefined);
  assert.equal(bare.tuple, undefined);
  assert.equal(bare.keyNode.name, 'fail_if_no_peer_cert');
  assert.equal(textOf(CONFIG, entries[1].tuple!.span), '{verify, verify_peer}');
  assert.equal(proplistLookup(sslOptions, 'verify')?.value && atomName(proplistLookup(sslOptions, 'verify')!.value), 'verify_peer');
  assert.equal(proplistValue(sslOptions, 'fail_if_no_peer_cert'), undefined);
  assert.equal(proplistLookup(sslOptions, 'fail_if_no_peer_cert')?.key, 'fail_if_no_peer_cert');
});

test('stringValue: strings, printable character lists, binaries; "" is []', () => {
  const list = as(termOf('["abc", [104, 105], [$a | "bc"], [], "", <<"guest">>, <<"é"/utf8>>, <<"é">>, [7], [1, a], <<1:3>>, abc, 42].'), 'list');
  const values = list.elements.map(stringValue);
  assert.deepEqual(values, ['abc', 'hi', 'abc', '', '', 'guest', 'é', 'é', undefined, undefined, undefined, undefined, undefined]);
  // <<"é">> without /utf8 is the single byte 233: not UTF-8, read as Latin-1.
  assert.deepEqual(Array.from(binaryBytes(list.elements[7])!), [233]);
  assert.deepEqual(Array.from(binaryBytes(list.elements[6])!), [0xc3, 0xa9]);
  assert.equal(binaryBytes(list.elements[10]), undefined);
});

test('stringValue builds binaries even in a file with errors', () => {
  const outcome = parse('[{default_pass, <<"guest">>} {oops}].');
  assert.equal(outcome.errors.length, 1);
  const first = as(documentTerm(outcome.tree), 'list').elements[0];
  assert.equal(stringValue(tupleElements(first)![1]), 'guest');
});

test('numbers', () => {
  const list = as(termOf('[5671, -1, $a, 16#FF, 123456789012345678901234567890, 0.4, -2.5e3, x].'), 'list');
  const [port, minus, char, hex, big, ratio, negative, atom] = list.elements;
  assert.equal(integerValue(port), 5671n);
  assert.equal(smallIntegerValue(minus), -1);
  assert.equal(smallIntegerValue(char), 97);
  assert.equal(smallIntegerValue(hex), 255);
  assert.equal(integerValue(big), 123456789012345678901234567890n);
  assert.equal(smallIntegerValue(big), undefined);
  assert.equal(floatValue(ratio), 0.4);
  assert.equal(floatValue(negative), -2500);
  assert.equal(integerValue(atom), undefined);
  assert.equal(floatValue(port), undefined);
});

test('tuples, keys, atoms', () => {
  const list = as(termOf('[{verify, verify_peer}, {a, b, c}, {"k", v}, {}, true, false, maybe].'), 'list');
  const [pair, triple, stringKey, empty, yes, no, other] = list.elements;
  assert.ok(isProplistTuple(pair));
  assert.equal(tupleKey(pair), 'verify');
  assert.ok(!isProplistTuple(triple));
  assert.equal(tupleKey(stringKey), undefined);
  assert.deepEqual(tupleElements(empty), []);
  assert.equal(tupleElements(yes), undefined);
  assert.equal(booleanValue(yes), true);
  assert.equal(booleanValue(no), false);
  assert.equal(booleanValue(other), undefined);
  assert.ok(isAtom(other, 'maybe'));
  assert.ok(!isAtom(other, 'true'));
});

test('listElements follows list tails and refuses improper lists', () => {
  const list = as(termOf('[[a | [b | [c]]], [a | b], [a | []], "", "ab"].'), 'list');
  const [flattened, improper, nilTail, emptyString, string] = list.elements;
  assert.deepEqual(listElements(flattened)?.map(atomName), ['a', 'b', 'c']);
  assert.equal(listElements(improper), undefined);
  assert.deepEqual(listElements(nilTail)?.map(atomName), ['a']);
  assert.deepEqual(listElements(emptyString), []);
  assert.equal(listElements(string), undefined);
});

test('accessors take anything, including nothing', () => {
  for (const accessor of [atomName, stringValue, integerValue, smallIntegerValue, floatValue, booleanValue, listElements, tupleElements, tupleKey]) {
    assert.equal(accessor(undefined), undefined);
    assert.equal(accessor(null), undefined);
  }
  assert.deepEqual(proplistEntries(undefined), []);
  assert.equal(lookupPath(null, ['a']), undefined);
  assert.equal(documentTerm(parse('').tree), null);
});
