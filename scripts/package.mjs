// `npm run package`: production bundles (minified) + `vsce package`, then a
// check of the .vsix itself: the files VS Code and the CLI need are inside,
// nothing else is, and it stays under 1 MB.
//
//   node scripts/package.mjs [--out FILE.vsix] [--no-build]
//
// vsce comes from the project's devDependencies; until those include it, from
// the e2e tool cache (test/e2e/setup.ts installs it there).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 1024 * 1024;
const VSCE_VERSION = '3.9.1';
/** Shipped as they are: every file under these folders belongs in the package. */
const SHIPPED_FOLDERS = ['syntaxes', 'snippets', 'docs'];
const BUNDLES = ['dist/client.js', 'dist/server.js', 'dist/cli.js'];
const LICENSE_NAMES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { out: undefined, build: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--no-build') args.build = false;
    else fail(`unknown argument ${argv[i]} (use --out FILE.vsix, --no-build)`);
  }
  return args;
}

function step(label, command, args) {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`${label} failed (${r.signal ?? `exit ${r.status}`})`);
  console.log(`package: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function findVsce() {
  const cache = process.env.MQ_HARDEN_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mq-harden-e2e');
  const candidates = [
    join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
    ...(existsSync(cache) ? readdirSync(cache).filter((d) => d.startsWith('tools-')).map((d) => join(cache, d, 'node_modules', '@vscode', 'vsce', 'vsce')) : []),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) fail(`@vscode/vsce not found: add "@vscode/vsce": "${VSCE_VERSION}" to devDependencies, or run node --import tsx test/e2e/setup.ts`);
  return found;
}

function filesUnder(folder) {
  const base = join(ROOT, folder);
  if (!existsSync(base)) return [];
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(ROOT, p).split('\\').join('/'));
    }
  };
  walk(base);
  return out;
}

/**
 * The entries of a zip archive, read from its central directory (a .vsix is
 * a zip): name and uncompressed size.
 */
export function zipEntries(buffer) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end-of-central-directory record)');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      size: buffer.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Paths the manifest points at (grammars, snippets, language configurations, icon). */
function manifestReferences(pkg) {
  const c = pkg.contributes ?? {};
  const refs = [
    pkg.main,
    pkg.icon,
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
    ...(c.languages ?? []).map((l) => l.configuration),
  ];
  return refs.filter((r) => typeof r === 'string').map((r) => r.replace(/^\.\//, ''));
}

/** vsce stores the readme as readme.md and may rename the licence (LICENSE.txt): those compare loosely. */
function entryKey(name) {
  return /^(readme|license)(\.(md|txt))?$/i.test(name) ? name.toLowerCase().replace(/\..*$/, '') : name;
}

/** What the package must hold (paths relative to the extension root): the bundles, the shipped folders, what the manifest names. */
export function requiredFiles(pkg) {
  const license = LICENSE_NAMES.filter((n) => existsSync(join(ROOT, n)));
  return [...new Set(['package.json', 'README.md', ...license, ...BUNDLES, ...SHIPPED_FOLDERS.flatMap(filesUnder), ...manifestReferences(pkg)])];
}

/** Problems with the package's contents (empty when it is right), its size and file count. */
export function checkPackage(vsixPath, pkg) {
  const buffer = readFileSync(vsixPath);
  const problems = [];
  if (buffer.length >= MAX_BYTES) problems.push(`${buffer.length} bytes: the package must stay under ${MAX_BYTES}`);
  const shipped = zipEntries(buffer)
    .map((e) => e.name)
    .filter((n) => n.startsWith('extension/') && !n.endsWith('/'))
    .map((n) => n.slice('extension/'.length));
  const shippedKeys = new Set(shipped.map(entryKey));
  const required = requiredFiles(pkg);
  for (const r of required) if (!shippedKeys.has(entryKey(r))) problems.push(`missing: ${r}`);
  const allowed = new Set(required.map(entryKey));
  for (const s of shipped) if (!allowed.has(entryKey(s))) problems.push(`not meant to ship: ${s} (exclude it in .vscodeignore)`);
  return { problems, bytes: buffer.length, files: shipped.length };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const out = resolve(args.out ?? join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
  if (args.build) step('production build (minified)', process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--minify']);
  for (const b of BUNDLES) if (!existsSync(join(ROOT, b))) fail(`${b} is missing: build first`);
  const vsceArgs = [findVsce(), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out];
  // Without a LICENSE file vsce would stop to ask; package.json still names the licence.
  if (!LICENSE_NAMES.some((n) => existsSync(join(ROOT, n)))) vsceArgs.push('--skip-license');
  step('vsce package', process.execPath, vsceArgs);
  const { problems, bytes, files } = checkPackage(out, pkg);
  if (problems.length > 0) fail(`${relative(process.cwd(), out)} is not right:\n  ${problems.join('\n  ')}`);
  console.log(`package: ${relative(process.cwd(), out) || out}: ${files} files, ${(bytes / 1024).toFixed(0)} KiB (limit ${MAX_BYTES / 1024} KiB)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
