// The language server's view of the workspace: the OSLO202 account index
// built from the workspace folder and kept up to date by file events, and
// RabbitMQ documents that form one configuration with open siblings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../helpers/lsp-client.js';

const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

function serviceFile(service: string, user: string): string {
  return `[DEFAULT]\ntransport_url = rabbit://${user}:pw@rabbit1.example.org:5671/\n\n[oslo_messaging_rabbit]\nssl = true\nssl_ca_file = /etc/${service}/ca.pem\n`;
}

function write(root: string, service: string, user: string): string {
  mkdirSync(join(root, service), { recursive: true });
  const path = join(root, service, `${service}.conf`);
  writeFileSync(path, serviceFile(service, user));
  return path;
}

const shared = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'OSLO202');

test('the workspace index: complete when mq-harden/workspaceIndex answers, then kept up to date by file events', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mq-harden-index-'));
  const nova = write(root, 'nova', 'openstack');
  const neutron = write(root, 'neutron', 'openstack');
  write(root, 'glance', 'glance');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'README.md'), '# not a service file\n');
  const client = await startServer({}, pathToFileURL(root).href);
  try {
    const summary = (await client.connection.sendRequest('mq-harden/workspaceIndex')) as { files: number; indexed: number; ms: number };
    assert.equal(summary.files, 4);
    assert.equal(summary.indexed, 3);
    assert.ok(summary.ms >= 0);

    const uri = pathToFileURL(nova).href;
    const opened = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'oslo-config', version: 1, text: serviceFile('nova', 'openstack') } });
    assert.match(shared(await opened)?.message ?? '', /\bneutron\b/);

    // neutron gets its own account on disk: nova no longer shares one.
    writeFileSync(neutron, serviceFile('neutron', 'neutron'));
    const alone = client.nextDiagnostics(uri, (p) => !shared(p));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(neutron).href, type: CHANGED }] });
    await alone;

    // A new service file with nova's account appears.
    const cinder = write(root, 'cinder', 'openstack');
    const again = client.nextDiagnostics(uri, (p) => /\bcinder\b/.test(shared(p)?.message ?? ''));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cinder).href, type: CREATED }] });
    await again;

    // And goes away.
    unlinkSync(cinder);
    const gone = client.nextDiagnostics(uri, (p) => !shared(p));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cinder).href, type: DELETED }] });
    await gone;

    // Asked again, the request answers at once with the same scan.
    const later = (await client.connection.sendRequest('mq-harden/workspaceIndex')) as { files: number; indexed: number; indexSize: number };
    assert.equal(later.files, 4);
    assert.equal(later.indexSize, 3, 'nova, neutron and glance: cinder came and went');
  } finally {
    await client.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a conf.d file opened before it exists on disk is part of the configuration: opening it refreshes rabbitmq.conf', async () => {
  const client = await startServer();
  try {
    const dir = pathToFileURL(join(tmpdir(), `mq-harden-confd-${process.pid}`)).href;
    const conf = `${dir}/rabbitmq.conf`;
    const first = client.nextDiagnostics(conf);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: conf, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.ssl.default = 10.0.0.1:5671\n' },
    });
    assert.ok((await first).diagnostics.some((d) => d.code === 'RMQ101'), 'the plain listener RabbitMQ opens by default');
    const refreshed = client.nextDiagnostics(conf, (p) => !p.diagnostics.some((d) => d.code === 'RMQ101'));
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: `${dir}/conf.d/10-no-tcp.conf`, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.tcp = none\n' },
    });
    await refreshed;
    // Closing it: the file never existed on disk, so rabbitmq.conf is alone again once it is edited.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `${dir}/conf.d/10-no-tcp.conf` } });
    const alone = client.nextDiagnostics(conf, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: conf, version: 2 },
      contentChanges: [{ text: 'listeners.ssl.default = 10.0.0.1:5671\n# edited\n' }],
    });
    assert.ok((await alone).diagnostics.some((d) => d.code === 'RMQ101'));
  } finally {
    await client.close();
  }
});
