/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the
 * most self time, and what share of the samples they take.
 *
 *   node --import tsx scripts/bench/profile-summary.ts FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time in milliseconds per function (name and place), largest first. */
export function selfTimes(profile: CpuProfile): { readonly name: string; readonly ms: number; readonly share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, k) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[k] ?? 0;
    if (!node) return;
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*\/work\/main\//, '')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    totals.set(name, (totals.get(name) ?? 0) + delta);
    all += delta;
  });
  return [...totals.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000, share: all > 0 ? us / all : 0 }))
    .sort((a, b) => b.ms - a.ms);
}

function main(): void {
  const [file, top = '25'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.ts FILE.cpuprofile [TOP]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const row of selfTimes(profile).slice(0, Number(top))) {
    console.log(`${row.ms.toFixed(1).padStart(9)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`);
  }
}

if (require.main === module) main();
