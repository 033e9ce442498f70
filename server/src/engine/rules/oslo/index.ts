/**
 * The OSLO rules: oslo.messaging clients in OpenStack service files
 * (see docs/rules/OSLO*.md). The engine registers OSLO_RULES.
 */
import type { Rule } from '../rule.js';
import { guestAccount } from './guest-account.js';
import { hostnameVerificationDisabled } from './hostname-verification-disabled.js';
import { inlineCommentInValue } from './inline-comment-in-value.js';
import { legacyTlsVersion } from './legacy-tls-version.js';
import { noClientCertificate } from './no-client-certificate.js';
import { otherDriverPlaintext } from './other-driver-plaintext.js';
import { plainLoginWithoutTls } from './plain-login-without-tls.js';
import { rabbitTlsDisabled } from './rabbit-tls-disabled.js';
import { removedOption } from './removed-option.js';
import { renamedOption } from './renamed-option.js';
import { sharedBrokerAccount, type AccountAwareContext } from './shared-broker-account.js';
import { systemCaTrusted } from './system-ca-trusted.js';
import { unescapedDollar } from './unescaped-dollar.js';
import { urlNeedsEncoding } from './url-needs-encoding.js';

/** Every OSLO rule, in code order. */
export const OSLO_RULES: readonly Rule[] = [
  rabbitTlsDisabled,
  systemCaTrusted,
  noClientCertificate,
  hostnameVerificationDisabled,
  legacyTlsVersion,
  otherDriverPlaintext,
  guestAccount,
  sharedBrokerAccount,
  urlNeedsEncoding,
  plainLoginWithoutTls,
  removedOption,
  renamedOption,
  inlineCommentInValue,
  unescapedDollar,
];

export type { AccountAwareContext };
