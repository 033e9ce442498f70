import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir`, depth first in name order, but the corpus's SOURCES.md (its provenance list, not a configuration). */
export function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (name !== 'SOURCES.md') out.push(p);
  }
  return out;
}
