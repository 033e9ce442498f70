/**
 * The TextMate grammars in syntaxes/ and the language each one highlights.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '../../server/src/engine/languages/ids.js';
import { ROOT } from '../helpers/paths.js';

export const SYNTAXES_DIR = join(ROOT, 'syntaxes');

/** The grammar of each language; package.json must contribute them this way. */
export const SCOPE_OF_LANGUAGE: Readonly<Record<LanguageId, string>> = {
  'rabbitmq-config': 'source.rabbitmq-config',
  'rabbitmq-conf': 'source.rabbitmq-conf',
  'oslo-config': 'source.oslo-config',
  'qpidd-conf': 'source.qpidd-conf',
};

/** Rules every grammar includes (template tags, suppression comments); it has no language of its own. */
export const SHARED_SCOPE = 'source.mq-harden-common';

/** A grammar file and the scope name it declares. */
export interface GrammarFile {
  /** Absolute path. */
  readonly path: string;
  /** Path from the project root, as package.json would name it (`./syntaxes/…`). */
  readonly relativePath: string;
  readonly scopeName: string;
}

export function grammarFiles(): GrammarFile[] {
  return readdirSync(SYNTAXES_DIR)
    .filter((name) => name.endsWith('.tmLanguage.json'))
    .sort()
    .map((name) => {
      const path = join(SYNTAXES_DIR, name);
      const grammar = JSON.parse(readFileSync(path, 'utf8')) as { scopeName?: unknown };
      if (typeof grammar.scopeName !== 'string') throw new Error(`${name} declares no scopeName`);
      return { path, relativePath: `./syntaxes/${name}`, scopeName: grammar.scopeName };
    });
}
