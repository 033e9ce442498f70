import type { SettingOccurrence } from '../analysis/document.js';
import { abbreviate, abbreviateWithin } from '../core/abbreviate.js';
import { findConfSetting, suggestConfKeys, type ConfSetting } from '../catalog/rabbitmq.js';
import { parseCuttlefish, suggestConfValue, validateConfValue, type ConfDocument, type ConfEntry } from '../formats/cuttlefish/index.js';
import type { FormatAnalysis, FormatInput } from './format-analysis.js';

/**
 * Key prefixes of plugins whose schemas mq-harden does not ship: their keys
 * may be valid, so an unknown key there is not reported. Any other unknown
 * key stops RabbitMQ at boot ("Conf file attempted to set unknown variable").
 */
const UNSHIPPED_PLUGIN_PREFIXES = [
  'auth_ldap.', 'auth_http.', 'auth_oauth2.', 'auth_cache.', 'shovel.', 'federation.', 'web_stomp.', 'web_mqtt.',
  'trust_store.', 'amqp1_0.', 'cluster_formation.k8s.', 'cluster_formation.consul.', 'cluster_formation.etcd.',
  'cluster_formation.aws.', 'event_exchange.', 'tracing.', 'delayed_message.', 'jms_topic_exchange.', 'sharding.',
  'top.', 'consistent_hash_exchange.', 'recent_history_exchange.', 'aws.',
];

function fromUnshippedPlugin(key: string): boolean {
  return UNSHIPPED_PLUGIN_PREFIXES.some((p) => key.startsWith(p));
}

/** cuttlefish's complaint about `value`, which quotes the value (or its trimmed text) in full: a long one is shortened. */
function invalidValueMessage(setting: ConfSetting, value: string): string | undefined {
  const error = validateConfValue(setting, value);
  if (error === undefined) return undefined;
  const trimmed = value.trim();
  const shortened = abbreviateWithin(error, value);
  return trimmed === value ? shortened : abbreviateWithin(shortened, trimmed);
}

function occurrence(entry: ConfEntry, input: FormatInput): SettingOccurrence {
  const templated = entry.keyTemplated || entry.valueTemplated || input.touchesTemplate(entry.keySpan) || input.touchesTemplate(entry.valueSpan);
  const setting = findConfSetting(entry.key);
  const unknown =
    !setting && !fromUnshippedPlugin(entry.key)
      ? { message: `Unknown setting '${abbreviate(entry.key)}': RabbitMQ refuses to boot with a key its schemas do not define`, suggestions: suggestConfKeys(entry.key) }
      : undefined;
  const error = setting && !entry.valueTemplated ? invalidValueMessage(setting, entry.value) : undefined;
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
