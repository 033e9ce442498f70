import type { RuleSetting } from '../engine/analysis/analyze.js';

/** The `mq-harden.*` settings the server reads (see package.json `contributes.configuration`). */
export interface ServerSettings {
  /** Per-rule severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** How long to wait after the last keystroke before analysing. */
  readonly debounceMs: number;
}

const RULE_SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the settings section defensively: a bad value falls back to the default. */
export function readSettings(section: unknown): ServerSettings {
  const s = (section ?? {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [code, value] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && RULE_SETTINGS.has(value)) rules[code.toUpperCase()] = value as RuleSetting;
    }
  }
  return { rules, debounceMs: 150 };
}
