/**
 * Shared checks for the template masker tests: the MaskedDocument contract
 * checked character by character, the corpus walk, and the Jinja oracle.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MaskedDocument } from '../../server/src/engine/templates/types.js';
import { CORPUS_DIR } from '../helpers/paths.js';

export const PYTHON = '/usr/bin/python3';
const ORACLE_SCRIPT = join(__dirname, 'jinja_oracle.py');

/** Every file under the shared corpus, sorted, as absolute paths. */
export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  if (existsSync(CORPUS_DIR)) walk(CORPUS_DIR);
  return out;
}

export function corpusName(path: string): string {
  return relative(CORPUS_DIR, path);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Any opening delimiter of a Jinja, Go or ERB tag. */
export const TAG_OPENER = /\{\{|\{%|\{#|<%/;

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r';
}

/**
 * The MaskedDocument contract: same length, line breaks in place, text
 * outside tags untouched (but for ERB's `<%%` escape), an expression as
 * `t___` up to its first line break and blanks after, statements and
 * comments as blanks; spans and regions sorted, disjoint, in bounds;
 * every region bounded by tags.
 */
export function assertMaskContract(original: string, masked: MaskedDocument, label = ''): void {
  const m = masked.text;
  assert.equal(m.length, original.length, `${label}: length`);
  let prevEnd = 0;
  for (const s of masked.spans) {
    assert.ok(s.start >= prevEnd && s.end > s.start && s.end <= original.length, `${label}: span ${s.start}-${s.end} out of order`);
    for (let i = prevEnd; i < s.start; i++) {
      if (m[i] !== original[i]) assert.ok(isErbEscape(original, i), `${label}: text outside tags changed at ${i}`);
    }
    let word = s.kind === 'expression';
    for (let i = s.start; i < s.end; i++) {
      if (isBreak(original[i])) {
        assert.equal(m[i], original[i], `${label}: line break moved at ${i}`);
        word = false;
      } else {
        const expected = word ? (i === s.start ? 't' : '_') : ' ';
        assert.equal(m[i], expected, `${label}: ${s.kind} masked wrongly at ${i}`);
      }
    }
    prevEnd = s.end;
  }
  for (let i = prevEnd; i < original.length; i++) {
    if (m[i] !== original[i]) assert.ok(isErbEscape(original, i), `${label}: text after the last tag changed at ${i}`);
  }
  assertRegions(masked, original.length, label);
}

function assertRegions(masked: MaskedDocument, length: number, label: string): void {
  const tagEnds = new Set(masked.spans.map((s) => s.end));
  const tagStarts = new Set(masked.spans.map((s) => s.start));
  let prevEnd = -1;
  for (const r of masked.conditional) {
    assert.ok(r.start > prevEnd && r.end > r.start && r.end <= length, `${label}: region ${r.start}-${r.end} out of order`);
    assert.ok(tagEnds.has(r.start), `${label}: region ${r.start}-${r.end} does not start at the end of a tag`);
    assert.ok(tagStarts.has(r.end) || r.end === length, `${label}: region ${r.start}-${r.end} does not end at a tag`);
    prevEnd = r.end;
  }
  if (masked.conditional.length > 0) assert.ok(masked.hasControlFlow, `${label}: regions without control flow`);
}

/** Offset `i` lies in an ERB `<%%` escape, masked as ` <%`. */
function isErbEscape(original: string, i: number): boolean {
  for (let k = Math.max(0, i - 2); k <= i; k++) if (original.startsWith('<%%', k)) return true;
  return false;
}

/** The masked text with the literal contents of `{% raw %}` blocks cut out. */
export function maskedOutsideRaw(original: string, masked: MaskedDocument): string {
  let out = '';
  let from = 0;
  const spans = masked.spans;
  for (let k = 0; k < spans.length; k++) {
    const text = original.slice(spans[k].start, spans[k].end);
    if (/^\{%[-+]?\s*raw\s*[-+]?%\}$/.test(text) && k + 1 < spans.length) {
      out += masked.text.slice(from, spans[k].end) + '\n';
      from = spans[k + 1].start;
    }
  }
  return out + masked.text.slice(from);
}

export type OracleRun<T> = { readonly ok: true; readonly answer: T } | { readonly ok: false; readonly why: string };

/** Runs Jinja's own lexer/parser (one process for the whole batch). */
export function runJinjaOracle<T>(request: object): OracleRun<T> {
  if (!existsSync(PYTHON)) return { ok: false, why: `${PYTHON} not found` };
  const probe = spawnSync(PYTHON, ['-c', 'import jinja2'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, why: `python3-jinja2 is not installed for ${PYTHON}` };
  const r = spawnSync(PYTHON, [ORACLE_SCRIPT], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`Jinja oracle failed: ${r.stderr}`);
  return { ok: true, answer: JSON.parse(r.stdout) as T };
}

/** Offsets of a literal piece of a file, found by hand-written text: [start, end). */
export function spanOfText(text: string, piece: string, occurrence = 0, from = 0): [number, number] {
  let at = text.indexOf(piece, from);
  for (let k = 0; k < occurrence && at >= 0; k++) at = text.indexOf(piece, at + 1);
  assert.ok(at >= 0, `fixture text not found: ${piece}`);
  return [at, at + piece.length];
}
