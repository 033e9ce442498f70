/**
 * The QPID rules: Qpid driver options in OpenStack service files, and the
 * Qpid C++ broker's qpidd.conf (see docs/rules/QPID*.md). The engine
 * registers QPID_RULES.
 */
import type { Rule } from '../rule.js';
import { qpidDriverRemoved } from './qpid-driver-removed.js';
import { qpidPlaintextTransport } from './qpid-plaintext-transport.js';
import { qpidSaslUnspecified } from './qpid-sasl-unspecified.js';
import { qpiddAuthDisabled } from './qpidd-auth-disabled.js';
import { qpiddClientCertNotRequired } from './qpidd-client-cert-not-required.js';
import { qpiddPlaintextAllowed } from './qpidd-plaintext-allowed.js';

/** Every QPID rule, in code order. */
export const QPID_RULES: readonly Rule[] = [
  qpidPlaintextTransport,
  qpidSaslUnspecified,
  qpidDriverRemoved,
  qpiddAuthDisabled,
  qpiddPlaintextAllowed,
  qpiddClientCertNotRequired,
];
