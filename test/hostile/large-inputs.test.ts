// Large inputs: a 1 MB single line in every format (analysed in linear work,
// no megabyte-long message), and a 50 MB file, which the CLI refuses with a
// message and the language server declines politely (both above 10 MiB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { main as cli } from '../../server/src/cli/main.js';
import { MAX_FILE_BYTES } from '../../server/src/host/fs-host.js';
import { measureWork } from '../fuzz/work-meter.js';
import { startServer, type TestClient } from '../helpers/lsp-client.js';

const MB = 1 << 20;
/** Work per character allowed for a whole analysis (work-meter.ts units; these inputs take 4 to 28). */
const ANALYSIS_WORK_PER_CHAR = 60;
/** A diagnostic message quoting more than this is not one an editor can show. */
const MAX_MESSAGE = 1000;

const ONE_LINE: readonly (readonly [string, string])[] = [
  ['/hostile/nova.conf', 'x'.repeat(MB)],
  ['/hostile/nova.conf', `[DEFAULT]\ntransport_url = ${'v'.repeat(MB)}`],
  ['/hostile/nova.conf', `[DEFAULT]\n${'['.repeat(MB)}`],
  ['/hostile/rabbitmq.conf', 'x'.repeat(MB)],
  ['/hostile/rabbitmq.conf', `log.file = ${'v '.repeat(MB / 2)}`],
  ['/hostile/rabbitmq.conf', `${'k'.repeat(MB)} x`],
  ['/hostile/qpidd.conf', 'x'.repeat(MB)],
  ['/hostile/rabbitmq.config', `[{rabbit, [${'{heartbeat,1},'.repeat(MB / 28)}{a,2}]}].`],
  ['/hostile/rabbitmq.config', `"${'a'.repeat(MB)}`],
  ['/hostile/rabbitmq.config', `${'-'.repeat(MB)}1.`],
  ['/hostile/nova.conf.j2', `[DEFAULT]\ndebug = ${'{{ x }}'.repeat(MB / 7)}`],
  ['/hostile/nova.conf.j2', `{{ ${'x'.repeat(MB)}`],
  ['/hostile/rabbitmq.conf.erb', `heartbeat = ${'<%= x %>'.repeat(MB / 8)}`],
];

test('a 1 MB single line in every format: analysed in linear work, syntax messages stay short', () => {
  for (const [path, text] of ONE_LINE) {
    const { result, work } = measureWork(() => analyze({ path, text }));
    const what = `${path} ${JSON.stringify(text.slice(0, 16))}…`;
    assert.ok(result, `${what} is not recognised`);
    assert.deepEqual(result.internalErrors, [], what);
    assert.ok(work <= ANALYSIS_WORK_PER_CHAR * text.length, `${what}: ${(work / text.length).toFixed(1)} units of work per character`);
    for (const d of result.diagnostics.filter((x) => x.code === 'CFG001')) {
      assert.ok(d.message.length <= MAX_MESSAGE, `${what}: a ${d.message.length}-character syntax message`);
    }
  }
});

/** A 1 MB key or value, and a diagnostic it must raise (which would quote it). */
const QUOTING: readonly (readonly [string, string, string])[] = [
  ['/hostile/rabbitmq.conf', `${'k.'.repeat(MB / 2)}k = 1`, 'CFG002'],
  ['/hostile/rabbitmq.conf', `heartbeat = ${'v'.repeat(MB)}`, 'CFG003'],
  ['/hostile/rabbitmq.conf', `listeners.tcp.default = ${'a'.repeat(MB)}:5672`, 'RMQ101'],
  ['/hostile/rabbitmq.conf', `anonymous_login_user = ${'u'.repeat(MB)}`, 'RMQ203'],
  ['/hostile/qpidd.conf', `auth=${'y'.repeat(MB)}`, 'CFG003'],
  ['/hostile/qpidd.conf', `port=${'9'.repeat(MB)}`, 'CFG003'],
  ['/hostile/nova.conf', `[oslo_messaging_rabbit]\n${'x'.repeat(MB)} = 1`, 'CFG002'],
  ['/hostile/nova.conf', `[oslo_messaging_rabbit]\nssl = ${'v'.repeat(MB)}`, 'CFG003'],
  ['/hostile/rabbitmq.config', `[{rabbit, [{background_gc_enabled, ${'a'.repeat(MB)}}]}].`, 'CFG003'],
];

test('no diagnostic quotes a 1 MB key or value', () => {
  for (const [path, text, code] of QUOTING) {
    const what = `${path} ${JSON.stringify(text.slice(0, 24))}…`;
    const result = analyze({ path, text });
    assert.ok(result?.diagnostics.some((d) => d.code === code), `${what}: no ${code}`);
    for (const d of result?.diagnostics ?? []) assert.ok(d.message.length <= MAX_MESSAGE, `${what}: ${d.code} message of ${d.message.length} characters`);
  }
});

// ---- 50 MB ------------------------------------------------------------------------

let dir: string;
let huge: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mq-harden-hostile-'));
  huge = join(dir, 'rabbitmq.conf');
  writeFileSync(huge, 'listeners.tcp.default = 5672\n'.repeat(Math.ceil((50 * MB) / 29)));
});

after(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = cli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test('the CLI refuses a 50 MB file with a message and exit code 2', () => {
  const { code, err } = runCli(['check', huge]);
  assert.equal(code, 2);
  assert.match(err, new RegExp(`rabbitmq\\.conf: larger than ${MAX_FILE_BYTES / MB} MiB, not checked`));
});

test('the CLI says so when a directory walk meets a file too large to check', () => {
  const { code, err } = runCli(['check', dir]);
  assert.match(err, new RegExp(`rabbitmq\\.conf: larger than ${MAX_FILE_BYTES / MB} MiB, not checked`));
  // As for a file named on the command line: a file that should have been checked was not.
  assert.equal(code, 2);
});

test('the language server declines a 50 MB document politely: a message, no diagnostics, and it keeps serving', async () => {
  const client: TestClient = await startServer();
  try {
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
    const uri = pathToFileURL(join(dir, 'big', 'rabbitmq.conf')).href;
    const published = client.nextDiagnostics(uri, () => true, 60_000);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.tcp.default = 5672\n'.repeat(Math.ceil((50 * MB) / 29)) },
    });
    assert.deepEqual((await published).diagnostics, []);
    assert.ok(messages.some((m) => /larger than 10 MiB/.test(m)), JSON.stringify(messages));

    // Still serving: a small document gets its diagnostics.
    const small = pathToFileURL(join(dir, 'small', 'rabbitmq.conf')).href;
    const smallPublished = client.nextDiagnostics(small);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: small, languageId: 'rabbitmq-conf', version: 1, text: 'listeners.tcp.default = 5672\n' },
    });
    assert.ok((await smallPublished).diagnostics.some((d) => d.code === 'RMQ101'));
  } finally {
    await client.close();
  }
});
