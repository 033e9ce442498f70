import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import { RABBIT_GROUP, type BrokerLogin, type OsloMessagingModel, type OsloTransport } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { firstLine, messagingModel, missingSpan, roleScope, valueOrKey } from './support.js';

/** RabbitMQ's built-in account, and the one clients fall back to without a user. */
const GUEST = 'guest';

function isGuest(login: BrokerLogin): boolean {
  return login.user.state === 'default' || (login.user.state === 'given' && login.user.value === GUEST);
}

function hostLabel(login: BrokerLogin): string {
  return login.host ?? 'localhost';
}

/** Where to report a transport's guest logins, and how to say why. */
function located(ctx: RuleContext, model: OsloMessagingModel, transport: OsloTransport, guests: BrokerLogin[]): { span: Span; why: string } {
  const hosts = abbreviate([...new Set(guests.map(hostLabel))].join(', '));
  const given = guests.find((l) => l.user.state === 'given' && l.userSpan);
  if (transport.origin === 'url' && transport.urlEntry) {
    const span = given?.userSpan ?? valueOrKey(transport.urlEntry.entry);
    if (transport.logins?.length === 1 && transport.logins[0].host === null && guests[0].user.state === 'default') {
      return { span, why: 'transport_url names no broker and no user, so oslo.messaging logs in to localhost as guest' };
    }
    const explicit = guests.every((l) => l.user.state === 'given');
    return { span, why: explicit ? `transport_url logs in as guest on ${hosts}` : `transport_url gives no user for ${hosts}, so the client logs in as guest` };
  }
  if (transport.origin === 'legacy') {
    const span = given?.userSpan ?? missingSpan(ctx.doc, model.settings, RABBIT_GROUP);
    return { span, why: given ? `rabbit_userid is guest` : `rabbit_userid is not set and defaults to guest` };
  }
  const section = model.settings.sections('DEFAULT')[0];
  return { span: section ? section.headerSpan : firstLine(ctx.doc), why: 'no transport_url is set, so oslo.messaging logs in to localhost as guest' };
}

export const guestAccount: Rule = {
  code: 'OSLO201',
  name: 'guest-account',
  defaultSeverity: 'error',
  summary: "The service logs in to RabbitMQ with the built-in guest account.",
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const seen = new Set<string>();
    for (const transport of model.transports) {
      if (transport.driver !== 'rabbit' || !transport.logins) continue;
      const guests = transport.logins.filter(isGuest);
      if (guests.length === 0) continue;
      const { span, why } = located(ctx, model, transport, guests);
      const k = `${span.start}:${span.end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      yield {
        span,
        message: `The service logs in to RabbitMQ${roleScope(model, [transport.role])} with the guest account: ${why}; create an account for this service`,
      };
    }
  },
};
