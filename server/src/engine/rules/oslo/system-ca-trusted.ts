import type { Finding } from '../../core/findings.js';
import { RABBIT_GROUP } from '../../model/oslo/index.js';
import type { Rule } from '../rule.js';
import { replaceValue, setSetting } from './ini-edits.js';
import { onePerSpan, placeholderPaths, tlsTransports } from './rabbit-tls.js';
import { editTarget, messagingModel, missingSpan, roleScope } from './support.js';

export const systemCaTrusted: Rule = {
  code: 'OSLO102',
  name: 'system-ca-trusted',
  defaultSeverity: 'warning',
  summary: 'TLS to RabbitMQ trusts every public CA of the system (no ssl_ca_file).',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const missing = tlsTransports(model).filter((tls) => tls.caFile.state !== 'unknown' && tls.caFile.value.trim() === '');
    const groups = onePerSpan(missing, (tls) =>
      tls.caFile.state === 'set' ? tls.caFile.entry.keySpan : missingSpan(ctx.doc, model.settings, RABBIT_GROUP),
    );
    const { ca } = placeholderPaths(ctx.doc.source.path);
    for (const { span, items } of groups) {
      const caFile = items[0].caFile;
      const fromUrl = caFile.state === 'set' && caFile.source === 'url';
      const edit =
        caFile.state === 'set' && caFile.source === 'file'
          ? replaceValue(caFile.entry, ca)
          : setSetting(editTarget(ctx, model), RABBIT_GROUP, 'ssl_ca_file', ca);
      yield {
        span,
        message: `TLS to RabbitMQ${roleScope(model, items.map((t) => t.transport.role))} accepts a server certificate from any CA the system trusts: ssl_ca_file is ${caFile.state === 'set' ? 'empty' : 'not set'}`,
        // A placeholder path: the service cannot connect until the real CA file is there, so a human applies it.
        fixes: fromUrl ? [] : [{ title: `Set ssl_ca_file = ${ca} (placeholder: put your deployment's CA there)`, edits: [edit], safe: true, preferred: true }],
      };
    }
  },
};
