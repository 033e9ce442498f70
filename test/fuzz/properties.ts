/**
 * The properties every fuzz target must hold, for one input at a time, so
 * that the bounded test run, the long campaign (`npm run fuzz`) and the
 * replay of saved failures all check exactly the same thing.
 */
import assert from 'node:assert/strict';
import type { FuzzTarget } from './targets.js';
import { measureWork } from './work-meter.js';

/**
 * Work allowed per input character (see work-meter.ts for what one unit
 * is). Real files take 1 to 6; 4,000 random inputs per target took at most
 * 14 (Erlang, on inputs made of nothing but operators, where every
 * character is a token). Superlinear growth is what `checkLinearWork` is
 * for; this bound catches a single input that makes a parser run away.
 */
export const WORK_PER_CHAR = 40;
export const WORK_BASE = 1_000;

/** Parses `text`: no exception, every promise of the tree kept, work within a size-scaled budget. */
export function checkCase(target: FuzzTarget, text: string): void {
  const { result, work } = measureWork(() => target.run(text));
  target.check(text, result);
  const budget = WORK_PER_CHAR * text.length + WORK_BASE;
  assert.ok(work <= budget, `${target.name} did ${work} units of work on ${text.length} characters (budget ${budget})`);
}

/** Repeating the unit this many characters' worth, then twice as much. */
export const LINEAR_BASE_CHARS = 2_000;
/** Doubling the input may at most multiply the work by this (linear: 2, quadratic: 4). */
export const MAX_GROWTH = 2.5;

/** The work for `prefix + unit × n + suffix`. */
function workFor(target: FuzzTarget, prefix: string, unit: string, suffix: string, n: number): number {
  const text = prefix + unit.repeat(n) + suffix;
  return measureWork(() => target.run(text)).work;
}

/**
 * Work grows linearly with the input: doubling the repetitions of `unit`
 * at most ~doubles the work. A quadratic scan quadruples it.
 */
export function checkLinearWork(target: FuzzTarget, prefix: string, unit: string, suffix: string): void {
  const n = Math.max(1, Math.ceil(LINEAR_BASE_CHARS / unit.length));
  const once = workFor(target, prefix, unit, suffix, n);
  const twice = workFor(target, prefix, unit, suffix, 2 * n);
  // The constant is for the prefix and suffix, whose cost does not double.
  const allowed = MAX_GROWTH * once + 500;
  assert.ok(
    twice <= allowed,
    `${target.name}: ${JSON.stringify(unit)} × ${n} took ${once} units, × ${2 * n} took ${twice} (more than ${MAX_GROWTH}×)`,
  );
}
