import type { Finding, SpanEdit } from '../../core/findings.js';
import { removeListElements } from '../../edits/erlang-edits.js';
import type { ConfDocument } from '../../formats/cuttlefish/ast.js';
import type { RuleContext } from '../context.js';
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
    for (const [plugin, setting, app, family] of [
      ['STOMP', m.stompDefaultUser, 'rabbitmq_stomp', 'stomp'],
      ['MQTT', m.mqttDefaultUser, 'rabbitmq_mqtt', 'mqtt'],
    ] as const) {
      if (setting.state !== 'set' || !setting.value.known || setting.value.value !== 'guest') continue;
      const span = ctx.here(setting.valueOrigin);
      if (!span) continue;
      const edits = removeDefaultUser(ctx, app, family);
      yield {
        span,
        message: `${plugin} connections without credentials log in as guest (default_user)`,
        // Clients may rely on logging in implicitly: offered, a person applies it.
        fixes: edits ? [{ title: `Remove the ${plugin} default user and password`, edits, safe: false }] : [],
      };
    }
  },
};

/** Removes `<family>.default_user`/`default_pass` lines, or the `{default_user, …}`/`{default_pass, …}` entries of the plugin's list. */
function removeDefaultUser(ctx: RuleContext, app: string, family: string): SpanEdit[] | undefined {
  const keys = new Set(['default_user', 'default_pass']);
  if (ctx.doc.language === 'rabbitmq-conf') {
    const lines = (ctx.doc.tree as ConfDocument).entries.filter((e) => [...keys].some((k) => e.key === `${family}.${k}` || e.key.startsWith(`${family}.${k}.`)));
    return lines.length > 0 ? lines.map((e) => ({ span: e.extent, newText: '' })) : undefined;
  }
  const list = new RabbitFixer(ctx).appList(app);
  if (!list) return undefined;
  const indices = list.elements.flatMap((el, i) => (el.kind === 'tuple' && el.elements[0]?.kind === 'atom' && keys.has(el.elements[0].name) ? [i] : []));
  if (indices.length === 0 || indices.length === list.elements.length) return undefined;
  return removeListElements(ctx.doc.source.text, list, indices);
}
