/** The oslo.messaging client model of OpenStack service files. */
export { osloMessagingModel, effectiveRelease, type OsloMessagingModel } from './messaging.js';
export { OsloSettings, canonicalOption, toBoolean, type OptionValue, type PlacedEntry, type UnknownReason } from './options.js';
export {
  rpcTransport,
  notificationTransport,
  driverOfScheme,
  driverOfRpcBackend,
  legacyWinner,
  splitHostPort,
  LEGACY_RABBIT_OPTIONS,
  type BrokerLogin,
  type LegacyRabbitOption,
  type LoginUser,
  type OsloTransport,
  type TransportOrigin,
  type TransportRole,
} from './transport.js';
export { rabbitTls, RABBIT_GROUP, type RabbitTls } from './tls.js';
export { booleanOption, driverOption, stringOption, truth, isNonEmpty, QUERY_OPTIONS_SINCE, type Effective } from './driver-options.js';
export { checkQueryOptions, type QueryProblem } from './query-options.js';
export { parseTransportUrl, type TransportHost, type TransportUrl, type TransportUrlError, type TransportUrlParse } from './transport-url.js';
export { maskTransportUrl, readAuthority, breakingCharacter, encodeCredential, type RawAuthority, type RawLogin } from './credentials.js';
export { scanDollars, interpolate, type DollarUse, type InterpolatedValue } from './interpolation.js';
export { pyQuote, pyUnquote } from './python-url.js';
export { serviceOfPath } from './service.js';
export { valueOffset, valueSpanOf } from './value-offsets.js';
