/**
 * The TLS and login settings a RabbitMQ transport ends up with
 * (impl_rabbit.py `_fetch_ssl_params`): `[oslo_messaging_rabbit]` options
 * under their current or still-honoured old names, overridden per transport
 * by the URL query, defaults of the release otherwise.
 */
import { booleanOption, driverOption, stringOption, type Effective } from './driver-options.js';
import { canonicalOption, type OsloSettings } from './options.js';
import type { OsloTransport } from './transport.js';

export const RABBIT_GROUP = 'oslo_messaging_rabbit';

/** The security settings of one RabbitMQ transport. */
export interface RabbitTls {
  readonly transport: OsloTransport;
  /** `ssl`: TLS on or off. */
  readonly ssl: Effective<boolean>;
  /** `ssl_ca_file`: empty means "trust the system's CAs". */
  readonly caFile: Effective<string>;
  readonly certFile: Effective<string>;
  readonly keyFile: Effective<string>;
  /** `ssl_version`: empty means the library's best. */
  readonly version: Effective<string>;
  /** `ssl_enforce_hostname_verification` (default false before 18.1.0). */
  readonly hostnameVerification: Effective<boolean>;
  /** `rabbit_login_method`: AMQPLAIN by default. */
  readonly loginMethod: Effective<string>;
}

function choice(name: string): (text: string) => string | undefined {
  const choices = canonicalOption(RABBIT_GROUP, name)?.choices;
  return (text) => (!choices || choices.includes(text) ? text : undefined);
}

/** The RabbitMQ security settings `transport` runs with. */
export function rabbitTls(settings: OsloSettings, transport: OsloTransport): RabbitTls {
  return {
    transport,
    ssl: booleanOption(settings, transport, RABBIT_GROUP, 'ssl'),
    caFile: stringOption(settings, transport, RABBIT_GROUP, 'ssl_ca_file'),
    certFile: stringOption(settings, transport, RABBIT_GROUP, 'ssl_cert_file'),
    keyFile: stringOption(settings, transport, RABBIT_GROUP, 'ssl_key_file'),
    version: stringOption(settings, transport, RABBIT_GROUP, 'ssl_version'),
    hostnameVerification: booleanOption(settings, transport, RABBIT_GROUP, 'ssl_enforce_hostname_verification'),
    loginMethod: driverOption(settings, transport, RABBIT_GROUP, 'rabbit_login_method', choice('rabbit_login_method'), 'AMQPLAIN'),
  };
}
