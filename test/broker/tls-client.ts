/**
 * The client side of the TLS probes: building Node `tls` options from
 * certificate files, and telling a rejection *by the server* (a TLS alert it
 * sent) from a failure on our own side.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';

/** Where and how a probe connects. Certificate arguments are PEM file paths. */
export interface TlsClientOptions {
  readonly port: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** SNI and the name the server certificate must match. Default `localhost`. */
  readonly servername?: string;
  /** CA file that must have signed the server's certificate. */
  readonly ca: string;
  /** Client certificate and key; leave both out to offer no certificate. */
  readonly cert?: string;
  readonly key?: string;
  readonly minVersion?: tls.SecureVersion;
  readonly maxVersion?: tls.SecureVersion;
  /** Overall time limit. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/** Why a probe did not get through. */
export interface ProbeFailure {
  readonly ok: false;
  /** Human-readable reason. */
  readonly error: string;
  /** Node/OpenSSL error code, e.g. `ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION`. */
  readonly code?: string;
  /**
   * The TLS alert the *server* sent, e.g. `protocol_version`,
   * `certificate_required`, `unknown_ca`. Undefined when the failure was not
   * a server alert (refused connection, our own verification, timeout).
   */
  readonly serverAlert?: string;
  /** Whether the TLS handshake had completed from the client's point of view. */
  readonly afterHandshake: boolean;
}

const VERSION_ORDER: readonly tls.SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function olderThanTls12(version: tls.SecureVersion | undefined): boolean {
  return version !== undefined && VERSION_ORDER.indexOf(version) < VERSION_ORDER.indexOf('TLSv1.2');
}

/** Node `tls.connect` options for a probe. */
export function connectOptions(o: TlsClientOptions): tls.ConnectionOptions {
  if ((o.cert === undefined) !== (o.key === undefined)) throw new Error('give both cert and key, or neither');
  const legacy = olderThanTls12(o.maxVersion) || olderThanTls12(o.minVersion);
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port,
    servername: o.servername ?? 'localhost',
    ca: readFileSync(o.ca),
    ...(o.cert !== undefined && o.key !== undefined ? { cert: readFileSync(o.cert), key: readFileSync(o.key) } : {}),
    // Node refuses minVersion > maxVersion; a probe that asks only for an old
    // maximum means "exactly that version".
    minVersion: o.minVersion ?? (legacy ? o.maxVersion : undefined),
    maxVersion: o.maxVersion,
    // OpenSSL 3 will not even offer TLS 1.0/1.1 at its default security
    // level; without this the probe would fail on our side and prove nothing.
    ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    rejectUnauthorized: true,
  };
}

/** TLS alert descriptions (RFC 8446 §6 and earlier), by number. */
const ALERT_NAMES: Readonly<Record<number, string>> = {
  0: 'close_notify', 10: 'unexpected_message', 20: 'bad_record_mac', 22: 'record_overflow',
  40: 'handshake_failure', 42: 'bad_certificate', 43: 'unsupported_certificate', 44: 'certificate_revoked',
  45: 'certificate_expired', 46: 'certificate_unknown', 47: 'illegal_parameter', 48: 'unknown_ca',
  49: 'access_denied', 50: 'decode_error', 51: 'decrypt_error', 70: 'protocol_version',
  71: 'insufficient_security', 80: 'internal_error', 86: 'inappropriate_fallback', 90: 'user_canceled',
  109: 'missing_extension', 110: 'unsupported_extension', 112: 'unrecognized_name',
  113: 'bad_certificate_status_response', 115: 'unknown_psk_identity', 116: 'certificate_required',
  120: 'no_application_protocol',
};

/**
 * Describes a socket error. OpenSSL ends the message of an alert *received
 * from the peer* with "SSL alert number N"; alerts we send ourselves do not
 * appear that way, so this is how a server rejection is recognised.
 */
export function describeFailure(err: Error, afterHandshake: boolean): ProbeFailure {
  const code = (err as NodeJS.ErrnoException).code;
  const m = /SSL alert number (\d{1,3})/.exec(err.message);
  const serverAlert = m ? ALERT_NAMES[Number(m[1])] ?? `alert_${m[1]}` : undefined;
  return {
    ok: false,
    error: err.message.trim(),
    ...(code !== undefined ? { code } : {}),
    ...(serverAlert !== undefined ? { serverAlert } : {}),
    afterHandshake,
  };
}

export function failure(error: string, afterHandshake: boolean): ProbeFailure {
  return { ok: false, error, afterHandshake };
}

/** Ends a session with a result; later calls are ignored. */
export type Finish<T> = (result: T | ProbeFailure) => void;

/** What a probe does once connected. */
export interface SessionHooks<T> {
  /** The handshake completed (from the client's point of view). */
  secure(socket: tls.TLSSocket, finish: Finish<T>): void;
  /** Decrypted bytes from the server. */
  data?(chunk: Buffer, finish: Finish<T>): void;
  /** What a quiet close by the server after the handshake means for this probe. */
  readonly closedAfterHandshake: string;
}

/**
 * Opens one TLS connection and runs a probe over it; always resolves, and
 * always destroys the socket.
 */
export function tlsSession<T>(o: TlsClientOptions, hooks: SessionHooks<T>): Promise<T | ProbeFailure> {
  return new Promise((resolve) => {
    let handshakeDone = false;
    let settled = false;
    let socket: tls.TLSSocket | undefined;
    const finish: Finish<T> = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(result);
    };
    const timeoutMs = o.timeoutMs ?? 5000;
    const timer = setTimeout(() => finish(failure(`no answer within ${timeoutMs} ms`, handshakeDone)), timeoutMs);
    try {
      socket = tls.connect(connectOptions(o));
    } catch (err) {
      finish(describeFailure(err as Error, false));
      return;
    }
    const s = socket;
    s.once('secureConnect', () => {
      handshakeDone = true;
      hooks.secure(s, finish);
    });
    // Reading keeps OpenSSL processing records, so a TLS 1.3 alert that
    // arrives after our Finished message surfaces as an 'error'.
    s.on('data', (chunk: Buffer) => hooks.data?.(chunk, finish));
    s.once('error', (err) => finish(describeFailure(err, handshakeDone)));
    s.once('close', () =>
      finish(failure(handshakeDone ? hooks.closedAfterHandshake : 'connection closed during the TLS handshake', handshakeDone)),
    );
  });
}
