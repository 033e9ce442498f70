/**
 * One test broker at a time on this machine.
 *
 * The configurations under test use the real AMQP ports (5671, 5672), and the
 * test runner runs several test files at once, each in its own process. A
 * lock file in the temp folder (holding the owner's pid) serialises brokers
 * across processes; a promise queue serialises them within one process.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = join(tmpdir(), 'mq-harden-broker.lock');

/** Releases a held slot; calling it twice is harmless. */
export type ReleaseSlot = () => void;

let queueTail: Promise<void> = Promise.resolve();

/** Waits for this process's earlier holders to release, first come first served. */
async function takeLocalTurn(): Promise<ReleaseSlot> {
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  const previous = queueTail;
  queueTail = previous.then(() => turn);
  await previous;
  return release;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(): number | undefined {
  try {
    const pid = Number(readFileSync(LOCK_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lock is stale when its owner is dead. A lock without a readable pid is
 * being written right now, unless it is old (its writer died mid-write).
 */
function lockIsStale(): boolean {
  const owner = readOwner();
  if (owner !== undefined) return !processAlive(owner);
  try {
    return Date.now() - statSync(LOCK_FILE).mtimeMs > 5000;
  } catch {
    return false; // gone already: the next attempt will create it
  }
}

/** Creates the lock file if nobody holds it; clears it when its owner is dead. */
function tryCreateLock(): boolean {
  try {
    writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (!lockIsStale()) return false;
  // Stale: move it aside under a
  // unique name first, so two processes cleaning up at once cannot both win.
  const aside = `${LOCK_FILE}.stale.${process.pid}`;
  try {
    renameSync(LOCK_FILE, aside);
    unlinkSync(aside);
  } catch {
    // someone else cleaned it up
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to `timeoutMs`) until this caller may run a broker, and returns
 * the function that gives the slot back.
 */
export async function acquireBrokerSlot(timeoutMs: number): Promise<ReleaseSlot> {
  const releaseLocal = await takeLocalTurn();
  const deadline = Date.now() + timeoutMs;
  try {
    while (!tryCreateLock()) {
      if (Date.now() > deadline) {
        throw new Error(`another test process (pid ${readOwner() ?? '?'}) has held ${LOCK_FILE} for over ${timeoutMs} ms`);
      }
      await sleep(200);
    }
  } catch (err) {
    releaseLocal();
    throw err;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (readOwner() === process.pid) {
      try {
        unlinkSync(LOCK_FILE);
      } catch {
        // already gone
      }
    }
    releaseLocal();
  };
}
