/**
 * A driver option as one transport sees it: the URL query overrides the
 * same-named option of the driver's group (`?ssl=1` beats
 * `[oslo_messaging_rabbit] ssl = false`), for that transport only, since
 * oslo.messaging 5.18.0; otherwise the group's value, or the default.
 */
import { releaseIncludes } from '../../catalog/oslo.js';
import type { IniEntry, IniSection } from '../../formats/ini/index.js';
import { toBoolean, type OsloSettings } from './options.js';
import type { OsloTransport } from './transport.js';

/** The first release whose drivers read options from the URL query. */
export const QUERY_OPTIONS_SINCE = '5.18.0';

export type Effective<T> =
  /** Set in the file (`source: 'file'`, `entry` is the assignment) or in the URL query (`entry` is the transport_url). */
  | { readonly state: 'set'; readonly value: T; readonly source: 'file' | 'url'; readonly entry: IniEntry; readonly section: IniSection }
  /** Not set anywhere: the release's default. */
  | { readonly state: 'default'; readonly value: T }
  /** A template, a condition, a reference or an invalid value hides it. */
  | { readonly state: 'unknown' };

/** Converts an option's text; undefined when the option's type rejects it. */
export type Converter<T> = (text: string) => T | undefined;

/** The option `[group] name` for `transport`, query first. */
export function driverOption<T>(
  settings: OsloSettings,
  transport: OsloTransport,
  group: string,
  name: string,
  convert: Converter<T>,
  fallback: T,
): Effective<T> {
  const queryApplies = releaseIncludes(settings.release, QUERY_OPTIONS_SINCE);
  if (queryApplies && transport.urlEntry) {
    const fromQuery = transport.query.get(name);
    if (fromQuery !== undefined) {
      const value = convert(fromQuery);
      if (value === undefined) return { state: 'unknown' };
      return { state: 'set', value, source: 'url', entry: transport.urlEntry.entry, section: transport.urlEntry.section };
    }
    if (!transport.queryComplete) return { state: 'unknown' };
  }
  const inFile = settings.value({ group, name }, convert, fallback);
  if (inFile.state === 'set') return { state: 'set', value: inFile.value, source: 'file', entry: inFile.entry, section: inFile.section };
  if (inFile.state === 'default') return inFile;
  return { state: 'unknown' };
}

export function booleanOption(settings: OsloSettings, transport: OsloTransport, group: string, name: string): Effective<boolean> {
  return driverOption(settings, transport, group, name, toBoolean, false);
}

export function stringOption(settings: OsloSettings, transport: OsloTransport, group: string, name: string): Effective<string> {
  return driverOption(settings, transport, group, name, (text) => text, '');
}

/** True, false, or undefined when unknown. */
export function truth(value: Effective<boolean>): boolean | undefined {
  return value.state === 'unknown' ? undefined : value.value;
}

/** Whether a string option is set to something non-blank; undefined when unknown. */
export function isNonEmpty(value: Effective<string>): boolean | undefined {
  return value.state === 'unknown' ? undefined : value.value.trim() !== '';
}
