/**
 * Waiting on state, never on time: `waitUntil` polls a probe (DOM, file,
 * API dump) until it yields a value, and on timeout reports the last thing it
 * saw, which is what one needs to understand a failure.
 */

export class WaitTimeout extends Error {}

/**
 * Polls `probe` every `intervalMs` until it returns something other than
 * `undefined`; throws a WaitTimeout naming `what` and the last observation
 * (`describe(lastSeen)`) when `timeoutMs` passes.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<{ done: true; value: T } | { done: false; seen: unknown }>,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let seen: unknown = '(nothing yet)';
  for (;;) {
    try {
      const r = await probe();
      if (r.done) return r.value;
      seen = r.seen;
    } catch (e) {
      seen = e instanceof Error ? e.message : e;
    }
    if (Date.now() >= end) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const shown = typeof seen === 'string' ? seen : JSON.stringify(seen, null, 1);
  throw new WaitTimeout(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${shown}`);
}
