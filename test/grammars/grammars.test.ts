/**
 * The TextMate grammars in syntaxes/, tested with vscode-tmgrammar-test over
 * the scope assertions in test/fixtures/grammars (lines of real files).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS_DIR, ROOT, SHARED_DIR, sharedAvailable } from '../helpers/paths.js';
import { FIXTURES_DIR, grammarFixtures } from './fixtures.js';
import { SCOPE_OF_LANGUAGE, SHARED_SCOPE, grammarFiles } from './grammar-files.js';
import { findGrammarTool, runGrammarTool, toolMissing } from './tool.js';

/** Fewer assertions than this for a grammar would hardly test it. */
const MIN_ASSERTIONS_PER_GRAMMAR = 40;

test('every scope assertion in test/fixtures/grammars holds (vscode-tmgrammar-test)', (t) => {
  const tool = findGrammarTool();
  if (!tool) return toolMissing(t);
  const fixtures = grammarFixtures().map((f) => f.relativePath);
  assert.ok(fixtures.length > 0, 'no grammar fixtures');
  const run = runGrammarTool(tool, grammarFiles().map((g) => g.path), fixtures);
  assert.equal(run.status, 0, `vscode-tmgrammar-test failed:\n${run.output}`);
  for (const f of fixtures) assert.match(run.output, new RegExp(`${f.replace(/[.]/g, '\\.')} run successfuly`), `${f} was not run`);
});

test('a wrong scope assertion makes the run fail, naming the missing scope', (t) => {
  const tool = findGrammarTool();
  if (!tool) return toolMissing(t);
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-grammar-'));
  try {
    const file = join(dir, 'wrong.test');
    // `verify` is a key here, never a comment: the run must report it.
    writeFileSync(file, ['# SYNTAX TEST "source.rabbitmq-conf" "negative control"', 'ssl_options.verify = verify_peer', '#           ^^^^^^ comment.line.number-sign.rabbitmq-conf', ''].join('\n'));
    const run = runGrammarTool(tool, grammarFiles().map((g) => g.path), [file]);
    assert.notEqual(run.status, 0, `the run passed a wrong assertion:\n${run.output}`);
    assert.match(run.output, /comment\.line\.number-sign\.rabbitmq-conf/);
    assert.match(run.output, /variable\.other\.key\.rabbitmq-conf/, 'the report shows the actual scope');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`each language's grammar has at least ${MIN_ASSERTIONS_PER_GRAMMAR} scope assertions`, () => {
  const counts = new Map<string, number>();
  for (const f of grammarFixtures()) counts.set(f.scopeName, (counts.get(f.scopeName) ?? 0) + f.assertionCount);
  for (const scope of Object.values(SCOPE_OF_LANGUAGE)) {
    const n = counts.get(scope) ?? 0;
    assert.ok(n >= MIN_ASSERTIONS_PER_GRAMMAR, `${scope}: only ${n} assertions`);
  }
});

test('fixture lines marked as taken from shared/ are real lines of that file', (t) => {
  if (!sharedAvailable()) {
    if (process.env.CI === 'true') throw new Error(`shared/ missing at ${SHARED_DIR}`);
    return t.skip(`SHARED MISSING at ${SHARED_DIR}`);
  }
  let checked = 0;
  for (const fixture of grammarFixtures()) {
    for (const block of fixture.sourceBlocks) {
      const text = readFileSync(join(block.kind === 'corpus' ? CORPUS_DIR : SHARED_DIR, block.path), 'utf8');
      const wholeLines = new Set(text.split(/\r?\n/));
      for (const line of block.lines) {
        const found = block.kind === 'corpus' ? wholeLines.has(line) : text.includes(line.trim());
        assert.ok(found, `${fixture.relativePath}: not a line of ${block.path}: ${JSON.stringify(line)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} lines traced to shared/`);
});

test('every grammar file declares a distinct scope, and each language has one', () => {
  const files = grammarFiles();
  const scopes = files.map((g) => g.scopeName);
  assert.equal(new Set(scopes).size, scopes.length, `duplicate scope names: ${scopes.join(', ')}`);
  for (const scope of [...Object.values(SCOPE_OF_LANGUAGE), SHARED_SCOPE]) assert.ok(scopes.includes(scope), `no grammar declares ${scope}`);
});

/** An entry of package.json's `contributes.grammars`. */
interface GrammarContribution {
  readonly language?: string;
  readonly scopeName: string;
  readonly path: string;
}

/** Every grammar file contributed once, at its path, for its language (the shared one for none). */
function checkContributions(contributed: readonly GrammarContribution[], where: string): void {
  const languageOf = new Map<string, string | undefined>(Object.entries(SCOPE_OF_LANGUAGE).map(([language, scope]) => [scope, language]));
  languageOf.set(SHARED_SCOPE, undefined);
  const files = grammarFiles();
  assert.equal(contributed.length, files.length, `${where}: ${contributed.length} entries for ${files.length} grammar files`);
  for (const file of files) {
    const entry = contributed.find((c) => c.scopeName === file.scopeName);
    assert.ok(entry, `${where}: ${file.relativePath} (${file.scopeName}) is not contributed`);
    assert.equal(entry.path, file.relativePath, `${where}: ${file.scopeName} points at ${entry.path}`);
    assert.equal(entry.language, languageOf.get(file.scopeName), `${where}: ${file.scopeName} is contributed for language ${entry.language}`);
  }
}

test('the grammar contributions proposed for package.json name every grammar file', () => {
  const proposal = JSON.parse(readFileSync(join(FIXTURES_DIR, 'package-contributions.json'), 'utf8')) as { grammars: GrammarContribution[] };
  checkContributions(proposal.grammars, 'package-contributions.json');
});

test('package.json contributes every grammar under its scope and language', (t) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[]; languages?: { id: string }[] };
  };
  const contributed = manifest.contributes?.grammars;
  if (!contributed) {
    console.warn('\n*** package.json has no contributes.grammars yet: the grammars are not shipped (see test/fixtures/grammars/package-contributions.json) ***\n');
    return t.skip('package.json has no contributes.grammars yet');
  }
  checkContributions(contributed, 'package.json');
  const languages = new Set((manifest.contributes?.languages ?? []).map((l) => l.id));
  for (const language of Object.keys(SCOPE_OF_LANGUAGE)) assert.ok(languages.has(language), `package.json declares no language ${language}`);
});
