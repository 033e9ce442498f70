import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import { serviceOfPath } from '../../model/oslo/index.js';
import { accountsOfModel, type AccountHolder, type AccountProvider } from '../../workspace/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { firstLine, messagingModel, valueOrKey } from './support.js';

/**
 * The workspace's account index, when the host provides one (the language
 * server builds it from the workspace folders, the CLI from its paths).
 */
export type AccountAwareContext = RuleContext & { readonly accounts?: AccountProvider };

const SHOWN = 3;

function listHolders(holders: readonly AccountHolder[]): string {
  const shown = holders.slice(0, SHOWN).map((h) => `${h.service} (${h.path})`);
  const more = holders.length > SHOWN ? ` and ${holders.length - SHOWN} more` : '';
  return shown.join(', ') + more;
}

export const sharedBrokerAccount: Rule = {
  code: 'OSLO202',
  name: 'shared-broker-account',
  defaultSeverity: 'warning',
  summary: "Another service's files log in to the broker with the same user.",
  languages: ['oslo-config'],
  *check(ctx: AccountAwareContext): Iterable<Finding> {
    const provider = ctx.accounts;
    if (!provider) return;
    const model = messagingModel(ctx);
    if (!model) return;
    const asking = { path: ctx.doc.source.path, service: serviceOfPath(ctx.doc.source.path) };
    const reported = new Set<string>();
    for (const account of accountsOfModel(model)) {
      if (reported.has(account.user)) continue;
      const holders = provider.holdersOf(account.user, asking);
      if (holders.length === 0) continue;
      reported.add(account.user);
      const transport = model.transports.find((t) => t.role === account.role);
      const span = account.span ?? (transport?.urlEntry ? valueOrKey(transport.urlEntry.entry) : firstLine(ctx.doc));
      yield {
        span,
        message: `The broker user '${abbreviate(account.user)}' of ${asking.service} is also used by ${listHolders(holders)}: give each service its own RabbitMQ account`,
      };
    }
  },
};
