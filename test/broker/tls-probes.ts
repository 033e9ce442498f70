/** Probes of a broker's network face: plain TCP, and a bare TLS handshake. */
import { LOOPBACK_HOSTS, tryConnect } from './ports.js';
import { tlsSession, type ProbeFailure, type TlsClientOptions } from './tls-client.js';

/**
 * True when nothing accepts a plain TCP connection on the port, at 127.0.0.1
 * or (where the machine has IPv6) at ::1. A listener bound to "every
 * interface" answers on loopback too, so this covers it.
 */
export async function plainConnectRefused(port: number): Promise<boolean> {
  for (const host of LOOPBACK_HOSTS) {
    const outcome = await tryConnect(host, port);
    if (outcome === 'connected' || outcome === 'timeout') return false;
    if (outcome === 'unreachable' && host === '127.0.0.1') return false;
  }
  return true;
}

/** A handshake the server accepted. */
export interface HandshakeSuccess {
  readonly ok: true;
  /** Negotiated version, e.g. `TLSv1.3`. */
  readonly protocol: string;
}

export type HandshakeResult = HandshakeSuccess | ProbeFailure;

/** Options of {@link tlsHandshake}. */
export interface HandshakeOptions extends TlsClientOptions {
  /**
   * How long the connection must stay up after the handshake to count as
   * accepted. In TLS 1.3 the client finishes its handshake before the server
   * has looked at the client certificate; a rejection (e.g.
   * `certificate_required`) arrives just after. Default 750 ms (loopback).
   */
  readonly settleMs?: number;
}

/**
 * Completes a TLS handshake and reports whether the server accepted it:
 * `{ ok: true, protocol }`, or `{ ok: false, error, serverAlert? }`.
 */
export function tlsHandshake(o: HandshakeOptions): Promise<HandshakeResult> {
  return tlsSession<HandshakeSuccess>(o, {
    secure(socket, finish) {
      const protocol = socket.getProtocol() ?? 'unknown';
      setTimeout(() => finish({ ok: true, protocol }), o.settleMs ?? 750);
    },
    closedAfterHandshake: 'the server closed the connection right after the handshake',
  });
}
