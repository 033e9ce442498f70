/**
 * "Did you mean" for RabbitMQ keys. cuttlefish itself logs the three
 * mappings nearest by Levenshtein distance when a key is unknown; we do the
 * same, but only offer names close enough to be a plausible typo, and ignore
 * case (cuttlefish does not, which is exactly the kind of typo to catch).
 */

/** How many edits a misspelling of a key this long may have. */
export function editBudget(length: number): number {
  return Math.max(1, Math.min(5, Math.floor(length / 4)));
}

/**
 * Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it is
 * certain to exceed `limit` (keeps long garbage cheap).
 */
export function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Up to `max` candidates within the edit budget of `wanted`, nearest first,
 * then by name; a candidate much farther than the nearest one is noise and
 * is dropped (at most one edit more than the best).
 */
export function nearest(wanted: string, candidates: Iterable<string>, max: number): string[] {
  const w = wanted.toLowerCase();
  const limit = editBudget(w.length);
  const scored = new Map<string, number>();
  for (const c of candidates) {
    if (c === wanted || scored.has(c)) continue;
    const d = levenshtein(w, c.toLowerCase(), limit);
    if (d <= limit) scored.set(c, d);
  }
  const ranked = [...scored].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  const best = ranked.length > 0 ? ranked[0][1] : 0;
  return ranked
    .filter(([, d]) => d <= best + 1)
    .slice(0, max)
    .map(([name]) => name);
}
