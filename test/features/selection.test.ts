/** Selection ranges grow from the word to the document, each containing the one before. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionRanges } from '../../server/src/engine/features/selection.js';
import { CURSOR, place } from './support.js';

/** The texts of the chain at the cursor, innermost first. */
function grow(path: string, marked: string): string[] {
  const p = place(path, marked);
  const [first] = selectionRanges(p.doc, [p.position]);
  const out: string[] = [];
  for (let s: typeof first | undefined = first; s; s = s.parent) {
    out.push(p.text.slice(p.doc.lines.offsetAt(s.range.start), p.doc.lines.offsetAt(s.range.end)));
  }
  return out;
}

test('rabbitmq.conf: segment, key, entry, document', () => {
  const text = `a = 1\nssl_options.ver${CURSOR}ify = verify_peer\n`;
  assert.deepEqual(grow('/etc/rabbitmq/rabbitmq.conf', text), ['verify', 'ssl_options.verify', 'ssl_options.verify = verify_peer', text.replace(CURSOR, '')]);
  assert.deepEqual(grow('/etc/rabbitmq/rabbitmq.conf', `ssl_options.versions.1 = tlsv${CURSOR}1.3\n`).slice(0, 3), ['tlsv1', 'tlsv1.3', 'ssl_options.versions.1 = tlsv1.3']);
});

test('oslo INI: word, value, entry, section, document; a continuation line first', () => {
  const text = `[DEFAULT]\nx = 1\n[oslo_messaging_rabbit]\nssl_ca_file = "/etc/ca.p${CURSOR}em"\nciphers = a\n  bb\n`;
  assert.deepEqual(grow('/etc/nova/nova.conf', text), [
    'pem',
    '/etc/ca.pem',
    '"/etc/ca.pem"',
    'ssl_ca_file = "/etc/ca.pem"',
    '[oslo_messaging_rabbit]\nssl_ca_file = "/etc/ca.pem"\nciphers = a\n  bb',
    text.replace(CURSOR, ''),
  ]);
  assert.deepEqual(grow('/etc/nova/nova.conf', '[oslo_messaging_rabbit]\nciphers = a\n  b‸b\n').slice(0, 3), ['bb', 'a\n  bb', 'ciphers = a\n  bb']);
  assert.deepEqual(grow('/etc/nova/nova.conf', '[oslo_mess‸aging_rabbit]\nssl = true\n').slice(0, 3), ['oslo_messaging_rabbit', '[oslo_messaging_rabbit]', '[oslo_messaging_rabbit]\nssl = true']);
});

test('Erlang terms: every enclosing term, then the form with its dot', () => {
  const text = `[{rabbit, [{ssl_options, [{verify, verify_p${CURSOR}eer}]}]}].\n`;
  assert.deepEqual(grow('/etc/rabbitmq/rabbitmq.config', text), [
    'verify_peer',
    '{verify, verify_peer}',
    '[{verify, verify_peer}]',
    '{ssl_options, [{verify, verify_peer}]}',
    '[{ssl_options, [{verify, verify_peer}]}]',
    '{rabbit, [{ssl_options, [{verify, verify_peer}]}]}',
    '[{rabbit, [{ssl_options, [{verify, verify_peer}]}]}]',
    '[{rabbit, [{ssl_options, [{verify, verify_peer}]}]}].',
    text.replace(CURSOR, ''),
  ]);
});

test('qpidd.conf and several positions at once', () => {
  assert.deepEqual(grow('/etc/qpid/qpidd.conf', 'port=5672\nauth=y‸es\n'), ['yes', 'auth=yes', 'port=5672\nauth=yes\n']);
  const p = place('/etc/qpid/qpidd.conf', '‸auth=yes\n');
  const ranges = selectionRanges(p.doc, [p.position, { line: 0, character: 6 }]);
  assert.equal(ranges.length, 2);
  assert.deepEqual(ranges[1].range, { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } });
});
