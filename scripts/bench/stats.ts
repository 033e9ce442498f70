/**
 * Summaries of repeated measurements: every figure in the table is the
 * median of several runs, shown with the fastest and the slowest.
 */

/** Several runs of one measurement, summarised. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** The `p`-th percentile (0–100) by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Ratios of paired runs (`ours[i] / theirs[i]`): each pair ran back to back,
 * so a burst of load on the machine weighs on both sides of one ratio
 * rather than on one side of the comparison.
 */
export function pairedRatios(ours: readonly number[], theirs: readonly number[]): number[] {
  if (ours.length !== theirs.length) throw new Error('unpaired samples');
  return ours.map((x, i) => x / theirs[i]);
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/**
 * Runs `work` once and returns how long it took, in milliseconds. No
 * collection is forced between runs: a forced one shrinks V8's young
 * generation, and the next allocation-heavy parse then pays for growing it
 * again — a cost an editor session does not see.
 */
export function timeOnce(work: () => unknown): number {
  const start = performance.now();
  work();
  return since(start);
}

/**
 * Runs before the timed ones. V8 compiles a hot function in tiers; after
 * this many runs the parsers run at the speed an editor session sees, and
 * that is what the in-process figures report (whole-process figures show
 * the cold start).
 */
export const WARM_UP_RUNS = 10;

export function warmUp(work: () => unknown): void {
  for (let k = 0; k < WARM_UP_RUNS; k++) work();
}
