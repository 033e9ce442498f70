/**
 * Schema-driven checks of a rabbitmq.conf value, as cuttlefish runs them at
 * boot: the value must convert to one of the setting's datatypes (tried in
 * order, first success wins), then the schema's validators must accept the
 * converted value.
 *
 * Messages read like the lines RabbitMQ logs under "Error preparing
 * configuration in phase transform_datatypes / validation".
 */
import type { ConfSetting } from '../../catalog/rabbitmq-types.js';
import { confCatalog } from '../../catalog/rabbitmq.js';
import { convert, type TypedValue } from './datatypes.js';
import { runValidator } from './validators.js';

/**
 * Why cuttlefish would reject `valueText` for `setting`, or undefined when it
 * accepts it or when we cannot tell:
 * - a value with a `$(…)` substitution is only known at boot;
 * - file-system validators are not applied (see validators.ts);
 * - like cuttlefish, validators run only for keys without `$` segments
 *   (cuttlefish looks the value up under the pattern itself and finds none).
 */
export function validateConfValue(setting: ConfSetting, valueText: string): string | undefined {
  if (hasSubstitution(valueText)) return undefined;
  const typed = convertToAny(setting, valueText);
  if ('errors' in typed) return typed.errors.join('; ');
  if (setting.key.includes('$')) return undefined;
  for (const name of setting.validators ?? []) {
    if (runValidator(name, typed.value) === false) return `${setting.key} invalid, ${validatorDescription(name)}`;
  }
  return undefined;
}

/**
 * A valid value that a refused one clearly meant, for a quick fix: the
 * accepted name differing only in case (`True` → `true`, `VERIFY_PEER` →
 * `verify_peer`) or the value without the blanks cuttlefish kept at the end
 * of the file. Undefined when the value is fine or nothing obvious fits.
 */
export function suggestConfValue(setting: ConfSetting, valueText: string): string | undefined {
  if (validateConfValue(setting, valueText) === undefined) return undefined;
  const candidates = [valueText.trim(), ...acceptedNames(setting).filter((n) => n.toLowerCase() === valueText.trim().toLowerCase())];
  return candidates.find((c) => c !== valueText && validateConfValue(setting, c) === undefined);
}

/** The names an enum-like datatype of the setting accepts. */
function acceptedNames(setting: ConfSetting): string[] {
  return setting.datatype.flatMap((d) => {
    if (d.t === 'enum') return [...d.values];
    if (d.t === 'boolean') return ['true', 'false'];
    if (d.t === 'flag') return 'on' in d ? [d.on, d.off] : ['on', 'off'];
    if (d.t === 'exact') return [d.value];
    return [];
  });
}

/** The first datatype that accepts the value, or every datatype's error in order. */
function convertToAny(setting: ConfSetting, valueText: string): { value: TypedValue } | { errors: string[] } {
  const errors: string[] = [];
  for (const datatype of setting.datatype) {
    const result = convert(valueText, datatype);
    if (result.ok) return { value: result.value };
    errors.push(result.error);
  }
  return { errors };
}

/** cuttlefish replaces `$(other.key)` (or an environment variable, or `$(<file)`) before typing. */
function hasSubstitution(value: string): boolean {
  const open = value.indexOf('$(');
  return open >= 0 && value.indexOf(')', open + 2) >= 0;
}

function validatorDescription(name: string): string {
  return confCatalog().validators[name] ?? `validator ${name} failed`;
}
