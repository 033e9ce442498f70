import type { Rule } from '../rule.js';
import { anonymousLogin } from './anonymous-login.js';
import { broadCaBundle } from './broad-ca-bundle.js';
import { certificateLoginAvailable } from './certificate-login-available.js';
import { clientCertificateNotRequired } from './client-certificate-not-required.js';
import { defaultGuestCredentials } from './default-guest-credentials.js';
import { guestRemoteAccess } from './guest-remote-access.js';
import { legacyTlsVersion } from './legacy-tls-version.js';
import { listenerOnAllInterfaces } from './listener-on-all-interfaces.js';
import { mqttAnonymous } from './mqtt-anonymous.js';
import { noTlsListener } from './no-tls-listener.js';
import { peerVerificationDisabled } from './peer-verification-disabled.js';
import { plaintextAmqpListener } from './plaintext-amqp-listener.js';
import { plaintextKeyPassword } from './plaintext-key-password.js';
import { plaintextManagementListener } from './plaintext-management-listener.js';
import { plaintextPluginListener } from './plaintext-plugin-listener.js';
import { tlsFileMissing, tlsFilePermissions } from './tls-files.js';
import { tlsOptionsIncomplete } from './tls-options-incomplete.js';
import { tlsVersionsUnpinned } from './tls-versions-unpinned.js';
import { weakCipherSuite } from './weak-cipher-suite.js';

/** The RabbitMQ broker rules, in code order. */
export const RMQ_RULES: readonly Rule[] = [
  plaintextAmqpListener,
  noTlsListener,
  listenerOnAllInterfaces,
  tlsOptionsIncomplete,
  peerVerificationDisabled,
  clientCertificateNotRequired,
  legacyTlsVersion,
  tlsVersionsUnpinned,
  weakCipherSuite,
  broadCaBundle,
  tlsFilePermissions,
  tlsFileMissing,
  plaintextKeyPassword,
  defaultGuestCredentials,
  guestRemoteAccess,
  anonymousLogin,
  certificateLoginAvailable,
  plaintextManagementListener,
  plaintextPluginListener,
  mqttAnonymous,
];
