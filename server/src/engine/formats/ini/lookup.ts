/**
 * Reading settings back the way a service does: oslo.config merges repeated
 * sections, matches group names case-insensitively except for `DEFAULT`, and
 * matches option names exactly.
 */
import type { IniDocument, IniEntry, IniSection } from './ast.js';

/**
 * oslo.config's group-name normalisation: `DEFAULT` stays as it is, every
 * other name is lower-cased. `default` or `Default` therefore do NOT name the
 * DEFAULT group; their settings are never read.
 */
export function normalizeGroupName(name: string): string {
  return name === 'DEFAULT' ? name : name.toLowerCase();
}

/** Every section that feeds `group` (normalised as oslo.config does), in document order. */
export function getSections(doc: IniDocument, group: string): IniSection[] {
  const wanted = normalizeGroupName(group);
  return doc.sections.filter((section) => section.group === wanted);
}

/**
 * Every assignment of `key` in `group`, in document order, across repeated
 * sections: the list oslo.config keeps for the option. Single-valued options
 * use the last one (see {@link getEffectiveEntry}); multi-valued options
 * (MultiStrOpt) use them all.
 */
export function getValues(doc: IniDocument, group: string, key: string): IniEntry[] {
  const found: IniEntry[] = [];
  for (const section of getSections(doc, group)) {
    for (const entry of section.entries) {
      if (entry.key === key) found.push(entry);
    }
  }
  return found;
}

/** The assignment a single-valued option takes its value from in this file: the last one. */
export function getEffectiveEntry(doc: IniDocument, group: string, key: string): IniEntry | undefined {
  const all = getValues(doc, group, key);
  return all[all.length - 1];
}
