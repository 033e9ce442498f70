import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { removeEntry } from './ini-edits.js';
import { onePerSpan, rabbitTransports } from './rabbit-tls.js';
import { messagingModel, valueOrKey } from './support.js';

/** Protocol versions that are broken or allow a downgrade to broken ones (`sslv23` negotiates down to SSLv3). */
const LEGACY_VERSIONS = new Set(['sslv2', 'sslv3', 'sslv23', 'tlsv1', 'tlsv1_1']);

export const legacyTlsVersion: Rule = {
  code: 'OSLO105',
  name: 'legacy-tls-version',
  defaultSeverity: 'error',
  summary: 'ssl_version pins an obsolete SSL/TLS protocol version.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const legacy = rabbitTransports(model).filter(
      (tls) => tls.version.state === 'set' && LEGACY_VERSIONS.has(tls.version.value.trim().toLowerCase()),
    );
    for (const { span, items } of onePerSpan(legacy, (tls) => (tls.version.state === 'set' ? valueOrKey(tls.version.entry) : { start: 0, end: 0 }))) {
      const version = items[0].version;
      if (version.state !== 'set') continue;
      const inUrl = version.source === 'url';
      yield {
        span,
        message: `${inUrl ? 'The transport_url query sets' : `${version.entry.key} =`} ${version.value.trim()}: an obsolete protocol version; leave ssl_version unset so that the TLS library negotiates the best one`,
        // Safe: without it the library negotiates TLS 1.2/1.3, which every supported RabbitMQ offers.
        fixes: inUrl ? [] : [{ title: `Remove ${version.entry.key}`, edits: [removeEntry(version.entry)], safe: true, preferred: true }],
      };
    }
  },
};
