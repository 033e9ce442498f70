import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a generated input under the scratch directory and returns its path. */
export function writeInput(workDir: string, relativePath: string, text: string): string {
  const path = join(workDir, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
