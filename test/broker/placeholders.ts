/**
 * Our quick fixes write placeholder certificate paths (see issue 3); before a
 * fixed file can boot a real broker, those paths must point at the
 * throwaway certificates.
 */
import type { TestCertificates } from './certificates.js';

/** The paths quick fixes use, and which generated file each stands for. */
export const PLACEHOLDER_PATHS = {
  ca: '/etc/rabbitmq/ssl/ca_certificate.pem',
  serverCert: '/etc/rabbitmq/ssl/server_certificate.pem',
  serverKey: '/etc/rabbitmq/ssl/server_key.pem',
} as const;

// Paths are pasted into Erlang strings and cuttlefish values unquoted or
// quoted; anything beyond these characters would need escaping there.
const PLAIN_PATH = /^[A-Za-z0-9/._-]+$/;

function plainPath(path: string): string {
  if (!PLAIN_PATH.test(path)) throw new Error(`certificate path needs escaping, use a plainer folder: ${path}`);
  return path;
}

/** Replaces every placeholder path in a configuration text with the generated file's path. */
export function pointAtCertificates(configText: string, certs: TestCertificates): string {
  return configText
    .replaceAll(PLACEHOLDER_PATHS.ca, plainPath(certs.ca.certFile))
    .replaceAll(PLACEHOLDER_PATHS.serverCert, plainPath(certs.server.certFile))
    .replaceAll(PLACEHOLDER_PATHS.serverKey, plainPath(certs.server.keyFile));
}
