// The server's index of open documents by path and directory
// (server/src/lsp/documents.ts), and the host the engine reads siblings through.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { DirectoryListings, editorHost, OpenDocumentPaths } from '../../server/src/lsp/documents.js';

const uri = (path: string) => pathToFileURL(path).href;

test('open documents by path and directory: added, found, and forgotten on close', () => {
  const open = new OpenDocumentPaths();
  const a = '/srv/rabbitmq/rabbitmq.conf';
  const b = '/srv/rabbitmq/conf.d/10-tls.conf';
  open.add(uri(a));
  open.add(uri(b));
  open.add(uri(b)); // opened twice: counted once
  assert.equal(open.uriAt(a), uri(a));
  assert.equal(open.uriAt('/srv/rabbitmq//conf.d/10-tls.conf'), uri(b), 'paths are compared normalised');
  assert.deepEqual([...open.urisIn('/srv/rabbitmq')], [uri(a)]);
  assert.deepEqual([...open.namesIn('/srv/rabbitmq')].sort(), ['conf.d', 'rabbitmq.conf']);
  assert.deepEqual([...open.namesIn('/srv/rabbitmq/')].sort(), ['conf.d', 'rabbitmq.conf'], 'a trailing separator names the same directory');
  assert.deepEqual([...open.namesIn('/srv')], ['rabbitmq']);
  assert.deepEqual([...open.namesIn('/')], ['srv']);

  open.remove(uri(b));
  assert.equal(open.uriAt(b), undefined);
  assert.deepEqual([...open.namesIn('/srv/rabbitmq')], ['rabbitmq.conf'], 'conf.d is gone with its last open file');
  assert.deepEqual([...open.urisIn('/srv/rabbitmq/conf.d')], []);
  open.remove(uri(a));
  assert.deepEqual([...open.namesIn('/srv')], []);
});

test('the editor host: an open buffer wins over the disk, open files are listed with the disk, the disk is read without a byte order mark', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-host-'));
  try {
    mkdirSync(join(dir, 'rabbitmq'));
    writeFileSync(join(dir, 'rabbitmq', 'advanced.config'), '\ufeff[].\n');
    writeFileSync(join(dir, 'rabbitmq', 'rabbitmq.conf'), 'on disk\n');
    const open = new OpenDocumentPaths();
    const texts = new Map<string, string>();
    const listings = new DirectoryListings();
    const host = editorHost(open, { textOf: (u) => texts.get(u) }, listings);
    const conf = join(dir, 'rabbitmq', 'rabbitmq.conf');
    const unsaved = join(dir, 'rabbitmq', 'conf.d', '10-new.conf');
    for (const [path, text] of [[conf, 'in the editor\n'], [unsaved, 'not saved yet\n']]) {
      open.add(uri(path));
      texts.set(uri(path), text);
    }
    assert.equal(host.readFile(conf), 'in the editor\n');
    assert.equal(host.readFile(unsaved), 'not saved yet\n');
    assert.equal(host.readFile(join(dir, 'rabbitmq', 'advanced.config')), '[].\n');
    assert.deepEqual([...(host.listDirectory(join(dir, 'rabbitmq')) ?? [])].sort(), ['advanced.config', 'conf.d', 'rabbitmq.conf']);
    assert.deepEqual(host.listDirectory(join(dir, 'rabbitmq', 'conf.d')), ['10-new.conf']);

    // Listings are read once per pass of work: a file created meanwhile shows from the next one.
    writeFileSync(join(dir, 'rabbitmq', 'later.conf'), '');
    assert.ok(!host.listDirectory(join(dir, 'rabbitmq'))!.includes('later.conf'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(host.listDirectory(join(dir, 'rabbitmq'))!.includes('later.conf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
