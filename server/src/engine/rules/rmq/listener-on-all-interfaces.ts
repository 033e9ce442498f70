import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { describeListener, onAllInterfaces, RABBIT_LANGUAGES } from './common.js';

const PROTOCOL_NAMES: Record<string, string> = {
  amqp: 'AMQP', stomp: 'STOMP', mqtt: 'MQTT', stream: 'stream', management: 'management', prometheus: 'Prometheus', 'web-stomp': 'Web-STOMP', 'web-mqtt': 'Web-MQTT',
};

export const listenerOnAllInterfaces: Rule = {
  code: 'RMQ103',
  name: 'listener-on-all-interfaces',
  defaultSeverity: 'information',
  summary: 'A listener bound to every interface.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const set of m.listeners) {
      // Default listeners are RMQ101's business; this rule is about what was written.
      if (set.state !== 'configured') continue;
      for (const l of set.listeners) {
        const span = ctx.here(l.origin);
        if (!span || !onAllInterfaces(l)) continue;
        yield {
          span,
          message: `${PROTOCOL_NAMES[set.protocol] ?? set.protocol} ${set.tls ? 'TLS ' : ''}listener binds ${describeListener(l)}; bind it to the management network's address`,
        };
      }
    }
  },
};
