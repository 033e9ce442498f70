/**
 * The rows of the benchmark table and of bench/results.json.
 */
import type { Summary } from './stats.js';

export type Unit = 'ms' | 'ratio' | 'MB' | 'KiB';

/** A target from issue 6, e.g. "full analysis ≤ 0.5× file:consult". */
export interface Target {
  /** The figure must not exceed this (in the figure's unit). */
  readonly atMost: number;
  /** As the table shows it, e.g. `≤ 0.5×`. */
  readonly text: string;
}

/** One measured figure (or one that could not be measured, with the reason). */
export interface Figure {
  /** Stable identifier, e.g. `erlang.analysis_vs_consult`. */
  readonly id: string;
  /** Which group of the table it belongs to. */
  readonly group: string;
  readonly label: string;
  readonly unit: Unit;
  /** Null when it could not be measured on this machine (see `note`). */
  readonly value: Summary | null;
  readonly target?: Target;
  /** True/false when there is a target and a value; undefined otherwise. */
  readonly met?: boolean;
  readonly note?: string;
}

/**
 * A figure; `met` is decided from the median and the target, unless the
 * caller knows better (a measurement that could not finish has missed it).
 */
export function figure(
  group: string,
  id: string,
  label: string,
  unit: Unit,
  value: Summary | null,
  extra: { target?: Target; note?: string; met?: boolean } = {},
): Figure {
  const met = extra.met ?? (extra.target && value ? value.median <= extra.target.atMost : undefined);
  return { id: `${group}.${id}`, group, label, unit, value, ...extra, ...(met === undefined ? {} : { met }) };
}

/** A figure that could not be measured, and why. */
export function missing(group: string, id: string, label: string, unit: Unit, note: string, target?: Target): Figure {
  return figure(group, id, label, unit, null, { note, ...(target ? { target } : {}) });
}
