/**
 * What a masked template promises (templates/types.ts): the masked text has
 * the original's length and line breaks; outside the tags it is the
 * original (ERB's `<%%` escape aside); an expression becomes `t___`, a
 * statement or comment blanks; tags are in order and inside the document.
 */
import assert from 'node:assert/strict';
import type { MaskedDocument, TemplateDialect } from '../../../server/src/engine/templates/index.js';
import { around, assertOrdered, assertSpansInside } from './spans.js';

const isBreak = (c: string) => c === '\n' || c === '\r';

/** Offsets where ERB's `<%%` (rendered `<%`) may differ from the masked text. */
function escapeOffsets(text: string, dialect: TemplateDialect): Set<number> {
  const out = new Set<number>();
  if (dialect !== 'erb') return out;
  for (let i = text.indexOf('<%%'); i >= 0; i = text.indexOf('<%%', i + 1)) for (let k = 0; k < 3; k++) out.add(i + k);
  return out;
}

export function checkMasked(text: string, dialect: TemplateDialect, masked: MaskedDocument): void {
  assertSpansInside(masked, text.length);
  const out = masked.text;
  assert.equal(out.length, text.length, 'the masked text has the original length');
  assertOrdered(masked.spans, 'tag');
  assertOrdered(masked.conditional, 'conditional region');
  const inTag = new Uint8Array(text.length);
  // Compare first, quote only on failure: this runs for every character.
  const expect = (i: number, wanted: string, what: string) => {
    if (out[i] !== wanted) assert.fail(`${what}: offset ${i} is ${JSON.stringify(out[i])}, not ${JSON.stringify(wanted)} (${around(text, i)})`);
  };
  for (const tag of masked.spans) {
    assert.equal(tag.dialect, dialect, 'tags carry the dialect');
    inTag.fill(1, tag.start, tag.end);
    let word = tag.kind === 'expression';
    for (let i = tag.start; i < tag.end; i++) {
      if (isBreak(text[i])) {
        expect(i, text[i], 'a line break inside a tag stays');
        word = false;
      } else if (word) {
        expect(i, i === tag.start ? 't' : '_', 'an expression reads as t___');
      } else {
        expect(i, ' ', 'statements, comments and later lines of a tag are blanks');
      }
    }
  }
  const escapes = escapeOffsets(text, dialect);
  for (let i = 0; i < text.length; i++) {
    if (inTag[i]) continue;
    if (escapes.has(i)) {
      assert.ok(!isBreak(out[i]) && !isBreak(text[i]), 'an escape keeps line breaks');
      continue;
    }
    expect(i, text[i], 'outside the tags the text is unchanged');
  }
  assert.equal(masked.hasControlFlow || masked.conditional.length === 0, true, 'conditional regions only with control flow');
}
