import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../server/src/engine/core/text.js';
import { parseQpiddConf } from '../../server/src/engine/formats/qpidd/index.js';
import { ROOT } from '../helpers/paths.js';

function at(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

test('key=value lines with spans', () => {
  const text = 'auth=yes\nssl-port=5671\n';
  const { tree, errors } = parseQpiddConf(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    tree.entries.map((e) => [e.name, e.value]),
    [
      ['auth', 'yes'],
      ['ssl-port', '5671'],
    ],
  );
  const auth = tree.entries[0];
  assert.equal(at(text, auth.keySpan), 'auth');
  assert.equal(at(text, auth.separatorSpan), '=');
  assert.equal(at(text, auth.valueSpan), 'yes');
  assert.equal(at(text, auth.span), 'auth=yes');
  assert.equal(at(text, auth.lineSpan), 'auth=yes\n');
  assert.equal(auth.section, null);
});

test('whitespace around the key and the value is trimmed; the raw key keeps it', () => {
  const text = '  auth \t=  no  \r\n';
  const { tree, errors } = parseQpiddConf(text);
  assert.deepEqual(errors, []);
  const e = tree.entries[0];
  assert.equal(e.key, 'auth');
  assert.equal(e.value, 'no');
  assert.equal(at(text, e.valueSpan), 'no');
  assert.equal(e.rawKey, '  auth \t');
});

test('the value is split at the first =', () => {
  const { tree } = parseQpiddConf('sasl-config=/a=b\n');
  assert.equal(tree.entries[0].value, '/a=b');
});

test('# starts a comment anywhere on a line; ; only at the start of a line', () => {
  const text = '# full line\nauth=yes # trailing\nrealm=A;B\n; semi\n';
  const { tree, errors } = parseQpiddConf(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    tree.entries.map((e) => [e.name, e.value]),
    [
      ['auth', 'yes'],
      ['realm', 'A;B'],
    ],
  );
  assert.deepEqual(
    tree.comments.map((c) => [at(text, c.span), c.text]),
    [
      ['# full line', 'full line'],
      ['# trailing', 'trailing'],
      ['; semi', 'semi'],
    ],
  );
});

test('an empty value is the empty string', () => {
  const text = 'ssl-cert-password-file=\n';
  const e = parseQpiddConf(text).tree.entries[0];
  assert.equal(e.value, '');
  assert.deepEqual(e.valueSpan, { start: e.separatorSpan.end, end: e.separatorSpan.end });
});

test('[section] headers prefix the following keys with "name."', () => {
  const text = 'a=1\n[cluster]\nname=c1\n[acl.]\nfile=x\n';
  const { tree, errors } = parseQpiddConf(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    tree.entries.map((e) => [e.name, e.key, e.section]),
    [
      ['a', 'a', null],
      ['cluster.name', 'name', 'cluster'],
      ['acl.file', 'file', 'acl.'],
    ],
  );
  assert.equal(at(text, tree.sections[0].headerSpan), '[cluster]');
  assert.equal(at(text, tree.sections[0].nameSpan), 'cluster');
});

test("a line without '=' is invalid, with boost's message; parsing goes on", () => {
  const text = 'auth=yes\n  just words  # c\n[]\nrealm=QPID\n';
  const { tree, errors } = parseQpiddConf(text);
  assert.deepEqual(
    errors.map((e) => [e.message, at(text, e.span)]),
    [
      ["the options configuration file contains an invalid line 'just words'", 'just words'],
      ["the options configuration file contains an invalid line '[]'", '[]'],
    ],
  );
  assert.deepEqual(
    tree.entries.map((e) => e.name),
    ['auth', 'realm'],
  );
});

test('only \\n ends a line; a CR before it is trimmed', () => {
  const { tree } = parseQpiddConf('auth=yes\r\nrealm=Q\rport=1\n');
  assert.deepEqual(
    tree.entries.map((e) => [e.name, e.value]),
    [
      ['auth', 'yes'],
      ['realm', 'Q\rport=1'],
    ],
  );
});

test('a typical qpidd.conf', () => {
  const text = readFileSync(join(ROOT, 'test/fixtures/qpidd/qpidd.conf'), 'utf8');
  const { tree, errors } = parseQpiddConf(text);
  assert.deepEqual(errors, []);
  const byName = new Map(tree.entries.map((e) => [e.name, e.value]));
  assert.equal(byName.get('auth'), 'yes');
  assert.equal(byName.get('cluster-mechanism'), 'DIGEST-MD5 ANONYMOUS');
  assert.equal(byName.get('ssl-cert-password-file'), '/etc/qpid/ssl/pw');
  assert.equal(byName.get('require-encryption'), 'no');
  assert.equal(tree.comments.length, 6);
});

test('a 1 MB file without comments parses completely', () => {
  const text = 'k=v\n'.repeat(300_000);
  const { tree } = parseQpiddConf(text);
  assert.equal(tree.entries.length, 300_000);
});
