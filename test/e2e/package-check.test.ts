/**
 * scripts/package.mjs's check of a .vsix: it must notice a missing bundle,
 * a file that should not ship, and a package over 1 MB. The archives here
 * are written by hand (stored entries), as vsce lays them out: everything
 * under extension/, the readme renamed readme.md.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/paths.js';

interface PackageScript {
  requiredFiles(pkg: unknown): string[];
  checkPackage(vsixPath: string, pkg: unknown): { problems: string[]; bytes: number; files: number };
  zipEntries(buffer: Buffer): { name: string; size: number }[];
}

const load = () => import(pathToFileURL(join(ROOT, 'scripts', 'package.mjs')).href) as Promise<PackageScript>;
const pkg: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'mqh-vsix-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A zip of stored (uncompressed) entries; CRCs are left 0, the check reads only the central directory. */
function zip(entries: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A package laid out as vsce writes it, with `files` (extension-relative) inside. */
function vsix(name: string, files: readonly string[], extra: Record<string, Buffer | string> = {}): string {
  const entries: Record<string, Buffer | string> = { '[Content_Types].xml': '<Types/>', 'extension.vsixmanifest': '<PackageManifest/>' };
  for (const f of files) entries[`extension/${f === 'README.md' ? 'readme.md' : f}`] = `content of ${f}`;
  const path = join(dir, name);
  writeFileSync(path, zip({ ...entries, ...extra }));
  return path;
}

test('the package must hold the three bundles, the manifest, the readme and every docs page', async () => {
  const required = (await load()).requiredFiles(pkg);
  for (const f of ['package.json', 'README.md', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'docs/rules/RMQ101.md']) {
    assert.ok(required.includes(f), `${f} is required`);
  }
  assert.ok(!required.some((f) => f.endsWith('.map') || f.startsWith('server/') || f.startsWith('node_modules/')), required.join(' '));
});

test('a complete package passes; a missing bundle or an extra file is reported by name', async () => {
  const script = await load();
  const required = script.requiredFiles(pkg);
  assert.deepEqual(script.checkPackage(vsix('ok.vsix', required), pkg).problems, []);

  const noServer = script.checkPackage(vsix('no-server.vsix', required.filter((f) => f !== 'dist/server.js')), pkg);
  assert.deepEqual(noServer.problems, ['missing: dist/server.js']);

  const extra = script.checkPackage(vsix('extra.vsix', [...required, 'dist/server.js.map', 'server/src/lsp/main.ts']), pkg);
  assert.deepEqual(extra.problems.sort(), [
    'not meant to ship: dist/server.js.map (exclude it in .vscodeignore)',
    'not meant to ship: server/src/lsp/main.ts (exclude it in .vscodeignore)',
  ]);
});

test('a package of 1 MB or more is refused', async () => {
  const script = await load();
  const big = vsix('big.vsix', script.requiredFiles(pkg), { 'extension/dist/client.js': Buffer.alloc(1024 * 1024) });
  assert.match(script.checkPackage(big, pkg).problems.join('\n'), /must stay under 1048576/);
});

test('something that is not a zip is refused', async () => {
  const script = await load();
  assert.throws(() => script.zipEntries(Buffer.from('not a zip at all, just text that is long enough')), /not a zip archive/);
});
