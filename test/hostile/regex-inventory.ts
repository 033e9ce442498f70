/**
 * Finds every regular expression in the server's TypeScript sources —
 * `/…/flags` literals and `new RegExp(…)` calls — with a small lexer that
 * skips comments and strings, so that each can be reviewed for
 * catastrophic backtracking.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FoundRegex {
  /** Path relative to the project root. */
  readonly file: string;
  readonly line: number;
  /** The pattern between the slashes (for `new RegExp`, the call's source text). */
  readonly source: string;
  readonly flags: string;
  readonly constructed: boolean;
}

function tsFiles(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tsFiles(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Tokens after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await']);

/** Past a string literal opened by `quote` at `i` (template literals: `${…}` parts are skipped roughly, braces counted). */
function skipString(text: string, i: number, quote: string): number {
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (quote === '`' && c === '$' && text[j + 1] === '{') {
      depth++;
      j++;
    } else if (quote === '`' && depth > 0 && c === '}') depth--;
    else if (c === quote && depth === 0) return j + 1;
  }
  return text.length;
}

/** End of the regex literal starting at `i` (the opening slash), or -1 if it is not one. */
function regexEnd(text: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return j;
  }
  return -1;
}

export function findRegexes(root: string, dir: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const path of tsFiles(dir, [])) {
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path);
    const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
    let previous = ';';
    for (let i = 0; i < text.length; ) {
      const c = text[i];
      if (c === '/' && text[i + 1] === '/') {
        i = text.indexOf('\n', i);
        if (i < 0) break;
      } else if (c === '/' && text[i + 1] === '*') {
        i = text.indexOf('*/', i + 2) + 2;
        if (i < 2) break;
      } else if (c === '"' || c === "'" || c === '`') {
        i = skipString(text, i, c);
        previous = 'string';
      } else if (c === '/' && (BEFORE_REGEX.has(previous) || KEYWORDS_BEFORE_REGEX.has(previous))) {
        const end = regexEnd(text, i);
        if (end < 0) {
          previous = '/';
          i++;
          continue;
        }
        let flagsEnd = end + 1;
        while (/[a-z]/.test(text[flagsEnd] ?? '')) flagsEnd++;
        found.push({ file, line: lineAt(i), source: text.slice(i + 1, end), flags: text.slice(end + 1, flagsEnd), constructed: false });
        previous = 'regex';
        i = flagsEnd;
      } else if (/\s/.test(c)) {
        i++;
      } else if (/[A-Za-z_$0-9]/.test(c)) {
        let j = i;
        while (j < text.length && /[A-Za-z_$0-9]/.test(text[j])) j++;
        const word = text.slice(i, j);
        if (word === 'RegExp' && /^\s*\(/.test(text.slice(j, j + 10)) && text.slice(Math.max(0, i - 4), i) === 'new ') {
          const close = text.indexOf(')', j);
          found.push({ file, line: lineAt(i), source: text.slice(j, close + 1).trim(), flags: '', constructed: true });
        }
        previous = word;
        i = j;
      } else {
        previous = c;
        i++;
      }
    }
  }
  return found;
}
