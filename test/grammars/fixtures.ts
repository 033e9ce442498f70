/**
 * The grammar test files in test/fixtures/grammars, read the way
 * vscode-tmgrammar-test reads them: a header line
 * `<comment> SYNTAX TEST "<scope>" "<title>"`, then source lines, each
 * followed by its assertion lines (`<comment>   ^^^ scope` or `<comment> <-- scope`).
 *
 * Source lines come in blocks, each opened by a provenance comment
 * `<comment> [source] KIND: WHERE`. Blocks of kind `corpus` hold verbatim
 * lines of the corpus file WHERE; kind `shared` holds lines quoted in a
 * file of shared/ (facts/oslo.md). Other kinds (`corpus, comment marker
 * removed`, `github`, `not in the corpus`) say what the lines are and are
 * not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures', 'grammars');

/** Source lines that claim to be taken from a file of shared/. */
export interface SourceBlock {
  /** `corpus`: each line is a whole line of the file; `shared`: each line is quoted somewhere in it. */
  readonly kind: 'corpus' | 'shared';
  /** Relative to shared/corpus for `corpus`, to shared/ for `shared`. */
  readonly path: string;
  readonly lines: readonly string[];
}

export interface GrammarFixture {
  /** Path from the project root. */
  readonly relativePath: string;
  readonly scopeName: string;
  readonly assertionCount: number;
  readonly sourceBlocks: readonly SourceBlock[];
}

const HEADER = /^(\S+)\s+SYNTAX\s+TEST\s+"([^"]+)"/;
const SOURCE_MARKER = /^\[source\] ([^:]+): (.*)$/;

export function grammarFixtures(): GrammarFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.test'))
    .sort()
    .map((name) => readFixture(name));
}

function readFixture(name: string): GrammarFixture {
  const [header, ...lines] = readFileSync(join(FIXTURES_DIR, name), 'utf8').split(/\r?\n/);
  const m = HEADER.exec(header);
  if (!m) throw new Error(`${name}: no SYNTAX TEST header`);
  const comment = m[1];
  let assertionCount = 0;
  const sourceBlocks: SourceBlock[] = [];
  let current: { kind: 'corpus' | 'shared'; path: string; lines: string[] } | undefined;
  for (const line of lines) {
    const afterComment = line.startsWith(comment) ? line.slice(comment.length) : undefined;
    const marker = afterComment?.startsWith(' ') ? SOURCE_MARKER.exec(afterComment.slice(1)) : null;
    if (afterComment !== undefined && /^\s*(\^|<~*-+)/.test(afterComment)) {
      assertionCount++;
    } else if (marker) {
      const kind = marker[1];
      current = kind === 'corpus' || kind === 'shared' ? { kind, path: marker[2].trim(), lines: [] } : undefined;
      if (current) sourceBlocks.push(current);
    } else if (current && line !== '') {
      current.lines.push(line);
    }
  }
  return { relativePath: `test/fixtures/grammars/${name}`, scopeName: m[2], assertionCount, sourceBlocks };
}
