/**
 * What an extension wrote to its output channel, read from disk: VS Code
 * 1.100 mirrors every channel made with `window.createOutputChannel(name)`
 * into `<user-data>/logs/<session>/exthost<N>/output_logging_<time>/<n>-<name>.log`.
 * Reading the file needs no clicks in the Output view, whose contents are
 * virtualised and scroll.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, depth first; an absent dir has none. */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The text of the output channel `name` under `logsDir` (all of its files joined; empty before its first line). */
export function outputChannelText(logsDir: string, name: string): string {
  const suffix = `-${name}.log`;
  return filesUnder(logsDir)
    .filter((f) => f.includes('output_logging_') && f.endsWith(suffix))
    .sort()
    .map((f) => readFileSync(f, 'utf8'))
    .join('');
}
