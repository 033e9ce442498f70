import type { TestContext } from 'node:test';

/** Under CI a missing oracle is a failure; elsewhere it skips the test, loudly. */
export function oracleMissing(t: TestContext, what: string): void {
  const message = `ORACLE MISSING: ${what}`;
  if (process.env.CI === 'true') throw new Error(`${message} (required under CI=true)`);
  console.warn(`\n*** ${message} — skipping ${t.name} ***\n`);
  t.skip(message);
}
