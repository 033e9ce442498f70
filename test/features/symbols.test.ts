/** The outline of each format: structure, ranges, masked values. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyzedDocument } from '../../server/src/engine/analysis/document.js';
import { documentSymbols } from '../../server/src/engine/features/symbols.js';
import type { DocumentSymbol } from '../../server/src/engine/features/shared/lsp.js';
import { analyzed, textOf } from './support.js';

/** `name=detail` lines, indented by depth. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? `=${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

/** Every selection range lies in its symbol's range, every child's range in its parent's. */
function assertNested(doc: AnalyzedDocument, symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  const off = (p: { line: number; character: number }) => doc.lines.offsetAt(p);
  for (const s of symbols) {
    assert.ok(off(s.range.start) <= off(s.selectionRange.start) && off(s.selectionRange.end) <= off(s.range.end), `${s.name}: selection outside range`);
    if (parent) assert.ok(off(parent.range.start) <= off(s.range.start) && off(s.range.end) <= off(parent.range.end), `${s.name} outside ${parent.name}`);
    assertNested(doc, s.children ?? [], s);
  }
}

test('oslo INI: sections with their options; secrets and transport URLs masked', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://nova:hunter2@ctl:5671/\ndebug = true\n\n[oslo_messaging_rabbit]\nssl = true\nssl_key_password = hunter2\nciphers = a\n  b\n';
  const r = analyzed('/etc/nova/nova.conf', text);
  const symbols = documentSymbols(r.document);
  assert.deepEqual(outline(symbols), [
    'DEFAULT',
    '  transport_url=rabbit://nova:***@ctl:5671/',
    '  debug=true',
    'oslo_messaging_rabbit',
    '  ssl=true',
    '  ssl_key_password=***',
    '  ciphers=a …',
  ]);
  assert.equal(symbols[0].kind, 3);
  assert.equal(symbols[0].children![0].kind, 7);
  assert.equal(textOf(r.document, symbols[1].selectionRange), 'oslo_messaging_rabbit');
  assert.equal(textOf(r.document, symbols[1].range), '[oslo_messaging_rabbit]\nssl = true\nssl_key_password = hunter2\nciphers = a\n  b');
  assert.equal(textOf(r.document, symbols[1].children![2].range), 'ciphers = a\n  b');
  assertNested(r.document, symbols);
  assert.ok(!JSON.stringify(symbols).includes('hunter2'));
});

test('rabbitmq.conf: a tree by dotted segments, repeated prefixes merged, includes listed', () => {
  const text = 'listeners.tcp = none\nlisteners.ssl.default = 5671\nssl_options.verify = verify_peer\nlisteners.ssl.backup = 5672\ndefault_pass = hunter2\ninclude conf.d/*.conf\n';
  const r = analyzed('/etc/rabbitmq/rabbitmq.conf', text);
  const symbols = documentSymbols(r.document);
  assert.deepEqual(outline(symbols), [
    'listeners',
    '  tcp=none',
    '  ssl',
    '    default=5671',
    '    backup=5672',
    'ssl_options',
    '  verify=verify_peer',
    'default_pass=***',
    'include conf.d/*.conf',
  ]);
  const listeners = symbols[0];
  // The group spans from its first entry to its last, even across other keys.
  assert.equal(textOf(r.document, listeners.range), text.slice(0, text.indexOf('listeners.ssl.backup = 5672') + 'listeners.ssl.backup = 5672'.length));
  assert.equal(textOf(r.document, listeners.children![1].children![1].selectionRange), 'backup');
  assertNested(r.document, symbols);
});

test('classic: application tuples, keys, nested proplists; secrets masked', () => {
  const text = [
    '[{rabbit, [',
    '  {tcp_listeners, []},',
    '  {ssl_options, [{verify, verify_peer},',
    '                 {password, <<"hunter2">>}]}',
    ' ]},',
    ' {rabbitmq_management, [{listener, [{port, 15671}, {ssl, true}]}]}',
    '].',
    '',
  ].join('\n');
  const r = analyzed('/etc/rabbitmq/rabbitmq.config', text);
  const symbols = documentSymbols(r.document);
  assert.deepEqual(outline(symbols), [
    'rabbit',
    '  tcp_listeners=[]',
    '  ssl_options',
    '    verify=verify_peer',
    '    password=***',
    'rabbitmq_management',
    '  listener',
    '    port=15671',
    '    ssl=true',
  ]);
  assert.deepEqual(symbols.map((s) => s.kind), [2, 2]);
  assert.equal(symbols[0].children![1].kind, 19);
  assert.equal(textOf(r.document, symbols[0].children![1].selectionRange), 'ssl_options');
  assert.ok(textOf(r.document, symbols[0].range).startsWith('{rabbit, [') && textOf(r.document, symbols[0].range).endsWith(']}'));
  assertNested(r.document, symbols);
});

test('qpidd.conf: options, grouped under a section', () => {
  const r = analyzed('/etc/qpid/qpidd.conf', 'auth=yes\nssl-cert-password-file=/etc/pw\n[cluster]\nname=c1\n');
  const symbols = documentSymbols(r.document);
  assert.deepEqual(outline(symbols), ['auth=yes', 'ssl-cert-password-file=/etc/pw', 'cluster', '  name=c1']);
  assertNested(r.document, symbols);
});
