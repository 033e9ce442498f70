/**
 * `.mq-harden.json`: the editor's settings for the command line, so a CI job
 * and the editor judge a repository the same way:
 *
 *   { "rules": { "RMQ103": "off", "OSLO103": "error" },
 *     "osloRelease": "2024.1",
 *     "checkFilePermissions": false }
 *
 * The CLI reads it from the current directory (or `--config FILE`); flags win.
 */
import { readFileSync } from 'node:fs';
import type { RuleSetting } from '../engine/analysis/analyze.js';
import { resolveOsloRelease } from '../engine/catalog/oslo.js';
import { UsageError } from './args.js';

export const PROJECT_CONFIG_FILE = '.mq-harden.json';

export interface ProjectConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly osloRelease?: string;
  readonly checkFilePermissions?: boolean;
}

const SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads and checks a project file; a missing default file is an empty config, a broken one a usage error. */
export function readProjectConfig(path: string | undefined): ProjectConfig {
  const file = path ?? PROJECT_CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (path === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return { rules: {} };
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${file} must hold a JSON object`);
  const o = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object') throw new UsageError(`${file}: "rules" must be an object of CODE: severity`);
    for (const [code, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof v !== 'string' || !SETTINGS.has(v)) throw new UsageError(`${file}: rule ${code} must be error, warning, information, hint or off`);
      rules[code.toUpperCase()] = v as RuleSetting;
    }
  }
  if (o.osloRelease !== undefined && (typeof o.osloRelease !== 'string' || !resolveOsloRelease(o.osloRelease))) {
    throw new UsageError(`${file}: unknown osloRelease ${JSON.stringify(o.osloRelease)}`);
  }
  if (o.checkFilePermissions !== undefined && typeof o.checkFilePermissions !== 'boolean') {
    throw new UsageError(`${file}: "checkFilePermissions" must be true or false`);
  }
  return {
    rules,
    ...(typeof o.osloRelease === 'string' ? { osloRelease: o.osloRelease } : {}),
    ...(typeof o.checkFilePermissions === 'boolean' ? { checkFilePermissions: o.checkFilePermissions } : {}),
  };
}
