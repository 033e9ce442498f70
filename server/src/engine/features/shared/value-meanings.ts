/**
 * What security-relevant values mean, for hovers and completion items. The
 * catalogs give the allowed words; these sentences explain the ones whose
 * choice matters for the broker's or client's security. Keyed by the last
 * segment of the key (`verify`, `versions`, `rabbit_login_method`), so that
 * both RabbitMQ formats and every TLS block share them.
 */

/** Modern TLS versions, preferred first. */
export const MODERN_TLS_VERSIONS = ['tlsv1.3', 'tlsv1.2'] as const;
/** Versions with known attacks (RMQ107). */
export const LEGACY_TLS_VERSIONS = ['tlsv1.1', 'tlsv1', 'sslv3'] as const;

const TLS_VERSIONS: Record<string, string> = {
  'tlsv1.3': 'TLS 1.3: the current protocol version; recommended.',
  'tlsv1.2': 'TLS 1.2: still secure with modern cipher suites; keep it for clients that lack TLS 1.3.',
  'tlsv1.1': 'TLS 1.1: deprecated (RFC 8996); allows known attacks (RMQ107).',
  tlsv1: 'TLS 1.0: deprecated (RFC 8996); allows known attacks (RMQ107).',
  sslv3: 'SSL 3.0: broken (POODLE); never enable it (RMQ107).',
};

const MEANINGS: Record<string, Record<string, string>> = {
  verify: {
    verify_peer: 'The peer must present a certificate that chains to a CA in `cacertfile`; otherwise the handshake fails (with `fail_if_no_peer_cert = true`, a client without a certificate is refused too).',
    verify_none: 'No certificate check at all: any client (or server) certificate is accepted, including none and self-signed ones (RMQ105).',
  },
  fail_if_no_peer_cert: {
    true: 'A client that presents no certificate is refused (mutual TLS).',
    false: 'A client may connect without a certificate; only clients that present one have it verified (RMQ106).',
  },
  versions: TLS_VERSIONS,
  '$version': TLS_VERSIONS,
  tcp: { none: 'No plain-TCP AMQP listener: clients can only connect over TLS.' },
  auth_mechanisms: {
    EXTERNAL: 'X.509 certificate authentication (rabbitmq_auth_mechanism_ssl): the client certificate identifies the user; no password crosses the wire.',
    PLAIN: 'User name and password, sent in clear inside the connection (protected only by TLS).',
    AMQPLAIN: 'User name and password in an AMQP table: as exposed as PLAIN without TLS.',
    ANONYMOUS: 'Anyone may connect as the anonymous login user (RMQ203).',
  },
  rabbit_login_method: {
    EXTERNAL: 'Log in with the client certificate (ssl_cert_file/ssl_key_file): no password in transport_url.',
    PLAIN: 'User name and password from transport_url; in clear on the wire unless TLS is on (OSLO204).',
    AMQPLAIN: 'User name and password from transport_url (the default); in clear on the wire unless TLS is on (OSLO204).',
    'RABBIT-CR-DEMO': 'A demonstration challenge/response mechanism: not for production.',
  },
  security_protocol: {
    PLAINTEXT: 'Kafka without TLS or authentication (OSLO106).',
    SASL_PLAINTEXT: 'SASL authentication over an unencrypted connection: credentials and messages in clear (OSLO106).',
    SSL: 'TLS-encrypted connection.',
    SASL_SSL: 'SASL authentication inside TLS: the recommended setting.',
  },
  ssl_version: {
    tlsv1_2: 'TLS 1.2 only.',
    tlsv1_1: 'TLS 1.1: deprecated, known attacks (OSLO105).',
    tlsv1: 'TLS 1.0: deprecated, known attacks (OSLO105).',
    sslv23: 'Negotiates the highest version both sides support, down to legacy ones (OSLO105); leave ssl_version empty instead.',
    sslv3: 'SSL 3.0: broken (OSLO105).',
    sslv2: 'SSL 2.0: broken (OSLO105).',
  },
  ssl_allow_poodle_attack: {
    true: 'Re-enables SSL 3.0, open to the POODLE attack (RMQ107).',
    false: 'SSL 3.0 stays disabled.',
  },
  ssl_enforce_hostname_verification: {
    true: "The broker's certificate must name the host connected to.",
    false: 'Any certificate signed by the trusted CA is accepted for any host (OSLO104).',
  },
  'allow_anonymous': {
    true: 'MQTT clients without credentials connect as the default user (RMQ303).',
    false: 'MQTT clients must authenticate.',
  },
  auth: {
    yes: 'Clients must authenticate (SASL).',
    no: 'Authentication is off: anyone may connect (QPID201).',
  },
  'require-encryption': {
    yes: 'Unencrypted connections are refused.',
    no: 'Plain-TCP connections are accepted (QPID202).',
  },
};

/** Values whose use is discouraged: completion tags them deprecated and lists them last. */
const DISCOURAGED = new Set([
  'verify:verify_none',
  'fail_if_no_peer_cert:false',
  ...LEGACY_TLS_VERSIONS.flatMap((v) => [`versions:${v}`, `$version:${v}`]),
  'auth_mechanisms:ANONYMOUS',
  'security_protocol:PLAINTEXT',
  'security_protocol:SASL_PLAINTEXT',
  ...['tlsv1_1', 'tlsv1', 'sslv23', 'sslv3', 'sslv2'].map((v) => `ssl_version:${v}`),
  'ssl_allow_poodle_attack:true',
  'ssl_enforce_hostname_verification:false',
  'allow_anonymous:true',
  'auth:no',
  'require-encryption:no',
]);

/** The last segment of a dotted or escaped key (`ssl_options.verify` → `verify`). */
export function leafOf(key: string): string {
  const cut = key.lastIndexOf('.');
  return cut < 0 ? key : key.slice(cut + 1);
}

/** What `value` means for the key whose last segment is `leaf`, when known. */
export function valueMeaning(leaf: string, value: string): string | undefined {
  return MEANINGS[leaf]?.[value] ?? MEANINGS[leaf]?.[value.toLowerCase()];
}

/** The values that `leaf` has explanations for, in their listed order. */
export function explainedValues(leaf: string): string[] {
  return Object.keys(MEANINGS[leaf] ?? {});
}

/** True for a value this tool would report (weak TLS, verification off …). */
export function isDiscouraged(leaf: string, value: string): boolean {
  return DISCOURAGED.has(`${leaf}:${value}`) || DISCOURAGED.has(`${leaf}:${value.toLowerCase()}`);
}
