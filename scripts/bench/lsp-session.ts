/**
 * A real LSP client for the benchmarks, talking JSON-RPC over stdio to the
 * built server (dist/server.js), like test/helpers/lsp-client.ts, but with
 * the debounce set by the caller (the benchmark sets it to 0 so that the
 * latency is the server's work plus the transport, not a timer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './paths.js';

export interface LspSession {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** Resolves with the next diagnostics for `uri` that `accept` takes. */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Every `window/showMessage` the server sent so far. */
  readonly messages: readonly string[];
  /** The server process's resident set size now, in MB (Linux /proc). */
  rssMb(): number | undefined;
  close(): Promise<void>;
}

interface Waiter {
  readonly uri: string;
  readonly accept: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

/** How the session's server is started besides its debounce. */
export interface SessionOptions {
  /** Arguments for the server's node (e.g. `--cpu-prof` to profile it). */
  readonly nodeArgs?: readonly string[];
  /** The workspace folder (a `file:` URI): the server indexes it at start. Default: none. */
  readonly rootUri?: string;
}

/** Spawns the server and completes the initialize handshake. */
export async function startSession(debounceMs: number, options: SessionOptions = {}): Promise<LspSession> {
  const nodeArgs = options.nodeArgs ?? [];
  const rootUri = options.rootUri ?? null;
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: Waiter[] = [];
  const messages: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && w.accept(p));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
  });
  connection.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    ...(rootUri ? { workspaceFolders: [{ uri: rootUri, name: 'workspace' }] } : {}),
    capabilities: {},
    initializationOptions: { debounceMs },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    messages,
    diagnostics(uri, accept = () => true, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        // A waiter left behind by a stopped measurement must not keep the benchmark alive.
        timer.unref();
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    rssMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = /VmRSS:\s+(\d+) kB/.exec(status);
        return kb ? Number(kb[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async close() {
      if (child.exitCode === null && !child.killed) {
        try {
          // A server that no longer answers must not hold the benchmark forever.
          await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
          await connection.sendNotification('exit');
        } catch {
          /* already gone */
        }
      }
      // Let it exit by itself (a profiling server writes its profile then), but not forever.
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
        });
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
