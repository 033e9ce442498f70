import type { Finding, SpanEdit } from '../../core/findings.js';
import type { TlsEndpoint, TlsListItem } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES, tlsName } from './common.js';
import { RabbitFixer, TLS_BLOCKS } from './fixer.js';

const LEGACY = new Set(['sslv3', 'tlsv1', 'tlsv1.1', 'sslv2']);
const MODERN = ['tlsv1.3', 'tlsv1.2'];

function isLegacy(i: TlsListItem): boolean {
  return i.value.known && LEGACY.has(i.value.value.toLowerCase());
}

function versionItems(e: TlsEndpoint): TlsListItem[] | undefined {
  const v = e.options.get('versions')?.value;
  return v?.known && Array.isArray(v.value) ? (v.value as TlsListItem[]) : undefined;
}

/** Sets the versions to exactly tlsv1.3 and tlsv1.2, as the guidance recommends. */
function keepModernVersions(ctx: RuleContext, e: TlsEndpoint): SpanEdit[] | undefined {
  const option = e.options.get('versions')!;
  const prefix = TLS_BLOCKS[e.id].confPrefix;
  const fixer = new RabbitFixer(ctx);
  if (fixer.isConf) return prefix ? fixer.rewriteConfList(`${prefix}versions`, MODERN) : undefined;
  return fixer.replaceValue(option.source, { atoms: MODERN });
}

export const legacyTlsVersion: Rule = {
  code: 'RMQ107',
  name: 'legacy-tls-version',
  defaultSeverity: 'error',
  summary: 'TLS versions allow sslv3, tlsv1 or tlsv1.1, or ssl_allow_poodle_attack is true.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const e of m.tls) {
      const items = versionItems(e);
      if (!items) continue;
      const legacy = items.filter(isLegacy);
      if (legacy.length === 0) continue;
      const edits = keepModernVersions(ctx, e);
      for (const item of legacy) {
        const span = ctx.here(item.origin);
        if (!span) continue;
        yield {
          span,
          message: `${tlsName(e)} allows ${item.value.known ? item.value.value : ''}, a protocol version with known attacks`,
          fixes: edits ? [{ title: "Set versions to ['tlsv1.3', 'tlsv1.2']", edits, safe: true, preferred: true }] : [],
        };
      }
    }
    if (m.allowPoodle.state === 'set' && m.allowPoodle.value.known && m.allowPoodle.value.value === true) {
      const span = ctx.here(m.allowPoodle.valueOrigin);
      if (span) {
        const fixer = new RabbitFixer(ctx);
        const edits = fixer.replaceValue(m.allowPoodle, { bool: false });
        yield {
          span,
          message: 'ssl_allow_poodle_attack = true lets SSLv3 back in (POODLE)',
          fixes: edits ? [{ title: 'Set ssl_allow_poodle_attack to false', edits, safe: true, preferred: true }] : [],
        };
      }
    }
  },
};
