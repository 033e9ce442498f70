import type { Finding } from '../../core/findings.js';
import { osloCatalog } from '../../catalog/oslo.js';
import { normalizeGroupName } from '../../formats/ini/index.js';
import { scanDollars, valueOffset, type DollarUse, type OsloMessagingModel, type PlacedEntry } from '../../model/oslo/index.js';
import type { Rule } from '../rule.js';
import { isMessagingSetting, isSecretSetting, osloModel } from './support.js';

/** Options every OpenStack service registers, often referenced as `$name`. */
const COMMON_OPTIONS = new Set(['host', 'my_ip', 'state_path', 'pybasedir', 'bindir', 'lock_path', 'log_dir', 'project', 'prog']);

/** `group\0name` of every catalog option. */
const CATALOG_NAMES = new Set(osloCatalog().options.map((o) => `${o.group}\u0000${o.name}`));

/** `group\0name` of every assignment in the file (groups normalised). */
function namesSet(model: OsloMessagingModel): Set<string> {
  const names = new Set<string>();
  for (const { entry, section } of model.settings.entries()) names.add(`${section.group}\u0000${entry.key}`);
  return names;
}

/** Whether `$name` can name an option of the service: set in the file, an oslo.messaging option, or a common one. */
function resolvable(inFile: Set<string>, group: string, name: string): boolean {
  const dot = name.indexOf('.');
  const [inGroup, option] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [group, name];
  if (COMMON_OPTIONS.has(option)) return true;
  for (const g of new Set([normalizeGroupName(inGroup), 'DEFAULT'])) {
    const k = `${g}\u0000${option}`;
    if (inFile.has(k) || CATALOG_NAMES.has(k)) return true;
  }
  return false;
}

/** The `$` uses oslo.config would not read as the author meant. */
function problems(inFile: Set<string>, placed: PlacedEntry): DollarUse[] {
  return scanDollars(placed.entry.value).filter(
    (u) => u.kind === 'lone' || (u.kind === 'reference' && !resolvable(inFile, placed.section.group, u.name)),
  );
}

export const unescapedDollar: Rule = {
  code: 'OSLO304',
  name: 'unescaped-dollar',
  defaultSeverity: 'warning',
  summary: "A '$' in a value that oslo.config would read as an option reference.",
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = osloModel(ctx);
    if (!model) return;
    let inFile: Set<string> | undefined;
    for (const placed of model.settings.entries()) {
      const { entry, section } = placed;
      if (!entry.value.includes('$') || !isMessagingSetting(model.settings, placed)) continue;
      if (model.settings.facts.touchesTemplate(entry.span)) continue;
      inFile ??= namesSet(model);
      const found = problems(inFile, placed);
      if (found.length === 0) continue;
      const secret = isSecretSetting(model.settings, section.group, entry.key);
      const reference = found.find((u) => u.kind === 'reference');
      const first = found[0];
      const span = { start: valueOffset(entry, first.start), end: valueOffset(entry, first.start + 1) };
      const message = reference
        ? `oslo.config reads '$'${secret ? '' : ` in '${entry.value.slice(reference.start, reference.end)}'`} in ${entry.key} as a reference to another option, and there is none of that name: the service fails when it reads ${entry.key}; write $$ for a literal $`
        : `A lone '$' in ${entry.key} survives only because no option name follows it; write $$ for a literal $`;
      yield {
        span,
        message,
        fixes: [
          {
            title: `Double the '$'${found.length > 1 ? 's' : ''} in ${entry.key}`,
            edits: found.map((u) => ({ span: { start: valueOffset(entry, u.start), end: valueOffset(entry, u.start) }, newText: '$' })),
            // A lone '$' means itself either way, and so does one in a secret; elsewhere '$name' may be a reference we cannot see.
            safe: !reference || secret,
            preferred: true,
          },
        ],
      };
    }
  },
};
