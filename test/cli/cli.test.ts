import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths.js';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch tree with recognised and unrelated files. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-cli-'));
  mkdirSync(join(dir, 'rabbitmq'));
  mkdirSync(join(dir, 'node_modules', 'rabbitmq'), { recursive: true });
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'rabbitmq', 'rabbitmq.config'), '[{rabbit, [{tcp_listeners, []},\n  ]}].\n');
  writeFileSync(join(dir, 'node_modules', 'rabbitmq', 'rabbitmq.config'), '[{rabbit, [,]}].\n');
  writeFileSync(join(dir, 'other', 'app.conf'), '[server]\nport = 80\n');
  writeFileSync(join(dir, 'other', 'build.config'), 'not erlang at all {\n');
  // Hardened but for one repeated key: a single CFG004 warning.
  writeFileSync(
    join(dir, 'nova.conf'),
    '[DEFAULT]\ndebug = true\ntransport_url = rabbit://nova:secret@rabbit1.example.org:5671/nova\n\n[oslo_messaging_rabbit]\nssl = true\nssl = true\n' +
      'ssl_ca_file = /etc/nova/ssl/ca.pem\nssl_cert_file = /etc/nova/ssl/nova.pem\nssl_key_file = /etc/nova/ssl/nova.key\nssl_enforce_hostname_verification = true\n',
  );
  return dir;
}

test('text output follows the compiler convention and ends with a summary', () => {
  const dir = scratch();
  const r = run(['check', join(dir, 'rabbitmq', 'rabbitmq.config')]);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /rabbitmq\.config:2:3: error CFG001 syntax error before: '\]'$/);
  assert.match(lines[lines.length - 1], /^1 file checked: 1 error, 0 warnings/);
});

test('a directory walk picks only recognised files and skips node_modules', () => {
  const dir = scratch();
  const r = run(['check', '--format', 'json', dir]);
  const out = JSON.parse(r.stdout) as { version: number; files: { path: string; language: string }[] };
  assert.equal(out.version, 1);
  const paths = out.files.map((f) => f.path.slice(dir.length + 1)).sort();
  assert.deepEqual(paths, ['nova.conf', join('rabbitmq', 'rabbitmq.config')]);
  assert.deepEqual(out.files.map((f) => f.language).sort(), ['oslo-config', 'rabbitmq-config']);
});

test('JSON output follows the documented contract', () => {
  const dir = scratch();
  const r = run(['check', '--format', 'json', join(dir, 'nova.conf')]);
  const out = JSON.parse(r.stdout);
  const d = out.files[0].diagnostics.find((x: { code: string }) => x.code === 'CFG004');
  assert.ok(d, r.stdout);
  assert.equal(d.severity, 'warning');
  assert.deepEqual(Object.keys(d.range), ['start', 'end']);
  assert.deepEqual(d.range.start, { line: 5, character: 0 });
  assert.deepEqual(out.files[0].diagnostics.map((x: { code: string }) => x.code), ['CFG004']);
  assert.equal(typeof d.message, 'string');
  assert.equal(d.fixes[0].edits[0].newText, '');
  assert.deepEqual(Object.keys(d.fixes[0].edits[0].range.start), ['line', 'character']);
});

test('SARIF output validates against the SARIF 2.1.0 schema', () => {
  const dir = scratch();
  const r = run(['check', '--format', 'sarif', dir]);
  const log = JSON.parse(r.stdout);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv-draft-04');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = require('ajv-formats');
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
  const cfg001 = results.find((x) => x.ruleId === 'CFG001');
  assert.equal(cfg001?.locations[0].physicalLocation.region.startLine, 2);
  const ruleIds = (log.runs[0].tool.driver.rules as { id: string; helpUri: string }[]).map((x) => x.id);
  assert.ok(ruleIds.includes('CFG001') && ruleIds.includes('CFG004'));
});

test('exit codes: 0 when nothing reaches --fail-on, 1 when something does, 2 for usage and I/O errors', () => {
  const dir = scratch();
  const nova = join(dir, 'nova.conf'); // only a CFG004 warning
  assert.equal(run(['check', nova]).code, 1);
  assert.equal(run(['check', '--fail-on', 'error', nova]).code, 0);
  assert.equal(run(['check', '--exit-zero', nova]).code, 0);
  assert.equal(run(['check', '--exit-zero', join(dir, 'nope.conf')]).code, 2);
  const missing = run(['check', join(dir, 'does-not-exist.conf')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /does-not-exist\.conf: no such file or directory/);
  assert.doesNotMatch(missing.stderr, /at .*\.js:\d+/); // no stack trace
  const bad = run(['check', '--format', 'xml', nova]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['--help']).code, 0);
});

test('--fix applies safe fixes, reports them, and a second run changes nothing', () => {
  const dir = scratch();
  const nova = join(dir, 'nova.conf');
  const first = run(['check', '--fix', nova]);
  assert.match(first.stdout, /fixed CFG004/);
  const fixed = readFileSync(nova, 'utf8');
  assert.equal(fixed.match(/^ssl = true$/gm)?.length, 1);
  const second = run(['check', '--fix', nova]);
  assert.doesNotMatch(second.stdout, /fixed/);
  assert.equal(readFileSync(nova, 'utf8'), fixed);
  assert.equal(second.code, 0, second.stdout);
});

test('--language forces the language of a file with an unknown name', () => {
  const dir = scratch();
  const file = join(dir, 'other', 'build.config');
  const unforced = run(['check', file]);
  assert.match(unforced.stderr, /not a file mq-harden recognises/);
  const forced = run(['check', '--format', 'json', '--language', 'rabbitmq-config', file]);
  const out = JSON.parse(forced.stdout);
  assert.equal(out.files[0].language, 'rabbitmq-config');
  assert.ok(out.files[0].diagnostics.some((d: { code: string }) => d.code === 'CFG001'));
});

test('suppression comments: honoured, listed with --report-suppressions, refused with --no-inline-suppressions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-cli-'));
  const file = join(dir, 'rabbitmq.conf');
  writeFileSync(
    file,
    '# mq-harden-disable-next-line RMQ103 -- the firewall allows only the management network\nlisteners.ssl.default = 5671\nlisteners.tcp = none\n',
  );
  const plain = JSON.parse(run(['check', '--format', 'json', file]).stdout);
  const codes = plain.files[0].diagnostics.map((d: { code: string }) => d.code);
  assert.ok(!codes.includes('RMQ103'), codes.join());
  assert.equal(plain.files[0].suppressed, undefined);
  const listed = JSON.parse(run(['check', '--format', 'json', '--report-suppressions', file]).stdout);
  assert.deepEqual(listed.files[0].suppressed.map((s: { code: string; comment: { reason: string } }) => [s.code, s.comment.reason]), [
    ['RMQ103', 'the firewall allows only the management network'],
  ]);
  const text = run(['check', '--report-suppressions', file]).stdout;
  assert.match(text, /rabbitmq\.conf:2:1: suppressed RMQ103 .*\(line 1: the firewall allows only the management network\)/);
  const refused = JSON.parse(run(['check', '--format', 'json', '--no-inline-suppressions', file]).stdout);
  const refusedCodes = refused.files[0].diagnostics.map((d: { code: string }) => d.code);
  assert.ok(refusedCodes.includes('RMQ103') && refusedCodes.includes('CFG005'), refusedCodes.join());
  const sarif = JSON.parse(run(['check', '--format', 'sarif', '--report-suppressions', file]).stdout);
  const silenced = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
  assert.deepEqual(silenced.map((r: { ruleId: string }) => r.ruleId), ['RMQ103']);
});

test('.mq-harden.json in the current directory sets rule severities; --config names another file; a broken one is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-cli-'));
  writeFileSync(join(dir, 'rabbitmq.conf'), 'listeners.tcp = none\nlisteners.ssl.default = 5671\n');
  const codes = (args: string[]) => JSON.parse(run(['check', '--format', 'json', ...args, 'rabbitmq.conf'], dir).stdout).files[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
  assert.ok(codes([]).includes('RMQ103:information'));
  writeFileSync(join(dir, '.mq-harden.json'), JSON.stringify({ rules: { RMQ103: 'off', RMQ102: 'warning' } }));
  const configured = codes([]);
  assert.ok(!configured.some((c: string) => c.startsWith('RMQ103')), configured.join());
  writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { RMQ103: 'error' } }));
  assert.ok(codes(['--config', 'strict.json']).includes('RMQ103:error'));
  writeFileSync(join(dir, 'broken.json'), '{ rules: ');
  const broken = run(['check', '--config', 'broken.json', 'rabbitmq.conf'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.json is not valid JSON/);
});

test('a reader that stops early (| head) ends the CLI quietly, with its usual exit status', () => {
  const run = spawnSync('bash', ['-c', `node '${CLI}' check --format json examples | head -c 20 >/dev/null; exit \${PIPESTATUS[0]}`], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.stderr, '', 'no EPIPE stack trace');
  assert.equal(run.status, 1, 'the examples have findings: exit status 1, as without the pipe');
});
