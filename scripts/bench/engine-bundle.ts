/**
 * Builds the engine the way the shipped bundles contain it (esbuild, one
 * scope-hoisted file, as scripts/build.mjs does for dist/) and loads it.
 * Measuring through the TypeScript loader instead would charge every call
 * across modules for the loader's export getters.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type * as EngineModule from './engine-entry.js';
import { ROOT } from './paths.js';

export type Engine = typeof EngineModule;

export function loadEngine(workDir: string): Engine {
  const outfile = join(workDir, 'engine.cjs');
  buildSync({
    entryPoints: [join(ROOT, 'scripts', 'bench', 'engine-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as Engine;
}
