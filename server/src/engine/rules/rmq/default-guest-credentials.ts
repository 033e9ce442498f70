import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES } from './common.js';

export const defaultGuestCredentials: Rule = {
  code: 'RMQ201',
  name: 'default-guest-credentials',
  defaultSeverity: 'error',
  summary: 'default_user or default_pass set to guest.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const [name, setting] of [['default_user', m.defaultUser], ['default_pass', m.defaultPass]] as const) {
      if (setting.state !== 'set' || !setting.value.known || setting.value.value !== 'guest') continue;
      const span = ctx.here(setting.valueOrigin);
      if (!span) continue;
      yield { span, message: `${name} is the well-known guest; create one account per service instead and delete guest` };
    }
  },
};
