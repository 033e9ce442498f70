import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { replaceValue, setSetting } from '../oslo/ini-edits.js';
import { editTarget, messagingModel, valueOrKey } from '../oslo/support.js';
import { qpidClient, qpidSetting } from './client-options.js';

export const qpidPlaintextTransport: Rule = {
  code: 'QPID101',
  name: 'qpid-plaintext-transport',
  defaultSeverity: 'error',
  summary: 'The Qpid driver connects over plain TCP (qpid_protocol absent or tcp).',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const client = qpidClient(ctx.doc, model);
    if (!client.selected) return;
    const protocol = qpidSetting(model, 'qpid_protocol');
    if (protocol && model.settings.unknownBecause(protocol.entry.span)) return;
    if (protocol && protocol.entry.value.trim() !== 'tcp') return;
    const edit = protocol ? replaceValue(protocol.entry, 'ssl') : setSetting(editTarget(ctx, model), client.group, 'qpid_protocol', 'ssl');
    yield {
      span: protocol ? valueOrKey(protocol.entry) : client.home,
      message: protocol
        ? 'The Qpid transport is not encrypted: qpid_protocol = tcp'
        : 'The Qpid transport is not encrypted: qpid_protocol is not set (default tcp)',
      // Not safe: the broker must listen for SSL on the configured port.
      fixes: [{ title: 'Set qpid_protocol = ssl', edits: [edit], safe: false, preferred: true }],
    };
  },
};
