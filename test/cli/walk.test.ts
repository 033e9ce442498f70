// The CLI's directory walk (server/src/host/files.ts): the order files are
// reported in, links back up the tree, and files too large to check.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main as cli } from '../../server/src/cli/main.js';
import { collectFiles } from '../../server/src/host/files.js';
import { MAX_FILE_BYTES } from '../../server/src/host/fs-host.js';

function run(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = cli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'mq-harden-walk-'));
}

function write(root: string, relative: string, text: string | Buffer): string {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Every file under `dir`, depth first, entries in name order: the order a recursive walk gives. */
function depthFirst(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? depthFirst(join(dir, name)) : [join(dir, name)]));
}

test('files come depth first, entries in name order, directories and files interleaved by name', () => {
  const root = scratch();
  try {
    const conf = 'heartbeat = 60\n';
    // `a.d` sorts between `a` and `b.conf`'s directory; `conf.d` files come before `z`.
    for (const p of ['rabbitmq/rabbitmq.conf', 'rabbitmq/conf.d/10-a.conf', 'rabbitmq/conf.d/20-b.conf', 'a/rabbitmq.conf', 'a.d/rabbitmq.conf', 'z/rabbitmq.conf', 'b/c/d/rabbitmq.conf']) {
      write(root, p, conf);
    }
    const { files, problems } = collectFiles([root]);
    assert.deepEqual(problems, []);
    assert.deepEqual(files.map((f) => f.path), depthFirst(root));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a link back up the tree is not walked again: each file is checked once', (t) => {
  const root = scratch();
  try {
    write(root, 'etc/rabbitmq/rabbitmq.conf', 'heartbeat = 60\n');
    try {
      symlinkSync(join(root, 'etc'), join(root, 'etc', 'rabbitmq', 'loop'), 'dir');
    } catch {
      return t.skip('cannot create a symbolic link here');
    }
    const { files } = collectFiles([root]);
    assert.deepEqual(files.map((f) => f.path), [join(root, 'etc', 'rabbitmq', 'rabbitmq.conf')]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file too large to check is reported when it would have been checked, by its name or its first lines; others are not', () => {
  const root = scratch();
  try {
    const filler = (line: string) => line.repeat(Math.ceil((MAX_FILE_BYTES + 1024) / line.length));
    write(root, 'logs/server.log', filler('2024-01-01 INFO nothing to see\n'));
    write(root, 'other/notes.conf', filler('# just notes\n'));
    const byContent = write(root, 'svc/messaging.conf', `[oslo_messaging_rabbit]\nssl = true\n${filler('# padding\n')}`);
    const byName = write(root, 'svc/nova.conf', filler('# padding\n'));
    const small = write(root, 'svc/rabbitmq.conf', 'heartbeat = 60\n');
    const r = run('check', '--format', 'json', '--exit-zero', root);
    const reported = r.err.trim().split('\n').sort();
    assert.deepEqual(reported, [byContent, byName].sort().map((p) => `mq-harden: ${p}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not checked`));
    // The other files are still checked, and an I/O problem decides the exit code (even with --exit-zero).
    assert.deepEqual((JSON.parse(r.out) as { files: { path: string }[] }).files.map((f) => f.path), [small]);
    assert.equal(r.code, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
