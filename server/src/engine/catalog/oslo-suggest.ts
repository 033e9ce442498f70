/**
 * "Did you mean" for option names: the closest names by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, case
 * ignored), within a budget that grows with the name's length.
 */

/** How many edits a misspelling of a name this long may have. */
export function editBudget(length: number): number {
  if (length <= 3) return 1;
  if (length <= 8) return 2;
  return 3;
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `limit + 1` as
 * soon as it is certain to exceed `limit` (names are short; this keeps long
 * garbage cheap).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/** A candidate for suggestions: the text compared, and the name offered when it is close. */
export interface SuggestionCandidate {
  readonly match: string;
  readonly offer: string;
}

/** Up to `max` offers whose `match` is within the edit budget of `name`, closest first. */
export function closestNames(name: string, candidates: readonly SuggestionCandidate[], max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = editBudget(wanted.length);
  const scored = new Map<string, number>();
  for (const c of candidates) {
    if (c.match === name) continue;
    const d = editDistance(wanted, c.match.toLowerCase(), limit);
    if (d > limit) continue;
    const best = scored.get(c.offer);
    if (best === undefined || d < best) scored.set(c.offer, d);
  }
  return [...scored.entries()]
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([offer]) => offer);
}
