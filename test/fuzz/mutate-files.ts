/**
 * Real files with one small edit that keeps them mostly what they were, for
 * the fix properties: fixes are offered on files that nearly work.
 */
import fc from 'fast-check';
import type { SeedFile } from './seeds.js';

/** A small edit that keeps a file mostly what it was: cut a line, repeat a line, drop a character. */
export function lightlyMutated(files: readonly SeedFile[]): fc.Arbitrary<{ path: string; text: string }> {
  return fc.tuple(fc.constantFrom(...files), fc.nat(), fc.constantFrom('none', 'cut-line', 'repeat-line', 'drop-char', 'crlf')).map(([file, at, how]) => {
    const lines = file.text.split('\n');
    const i = at % Math.max(1, lines.length);
    switch (how) {
      case 'cut-line': return { path: file.path, text: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n') };
      case 'repeat-line': return { path: file.path, text: [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n') };
      case 'drop-char': return { path: file.path, text: file.text.slice(0, at % (file.text.length + 1)) + file.text.slice((at % (file.text.length + 1)) + 1) };
      case 'crlf': return { path: file.path, text: lines.join('\r\n') };
      default: return { path: file.path, text: file.text };
    }
  });
}
