/**
 * Reading oslo.messaging options out of one service file the way a service
 * of a given release reads them: through the option's current name first,
 * then the old names that release still honours, the last assignment of the
 * first name found winning; `$` interpolation applied; template expressions
 * and `{% if %}` bodies making a value unknown.
 */
import { lookupOsloOption, osloCatalog, parseOsloValue, type OsloLookup, type OsloOptionData, type OsloOptionRef } from '../../catalog/oslo.js';
import type { Span } from '../../core/text.js';
import { getSections, type IniDocument, type IniEntry, type IniSection } from '../../formats/ini/index.js';
import type { TemplateFacts } from '../../languages/support.js';
import { interpolate } from './interpolation.js';

function refKey(group: string, name: string): string {
  return `${group}\u0000${name}`;
}

/** Every catalog option under its own name and under each old name. */
const CANONICAL = (() => {
  const map = new Map<string, OsloOptionData[]>();
  const add = (group: string, name: string, option: OsloOptionData) => {
    const k = refKey(group, name);
    const list = map.get(k);
    if (list) list.push(option);
    else map.set(k, [option]);
  };
  for (const option of osloCatalog().options) {
    add(option.group, option.name, option);
    for (const alias of option.aliases ?? []) add(alias.group, alias.name, option);
  }
  return map;
})();

/** The catalog option `[group] name` is (or was) a name of; own names first. */
export function canonicalOption(group: string, name: string): OsloOptionData | undefined {
  const list = CANONICAL.get(refKey(group, name));
  if (!list) return undefined;
  return list.find((o) => o.group === group && o.name === name) ?? list[0];
}

/** An entry of the file together with the section it sits in. */
export interface PlacedEntry {
  readonly entry: IniEntry;
  readonly section: IniSection;
}

/** Why a setting's value cannot be known from the text. */
export type UnknownReason = 'template' | 'conditional' | 'reference' | 'invalid';

/** An option's value in this file, for one release. */
export type OptionValue<T> =
  /** Set in the file; `entry` is the assignment that wins. */
  | { readonly state: 'set'; readonly value: T; readonly entry: IniEntry; readonly section: IniSection }
  /** Not set (or only under names the release ignores): the release's default. */
  | { readonly state: 'default'; readonly value: T }
  /** Set, but its value depends on a template, a condition or another option. */
  | { readonly state: 'unknown'; readonly why: UnknownReason; readonly entry: IniEntry; readonly section: IniSection };

/**
 * One service file as oslo.config reads it, at one oslo.messaging release.
 * Lookups are cached: a file is read by many rules.
 */
export class OsloSettings {
  private readonly lookups = new Map<string, OsloLookup>();

  constructor(
    readonly doc: IniDocument,
    readonly facts: TemplateFacts,
    /** A resolved release version (see catalog resolveOsloRelease). */
    readonly release: string,
  ) {}

  /** What oslo.messaging at this release makes of `[group] name`. */
  lookup(group: string, name: string): OsloLookup {
    const k = refKey(group, name);
    let found = this.lookups.get(k);
    if (!found) {
      found = lookupOsloOption(group, name, this.release);
      this.lookups.set(k, found);
    }
    return found;
  }

  /** Every assignment in valid sections, in document order. */
  *entries(): Iterable<PlacedEntry> {
    for (const section of this.doc.sections) {
      if (!section.valid) continue;
      for (const entry of section.entries) yield { entry, section };
    }
  }

  /** Sections oslo reads as `group`, in document order. */
  sections(group: string): IniSection[] {
    return getSections(this.doc, group).filter((s) => s.valid);
  }

  /** Assignments of `[group] name` exactly (group normalised as oslo does), in document order. */
  assignments(group: string, name: string): PlacedEntry[] {
    const out: PlacedEntry[] = [];
    for (const section of this.sections(group)) {
      for (const entry of section.entries) if (entry.key === name) out.push({ entry, section });
    }
    return out;
  }

  /**
   * The names this release reads for the option, in oslo's order: the
   * option's own name, then its old names still honoured.
   */
  namesRead(option: OsloOptionRef): OsloOptionRef[] {
    const data = canonicalOption(option.group, option.name);
    const names: OsloOptionRef[] = [{ group: option.group, name: option.name }, ...(data?.aliases ?? [])];
    return names.filter((n) => this.lookup(n.group, n.name).status === 'known');
  }

  /** The old names of the option written in the file that this release no longer reads. */
  ignoredNames(option: OsloOptionRef): PlacedEntry[] {
    const data = canonicalOption(option.group, option.name);
    const out: PlacedEntry[] = [];
    for (const alias of [{ group: option.group, name: option.name }, ...(data?.aliases ?? [])]) {
      if (this.lookup(alias.group, alias.name).status === 'known') continue;
      for (const a of this.assignments(alias.group, alias.name)) out.push(a);
    }
    return out;
  }

  /** The assignment that decides the option's value at this release, if any. */
  winner(option: OsloOptionRef): PlacedEntry | undefined {
    for (const name of this.namesRead(option)) {
      const found = this.assignments(name.group, name.name);
      if (found.length > 0) return found[found.length - 1];
    }
    return undefined;
  }

  /** Whether a span holds a template expression or lies in a template's if/for body. */
  unknownBecause(span: Span): UnknownReason | undefined {
    if (this.facts.touchesTemplate(span)) return 'template';
    if (this.facts.isConditional(span)) return 'conditional';
    return undefined;
  }

  /**
   * The value a service reads for `option` (its own group and name), converted
   * by the option's type. `fallback` is the default when the catalog has none.
   */
  value<T>(option: OsloOptionRef, convert: (text: string) => T | undefined, fallback: T): OptionValue<T> {
    const won = this.winner(option);
    if (!won) return { state: 'default', value: this.defaultValue(option, convert) ?? fallback };
    const { entry, section } = won;
    const why = this.unknownBecause(entry.span);
    if (why) return { state: 'unknown', why, entry, section };
    const text = interpolate(entry.value);
    if (!text.resolved) return { state: 'unknown', why: 'reference', entry, section };
    const value = convert(text.text);
    if (value === undefined) return { state: 'unknown', why: 'invalid', entry, section };
    return { state: 'set', value, entry, section };
  }

  /** The option's default at this release (defaults change: hostname verification became true in 18.1.0). */
  defaultValue<T>(option: OsloOptionRef, convert: (text: string) => T | undefined): T | undefined {
    const found = this.lookup(option.group, option.name);
    const d = found.status === 'known' ? found.option?.default : canonicalOption(option.group, option.name)?.default;
    if (d === undefined || d === null) return undefined;
    if (typeof d === 'boolean') return convert(d ? 'true' : 'false');
    if (typeof d === 'number' || typeof d === 'string') return convert(String(d));
    return undefined;
  }

  /** A boolean option (oslo_config.types.Boolean). */
  boolean(group: string, name: string): OptionValue<boolean> {
    return this.value({ group, name }, toBoolean, false);
  }

  /** A string option; `choices` are checked when the catalog has them. */
  string(group: string, name: string): OptionValue<string> {
    const data = canonicalOption(group, name);
    return this.value({ group, name }, (text) => toString(data, text), '');
  }
}

/** types.Boolean's verdict, or undefined for a value it rejects. */
export function toBoolean(text: string): boolean | undefined {
  const parsed = parseOsloValue({ type: 'boolean' }, text);
  return parsed.status === 'valid' && typeof parsed.value === 'boolean' ? parsed.value : undefined;
}

function toString(option: OsloOptionData | undefined, text: string): string | undefined {
  if (!option?.choices) return text;
  return option.choices.includes(text) ? text : undefined;
}
