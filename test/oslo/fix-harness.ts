/**
 * The bar every fix must clear: applied to the file, it leaves a file that
 * parses (no CFG001), no longer has the finding it fixed, sets no key twice
 * (no new CFG004), keeps every comment line, and is idempotent (nothing
 * left to apply, and fix-all on the result changes nothing).
 */
import assert from 'node:assert/strict';
import type { EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import { applySpanEdits } from '../../server/src/engine/analysis/edits.js';
import type { FixProposal } from '../../server/src/engine/core/findings.js';
import { fixAllWithOurs, lint, type Lint } from './engine.js';

export interface FixCase {
  readonly path?: string;
  readonly text: string;
  readonly code: string;
  readonly options?: EngineOptions;
  /** Which of the code's findings to fix (default: the first). */
  readonly pick?: (f: Lint) => boolean;
  /** Whether the fix must be safe. */
  readonly safe: boolean;
}

export interface FixOutcome {
  readonly fixed: string;
  readonly fix: FixProposal;
  readonly before: readonly Lint[];
  readonly after: readonly Lint[];
}

/** Comment lines (column 0 `#`/`;`), trimmed: a fix may move them, never drop them. */
function commentLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trimEnd())
    .filter((l) => /^[#;]/.test(l))
    .sort();
}

function count(findings: readonly Lint[], code: string): number {
  return findings.filter((f) => f.code === code).length;
}

/** Applies the case's fix and checks the bar; returns the fixed text for case-specific checks. */
export function applyFix(c: FixCase): FixOutcome {
  const path = c.path ?? '/etc/nova/nova.conf';
  const options = c.options ?? {};
  const before = lint({ path, text: c.text }, options).findings;
  const target = before.find((f) => f.code === c.code && (c.pick ? c.pick(f) : true));
  assert.ok(target, `${c.code} does not fire on:\n${c.text}`);
  const fix = target.fixes[0];
  assert.ok(fix, `${c.code} offers no fix`);
  assert.equal(fix.safe, c.safe, `${c.code} fix '${fix.title}' safe`);
  const fixed = applySpanEdits(c.text, fix.edits);
  const after = lint({ path, text: fixed }, options).findings;
  const where = `${c.code} '${fix.title}' on:\n${c.text}\n---> gave:\n${fixed}`;
  assert.equal(count(after, 'CFG001'), 0, `${where}\nsyntax error after the fix`);
  assert.ok(count(after, 'CFG004') <= count(before, 'CFG004'), `${where}\na key is set twice`);
  assert.ok(
    !after.some((f) => f.code === c.code && f.message === target.message),
    `${where}\nthe finding is still there`,
  );
  assert.ok(count(after, c.code) < count(before, c.code), `${where}\n${c.code} fires as often as before`);
  for (const line of commentLines(c.text)) assert.ok(commentLines(fixed).includes(line), `${where}\ncomment lost: ${line}`);
  // Idempotent: what the fix did is not offered again, and fix-all leaves the result as it is once settled.
  const again = after.filter((f) => f.code === c.code && f.fixes.some((x) => x.title === fix.title && applySpanEdits(fixed, x.edits) !== fixed && x.safe));
  if (fix.safe) assert.deepEqual(again.map((f) => f.message), [], `${where}\nthe same fix is offered again`);
  const settled = fixAllWithOurs({ path, text: fixed }, options);
  assert.equal(fixAllWithOurs({ path, text: settled }, options), settled, `${where}\nfix-all is not idempotent`);
  return { fixed, fix, before, after };
}
