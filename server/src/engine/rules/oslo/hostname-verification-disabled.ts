import type { Finding, FixProposal } from '../../core/findings.js';
import { RABBIT_GROUP, type OsloMessagingModel, type RabbitTls } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { replaceValue, setSetting } from './ini-edits.js';
import { onePerSpan, rabbitTransports } from './rabbit-tls.js';
import { editTarget, messagingModel, missingSpan, roleScope, valueOrKey } from './support.js';

const OPTION = 'ssl_enforce_hostname_verification';

/** Explicitly false anywhere, or false by the release's default on a transport that runs TLS. */
function disabled(tls: RabbitTls): boolean {
  const hv = tls.hostnameVerification;
  if (hv.state === 'unknown' || hv.value) return false;
  if (hv.state === 'set') return true;
  return tls.ssl.state !== 'unknown' && tls.ssl.value;
}

function fixes(ctx: RuleContext, model: OsloMessagingModel, tls: RabbitTls): FixProposal[] {
  const hv = tls.hostnameVerification;
  if (hv.state === 'set' && hv.source === 'url') return [];
  const edit = hv.state === 'set' ? replaceValue(hv.entry, 'true') : setSetting(editTarget(ctx, model), RABBIT_GROUP, OPTION, 'true');
  // Safe: the default from oslo.messaging 18.1.0 on, and what a TLS client is expected to do.
  return [{ title: `Set ${OPTION} = true`, edits: [edit], safe: true, preferred: true }];
}

export const hostnameVerificationDisabled: Rule = {
  code: 'OSLO104',
  name: 'hostname-verification-disabled',
  defaultSeverity: 'warning',
  summary: "TLS to RabbitMQ does not check that the broker's certificate names the host connected to.",
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const off = rabbitTransports(model).filter(disabled);
    const groups = onePerSpan(off, (tls) =>
      tls.hostnameVerification.state === 'set' ? valueOrKey(tls.hostnameVerification.entry) : missingSpan(ctx.doc, model.settings, RABBIT_GROUP),
    );
    for (const { span, items } of groups) {
      const tls = items[0];
      const how = tls.hostnameVerification.state === 'set' ? `${OPTION} = false` : `${OPTION} is not set and defaults to false in oslo.messaging ${model.settings.release}`;
      yield {
        span,
        message: `TLS to RabbitMQ${roleScope(model, items.map((t) => t.transport.role))} accepts a certificate issued for any host name: ${how}`,
        fixes: fixes(ctx, model, tls),
      };
    }
  },
};
