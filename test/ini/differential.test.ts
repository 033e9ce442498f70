/**
 * Differential test: our oslo.config INI parser against oslo.config itself.
 *
 * Every plain INI file of the shared corpus and every fixture in
 * test/fixtures/ini/ is parsed by test/oracles/oslo_ini.py (the real
 * cfg.ConfigParser, one Python process for all files) and by parseOsloIni.
 * The sections, keys and values (in order, raw and group-normalised) must be
 * identical, and so must the first error: its line and its message.
 * A second test does the same on a few hundred random files built from
 * tricky pieces (seeded, so a failure can be reproduced).
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { oracleMissing } from '../helpers/oracle.js';
import { CORPUS_DIR, ROOT } from '../helpers/paths.js';
import { LineIndex } from '../../server/src/engine/core/text.js';
import { OSLO_MESSAGES, parseOsloIni, type IniDocument, type IniEntry } from '../../server/src/engine/formats/ini/index.js';

const PYTHON = '/usr/bin/python3';
const ORACLE = join(ROOT, 'test/oracles/oslo_ini.py');
const FIXTURES = join(ROOT, 'test/fixtures/ini');
const CORPUS = join(CORPUS_DIR, 'oslo');

/** `[name, [[key, values], ...]]` pairs, in first-seen order, as the oracle prints them. */
type SectionPairs = [string, [string, string[]][]][];

interface OracleResult {
  readonly path: string;
  readonly sections?: SectionPairs;
  readonly normalized?: SectionPairs;
  readonly error?: { readonly line: number; readonly message: string; readonly display: string };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Jinja or ERB tags: such a file is not INI until rendered. */
const TEMPLATE_TAG = /\{[{%#]|<%/;

function corpusFiles(): string[] {
  const plain = filesUnder(join(CORPUS, 'historical-plain'));
  const charmHelpers = filesUnder(join(CORPUS, 'charm-helpers')).filter(
    (p) => !TEMPLATE_TAG.test(readFileSync(p, 'utf8')),
  );
  return [...plain, ...charmHelpers];
}

/** Why the oracle cannot run, or null when it can. */
function whyOracleMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import oslo_config.cfg, oslo_config.iniparser'], { encoding: 'utf8' });
  if (probe.status !== 0) return `oslo_config not importable by ${PYTHON}: ${probe.stderr.trim()}`;
  return null;
}

function runOracle(paths: readonly string[]): OracleResult[] {
  const r = spawnSync(PYTHON, [ORACLE], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    env: { ...process.env, PYTHONUTF8: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.status, 0, `oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleResult[];
}

/** Our tree in the oracle's shape: sections merged by raw name, or by normalised group. */
function asPairs(doc: IniDocument, by: 'name' | 'group'): SectionPairs {
  const merged = new Map<string, Map<string, string[]>>();
  for (const section of doc.sections) {
    const id = by === 'name' ? section.name : section.group;
    let keys = merged.get(id);
    if (!keys) merged.set(id, (keys = new Map()));
    for (const entry of section.entries) {
      const values = keys.get(entry.key) ?? [];
      values.push(entry.value);
      keys.set(entry.key, values);
    }
  }
  return [...merged].map(([id, keys]) => [id, [...keys]]);
}

/** The spans must spell out the value: first line (inside quotes) plus each continuation line. */
function assertSpansSpellValue(text: string, entry: IniEntry): void {
  const parts = [text.slice(entry.valueSpan.start, entry.valueSpan.end)];
  for (const c of entry.continuations) parts.push(text.slice(c.span.start, c.span.end));
  assert.equal(parts.join('\n'), entry.value, `spans of ${entry.key}`);
  assert.equal(text.slice(entry.keySpan.start, entry.keySpan.end), entry.key);
  assert.equal(text[entry.separatorSpan.start], entry.separator);
}

function compare(path: string, expected: OracleResult): void {
  const text = readFileSync(path, 'utf8');
  const { tree, errors } = parseOsloIni(text);
  if (expected.error) {
    assert.ok(errors.length > 0, `oslo.config rejects ${path} (${expected.error.display}); we found no error`);
    const first = errors[0];
    assert.equal(first.message, expected.error.display);
    assert.equal(first.osloLine, expected.error.line);
    const spanLine = new LineIndex(text).lineOf(first.span.start) + 1;
    if (expected.error.message === OSLO_MESSAGES.noSection) {
      // The span marks the assignment, which oslo reports only once it is complete.
      assert.ok(spanLine <= expected.error.line);
    } else {
      assert.equal(spanLine, expected.error.line, 'the span is on the line oslo names');
    }
    return;
  }
  assert.deepEqual(errors, [], `oslo.config accepts ${path}`);
  assert.deepEqual(asPairs(tree, 'name'), expected.sections);
  assert.deepEqual(asPairs(tree, 'group'), expected.normalized);
  for (const section of tree.sections) for (const entry of section.entries) assertSpansSpellValue(text, entry);
}

/** True when the test may go on; otherwise fails it (under CI) or skips it loudly. */
function requireOracle(t: TestContext): boolean {
  const missing = whyOracleMissing();
  if (!missing) return true;
  oracleMissing(t, missing);
  return false;
}

test('parseOsloIni agrees with oslo.config on the corpus and the edge-case fixtures', async (t) => {
  if (!requireOracle(t)) return;
  const fixtures = filesUnder(FIXTURES);
  assert.ok(fixtures.length >= 30, `expected at least 30 fixtures, found ${fixtures.length}`);
  const corpus = corpusFiles();
  if (corpus.length === 0) console.warn(`\n*** corpus ${CORPUS} not found: only the fixtures are compared ***\n`);
  const paths = [...corpus, ...fixtures];
  const results = runOracle(paths);
  assert.equal(results.length, paths.length);
  for (const [i, path] of paths.entries()) {
    await t.test(relative(ROOT, path), () => compare(path, results[i]));
  }
});

/** A small seeded PRNG (mulberry32), so that random files are the same on every run. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = {
  header: ['[DEFAULT]', '[default]', '[Oslo_Messaging_Rabbit]', '[oslo_messaging_rabbit]', '[ x ]', '[a]]', '[ΣΑΣ]'],
  badHeader: ['[x', '[]', '[x] # c', '['],
  key: ['ssl', 'transport_url', 'Ssl', 'driver', 'a b', 'k.x', 'kéy', '\u00a0k', '\fk'],
  space: ['', ' ', '  ', '\t', '\u00a0', ' \u3000'],
  separator: ['=', ':', '=', '=', ' = ', ':='],
  value: ['', 'true', '"q"', "'q'", `"mis'`, '"', 'a # b', 'a ; b', 'rabbit://u:p@h:5671/v?ssl=1', 'x=y', 'pa$$w', '🐇', '"a"b"', "' spaced '"],
  indent: [' ', '\t', '    ', ' \t'],
  continued: ['more', '# c', '; c', 'k = v', '"q"', '[x]', '\u00a0'],
  comment: ['# c', ';c', '#', ';'],
  blank: ['', '  ', '\t', '\u3000', '\f'],
  bad: ['= v', 'words', ':x'],
};

function randomIniFile(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lines: string[] = random() < 0.9 ? [pick(PIECES.header)] : [];
  const count = 1 + Math.floor(random() * 25);
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.4) lines.push(pick(PIECES.key) + pick(PIECES.space) + pick(PIECES.separator) + pick(PIECES.space) + pick(PIECES.value) + pick(PIECES.space));
    else if (r < 0.6) lines.push(pick(PIECES.indent) + pick(PIECES.continued) + pick(PIECES.space));
    else if (r < 0.7) lines.push(pick(PIECES.header));
    else if (r < 0.8) lines.push(pick(PIECES.comment));
    else if (r < 0.93) lines.push(pick(PIECES.blank));
    else if (r < 0.97) lines.push(pick(PIECES.badHeader));
    else lines.push(pick(PIECES.bad));
  }
  let text = '';
  for (const line of lines) {
    const nl = random();
    text += line + (nl < 0.8 ? '\n' : nl < 0.9 ? '\r\n' : '\r');
  }
  return random() < 0.2 ? text.replace(/(\r\n|\r|\n)$/, '') : text;
}

test('parseOsloIni agrees with oslo.config on random files', async (t) => {
  if (!requireOracle(t)) return;
  const random = randomSource(20261127);
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-ini-'));
  try {
    const paths: string[] = [];
    for (let i = 0; i < 400; i++) {
      const path = join(dir, `random-${i}.conf`);
      writeFileSync(path, randomIniFile(random), 'utf8');
      paths.push(path);
    }
    const results = runOracle(paths);
    const accepted = results.filter((r) => !r.error).length;
    // The mix must exercise both outcomes, or the comparison proves little.
    assert.ok(accepted > 40 && accepted < 360, `oslo accepted ${accepted} of 400 random files`);
    for (const [i, path] of paths.entries()) {
      try {
        compare(path, results[i]);
      } catch (e) {
        // The file is deleted below: show its text, so the case can become a fixture.
        throw new Error(`random file ${i}: ${JSON.stringify(readFileSync(path, 'utf8'))}\n${(e as Error).message}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
