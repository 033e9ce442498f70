import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../helpers/lsp-client.js';

const URI = 'file:///tmp/mq-harden-lsp-test/rabbitmq.config';
const BROKEN = `[{rabbit, [{tcp_listeners, []},
           {ssl_listeners, [5671]},
          ]}].
`;
const DUPLICATED = `[{rabbit, [{tcp_listeners, [5672]},
           {tcp_listeners, []}
          ]}].
`;

let client: TestClient;
before(async () => {
  client = await startServer();
});
after(async () => {
  await client.close();
});

test('publishes the syntax error on open, at the line Erlang reports', async () => {
  const published = client.nextDiagnostics(URI);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'rabbitmq-config', version: 1, text: BROKEN },
  });
  const p = await published;
  const syntax = p.diagnostics.filter((d) => d.code === 'CFG001');
  assert.equal(syntax.length, 1, JSON.stringify(p.diagnostics));
  assert.equal(syntax[0].range.start.line, 2);
  assert.match(syntax[0].message, /syntax error before: ']'/);
  assert.equal(syntax[0].source, 'mq-harden');
  assert.match(syntax[0].codeDescription?.href ?? '', /CFG001\.md$/);
});

test('an incremental edit updates the diagnostics', async () => {
  const published = client.nextDiagnostics(URI, (p) => p.version === 2);
  // Remove the trailing comma on line 1: `{ssl_listeners, [5671]},` → `{ssl_listeners, [5671]}`.
  const line1 = BROKEN.split('\n')[1];
  const comma = line1.lastIndexOf(',');
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: comma }, end: { line: 1, character: comma + 1 } }, text: '' }],
  });
  const p = await published;
  assert.deepEqual(p.diagnostics.filter((d) => d.code === 'CFG001'), []);
});

test('code actions carry the fixes of the diagnostics under the cursor, and fix-all', async () => {
  const published = client.nextDiagnostics(URI, (p) => p.version === 3);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 3 },
    contentChanges: [{ text: DUPLICATED }],
  });
  const p = await published;
  const dup = p.diagnostics.find((d) => d.code === 'CFG004') as Diagnostic | undefined;
  assert.ok(dup, JSON.stringify(p.diagnostics));
  assert.equal(dup.range.start.line, 0);

  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: dup.range,
    context: { diagnostics: [dup] },
  })) as CodeAction[];
  const quick = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'CFG004');
  assert.ok(quick, JSON.stringify(actions));
  const docs = actions.find((a) => a.title === 'Show documentation for CFG004');
  assert.equal(docs?.command?.command, 'mq-harden.showDocumentation');
  assert.match(String(docs?.command?.arguments?.[0]), /^file:.*\/docs\/rules\/CFG004\.md$/);
  const edits = quick.edit?.changes?.[URI] ?? [];
  assert.equal(edits.length, 1);
  assert.equal(edits[0].newText, '');

  const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(fixAll.length, 1);
  assert.equal(fixAll[0].kind, 'source.fixAll.mq-harden');
});

test('closing a document clears its diagnostics', async () => {
  const published = client.nextDiagnostics(URI);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
  assert.deepEqual((await published).diagnostics, []);
});

test('a client with pull diagnostics gets them by request, with nothing pushed', async () => {
  const pull = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  try {
    let pushed = 0;
    pull.connection.onNotification('textDocument/publishDiagnostics', () => pushed++);
    const uri = 'file:///tmp/mq-harden-lsp-test/pull/rabbitmq.config';
    await pull.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rabbitmq-config', version: 1, text: BROKEN },
    });
    const report = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      items: Diagnostic[];
    };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['CFG001']);
    assert.equal(pushed, 0);
  } finally {
    await pull.close();
  }
});

test('rabbitmq.conf and advanced.config are one configuration: editing one refreshes the other', async () => {
  const dir = 'file:///tmp/mq-harden-lsp-test/merged';
  const conf = `${dir}/rabbitmq.conf`;
  const adv = `${dir}/advanced.config`;
  const first = client.nextDiagnostics(conf);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: conf, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.ssl.default = 10.0.0.1:5671\n' },
  });
  assert.ok((await first).diagnostics.some((d) => d.code === 'RMQ101'));
  const advPublished = client.nextDiagnostics(adv);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: adv, languageId: 'rabbitmq-config', version: 1, text: '[{rabbit, [{tcp_listeners, []}]}].\n' },
  });
  assert.ok(!(await advPublished).diagnostics.some((d) => d.code === 'RMQ101'));
  // Turning the plain listener off in advanced.config (unsaved) clears RMQ101 in rabbitmq.conf.
  const refreshed = client.nextDiagnostics(conf, (p) => !p.diagnostics.some((d) => d.code === 'RMQ101'));
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: adv, version: 2 },
    contentChanges: [{ text: '[{rabbit, [{tcp_listeners, []}]}].\n%% edited\n' }],
  });
  await refreshed;
});

test('a document over the size limit is declined politely: a message, no diagnostics, no hang', async () => {
  const uri = 'file:///tmp/mq-harden-lsp-test/huge/rabbitmq.conf';
  const message = new Promise<string>((resolve) => client.connection.onNotification('window/showMessage', (p: { message: string }) => resolve(p.message)));
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.tcp.default = 5672\n'.repeat(400_000) },
  });
  assert.deepEqual((await published).diagnostics, []);
  assert.match(await message, /larger than 10 MiB/);
});

test('the workspace is indexed for OSLO202: a broker account shared with another service file is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-ws-'));
  const service = (name: string) =>
    `[DEFAULT]\ntransport_url = rabbit://openstack:pw@rabbit1.example.org:5671/\n\n[oslo_messaging_rabbit]\nssl = true\nssl_ca_file = /etc/${name}/ssl/ca.pem\nssl_cert_file = /etc/${name}/ssl/${name}.pem\nssl_key_file = /etc/${name}/ssl/${name}.key\nssl_enforce_hostname_verification = true\n`;
  mkdirSync(join(dir, 'nova'));
  mkdirSync(join(dir, 'neutron'));
  writeFileSync(join(dir, 'nova', 'nova.conf'), service('nova'));
  writeFileSync(join(dir, 'neutron', 'neutron.conf'), service('neutron'));
  const ws = await startServer({}, pathToFileURL(dir).href);
  try {
    const uri = pathToFileURL(join(dir, 'nova', 'nova.conf')).href;
    const shared = ws.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OSLO202'));
    await ws.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'oslo-config', version: 1, text: service('nova') } });
    const d = (await shared).diagnostics.find((x) => x.code === 'OSLO202')!;
    assert.match(d.message, /neutron/);
    assert.doesNotMatch(d.message, /pw/);
    // "Check workspace" publishes the files that are not open, too.
    const neutron = pathToFileURL(join(dir, 'neutron', 'neutron.conf')).href;
    const closed = ws.nextDiagnostics(neutron, (p) => p.diagnostics.some((x) => x.code === 'OSLO202'));
    const summary = (await ws.connection.sendRequest('mq-harden/checkWorkspace')) as { files: number; findings: number };
    assert.equal(summary.files, 2);
    assert.ok(summary.findings >= 2);
    await closed;
  } finally {
    await ws.close();
  }
});
