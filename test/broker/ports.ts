/** Loopback TCP helpers: free ports for a private node, and who is listening. */
import { createServer, connect } from 'node:net';

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picked it). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** How a plain TCP connection attempt ended. */
export type ConnectOutcome =
  /** Something accepted the connection. */
  | 'connected'
  /** Nothing listens there (RST / ECONNREFUSED). */
  | 'refused'
  /** The address family or address is not usable here (e.g. no IPv6). */
  | 'unreachable'
  /** No answer in time: neither a listener nor a clean refusal. */
  | 'timeout';

const UNREACHABLE_CODES = new Set(['EADDRNOTAVAIL', 'ENETUNREACH', 'EAFNOSUPPORT', 'EHOSTUNREACH']);

/** Tries a plain TCP connection and reports how it ended; never throws. */
export function tryConnect(host: string, port: number, timeoutMs = 2000): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (outcome: ConnectOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.once('connect', () => finish('connected'));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish('refused');
      else if (err.code && UNREACHABLE_CODES.has(err.code)) finish('unreachable');
      else finish('timeout');
    });
  });
}

/** The loopback addresses a listener "on every interface" also answers on. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;

/** True when something accepts TCP connections on the port at any loopback address. */
export async function portInUse(port: number): Promise<boolean> {
  for (const host of LOOPBACK_HOSTS) {
    if ((await tryConnect(host, port)) === 'connected') return true;
  }
  return false;
}
