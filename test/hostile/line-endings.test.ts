// CRLF and lone CR line endings: diagnostics keep their line and character,
// every range maps back to the offsets it was made from, and the engine's
// line model agrees with the one the language server edits with
// (vscode-languageserver-textdocument).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import type { EngineDiagnostic } from '../../server/src/engine/core/findings.js';
import { LineIndex } from '../../server/src/engine/core/text.js';
import { seedFiles } from '../fuzz/seeds.js';

const withBreaks = (text: string, brk: string) => text.replace(/\r\n|\r|\n/g, brk);

/** What a diagnostic says and where, independent of how lines end. */
function located(d: EngineDiagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

test('every example and corpus file: the same diagnostics at the same positions with LF and with CRLF', () => {
  const files = seedFiles().filter((f) => f.language);
  assert.ok(files.length > 0);
  for (const f of files) {
    const lf = analyze({ path: f.path, text: withBreaks(f.text, '\n') });
    const crlf = analyze({ path: f.path, text: withBreaks(f.text, '\r\n') });
    assert.ok(lf && crlf, f.path);
    assert.deepEqual(crlf.diagnostics.map(located), lf.diagnostics.map(located), f.path);
  }
});

test('oslo INI files read lone CR as a line break, as Python does: the same diagnostics at the same positions', () => {
  for (const f of seedFiles().filter((x) => x.language === 'oslo-config')) {
    const lf = analyze({ path: f.path, text: withBreaks(f.text, '\n') });
    const cr = analyze({ path: f.path, text: withBreaks(f.text, '\r') });
    assert.deepEqual(cr?.diagnostics.map(located), lf?.diagnostics.map(located), f.path);
  }
});

test('with any line endings, every range maps back to the span it came from, through the editor\'s line model', () => {
  for (const f of seedFiles().filter((x) => x.language)) {
    for (const brk of ['\n', '\r\n', '\r']) {
      const text = withBreaks(f.text, brk);
      const result = analyze({ path: f.path, text });
      const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
      for (const d of result?.diagnostics ?? []) {
        assert.equal(doc.offsetAt(d.range.start), d.span.start, `${f.path} (${JSON.stringify(brk)}): ${d.code} start`);
        assert.equal(doc.offsetAt(d.range.end), d.span.end, `${f.path} (${JSON.stringify(brk)}): ${d.code} end`);
      }
    }
  }
});

test('LineIndex and the language server\'s TextDocument agree on every offset of texts with mixed line breaks', () => {
  const piece = fc.constantFrom('a', 'key = v', '\n', '\r\n', '\r', '\r\r\n', '\n\r', '', '🐇', ' ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const lines = new LineIndex(text);
      const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
      assert.equal(lines.lineCount, doc.lineCount);
      for (let offset = 0; offset <= text.length; offset++) {
        // Between the CR and the LF of a pair no position exists: the editor says "before the CR",
        // LineIndex "after it" (one past the line's end). No span of the engine ends there
        // (the test above checks every diagnostic of the corpus), so that offset is left out.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        const ours = lines.positionAt(offset);
        const theirs = doc.positionAt(offset);
        assert.deepEqual(ours, theirs, `offset ${offset} of ${JSON.stringify(text)}`);
        assert.equal(lines.offsetAt(theirs), doc.offsetAt(theirs));
      }
    }),
    { seed: 0x1e, numRuns: 500 },
  );
});
