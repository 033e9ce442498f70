import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { replaceValue, setSetting } from '../oslo/ini-edits.js';
import { editTarget, messagingModel, valueOrKey } from '../oslo/support.js';
import { qpidClient, qpidSetting } from './client-options.js';

/** Mechanisms that send the password as it is, or none at all. */
const WEAK = new Set(['PLAIN', 'ANONYMOUS']);
/** The placeholder offered: certificate login, which pairs with qpid_protocol = ssl. */
const PLACEHOLDER = 'EXTERNAL';

export const qpidSaslUnspecified: Rule = {
  code: 'QPID102',
  name: 'qpid-sasl-unspecified',
  defaultSeverity: 'warning',
  summary: 'qpid_sasl_mechanisms is empty, or only PLAIN/ANONYMOUS.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const client = qpidClient(ctx.doc, model);
    if (!client.selected) return;
    const setting = qpidSetting(model, 'qpid_sasl_mechanisms');
    if (setting && model.settings.unknownBecause(setting.entry.span)) return;
    const mechanisms = (setting?.entry.value ?? '').split(/\s+/).filter((m) => m !== '');
    if (mechanisms.length > 0 && mechanisms.some((m) => !WEAK.has(m.toUpperCase()))) return;
    const said = mechanisms.length === 0 ? (setting ? 'qpid_sasl_mechanisms is empty' : 'qpid_sasl_mechanisms is not set') : `qpid_sasl_mechanisms = ${abbreviate(mechanisms.join(' '))}`;
    const edit = setting ? replaceValue(setting.entry, PLACEHOLDER) : setSetting(editTarget(ctx, model), client.group, 'qpid_sasl_mechanisms', PLACEHOLDER);
    yield {
      span: setting ? valueOrKey(setting.entry) : client.home,
      message: `The Qpid client does not ask for a strong login: ${said}, so the broker's choice (or a password in clear text) is used`,
      fixes: [{ title: `Set qpid_sasl_mechanisms = ${PLACEHOLDER} (placeholder: a mechanism your broker offers)`, edits: [edit], safe: false, preferred: true }],
    };
  },
};
