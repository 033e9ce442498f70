/**
 * Markdown documentation of catalog entries, shared by hover and completion:
 * the catalog's own text, the type, the default, and what became of the name
 * (deprecated, renamed, removed, with the release).
 */
import { confSettingsForTarget, findClassicSetting, type ConfKeyMatch, type ConfSetting } from '../../catalog/rabbitmq.js';
import { lookupOsloOption, newestOsloVersion, resolveOsloRelease, type OsloJson, type OsloLookup, type OsloOption } from '../../catalog/oslo.js';
import { describeDatatypes } from './datatypes.js';
import { code, escapeMarkdown, paragraphs } from './markdown.js';

function facts(...items: (string | undefined)[]): string | undefined {
  const present = items.filter((i): i is string => i !== undefined);
  return present.length > 0 ? present.join(' · ') : undefined;
}

function catalogText(doc: string | undefined): string | undefined {
  return doc ? escapeMarkdown(doc.trim()) : undefined;
}

// --- rabbitmq.conf -------------------------------------------------------------

/** Documentation of a rabbitmq.conf setting, as matched for a key. */
export function confSettingMarkdown(setting: ConfSetting, match?: Pick<ConfKeyMatch, 'via' | 'aliasOf'>): string {
  const deprecated =
    match?.via === 'alias'
      ? `**Deprecated:** a deprecated alias of ${code(setting.key)}; cuttlefish renames it with a warning.`
      : match?.aliasOf
        ? `**Deprecated:** newer RabbitMQ versions read it as an alias of ${code(match.aliasOf.key)}.`
        : undefined;
  return paragraphs(
    `**${escapeMarkdown(setting.key)}** · rabbitmq.conf (${escapeMarkdown(setting.schema)})`,
    deprecated,
    catalogText(setting.doc),
    facts(
      describeDatatypes(setting.datatype) && `Type: ${escapeMarkdown(describeDatatypes(setting.datatype)!)}`,
      setting.default !== undefined ? `Default: ${code(setting.default)}` : undefined,
    ),
    `Classic setting: ${code(setting.target)}`,
  );
}

// --- classic Erlang terms ----------------------------------------------------------

/** Documentation of a classic `{App, [{Key, …}]}` key (dotted for nested proplists), when the catalog knows it. */
export function classicSettingMarkdown(app: string, key: string): string | undefined {
  const setting = findClassicSetting(app, key);
  if (!setting) return undefined;
  // Classic entries often have no text of their own: the rabbitmq.conf keys that feed them do.
  const feeders = confSettingsForTarget(`${app}.${key}`);
  const doc = setting.doc ?? feeders.find((s) => s.doc)?.doc;
  return paragraphs(
    `**${escapeMarkdown(key)}** · {${escapeMarkdown(app)}, [...]}`,
    catalogText(doc),
    facts(
      describeDatatypes(setting.datatype) && `Type: ${escapeMarkdown(describeDatatypes(setting.datatype)!)}`,
      setting.default !== undefined ? `Default: ${code(setting.default)}` : undefined,
    ),
    setting.confKeys.length > 0 ? `rabbitmq.conf: ${setting.confKeys.map(code).join(', ')}` : undefined,
    setting.children && setting.children.length > 0 ? `Keys: ${setting.children.map(code).join(', ')}` : undefined,
  );
}

// --- oslo.messaging -----------------------------------------------------------------

/** The release lookups use: the configured one when it resolves, else the newest. */
export function osloReleaseOf(configured: string | undefined): string {
  if (configured && configured.trim() !== '') {
    const resolved = resolveOsloRelease(configured);
    if (resolved) return resolved;
  }
  return newestOsloVersion();
}

/** A lookup that never throws (an unknown release falls back to the newest). */
export function safeOsloLookup(group: string, name: string, release: string): OsloLookup {
  try {
    return lookupOsloOption(group, name, release);
  } catch {
    return lookupOsloOption(group, name);
  }
}

/** An option default as it would be written in the file. */
export function osloDefaultText(value: OsloJson | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '(unset)';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

function osloFacts(option: OsloOption): string | undefined {
  const def = option.default !== undefined ? osloDefaultText(option.default) : option.sampleDefault;
  return facts(
    `Type: ${option.type}`,
    def !== undefined ? `Default: ${def === '' ? '(empty)' : code(def)}` : undefined,
    option.choices ? `Choices: ${option.choices.map(code).join(', ')}` : undefined,
    option.min !== undefined ? `Minimum: ${option.min}` : undefined,
    option.max !== undefined ? `Maximum: ${option.max}` : undefined,
    option.secret ? 'Secret: masked in logs' : undefined,
  );
}

function ref(group: string, name: string): string {
  return code(`[${group}] ${name}`);
}

/** What became of the name: deprecated, renamed or removed, with the releases. */
export function osloStatusText(lookup: OsloLookup, release: string): string | undefined {
  switch (lookup.status) {
    case 'removed': {
      const instead = lookup.replacement ? `; use ${ref(lookup.replacement.group, lookup.replacement.name)} instead` : '';
      const note = lookup.note ? ` (${escapeMarkdown(lookup.note)})` : '';
      return `**Removed** in oslo.messaging ${lookup.changedIn}${note}: services ignore it${instead}.`;
    }
    case 'renamed':
      return `**Renamed:** no longer read since oslo.messaging ${lookup.changedIn}; use ${ref(lookup.replacement!.group, lookup.replacement!.name)}.`;
    case 'unknown':
      return lookup.introducedIn ? `Not read by oslo.messaging ${release}: it first appears in ${lookup.introducedIn}.` : undefined;
    case 'known': {
      const parts: string[] = [];
      if (lookup.deprecatedAlias && lookup.replacement) {
        const stops = lookup.deprecatedAlias.stopsWorkingIn ? ` (no longer read from ${lookup.deprecatedAlias.stopsWorkingIn})` : '';
        parts.push(`**Deprecated** name: use ${ref(lookup.replacement.group, lookup.replacement.name)}${stops}.`);
      }
      const removal = lookup.deprecatedForRemoval;
      if (removal) {
        const since = removal.since ? ` since ${removal.since}` : '';
        const gone = removal.removedIn ? `; removed in ${removal.removedIn}` : '';
        const why = removal.reason ? ` ${escapeMarkdown(removal.reason)}` : '';
        parts.push(`**Deprecated** for removal${since}${gone}.${why}`);
      }
      return parts.length > 0 ? parts.join('\n\n') : undefined;
    }
  }
}

/** Documentation of `[group] name` at `release`; undefined when oslo.messaging never had it. */
export function osloOptionMarkdown(group: string, name: string, release: string): string | undefined {
  const lookup = safeOsloLookup(group, name, release);
  if (!lookup.option && lookup.status !== 'removed') return undefined;
  const option = lookup.option;
  return paragraphs(
    `**[${escapeMarkdown(group)}] ${escapeMarkdown(name)}** · oslo.messaging ${release}`,
    osloStatusText(lookup, release),
    option ? escapeMarkdown(option.help) : undefined,
    option ? osloFacts(option) : undefined,
  );
}

/** True when the lookup says the name should not be used (deprecated, renamed or removed). */
export function isOsloDeprecated(lookup: OsloLookup): boolean {
  return lookup.status === 'removed' || lookup.status === 'renamed' || lookup.deprecatedAlias !== undefined || lookup.deprecatedForRemoval !== undefined;
}
