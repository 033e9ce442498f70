/**
 * Every hardened snippet, expanded with its placeholders filled, is a file
 * the engine finds nothing to say about (but the file-dependent RMQ111/RMQ112,
 * which are off here).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { ROOT } from '../helpers/paths.js';
import { expandSnippet } from './expand.js';

interface Snippet {
  readonly prefix: string | string[];
  readonly body: string | string[];
  readonly description: string;
}

/** A file the snippet is meant for, so that the engine reads it in the right language. */
const FILE_FOR: Record<string, string> = {
  'rabbitmq-config': '/etc/rabbitmq/rabbitmq.config',
  'rabbitmq-conf': '/etc/rabbitmq/rabbitmq.conf',
  'oslo-config': '/etc/nova/nova.conf',
  'qpidd-conf': '/etc/qpid/qpidd.conf',
};

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };

for (const { language, path } of manifest.contributes.snippets) {
  const snippets = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, Snippet>;
  for (const [name, snippet] of Object.entries(snippets)) {
    test(`snippet "${name}" (${language}) expands to a file with no finding`, () => {
      const text = expandSnippet(snippet.body);
      assert.doesNotMatch(text, /\$\{?\d/);
      // Partial snippets (one entry) are checked inside a minimal enclosing file.
      const whole = language === 'rabbitmq-config' && !text.trimStart().startsWith('[') ? `[{rabbit, [{tcp_listeners, []}, {ssl_listeners, [{"10.0.0.11", 5671}]}, {auth_mechanisms, ['EXTERNAL', 'PLAIN']},\n${text}]}].\n` : text;
      const r = analyze({ path: FILE_FOR[language], text: whole }, { language: language as never });
      assert.ok(r);
      assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    });
  }
}

test('every language has hardened snippets with prefixes and descriptions', () => {
  assert.deepEqual(manifest.contributes.snippets.map((s) => s.language).sort(), ['oslo-config', 'qpidd-conf', 'rabbitmq-conf', 'rabbitmq-config']);
  for (const { path } of manifest.contributes.snippets) {
    for (const s of Object.values(JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, Snippet>)) {
      assert.ok(s.prefix.length > 0 && s.description.length > 20);
    }
  }
});
