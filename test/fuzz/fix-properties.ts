/**
 * The fix properties for one file: every diagnostic and every edit lies
 * inside the document, applying any offered fix adds no syntax error
 * (CFG001), and fix-all reaches a fixed point (applying it again changes
 * nothing) without adding a syntax error.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { applySpanEdits } from '../../server/src/engine/analysis/edits.js';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import type { EngineDiagnostic, Fix } from '../../server/src/engine/core/findings.js';
import { LineIndex, type Range } from '../../server/src/engine/core/text.js';
import { knownFixBug } from './known-bugs.js';

export interface FixCheckOptions {
  /** Hold the cases of known-bugs.ts to the properties too (their `todo` tests do). */
  readonly strict?: boolean;
}

/** A range whose lines and characters exist in the text `lines` indexes. */
function assertRangeInside(text: string, lines: LineIndex, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} of ${lines.lineCount}`);
    const length = lines.lineEnd(p.line) - lines.lineStart(p.line);
    assert.ok(p.character >= 0 && p.character <= length, `${what}: character ${p.character} on a line of ${length} (${JSON.stringify(text.slice(lines.lineStart(p.line), lines.lineEnd(p.line)))})`);
  }
  assert.ok(lines.offsetAt(range.start) <= lines.offsetAt(range.end), `${what}: range ends before it starts`);
}

function syntaxErrors(diagnostics: readonly EngineDiagnostic[]): number {
  return diagnostics.filter((d) => d.code === 'CFG001').length;
}

function applyFix(text: string, lines: LineIndex, fix: Fix): string {
  return applySpanEdits(text, fix.edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
}

export function checkFixes(path: string, text: string, options: FixCheckOptions = {}): void {
  const result = analyze({ path, text });
  if (!result) return;
  const lines = new LineIndex(text);
  const before = syntaxErrors(result.diagnostics);
  for (const d of result.diagnostics) assertRangeInside(text, lines, d.range, `${d.code} diagnostic`);
  // Reported bugs (known-bugs.ts): what they explain is left out, the rest is checked.
  if (!options.strict && knownFixBug(result)) return;
  for (const d of result.diagnostics) {
    for (const fix of d.fixes) {
      fix.edits.forEach((e) => assertRangeInside(text, lines, e.range, `${d.code} fix "${fix.title}"`));
      if (fix.edits.length === 0 || (!options.strict && knownFixBug(result, fix))) continue;
      const fixed = applyFix(text, lines, fix);
      const after = analyze({ path, text: fixed });
      assert.ok(after, `${d.code} fix "${fix.title}" made the file unrecognisable`);
      assert.ok(syntaxErrors(after.diagnostics) <= before, `${d.code} fix "${fix.title}" adds a syntax error:\n${fixed}`);
    }
  }
  const once = fixAll({ path, text });
  // Fix-all gives up (and says so) rather than loop: a fix that never settles must still fail here.
  assert.ok(once.settled, `fix-all did not settle after ${once.passes} passes (${once.applied.map((a) => a.code).join(', ')})`);
  const twice = fixAll({ path, text: once.text });
  assert.equal(twice.text, once.text, `fix-all is not at a fixed point: it changed the text again (${twice.applied.map((a) => a.code).join(', ')})`);
  const afterAll = analyze({ path, text: once.text });
  assert.ok(afterAll && syntaxErrors(afterAll.diagnostics) <= before, `fix-all adds a syntax error:\n${once.text}`);
}
