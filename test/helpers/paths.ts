import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project root (this file is test/helpers/paths.ts). */
export const ROOT = resolve(__dirname, '..', '..');

/**
 * The read-only reference folder `shared/` that sits beside the project's
 * clone, on developers' machines and in CI alike. `MQ_HARDEN_SHARED` overrides.
 */
export const SHARED_DIR = process.env.MQ_HARDEN_SHARED ?? resolve(ROOT, '..', 'shared');

export const CORPUS_DIR = join(SHARED_DIR, 'corpus');

export function sharedAvailable(): boolean {
  return existsSync(join(SHARED_DIR, 'rules.md'));
}
