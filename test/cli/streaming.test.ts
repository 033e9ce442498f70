// The CLI writes its report one file at a time and keeps nothing of a file
// once written. These tests check that the streamed report is the document
// the whole list of files would give: the same JSON text as one
// JSON.stringify of it, and the same findings as analysing every file with
// the complete OSLO202 account index built first.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyze, buildDocument } from '../../server/src/engine/analysis/analyze.js';
import { detectLanguage } from '../../server/src/engine/languages/detect.js';
import { AccountIndex, accountsOfDocument } from '../../server/src/engine/workspace/index.js';
import { main as cli } from '../../server/src/cli/main.js';
import { fileSystemHost } from '../../server/src/host/fs-host.js';
import { ROOT } from '../helpers/paths.js';

const EXAMPLES = join(ROOT, 'examples');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  /** How many pieces the report was written in. */
  readonly chunks: number;
}

function run(...args: string[]): Run {
  const pieces: string[] = [];
  let err = '';
  const code = cli(args, { out: (s) => pieces.push(s), err: (s) => (err += s) });
  return { code, out: pieces.join(''), err, chunks: pieces.length };
}

/** A service file logging in to the broker as `user`. */
function serviceFile(user: string): string {
  return `[DEFAULT]\ntransport_url = rabbit://${user}:pw@rabbit1.example.org:5671/\n\n[oslo_messaging_rabbit]\nssl = true\n`;
}

let workspace: string;
before(() => {
  // Three services share one broker account (OSLO202 in each), a fourth has its own.
  workspace = mkdtempSync(join(tmpdir(), 'mq-harden-stream-'));
  for (const [service, user] of [['nova', 'openstack'], ['neutron', 'openstack'], ['cinder', 'openstack'], ['glance-api', 'glance']]) {
    mkdirSync(join(workspace, service));
    writeFileSync(join(workspace, service, `${service}.conf`), serviceFile(user));
  }
});
after(() => rmSync(workspace, { recursive: true, force: true }));

/** The recognised files under `dir`, depth first in name order, written as plainly as possible (the reference walk). */
function recognisedFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...recognisedFiles(path));
    else if (detectLanguage(path, readFileSync(path, 'utf8'))) out.push(path);
  }
  return out;
}

/** What each file's report must hold: every file analysed with the index of all of them, built first. */
function expectedFindings(dir: string) {
  const paths = recognisedFiles(dir);
  const index = new AccountIndex();
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const detected = detectLanguage(path, text);
    if (detected?.language === 'oslo-config') index.set(accountsOfDocument(buildDocument({ path, text }, detected)));
  }
  return paths.map((path) => {
    const result = analyze({ path, text: readFileSync(path, 'utf8') }, { accounts: index, host: fileSystemHost() })!;
    return {
      path,
      language: result.document.language,
      diagnostics: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, fixes: d.fixes.length })),
    };
  });
}

interface JsonReport {
  files: { path: string; language: string; diagnostics: { code: string; severity: string; message: string; range: unknown; fixes: unknown[] }[] }[];
}

function reportedFindings(report: JsonReport) {
  return report.files.map((f) => ({
    path: f.path,
    language: f.language,
    diagnostics: f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, fixes: d.fixes.length })),
  }));
}

for (const [what, dir] of [['examples/', () => EXAMPLES], ['a workspace whose services share an account', () => workspace]] as const) {
  test(`JSON on ${what}: written file by file, the same text as one JSON.stringify of the whole report`, () => {
    const r = run('check', '--format', 'json', '--exit-zero', dir());
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as JsonReport;
    assert.ok(report.files.length > 1);
    assert.ok(r.chunks >= report.files.length, `${r.chunks} pieces for ${report.files.length} files`);
    assert.equal(r.out, JSON.stringify(report, null, 2) + '\n');
  });

  test(`JSON on ${what}: every file's findings are those of the file analysed with the complete account index`, () => {
    const report = JSON.parse(run('check', '--format', 'json', '--exit-zero', dir()).out) as JsonReport;
    assert.deepEqual(reportedFindings(report), expectedFindings(dir()));
  });

  test(`SARIF on ${what}: written result by result, the same text as one JSON.stringify of the log, one result per finding`, () => {
    const r = run('check', '--format', 'sarif', '--exit-zero', dir());
    const log = JSON.parse(r.out) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(r.out, JSON.stringify(log, null, 2) + '\n');
    const expected = expectedFindings(dir()).flatMap((f) => f.diagnostics.map((d) => [d.code, d.message, (d.range as { start: { line: number } }).start.line + 1]));
    const results = log.runs[0].results.map((x) => [x.ruleId, x.message.text, x.locations[0].physicalLocation.region.startLine]);
    assert.deepEqual(results, expected);
  });
}

test('OSLO202 across files: each service sharing the account names the others; the one with its own account is not reported', () => {
  const report = JSON.parse(run('check', '--format', 'json', '--exit-zero', workspace).out) as JsonReport;
  const shared = (service: string) => report.files.find((f) => f.path.endsWith(`${service}.conf`))!.diagnostics.filter((d) => d.code === 'OSLO202');
  for (const [service, others] of [['nova', ['neutron', 'cinder']], ['neutron', ['nova', 'cinder']], ['cinder', ['nova', 'neutron']]] as const) {
    assert.equal(shared(service).length, 1, service);
    for (const other of others) assert.match(shared(service)[0].message, new RegExp(`\\b${other}\\b`), service);
  }
  assert.deepEqual(shared('glance-api'), []);
});

test('text output: one line per finding, file by file, and a summary that counts them all', () => {
  const json = JSON.parse(run('check', '--format', 'json', '--exit-zero', EXAMPLES).out) as JsonReport;
  const r = run('check', '--exit-zero', EXAMPLES);
  const lines = r.out.trimEnd().split('\n');
  const findings = json.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${(d.range as { start: { line: number; character: number } }).start.line + 1}:${(d.range as { start: { character: number } }).start.character + 1}: ${d.severity} ${d.code} ${d.message}`));
  assert.deepEqual(lines.slice(0, -1), findings);
  const count = (severity: string) => json.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === severity).length, 0);
  assert.match(lines[lines.length - 1], new RegExp(`^${json.files.length} files checked: ${count('error')} errors?, ${count('warning')} warnings?, ${count('information')} information`));
});

test('an empty report is still a whole document in every format', () => {
  const empty = mkdtempSync(join(tmpdir(), 'mq-harden-empty-'));
  try {
    assert.deepEqual(JSON.parse(run('check', '--format', 'json', empty).out), { version: 1, files: [] });
    const sarif = run('check', '--format', 'sarif', empty).out;
    assert.deepEqual(JSON.parse(sarif).runs[0].results, []);
    assert.equal(sarif, JSON.stringify(JSON.parse(sarif), null, 2) + '\n');
    assert.match(run('check', empty).out, /^0 files checked: 0 errors/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('with OSLO202 off, no account index is needed: the other findings are unchanged', () => {
  const config = join(workspace, 'oslo202-off.json');
  writeFileSync(config, JSON.stringify({ rules: { OSLO202: 'off' } }));
  const on = JSON.parse(run('check', '--format', 'json', '--exit-zero', workspace).out) as JsonReport;
  const off = JSON.parse(run('check', '--format', 'json', '--exit-zero', '--config', config, workspace).out) as JsonReport;
  assert.ok(on.files.some((f) => f.diagnostics.some((d) => d.code === 'OSLO202')));
  const without202 = (r: JsonReport) => reportedFindings(r).map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.code !== 'OSLO202') }));
  assert.deepEqual(reportedFindings(off), without202(on));
});
