import type { InvalidValueVerdict, SettingOccurrence, UnknownKeyVerdict } from '../analysis/document.js';
import { isMessagingGroup, lookupOsloOption, resolveOsloRelease, suggestOsloOptions, validateOsloValue, type OsloLookup } from '../catalog/oslo.js';
import { pyRepr } from '../catalog/oslo-python.js';
import { abbreviate, abbreviateWithin, MAX_QUOTED } from '../core/abbreviate.js';
import { parseOsloIni, type IniDocument, type IniEntry } from '../formats/ini/index.js';
import type { FormatAnalysis, FormatInput } from './format-analysis.js';

/** oslo.config option types that collect every occurrence instead of keeping the last. */
const MULTI_TYPES = new Set(['multi']);

/**
 * Options that plugins register in oslo.messaging's groups: notification
 * drivers bring their own (ironic-prometheus-exporter reads
 * `[oslo_messaging_notifications] location`).
 */
const PLUGIN_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  oslo_messaging_notifications: ['location'],
};

function unknownVerdict(group: string, entry: IniEntry, lookup: OsloLookup, release: string | undefined): UnknownKeyVerdict | undefined {
  if (lookup.status !== 'unknown' || !isMessagingGroup(group)) return undefined;
  if (PLUGIN_OPTIONS[group]?.includes(entry.key)) return undefined;
  const later = lookup.introducedIn ? ` (it first appears in oslo.messaging ${lookup.introducedIn})` : '';
  return {
    message: `Unknown option '${abbreviate(entry.key)}' in [${group}]: oslo.messaging does not define it${later}`,
    suggestions: suggestOsloOptions(group, entry.key, release),
  };
}

function invalidVerdict(entry: IniEntry, lookup: OsloLookup): InvalidValueVerdict | undefined {
  if (lookup.status !== 'known' || !lookup.option) return undefined;
  // `$name` is substituted when the option is read; the text alone is not the value.
  if (entry.value.includes('$')) return undefined;
  const error = validateOsloValue(lookup.option, entry.value);
  if (!error) return undefined;
  return { message: `Invalid value for ${entry.key}: ${quotingShortened(error, entry.value)}` };
}

/** oslo.config's message with the value it quotes (as Python's repr: escaped, between quotes) shortened. */
function quotingShortened(error: string, value: string): string {
  const shortened = abbreviateWithin(error, value);
  if (shortened !== error || value.length <= MAX_QUOTED) return shortened;
  return abbreviateWithin(error, pyRepr(value).slice(1, -1));
}

function occurrence(group: string, entry: IniEntry, input: FormatInput): SettingOccurrence {
  const release = input.osloRelease && resolveOsloRelease(input.osloRelease) ? input.osloRelease : undefined;
  const lookup = lookupOsloOption(group, entry.key, release);
  const single = lookup.status === 'known' && lookup.option !== undefined && !MULTI_TYPES.has(lookup.option.type);
  return {
    scope: group,
    key: entry.key,
    keySpan: entry.keySpan,
    valueText: entry.value,
    valueSpan: entry.valueSpan,
    removalSpan: entry.linesSpan,
    templated: input.touchesTemplate(entry.span),
    conditional: input.isConditional(entry.span),
    // Only options known to be single-valued can be duplicates: a service's own options may be multi-valued.
    repeatable: !single,
    unknown: unknownVerdict(group, entry, lookup, release),
    invalid: invalidVerdict(entry, lookup),
  };
}

/** OpenStack service files, read as oslo.config reads them; only oslo.messaging options are judged. */
export function analyzeOsloConfig(input: FormatInput): FormatAnalysis<IniDocument> {
  const { tree, errors } = parseOsloIni(input.text, { isTemplate: input.isTemplate });
  const settings = tree.sections.flatMap((section) => (section.valid ? section.entries.map((e) => occurrence(section.group, e, input)) : []));
  return { tree, syntaxErrors: errors, settings };
}
