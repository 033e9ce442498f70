// Fix-all settles on every real file, and on real files turned into
// templates in small ways: an `if` wrapped around some lines, an `if`/`endif`
// pair dropped into the middle of a line (inside a comment, a value, a key),
// a `{{ expression }}` inserted anywhere, an `if` never closed. On each, the
// fix properties of test/fuzz hold too (fixes stay inside the document, add
// no syntax error, fix-all is idempotent). The light mutations of
// test/fuzz/fixes.test.ts rarely touch template tags; these found fixes that
// overwrote an `{% endif %}` and that never settled on a broken template.
// FUZZ_SEED and FUZZ_FIX_RUNS as in test/fuzz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import { checkFixes } from '../fuzz/fix-properties.js';
import { seedFiles, type SeedFile } from '../fuzz/seeds.js';

const RUNS = Number(process.env.FUZZ_FIX_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 0x6d71);

/** Tag spellings of the file's template dialect (a plain file becomes a Jinja template). */
function tagsFor(file: SeedFile) {
  return file.dialect === 'erb'
    ? { open: '<% if @x %>', close: '<% end %>', loop: '<% @a.each do |b| %>', expression: '<%= @v %>' }
    : { open: '{% if x %}', close: '{% endif %}', loop: '{% for b in a %}', expression: '{{ v }}' };
}

/** The file's path as a template: plain files get `.j2`, so the masker reads their tags. */
function templatePath(file: SeedFile): string {
  return file.dialect ? file.path : `${file.path}.j2`;
}

type Mutation = 'wrap-lines' | 'pair-in-line' | 'expression' | 'unclosed-if' | 'unclosed-loop';

/** A real file with one template-shaped edit, at positions drawn from `at`, `size`. */
function templated(file: SeedFile, how: Mutation, at: number, size: number): { path: string; text: string } {
  const tags = tagsFor(file);
  const path = templatePath(file);
  const lines = file.text.split('\n');
  const line = at % Math.max(1, lines.length);
  const until = Math.min(lines.length, line + 1 + (size % 4));
  const offset = at % (file.text.length + 1);
  const cut = Math.min(file.text.length, offset + (size % 40));
  const join = (parts: string[]) => parts.join('\n');
  switch (how) {
    case 'wrap-lines':
      return { path, text: join([...lines.slice(0, line), tags.open, ...lines.slice(line, until), tags.close, ...lines.slice(until)]) };
    case 'pair-in-line':
      return { path, text: file.text.slice(0, offset) + tags.open + file.text.slice(offset, cut) + tags.close + file.text.slice(cut) };
    case 'expression':
      return { path, text: file.text.slice(0, offset) + tags.expression + file.text.slice(offset) };
    case 'unclosed-if':
      return { path, text: join([...lines.slice(0, line), tags.open, ...lines.slice(line)]) };
    case 'unclosed-loop':
      return { path, text: join([...lines.slice(0, line), tags.loop, ...lines.slice(line)]) };
  }
}

function checkSettles(path: string, text: string): void {
  checkFixes(path, text);
  const result = fixAll({ path, text });
  assert.ok(result.settled, `fix-all did not settle on ${path} (${result.passes} passes: ${result.applied.map((a) => a.code).join(', ')})\n${text}`);
}

const files = seedFiles().filter((f) => f.language);

test('every real file: fix-all settles', () => {
  assert.ok(files.length > 0, 'no seed files');
  for (const f of files) {
    const result = fixAll({ path: f.path, text: f.text });
    assert.ok(result.settled, `${f.path}: ${result.applied.map((a) => a.code).join(', ')}`);
  }
});

test('real files with a template edit: fixes leave the tags alone and fix-all settles', () => {
  const mutations: Mutation[] = ['wrap-lines', 'pair-in-line', 'expression', 'unclosed-if', 'unclosed-loop'];
  const input = fc
    .tuple(fc.constantFrom(...files), fc.constantFrom(...mutations), fc.nat(), fc.nat())
    .map(([file, how, at, size]) => templated(file, how, at, size));
  fc.assert(fc.property(input, ({ path, text }) => checkSettles(path, text)), { seed: SEED, numRuns: RUNS });
});
