import type { Finding, FixProposal } from '../../core/findings.js';
import type { ListenerSet } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { RabbitFixer } from './fixer.js';
import { certainlyListening, describeListener, listenerSet, missingSpan, RABBIT_LANGUAGES } from './common.js';

/** `{tcp_listeners, []}` / `listeners.tcp = none`, replacing what is there. */
export function disablePlainListenersFix(ctx: RuleContext, set: ListenerSet, classicKey: string, confKey: string, app: string): FixProposal | undefined {
  const fixer = new RabbitFixer(ctx);
  let edits;
  if (fixer.isConf) edits = fixer.setConfGroup(confKey, [[confKey, 'none']]);
  else if (set.source) edits = ctx.here(set.source.valueOrigin) ? [{ span: ctx.here(set.source.valueOrigin)!, newText: '[]' }] : undefined;
  else edits = fixer.addToApp(app, [`{${classicKey}, []}`]);
  if (!edits) return undefined;
  const title = fixer.isConf ? `Set ${confKey} = none` : `Set {${classicKey}, []}`;
  return { title, edits, safe: true, preferred: true };
}

export const plaintextAmqpListener: Rule = {
  code: 'RMQ101',
  name: 'plaintext-amqp-listener',
  defaultSeverity: 'warning',
  summary: 'A plain (non-TLS) AMQP listener is open.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const set of listenerSet(m, 'amqp', false)) {
      if (!certainlyListening(set)) continue;
      const span = set.source ? ctx.here(set.source.keyOrigin) : missingSpan(ctx, set.anchor);
      if (!span) continue;
      const where = set.listeners.filter((l) => !l.conditional).map(describeListener).join(', ');
      const message =
        set.state === 'default'
          ? `AMQP accepts plain TCP on ${where} (RabbitMQ's default when ${ctx.doc.language === 'rabbitmq-conf' ? 'listeners.tcp' : 'tcp_listeners'} is not set)`
          : `AMQP listener ${where} accepts plain TCP`;
      const fix = disablePlainListenersFix(ctx, set, 'tcp_listeners', 'listeners.tcp', 'rabbit');
      yield { span, message, fixes: fix ? [fix] : [] };
    }
  },
};
