import type { RuleSetting } from '../engine/analysis/analyze.js';

/** The `mq-harden.*` settings the server reads (see package.json `contributes.configuration`). */
export interface ServerSettings {
  /** Per-rule severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** How long to wait after the last keystroke before analysing. */
  readonly debounceMs: number;
  /** Stat the key/cert/CA files a RabbitMQ configuration names (RMQ111/RMQ112). */
  readonly checkFilePermissions: boolean;
  /** oslo.messaging release of the deployment (`mq-harden.osloRelease`). */
  readonly osloRelease?: string;
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
  const osloRelease = typeof s.osloRelease === 'string' && s.osloRelease.trim() !== '' ? s.osloRelease.trim() : undefined;
  return { rules, debounceMs: 150, checkFilePermissions: s.checkFilePermissions !== false, ...(osloRelease ? { osloRelease } : {}) };
}
