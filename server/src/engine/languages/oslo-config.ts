import type { InvalidValueVerdict, SettingOccurrence, UnknownKeyVerdict } from '../analysis/document.js';
import {
  isMessagingGroup,
  lookupOsloOption,
  newestOsloVersion,
  osloNamesElsewhere,
  resolveOsloRelease,
  suggestOsloOptions,
  validateOsloValue,
  type OsloLookup,
} from '../catalog/oslo.js';
import { pyRepr } from '../catalog/oslo-python.js';
import { abbreviate, abbreviateWithin, MAX_QUOTED } from '../core/abbreviate.js';
import { parseOsloIni, type IniDocument, type IniEntry } from '../formats/ini/index.js';
import { interpolate } from '../model/oslo/interpolation.js';
import { checkQueryOptions } from '../model/oslo/query-options.js';
import { parseTransportUrl } from '../model/oslo/transport-url.js';
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
  const suggestions = suggestOsloOptions(group, entry.key, release);
  const elsewhere = nameElsewhere(group, entry.key, release);
  if (elsewhere) {
    return {
      message: `Unknown option '${abbreviate(entry.key)}' in [${group}]: oslo.messaging never read it in this group; ${elsewhere.why}`,
      suggestions: [...new Set([...elsewhere.offer, ...suggestions])],
    };
  }
  return { message: `Unknown option '${abbreviate(entry.key)}' in [${group}]: oslo.messaging does not define it${later}`, suggestions };
}

/**
 * An old name written in the group of its option rather than where it was
 * read (`[oslo_messaging_rabbit] rabbit_durable_queues`, a [DEFAULT] name):
 * what it was, and the option to offer when the release reads it.
 */
function nameElsewhere(group: string, name: string, release: string | undefined): { why: string; offer: string[] } | undefined {
  const [first] = osloNamesElsewhere(group, name);
  if (!first) return undefined;
  const { option, alias } = first;
  const read = alias.until ? `read there until oslo.messaging ${alias.until}` : 'still read there';
  const current = lookupOsloOption(option.group, option.name, release).status === 'known';
  return { why: `it is the [${alias.group}] spelling of ${option.name} (${read})`, offer: current ? [option.name] : [] };
}

function invalidVerdict(entry: IniEntry, lookup: OsloLookup, release: string): InvalidValueVerdict | undefined {
  if (lookup.status !== 'known' || !lookup.option) return undefined;
  if (lookup.option.name === 'transport_url') return transportUrlVerdict(entry, release);
  // `$name` is substituted when the option is read; the text alone is not the value.
  if (entry.value.includes('$')) return undefined;
  const error = validateOsloValue(lookup.option, entry.value);
  if (!error) return undefined;
  return { message: `Invalid value for ${entry.key}: ${quotingShortened(error, entry.value)}` };
}

/** How many characters of the accepted names a message lists. */
const ACCEPTED_SHOWN = 100;

/**
 * A transport URL whose query the driver refuses at service start. The URL
 * itself is never quoted: it may hold a password.
 */
function transportUrlVerdict(entry: IniEntry, release: string): InvalidValueVerdict | undefined {
  const text = interpolate(entry.value);
  if (!text.resolved) return undefined;
  const parsed = parseTransportUrl(text.text);
  if (!parsed.ok) return undefined; // OSLO203 and the transport model speak about broken URLs
  const problem = checkQueryOptions(parsed.url, release);
  if (!problem) return undefined;
  const option = `query option '${abbreviate(problem.name)}'`;
  const refused = `Invalid value for ${entry.key}: the ${problem.driver} driver refuses its ${option} when the service starts`;
  if (problem.kind === 'invalid-value') {
    return { message: `${refused}: ${quotingShortened(problem.message, parsed.url.query.get(problem.name) ?? '')}` };
  }
  const current = lookupOsloOption(problem.group, problem.name, release);
  const oldName = current.status !== 'unknown' && current.replacement?.group === problem.group ? current.replacement.name : undefined;
  const hint = oldName ? ` (an old name, which the query does not take: use '${oldName}')` : suggestion(problem.group, problem.name, release);
  const accepted = abbreviate(problem.accepted.join(', '), ACCEPTED_SHOWN);
  return {
    message: `${refused}: [${problem.group}] has no such option${hint}; the query takes its ${problem.accepted.length} options: ${accepted}`,
  };
}

function suggestion(group: string, name: string, release: string): string {
  const [best] = suggestOsloOptions(group, name, release);
  return best ? ` (did you mean '${best}'?)` : '';
}

/** oslo.config's message with the value it quotes (as Python's repr: escaped, between quotes) shortened. */
function quotingShortened(error: string, value: string): string {
  const shortened = abbreviateWithin(error, value);
  if (shortened !== error || value.length <= MAX_QUOTED) return shortened;
  return abbreviateWithin(error, pyRepr(value).slice(1, -1));
}

function occurrence(group: string, entry: IniEntry, input: FormatInput): SettingOccurrence {
  const resolved = input.osloRelease ? resolveOsloRelease(input.osloRelease) : undefined;
  const release = resolved ? input.osloRelease : undefined;
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
    invalid: invalidVerdict(entry, lookup, resolved ?? newestOsloVersion()),
  };
}

/** OpenStack service files, read as oslo.config reads them; only oslo.messaging options are judged. */
export function analyzeOsloConfig(input: FormatInput): FormatAnalysis<IniDocument> {
  const { tree, errors } = parseOsloIni(input.text, { isTemplate: input.isTemplate });
  const settings = tree.sections.flatMap((section) => (section.valid ? section.entries.map((e) => occurrence(section.group, e, input)) : []));
  return { tree, syntaxErrors: errors, settings };
}
