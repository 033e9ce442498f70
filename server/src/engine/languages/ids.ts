/** The languages mq-harden understands; also the VS Code language ids. */
export const LANGUAGE_IDS = ['rabbitmq-config', 'rabbitmq-conf', 'oslo-config', 'qpidd-conf'] as const;

/**
 * - `rabbitmq-config`: classic `rabbitmq.config` / `advanced.config` (Erlang terms, read by `file:consult`)
 * - `rabbitmq-conf`: `rabbitmq.conf` and `conf.d/*.conf` (cuttlefish)
 * - `oslo-config`: OpenStack service files read by oslo.config (`nova.conf`, …)
 * - `qpidd-conf`: the Qpid C++ broker's `qpidd.conf`
 */
export type LanguageId = (typeof LANGUAGE_IDS)[number];

export function isLanguageId(s: string): s is LanguageId {
  return (LANGUAGE_IDS as readonly string[]).includes(s);
}
