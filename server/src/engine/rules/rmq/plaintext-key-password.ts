import type { Finding } from '../../core/findings.js';
import type { SettingSource } from '../../model/rabbitmq/types.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES, tlsName } from './common.js';

/** `encrypted:…` (rabbitmq.conf) and `{encrypted, <<…>>}` (classic) values are not clear text. */
function isEncrypted(ctx: Parameters<Rule['check']>[0], source: SettingSource): boolean {
  const span = ctx.here(source.valueOrigin);
  if (!span) return true;
  const raw = ctx.doc.source.text.slice(span.start, span.end).trim();
  return raw.startsWith('encrypted:') || /^\{\s*encrypted\s*,/.test(raw);
}

export const plaintextKeyPassword: Rule = {
  code: 'RMQ113',
  name: 'plaintext-key-password',
  defaultSeverity: 'information',
  summary: 'A key password or default_pass written in clear text.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const e of m.tls) {
      const option = e.options.get('password');
      if (!option || !option.value.known || isEncrypted(ctx, option.source)) continue;
      const span = ctx.here(option.source.valueOrigin);
      if (span) yield { span, message: `${tlsName(e)} key password is written in clear text; use an encrypted: value` };
    }
    const pass = m.defaultPass;
    if (pass.state === 'set' && pass.value.known && pass.value.value !== 'guest' && !isEncrypted(ctx, pass)) {
      const span = ctx.here(pass.valueOrigin);
      if (span) yield { span, message: 'default_pass is written in clear text; use an encrypted: value' };
    }
  },
};
