/** The decisive probe: a real AMQP 0-9-1 greeting over TLS. */
import { AMQP_0_9_1_HEADER, AmqpFormatError, parseConnectionStart, scanFrame, type ConnectionStart } from './amqp-frame.js';
import { failure, tlsSession, type ProbeFailure, type TlsClientOptions } from './tls-client.js';

/** The broker greeted us. */
export interface AmqpStartSuccess {
  readonly ok: true;
  /** Negotiated TLS version. */
  readonly protocol: string;
  readonly start: ConnectionStart;
}

export type AmqpStartResult = AmqpStartSuccess | ProbeFailure;

/**
 * Connects over TLS, sends the AMQP 0-9-1 protocol header and waits for the
 * server's first frame, which must be `connection.start` (class 10, method
 * 10) on channel 0. Succeeds only if the server accepted the TLS client and
 * spoke AMQP to it.
 */
export function amqpConnectionStart(o: TlsClientOptions): Promise<AmqpStartResult> {
  let received = Buffer.alloc(0);
  let protocol = 'unknown';
  return tlsSession<AmqpStartSuccess>(o, {
    secure(socket) {
      protocol = socket.getProtocol() ?? 'unknown';
      socket.write(AMQP_0_9_1_HEADER);
    },
    data(chunk, finish) {
      received = Buffer.concat([received, chunk]);
      try {
        const scan = scanFrame(received);
        if (scan.kind === 'incomplete') return;
        if (scan.kind === 'protocol-header') {
          finish(failure(`the server answered with protocol header ${scan.header.toString('hex')}: it refuses AMQP 0-9-1`, true));
          return;
        }
        finish({ ok: true, protocol, start: parseConnectionStart(scan.frame) });
      } catch (err) {
        if (!(err instanceof AmqpFormatError)) throw err;
        finish(failure(`malformed answer: ${err.message}`, true));
      }
    },
    closedAfterHandshake: 'the server closed the connection before sending connection.start',
  });
}
