/**
 * The OSLO and QPID rules on the real files of shared/corpus/oslo: no rule
 * throws, no false syntax error, no message shows a password of the file,
 * and on the kolla-ansible templates (transports from template variables,
 * TLS inside `{% if %}`) nothing is said that a rendering could contradict:
 * only the removed heartbeat_in_pthread, which every such file sets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORPUS_DIR, sharedAvailable } from '../helpers/paths.js';
import { lint } from './engine.js';
import { filesUnder } from '../helpers/files.js';

/** Secrets written in a file: passwords of URLs and of *password* options (long enough to be telling). */
function secretsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/:\/\/[^:/@\s]*:([^@\s]+)@/g)) out.add(m[1]);
  for (const m of text.matchAll(/^\w*password\w*[ \t]*[=:][ \t]*(\S+)/gim)) out.add(m[1]);
  // 'guest' is also the user name the guest findings name.
  return [...out].filter((s) => s.length >= 4 && s !== 'guest' && !s.includes('{{') && !s.startsWith('%'));
}

test('corpus: every oslo file goes through the OSLO and QPID rules cleanly', (t) => {
  if (!sharedAvailable()) {
    if (process.env.CI === 'true') throw new Error(`corpus missing at ${CORPUS_DIR}`);
    return t.skip(`CORPUS MISSING at ${CORPUS_DIR}`);
  }
  const files = filesUnder(join(CORPUS_DIR, 'oslo'));
  assert.ok(files.length >= 30);
  for (const file of files) {
    const rel = relative(CORPUS_DIR, file);
    const text = readFileSync(file, 'utf8');
    // Some are fragments or old samples that detection does not claim: read them as service files.
    const result = lint({ path: file, text }, { language: 'oslo-config' });
    assert.deepEqual(result.internalErrors, [], rel);
    assert.deepEqual(result.findings.filter((f) => f.code === 'CFG001').map((f) => f.message), [], rel);
    for (const secret of secretsOf(text)) {
      for (const f of result.findings) assert.ok(!f.message.includes(secret), `${rel}: ${f.code} shows a password`);
    }
  }
});

test('corpus: on kolla-ansible templates only heartbeat_in_pthread (removed in 18.0.0) is reported', (t) => {
  if (!sharedAvailable()) return t.skip(`CORPUS MISSING at ${CORPUS_DIR}`);
  for (const file of filesUnder(join(CORPUS_DIR, 'oslo', 'kolla-ansible'))) {
    const text = readFileSync(file, 'utf8');
    const ours = lint({ path: file, text }, { language: 'oslo-config' }).findings.filter((f) => /^(OSLO|QPID)/.test(f.code));
    const expected = [...text.matchAll(/^heartbeat_in_pthread\s*=/gm)].map((m) => m.index);
    assert.deepEqual(
      ours.map((f) => [f.code, f.span.start]),
      expected.map((i) => ['OSLO301', i]),
      relative(CORPUS_DIR, file),
    );
  }
});
