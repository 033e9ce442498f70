// The editor hands the analysis of the version it replaces to the next one
// (SourceDocument.earlier), whose parser then re-reads only the edited
// element. Findings, fixes and ranges must be those of a fresh analysis, at
// every step of an editing session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalysisResult } from '../../server/src/engine/analysis/analyze.js';
import { ROOT } from '../helpers/paths.js';

const PATH = join(ROOT, 'examples', 'rabbitmq', 'classic-hardened', 'rabbitmq.config');

/** What a user sees of an analysis: every diagnostic with its range, message and fixes. */
function seen(result: AnalysisResult | undefined): string {
  return JSON.stringify(result?.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, fixes: d.fixes })));
}

/** Replaces the first `find` after `from` in `text` by `replace`. */
function edit(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `no ${find}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

test('an editing session with the earlier analysis handed on gives the findings of fresh analyses', () => {
  const original = readFileSync(PATH, 'utf8');
  const steps: [string, string][] = [
    ['verify_peer', 'verify_none'],
    ['verify_none', 'verify_nonex'],
    ['verify_nonex', 'verify_peer'],
    ["'tlsv1.2'", "'tlsv1.1'"],
    ["'tlsv1.1'", "'tlsv1.2'"],
    ['true', 'false'],
    ['false', 'true'],
    ['5671', '56710'],
    ['56710', '5671'],
  ];
  let text = original;
  let earlier = analyze({ path: PATH, text });
  let reusedOnce = false;
  for (const [find, replace] of steps) {
    if (!text.includes(find)) continue;
    const next = edit(text, find, replace);
    const before = earlier?.document.tree;
    const handed = analyze({ path: PATH, text: next, ...(earlier ? { earlier: earlier.document } : {}) });
    reusedOnce ||= (handed?.document.tree as { forms?: unknown } | undefined)?.forms === (before as { forms?: unknown } | undefined)?.forms;
    assert.equal(seen(handed), seen(analyze({ path: PATH, text: next })), `after ${find} → ${replace}`);
    earlier = handed;
    text = next;
  }
  assert.ok(reusedOnce, 'at least one step reused the earlier tree');
});
