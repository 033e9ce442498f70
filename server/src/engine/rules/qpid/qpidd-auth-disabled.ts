import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { QpiddBroker } from './broker.js';

export const qpiddAuthDisabled: Rule = {
  code: 'QPID201',
  name: 'qpidd-auth-disabled',
  defaultSeverity: 'error',
  summary: 'qpidd.conf turns authentication off (auth=no).',
  languages: ['qpidd-conf'],
  *check(ctx): Iterable<Finding> {
    const broker = new QpiddBroker(ctx.doc);
    if (broker.refused()) return;
    const auth = broker.switch('auth');
    if (!auth || auth.value !== false) return;
    yield {
      span: auth.entry.valueSpan.end > auth.entry.valueSpan.start ? auth.entry.valueSpan : auth.entry.keySpan,
      message: `qpidd accepts every client without a login: auth=${auth.entry.value}`,
      // Not safe: clients then need accounts in the broker's SASL database.
      fixes: [{ title: 'Set auth=yes', edits: [broker.set('auth', 'yes')], safe: false, preferred: true }],
    };
  },
};
