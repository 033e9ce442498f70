/**
 * Every corpus file, highlighted with the grammar of the language the
 * engine detects for it: no rule may stay open at the end of the file (an
 * unclosed string or tag would colour the rest of the file), and nothing is
 * marked invalid except where the file really is broken.
 *
 * Also a guard against regular expressions that go quadratic on long lines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { detectLanguage } from '../../server/src/engine/languages/detect.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/paths.js';
import { SCOPE_OF_LANGUAGE, grammarFiles } from './grammar-files.js';
import { createTokenizer, type TokenizedText } from './textmate.js';
import { findGrammarTool, toolMissing } from './tool.js';
import { filesUnder } from '../helpers/files.js';

/** Corpus files that really hold a line their software refuses, and where the grammar marks it. */
const KNOWN_INVALID: Record<string, { line: number; why: string }> = {
  'rabbitmq/rabbitmq-website-docs/production-checklist-anonymous-login.conf': {
    line: 0,
    why: 'extracted from the docs with the Markdown fence line still on line 1; cuttlefish stops there',
  },
};

/** 0-based lines that hold an `invalid.*` token. */
function invalidLines(tokens: TokenizedText): number[] {
  const lines: number[] = [];
  tokens.lines.forEach((line, i) => {
    if (line.some((t) => t.scopes.some((s) => s.startsWith('invalid.')))) lines.push(i);
  });
  return lines;
}

test('every corpus file ends at the top level of its grammar, with nothing invalid but the known broken lines', async (t) => {
  const tool = findGrammarTool();
  if (!tool) return toolMissing(t);
  if (!sharedAvailable()) {
    if (process.env.CI === 'true') throw new Error(`corpus missing at ${CORPUS_DIR}`);
    return t.skip(`CORPUS MISSING at ${CORPUS_DIR}`);
  }
  const tokenizer = createTokenizer(tool, grammarFiles());
  const perLanguage = new Map<string, number>();
  const problems: string[] = [];
  for (const file of filesUnder(CORPUS_DIR)) {
    const rel = relative(CORPUS_DIR, file);
    const text = readFileSync(file, 'utf8');
    const detected = detectLanguage(file, text);
    if (!detected) continue;
    perLanguage.set(detected.language, (perLanguage.get(detected.language) ?? 0) + 1);
    const tokens = await tokenizer.tokenize(SCOPE_OF_LANGUAGE[detected.language], text);
    if (!tokens.endsAtTopLevel) problems.push(`${rel}: a rule is still open at the end of the file`);
    const expected = KNOWN_INVALID[rel] ? [KNOWN_INVALID[rel].line] : [];
    const invalid = invalidLines(tokens);
    if (invalid.join() !== expected.join()) problems.push(`${rel}: invalid tokens on lines ${invalid.map((l) => l + 1).join(', ') || 'none'}, expected ${expected.map((l) => l + 1).join(', ') || 'none'}`);
  }
  assert.deepEqual(problems, []);
  for (const language of ['rabbitmq-config', 'rabbitmq-conf', 'oslo-config']) {
    assert.ok((perLanguage.get(language) ?? 0) >= 10, `only ${perLanguage.get(language) ?? 0} corpus files in ${language}`);
  }
});

test('long lines of template tags and values are tokenized in every grammar', async (t) => {
  const tool = findGrammarTool();
  if (!tool) return toolMissing(t);
  const tokenizer = createTokenizer(tool, grammarFiles());
  const n = 20_000;
  // Each line defeats one look-ahead: tags with no `=`, `{{` with no closer, a URL with no `@`, …
  // About 100,000 characters each; linear rules take well under a second, a
  // quadratic one (as once written for `{{` in Erlang) took 15 s.
  const lines = [
    '{{a}}'.repeat(n),
    '{{ '.repeat(n),
    '{{a, '.repeat(n),
    `key = ${'a b '.repeat(n)}`,
    `url = rabbit://${'{{x}}:'.repeat(n)}`,
    `url = rabbit://${'a:'.repeat(n)}@h`,
    `k = ${'$a '.repeat(n)}`,
    `[${'a]'.repeat(n)}x`,
    `"${'\\x'.repeat(n)}"`,
    '{a,'.repeat(n),
    '<%= x %>'.repeat(n),
  ];
  // Completing is the assertion (a catastrophic pattern would not); how long it takes is the benchmark's business.
  let tokenized = 0;
  for (const scope of Object.values(SCOPE_OF_LANGUAGE)) {
    for (const line of lines) {
      await tokenizer.tokenize(scope, line);
      tokenized++;
    }
  }
  assert.equal(tokenized, Object.values(SCOPE_OF_LANGUAGE).length * lines.length);
});
