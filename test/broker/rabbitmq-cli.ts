/** Running rabbitmqctl / rabbitmq-diagnostics against a private node. */
import { spawn } from 'node:child_process';
import { rabbitmqTool, type RabbitmqTool } from './installation.js';
import { own, terminate } from './processes.js';

/** What a CLI run printed, and how it ended. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the harness killed it for running past its time limit. */
  readonly timedOut: boolean;
}

/** Limits of one CLI run. */
export interface CliLimits {
  /** Kill it after this long. Default 30 s. */
  readonly timeoutMs?: number;
  /** Kill it when this aborts (its result then reads as timed out). */
  readonly signal?: AbortSignal;
}

/** Runs one CLI tool with the node's environment; never throws for a non-zero exit. */
export async function runCli(
  tool: RabbitmqTool,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  limits: CliLimits = {},
): Promise<CliResult> {
  // Its own process group, so a timeout also ends the Erlang VM the script starts.
  const child = spawn(rabbitmqTool(tool), args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const owned = own(child, true);
  // 'exit' can precede the last output; 'close' means the pipes are drained.
  const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => stdout.push(b));
  child.stderr?.on('data', (b: Buffer) => stderr.push(b));
  let timedOut = false;
  const kill = () => {
    timedOut = true;
    void terminate(owned, 1000);
  };
  const timer = setTimeout(kill, limits.timeoutMs ?? 30_000);
  if (limits.signal?.aborted) kill();
  limits.signal?.addEventListener('abort', kill, { once: true });
  const code = await owned.exited;
  clearTimeout(timer);
  limits.signal?.removeEventListener('abort', kill);
  // A stray grandchild could hold the pipes open: do not wait on it forever.
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  return {
    code,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    timedOut,
  };
}

/** A listener as `rabbitmq-diagnostics listeners` reports it. */
export interface BrokerListener {
  /** e.g. `amqp`, `amqp/ssl`, `http`, `https`, `stomp/ssl`, `clustering`. */
  readonly protocol: string;
  /** Bound address as RabbitMQ prints it: `127.0.0.1`, `[::]`, `::`. */
  readonly interface: string;
  readonly port: number;
  readonly purpose?: string;
}

/** Reads `rabbitmq-diagnostics -q listeners --formatter json` output. */
export function parseListenersJson(stdout: string): BrokerListener[] {
  const doc = JSON.parse(stdout) as { listeners?: unknown };
  if (!Array.isArray(doc.listeners)) throw new Error(`no "listeners" array in: ${stdout.slice(0, 300)}`);
  return doc.listeners.map((raw: unknown) => {
    const l = raw as Record<string, unknown>;
    if (typeof l.protocol !== 'string' || typeof l.interface !== 'string' || typeof l.port !== 'number') {
      throw new Error(`unexpected listener entry: ${JSON.stringify(raw)}`);
    }
    return {
      protocol: l.protocol,
      interface: l.interface,
      port: l.port,
      ...(typeof l.purpose === 'string' ? { purpose: l.purpose } : {}),
    };
  });
}
