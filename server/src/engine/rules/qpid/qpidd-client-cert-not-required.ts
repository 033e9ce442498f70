import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { QpiddBroker } from './broker.js';

const OPTION = 'ssl-require-client-authentication';

export const qpiddClientCertNotRequired: Rule = {
  code: 'QPID203',
  name: 'qpidd-client-cert-not-required',
  defaultSeverity: 'warning',
  summary: 'qpidd with TLS does not require client certificates.',
  languages: ['qpidd-conf'],
  *check(ctx): Iterable<Finding> {
    const broker = new QpiddBroker(ctx.doc);
    if (broker.refused()) return;
    if (!broker.tlsConfigured()) return;
    const required = broker.switch(OPTION);
    if (required && required.value !== false) return;
    yield {
      span: required ? required.entry.valueSpan : broker.firstLine(),
      message: `qpidd accepts TLS clients without a certificate: ${OPTION} is ${required ? 'off' : 'not set'}`,
      // Not safe: every client needs its certificate first.
      fixes: [{ title: `Set ${OPTION}=yes`, edits: [broker.set(OPTION, 'yes')], safe: false, preferred: true }],
    };
  },
};
