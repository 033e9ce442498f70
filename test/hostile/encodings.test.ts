// Bytes that are not clean text: NUL bytes, invalid UTF-8 and a byte order
// mark, through the CLI as a user meets them (it reads the bytes itself).
// Positions must still point at the right line and character of the text
// an editor shows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { main as cli } from '../../server/src/cli/main.js';
import { consult, oracleAvailable } from '../erlang/oracle.js';
import { oracleMissing } from '../helpers/oracle.js';
import { ROOT } from '../helpers/paths.js';
import { runPythonJson, whyPythonOracleMissing } from '../oslo/oracle.js';

const ORACLE_INI = join(ROOT, 'test', 'oracles', 'oslo_ini.py');

interface JsonDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mq-harden-bytes-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
/** Writes `bytes` as `<name>` in a directory of its own and returns the path. */
function file(name: string, bytes: Buffer): string {
  const sub = join(dir, String(fileCount++));
  mkdirSync(sub);
  const path = join(sub, name);
  writeFileSync(path, bytes);
  return path;
}

function check(path: string, ...flags: string[]): JsonDiagnostic[] {
  let out = '';
  let err = '';
  cli(['check', '--format', 'json', ...flags, path], { out: (s) => (out += s), err: (s) => (err += s) });
  const files = (JSON.parse(out) as { files: { diagnostics: JsonDiagnostic[] }[] }).files;
  assert.equal(files.length, 1, err);
  return files[0].diagnostics;
}

/** One syntax error per format, on the third line, at a known character. */
const BROKEN: readonly (readonly [string, string, number])[] = [
  ['nova.conf', '[DEFAULT]\ndebug = true\nno separator here\n', 0],
  ['rabbitmq.conf', '# head\nheartbeat = 60\nlisteners.tcp.default 5672\n', 0],
  ['rabbitmq.config', '%% head\n[{rabbit, [{heartbeat, 60},\n   {a, 1} {b, 2}]}].\n', 10],
  ['qpidd.conf', '# head\nauth=yes\njust words\n', 0],
];

function syntaxErrorAt(diagnostics: readonly JsonDiagnostic[]): { line: number; character: number } {
  const error = diagnostics.find((d) => d.code === 'CFG001');
  assert.ok(error, JSON.stringify(diagnostics));
  return error.range.start;
}

test('the CLI points at the right line and character', () => {
  for (const [name, text, character] of BROKEN) {
    assert.deepEqual(syntaxErrorAt(check(file(name, Buffer.from(text)))), { line: 2, character }, name);
  }
});

test('rabbitmq.conf with a byte order mark: cuttlefish skips it, and the first line\'s positions do not move', () => {
  const text = '  listeners.tcp.default 5672\n';
  assert.deepEqual(syntaxErrorAt(check(file('rabbitmq.conf', Buffer.from(text)))), { line: 0, character: 2 });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  assert.deepEqual(syntaxErrorAt(check(file('rabbitmq.conf', withBom))), { line: 0, character: 2 });
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Files whose own software refuses a leading byte order mark, with that software's name in our message. */
const REJECTED: readonly (readonly [string, string, RegExp])[] = [
  ['nova.conf', '[DEFAULT]\ndebug = true\n', /oslo\.config/],
  ['rabbitmq.config', '[{rabbit, []}].\n', /file:consult/],
  ['advanced.config', '[{rabbit, [{tcp_listeners, []}]}].\n', /file:consult/],
];

test('a byte order mark where the real software rejects it is reported', () => {
  for (const [name, text, software] of REJECTED) {
    const diagnostics = check(file(name, Buffer.concat([BOM, Buffer.from(text)])));
    const error = diagnostics.find((d) => d.code === 'CFG001');
    assert.ok(error, `${name}: ${JSON.stringify(diagnostics)}`);
    // Where an editor shows the start of the file: the mark itself takes no column there.
    assert.deepEqual(error.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, name);
    assert.match(error.message, /byte order mark/, name);
    assert.match(error.message, software, name);
    // Without the mark, the same file is fine.
    assert.equal(check(file(name, Buffer.from(text))).filter((d) => d.code === 'CFG001').length, 0, name);
  }
});

test('the real software does reject those files: oslo.config and file:consult/1 fail on line 1, as our messages say', (t) => {
  const missing = whyPythonOracleMissing(['oslo_config']);
  if (missing) return oracleMissing(t, missing);
  if (!oracleAvailable()) return oracleMissing(t, 'escript (Erlang/OTP), to run file:consult/1');
  const paths = REJECTED.map(([name, text]) => file(name, Buffer.concat([BOM, Buffer.from(text)])));
  const ours = paths.map((p) => check(p).find((d) => d.code === 'CFG001')?.message ?? '');

  const ini = runPythonJson<{ path: string; error?: { line: number; display: string } }[]>(ORACLE_INI, [paths[0]]);
  assert.equal(ini[0].error?.line, 1, JSON.stringify(ini));
  assert.ok(ours[0].endsWith(`: ${ini[0].error!.display}`), `ours: ${ours[0]}; oslo.config: ${ini[0].error!.display}`);

  for (const [k, verdict] of consult(paths.slice(1)).entries()) {
    assert.ok(!verdict.ok && 'line' in verdict, JSON.stringify(verdict));
    assert.equal(verdict.line, 1);
    assert.equal(verdict.module, 'erl_scan');
    assert.ok(ours[k + 1].endsWith(`: ${verdict.message}`), `ours: ${ours[k + 1]}; erl: ${verdict.message}`);
  }
});

test('--fix leaves a file its software rejects for a byte order mark as it is; its other findings keep their lines', () => {
  const text = '[DEFAULT]\ndebug = true\n\n[oslo_messaging_rabbit]\nssl = true\nssl = true\n';
  const bytes = Buffer.concat([BOM, Buffer.from(text)]);
  const path = file('nova.conf', bytes);
  const diagnostics = check(path, '--fix');
  // No fix is safe in a file the software would not read at all: nothing is written.
  assert.deepEqual(readFileSync(path), bytes);
  const repeated = diagnostics.find((d) => d.code === 'CFG004');
  assert.deepEqual(repeated?.range.start, { line: text.split('\n').indexOf('ssl = true'), character: 0 }, JSON.stringify(diagnostics));
});

test('fixing a file with a byte order mark keeps the mark', () => {
  const path = file('rabbitmq.conf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('loopback_users.guest = false\n')]));
  check(path, '--fix');
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.notEqual(bytes.subarray(3).toString('utf8'), 'loopback_users.guest = false\n', 'the fix was applied');
});

test('invalid UTF-8 before an error: each bad sequence is one replacement character, positions after it are right', () => {
  // 0xFF, a lone continuation byte and a truncated 3-byte sequence, on line 2 before the error's column.
  const bad = Buffer.from([0xff, 0x80, 0xe2, 0x82]);
  const cases: readonly (readonly [string, Buffer, { line: number; character: number }])[] = [
    ['nova.conf', Buffer.concat([Buffer.from('[DEFAULT]\n# '), bad, Buffer.from('\n  stray = 1\n')]), { line: 2, character: 2 }],
    ['rabbitmq.conf', Buffer.concat([Buffer.from('# '), bad, Buffer.from('\nheartbeat = 60\n'), bad, Buffer.from(' = 1\n')]), { line: 2, character: 0 }],
    ['qpidd.conf', Buffer.concat([Buffer.from('auth=yes\nx='), bad, Buffer.from('\n'), bad, Buffer.from('words\n')]), { line: 2, character: 0 }],
  ];
  for (const [name, bytes, at] of cases) {
    const decoded = bytes.toString('utf8');
    assert.ok(decoded.includes('\ufffd'), 'Node decodes the bad bytes as U+FFFD');
    assert.deepEqual(syntaxErrorAt(check(file(name, bytes))), at, name);
  }
  // In a classic config the replacement character is an illegal character: reported where it is.
  const config = Buffer.concat([Buffer.from('[{rabbit, [\n  {a, 1}, '), bad, Buffer.from('\n]}].\n')]);
  assert.deepEqual(syntaxErrorAt(check(file('rabbitmq.config', config))), { line: 1, character: 10 });
});

test('NUL bytes: analysed like any other character, never a crash, positions unchanged', () => {
  for (const [name, text, character] of BROKEN) {
    // A NUL inside a comment or value on line 2 changes nothing about line 3.
    const lines = text.split('\n');
    lines[1] = `${lines[1]}\u0000`;
    const withNul = lines.join('\n');
    const result = analyze({ path: `/nul/${name}`, text: withNul });
    assert.ok(result, name);
    assert.deepEqual(result.internalErrors, []);
    const error = result.diagnostics.find((d) => d.code === 'CFG001');
    assert.ok(error, `${name}: ${JSON.stringify(result.diagnostics.map((d) => d.message))}`);
    assert.ok(error.range.start.line <= 2, name);
    if (error.range.start.line === 2) assert.equal(error.range.start.character, character, name);
  }
  const soup = '\u0000'.repeat(10_000);
  for (const name of ['nova.conf', 'rabbitmq.conf', 'rabbitmq.config', 'qpidd.conf', 'nova.conf.j2']) {
    assert.ok(analyze({ path: `/nul/${name}`, text: soup }), name);
  }
});

test('the CLI checks a file named on the command line even with NUL bytes, and a directory walk skips binary files', () => {
  const path = file('rabbitmq.conf', Buffer.from('heartbeat = 60\u0000\n'));
  assert.ok(check(path).length > 0, 'checked');
  let out = '';
  cli(['check', '--format', 'json', join(path, '..')], { out: (s) => (out += s), err: () => undefined });
  assert.deepEqual((JSON.parse(out) as { files: unknown[] }).files, []);
});
