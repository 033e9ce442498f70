import type { Finding } from '../../core/findings.js';
import { releaseIncludes } from '../../catalog/oslo.js';
import type { Rule } from '../rule.js';
import { osloModel, releaseLabel, valueOrKey } from '../oslo/support.js';
import { qpidClient } from './client-options.js';

/** The Qpid driver was deprecated in 1.16.0 (Liberty) and removed in 3.1.0 (Mitaka). */
const DEPRECATED_IN = '1.16.0';
const REMOVED_IN = '3.1.0';

export const qpidDriverRemoved: Rule = {
  code: 'QPID103',
  name: 'qpid-driver-removed',
  defaultSeverity: 'warning',
  summary: 'Qpid driver options: the driver left oslo.messaging in 3.1.0 (Mitaka).',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = osloModel(ctx);
    if (!model) return;
    const release = model.settings.release;
    if (!releaseIncludes(release, DEPRECATED_IN)) return;
    const removed = releaseIncludes(release, REMOVED_IN);
    const fate = removed
      ? `the Qpid driver was removed in oslo.messaging ${releaseLabel(REMOVED_IN)}`
      : `the Qpid driver is deprecated and goes in oslo.messaging ${releaseLabel(REMOVED_IN)}`;
    for (const placed of qpidClient(ctx.doc, model).options) {
      if (model.settings.facts.touchesTemplate(placed.entry.keySpan)) continue;
      yield {
        span: placed.entry.keySpan,
        message: `'${placed.entry.key}' configures the Qpid driver: ${fate}; move the service to RabbitMQ (transport_url = rabbit://…)`,
      };
    }
    for (const transport of model.transports) {
      if (transport.driver !== 'qpid' || !transport.urlEntry) continue;
      yield { span: valueOrKey(transport.urlEntry.entry), message: `This transport_url uses the Qpid driver: ${fate}` };
    }
  },
};
