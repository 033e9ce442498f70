import type { SettingOccurrence } from '../analysis/document.js';
import { findConfSetting, isCataloguedNamespace, suggestConfKeys } from '../catalog/rabbitmq.js';
import { parseCuttlefish, suggestConfValue, validateConfValue, type ConfDocument, type ConfEntry } from '../formats/cuttlefish/index.js';
import type { FormatAnalysis, FormatInput } from './format-analysis.js';

function occurrence(entry: ConfEntry, input: FormatInput): SettingOccurrence {
  const templated = entry.keyTemplated || entry.valueTemplated || input.touchesTemplate(entry.keySpan) || input.touchesTemplate(entry.valueSpan);
  const setting = findConfSetting(entry.key);
  const namespace = entry.segments[0]?.text ?? entry.key;
  // Keys of plugins whose schemas we do not ship may be valid: only judge catalogued namespaces.
  const unknown =
    !setting && isCataloguedNamespace(namespace)
      ? { message: `Unknown setting '${entry.key}': RabbitMQ refuses to boot with a key its schemas do not define`, suggestions: suggestConfKeys(entry.key) }
      : undefined;
  const error = setting && !entry.valueTemplated ? validateConfValue(setting, entry.value) : undefined;
  return {
    scope: '',
    key: entry.key,
    keySpan: entry.keySpan,
    valueText: entry.value,
    valueSpan: entry.valueSpan,
    removalSpan: entry.extent,
    templated,
    conditional: input.isConditional(entry.span),
    unknown,
    invalid: error ? { message: error, replacement: setting ? suggestConfValue(setting, entry.value) : undefined } : undefined,
  };
}

/** rabbitmq.conf and conf.d files: cuttlefish syntax, validated against RabbitMQ's schemas. */
export function analyzeRabbitmqConf(input: FormatInput): FormatAnalysis<ConfDocument> {
  const { tree, errors } = parseCuttlefish(input.text, { isTemplate: input.isTemplate });
  return { tree, syntaxErrors: errors, settings: tree.entries.map((e) => occurrence(e, input)) };
}
