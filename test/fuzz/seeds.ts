/**
 * Real files to mutate: the shared corpus (when it is beside the project)
 * and examples/, sorted by what they are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../../server/src/engine/languages/detect.js';
import type { LanguageId } from '../../server/src/engine/languages/ids.js';
import { detectTemplateDialect, type TemplateDialect } from '../../server/src/engine/templates/index.js';
import { CORPUS_DIR, ROOT } from '../helpers/paths.js';

/** A file of the corpus or of examples/. */
export interface SeedFile {
  readonly path: string;
  readonly text: string;
  readonly language?: LanguageId;
  readonly dialect?: TemplateDialect;
}

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

let cache: SeedFile[] | undefined;

/** Every seed file, read once. */
export function seedFiles(): readonly SeedFile[] {
  if (!cache) {
    cache = [...walk(CORPUS_DIR, []), ...walk(join(ROOT, 'examples'), [])].map((path) => {
      const text = readFileSync(path, 'utf8');
      const language = detectLanguage(path, text)?.language;
      const dialect = detectTemplateDialect(path, text, language === 'rabbitmq-config' ? 'erlang' : 'line');
      return { path, text, ...(language ? { language } : {}), ...(dialect ? { dialect } : {}) };
    });
  }
  return cache;
}

/** The texts of the seed files that `accept` takes; a small built-in text when none does. */
export function seedTexts(accept: (f: SeedFile) => boolean, fallback: string): string[] {
  const texts = seedFiles().filter(accept).map((f) => f.text);
  return texts.length > 0 ? texts : [fallback];
}
