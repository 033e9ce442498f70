import { resolve } from 'node:path';

/** The project root (this file is scripts/bench/paths.ts). */
export const ROOT = resolve(__dirname, '..', '..');
