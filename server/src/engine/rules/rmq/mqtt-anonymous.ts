import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES } from './common.js';
import { RabbitFixer } from './fixer.js';

export const mqttAnonymous: Rule = {
  code: 'RMQ303',
  name: 'mqtt-anonymous',
  defaultSeverity: 'warning',
  summary: 'MQTT allows anonymous clients, or STOMP/MQTT default users are guest.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    const anon = m.mqttAllowAnonymous;
    if (anon.state === 'set' && anon.value.known && anon.value.value === true) {
      const span = ctx.here(anon.valueOrigin);
      const edits = new RabbitFixer(ctx).replaceValue(anon, { bool: false });
      const written = ctx.doc.language === 'rabbitmq-conf' ? 'mqtt.allow_anonymous = true' : '{allow_anonymous, true}';
      if (span) yield { span, message: `MQTT clients may connect without credentials (${written})`, fixes: edits ? [{ title: 'Set allow_anonymous to false', edits, safe: true, preferred: true }] : [] };
    }
    for (const [plugin, setting] of [['STOMP', m.stompDefaultUser], ['MQTT', m.mqttDefaultUser]] as const) {
      if (setting.state !== 'set' || !setting.value.known || setting.value.value !== 'guest') continue;
      const span = ctx.here(setting.valueOrigin);
      if (span) yield { span, message: `${plugin} connections without credentials log in as guest (default_user)` };
    }
  },
};
