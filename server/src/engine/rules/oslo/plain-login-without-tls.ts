import type { Finding } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import { RABBIT_GROUP, type OsloMessagingModel, type RabbitTls } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { onePerSpan, rabbitTransports } from './rabbit-tls.js';
import { firstLine, messagingModel, missingSpan, roleScope, valueOrKey } from './support.js';

/** Login methods that send the password itself (AMQPLAIN is oslo.messaging's default). */
const PASSWORD_METHODS = new Set(['PLAIN', 'AMQPLAIN']);

/** Where the password of a transport is given away: the login method, else the credentials. */
function spanOf(ctx: RuleContext, model: OsloMessagingModel, tls: RabbitTls): Span {
  if (tls.loginMethod.state === 'set') return valueOrKey(tls.loginMethod.entry);
  const t = tls.transport;
  if (t.urlEntry) return valueOrKey(t.urlEntry.entry);
  const password = t.legacyEntries.find((p) => p.entry.key === 'rabbit_password');
  if (password) return valueOrKey(password.entry);
  if (t.origin === 'legacy') return missingSpan(ctx.doc, model.settings, RABBIT_GROUP);
  return firstLine(ctx.doc);
}

export const plainLoginWithoutTls: Rule = {
  code: 'OSLO204',
  name: 'plain-login-without-tls',
  defaultSeverity: 'warning',
  summary: 'The RabbitMQ password crosses the network in clear text (PLAIN/AMQPLAIN login without TLS).',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const exposed = rabbitTransports(model).filter(
      (tls) =>
        tls.ssl.state !== 'unknown' &&
        !tls.ssl.value &&
        tls.loginMethod.state !== 'unknown' &&
        PASSWORD_METHODS.has(tls.loginMethod.value),
    );
    for (const { span, items } of onePerSpan(exposed, (tls) => spanOf(ctx, model, tls))) {
      const method = items[0].loginMethod;
      const how = method.state === 'set' ? `rabbit_login_method = ${method.value}` : `rabbit_login_method ${method.state === 'default' ? method.value : ''} (the default)`;
      yield {
        span,
        message: `The RabbitMQ password${roleScope(model, items.map((t) => t.transport.role))} is sent in clear text: ${how} on a connection without TLS`,
      };
    }
  },
};
