import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { QpiddBroker } from './broker.js';

export const qpiddPlaintextAllowed: Rule = {
  code: 'QPID202',
  name: 'qpidd-plaintext-allowed',
  defaultSeverity: 'error',
  summary: 'qpidd accepts unencrypted connections (no TLS, or TLS without require-encryption=yes).',
  languages: ['qpidd-conf'],
  *check(ctx): Iterable<Finding> {
    const broker = new QpiddBroker(ctx.doc);
    if (broker.refused()) return;
    const required = broker.switch('require-encryption');
    if (required && required.value !== false) return; // on, or hidden by a template
    const span = required ? required.entry.valueSpan : broker.firstLine();
    if (!broker.tlsConfigured()) {
      yield { span, message: 'qpidd has no TLS settings (ssl-cert-db, ssl-cert-name): every AMQP connection is in clear text' };
      return;
    }
    yield {
      span,
      message: `qpidd offers TLS but still accepts plain connections: require-encryption is ${required ? 'off' : 'not set'}`,
      // Not safe: every client must have moved to the TLS port first.
      fixes: [{ title: 'Set require-encryption=yes', edits: [broker.set('require-encryption', 'yes')], safe: false, preferred: true }],
    };
  },
};
