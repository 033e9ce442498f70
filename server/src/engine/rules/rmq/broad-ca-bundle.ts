import type { Finding } from '../../core/findings.js';
import type { Rule } from '../rule.js';
import { optionText, RABBIT_LANGUAGES, tlsName } from './common.js';

/** The system-wide trust stores of the common distributions. */
const SYSTEM_BUNDLES = new Set([
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/ssl/certs/ca-bundle.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/pki/tls/certs/ca-bundle.trust.crt',
  '/etc/pki/tls/cert.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/certs/ca-bundle.trust.crt',
  '/usr/local/share/certs/ca-root-nss.crt',
  '/usr/share/ssl/certs/ca-bundle.crt',
  '/etc/openssl/certs/ca-certificates.crt',
]);

export function isSystemBundle(path: string): boolean {
  return SYSTEM_BUNDLES.has(path.trim());
}

export const broadCaBundle: Rule = {
  code: 'RMQ110',
  name: 'broad-ca-bundle',
  defaultSeverity: 'warning',
  summary: "cacertfile is a system-wide bundle instead of the deployment's own CA.",
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const e of m.tls) {
      const option = e.options.get('cacertfile');
      const path = optionText(option);
      if (!option || path === undefined || !isSystemBundle(path)) continue;
      const span = ctx.here(option.source.valueOrigin);
      if (!span) continue;
      yield { span, message: `${tlsName(e)} trusts the system CA bundle ${path}: any public CA could issue accepted client certificates` };
    }
  },
};
