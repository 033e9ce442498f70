/**
 * Starting and stopping a private, throwaway RabbitMQ node for one test.
 *
 * A node is booted from configuration *text* (rabbitmq.conf, classic
 * rabbitmq.config, advanced.config, conf.d files), without systemd and
 * without touching /etc/rabbitmq or /var/lib/rabbitmq. Its epmd,
 * distribution and CLI ports are private and on loopback. The listeners are
 * whatever the configuration says: that is what the tests examine.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootErrorFromLogs } from './boot-log.js';
import { brokerMissing, findOnPath, rabbitmqTool, type RabbitmqTool } from './installation.js';
import { acquireBrokerSlot, type ReleaseSlot } from './machine-lock.js';
import { nodeEnvironment, writeNodeLayout, type BrokerConfigFiles, type NodeLayout, type NodePorts } from './node-layout.js';
import { freeLoopbackPort, portInUse, tryConnect } from './ports.js';
import { exitsWithin, forgetTempDir, hasExited, killPid, own, removeTempDirOnExit, startWatchdog, terminate, type OwnedProcess } from './processes.js';
import { parseListenersJson, runCli, type BrokerListener, type CliResult } from './rabbitmq-cli.js';

export type { BrokerListener, CliResult };

/** How to boot a node: its configuration plus harness settings. */
export interface StartBrokerOptions extends BrokerConfigFiles {
  /** Short label for the node name and temp folder, e.g. `hardened-conf`. */
  readonly name: string;
  /**
   * Ports the configuration under test listens on, which must be free first
   * (a system broker on 5672 would make every probe meaningless).
   * Default: 5671 and 5672.
   */
  readonly requireFreePorts?: readonly number[];
  /** Port of the default AMQP listener, used when the configuration sets none. Default 5672. */
  readonly defaultAmqpPort?: number;
  /** Give up on a boot after this long (the failure becomes `bootError`). Default 60 s. */
  readonly bootTimeoutMs?: number;
  /** Wait this long for another test's broker to finish. Default 180 s. */
  readonly slotTimeoutMs?: number;
}

/** The OS processes behind a node. */
export interface NodePids {
  /** rabbitmq-server's shell wrapper; it leads the process group holding the VM. */
  readonly server: number;
  /** The Erlang VM (beam.smp), once it had written its pid file. */
  readonly beam?: number;
  readonly epmd: number;
  readonly watchdog: number;
}

/** A started (or failed) node. Always call `stop()`, also after a failed boot. */
export interface BrokerNode {
  readonly name: string;
  /** Erlang node name, e.g. `mqh_hardened-conf_1234@localhost`. */
  readonly nodeName: string;
  /** Temp folder with the node's configuration, data and logs (removed by `stop()`). */
  readonly baseDir: string;
  /** Why the node did not boot (RabbitMQ's own words); undefined when it is running. */
  readonly bootError?: string;
  /** Time from launch to "running" (or to the failure), in ms. */
  readonly bootMillis: number;
  /** OS pids, for tests that check nothing is left behind. */
  readonly pids: NodePids;
  /**
   * The node's listeners, from `rabbitmq-diagnostics listeners`. The
   * clustering listener (inter-node and CLI traffic) is left out unless asked for.
   */
  listeners(options?: { includeClustering?: boolean }): Promise<BrokerListener[]>;
  /** Runs rabbitmqctl or rabbitmq-diagnostics against this node. */
  cli(tool: Exclude<RabbitmqTool, 'rabbitmq-server'>, args: readonly string[]): Promise<CliResult>;
  /** Everything the node printed so far: stdout, then its log files. */
  logs(): string;
  /** Kills the node and its epmd, frees the ports and removes the temp folder. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_REQUIRED_FREE_PORTS = [5671, 5672];

/** Keeps temp folders after stop(), for a post-mortem. */
const KEEP_DIRS = process.env.MQ_HARDEN_KEEP_BROKER_DIRS === '1';

function sanitize(label: string): string {
  return label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'node';
}

async function assertPortsFree(ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    if (await portInUse(port)) {
      throw new Error(
        `port ${port} is already in use on this machine; the broker tests need it free ` +
          `(a system RabbitMQ? stop it: \`service rabbitmq-server stop\` or kill that process)`,
      );
    }
  }
}

/** Picks the node's private ports; the CLI's range of 11 must fit below 65536. */
async function pickPorts(defaultAmqpPort: number): Promise<NodePorts> {
  const epmd = await freeLoopbackPort();
  const dist = await freeLoopbackPort();
  let cliDistMin = await freeLoopbackPort();
  while (cliDistMin > 65_525) cliDistMin = await freeLoopbackPort();
  return { amqp: defaultAmqpPort, dist, epmd, cliDistMin };
}

function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  forgetTempDir(dir);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts our own epmd on loopback and waits until it accepts connections. */
async function startEpmd(layout: NodeLayout, port: number): Promise<OwnedProcess> {
  const epmdPath = findOnPath('epmd');
  if (!epmdPath) throw new Error('epmd not found on PATH');
  const out = openSync(join(layout.baseDir, 'epmd.log'), 'a');
  const epmd = own(
    spawn(epmdPath, ['-address', '127.0.0.1', '-port', String(port)], { detached: true, stdio: ['ignore', out, out] }),
    true,
  );
  closeSync(out);
  for (let i = 0; i < 100; i++) {
    if (hasExited(epmd)) throw new Error(`epmd exited at once: ${readFileSync(join(layout.baseDir, 'epmd.log'), 'utf8')}`);
    if ((await tryConnect('127.0.0.1', port, 500)) === 'connected') return epmd;
    await sleep(50);
  }
  await terminate(epmd, 500);
  throw new Error(`epmd did not listen on 127.0.0.1:${port}`);
}

function readLogs(layout: NodeLayout): string[] {
  const texts: string[] = [];
  if (existsSync(layout.stdoutLog)) texts.push(readFileSync(layout.stdoutLog, 'utf8'));
  if (existsSync(layout.logDir)) {
    for (const name of readdirSync(layout.logDir).sort()) texts.push(readFileSync(join(layout.logDir, name), 'utf8'));
  }
  return texts;
}

/** How the wait for a booting node ended. */
type BootOutcome =
  | { readonly kind: 'running' }
  | { readonly kind: 'exited' }
  /** Still not running when `rabbitmqctl wait` gave up; `detail` is what it said. */
  | { readonly kind: 'not-running'; readonly detail: string };

/**
 * Waits until the node runs (`rabbitmqctl wait` on its pid file, which does
 * not depend on any log setting) or until rabbitmq-server exits (a boot
 * failure), whichever comes first. The losing side is cleaned up.
 */
async function awaitBoot(
  server: OwnedProcess,
  layout: NodeLayout,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<BootOutcome> {
  const cancelWait = new AbortController();
  void server.exited.then(() => cancelWait.abort());
  const waited = await runCli('rabbitmqctl', ['-q', 'wait', '--timeout', String(Math.ceil(timeoutMs / 1000)), layout.pidFile], env, layout.baseDir, {
    timeoutMs: timeoutMs + 10_000,
    signal: cancelWait.signal,
  });
  if (hasExited(server)) return { kind: 'exited' };
  if (waited.code === 0) return { kind: 'running' };
  const said = (waited.stderr || waited.stdout).trim();
  return { kind: 'not-running', detail: waited.timedOut ? `no answer within ${timeoutMs} ms` : `rabbitmqctl wait exited ${waited.code}: ${said}` };
}

function readBeamPid(layout: NodeLayout): number | undefined {
  try {
    const pid = Number(readFileSync(layout.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Boots a private RabbitMQ node from the given configuration and waits until
 * it runs or fails. A configuration RabbitMQ rejects does not throw: the
 * handle carries `bootError`. Throws only for harness problems (broker not
 * installed, ports taken, epmd not starting).
 */
export async function startBroker(options: StartBrokerOptions): Promise<BrokerNode> {
  const missing = brokerMissing();
  if (missing) throw new Error(missing);
  const release = await acquireBrokerSlot(options.slotTimeoutMs ?? 180_000);
  const started: OwnedProcess[] = [];
  let baseDir: string | undefined;
  try {
    await assertPortsFree(options.requireFreePorts ?? DEFAULT_REQUIRED_FREE_PORTS);
    baseDir = mkdtempSync(join(tmpdir(), `mq-harden-broker-${sanitize(options.name)}-`));
    if (!KEEP_DIRS) removeTempDirOnExit(baseDir);
    const layout = writeNodeLayout(baseDir, options);
    const ports = await pickPorts(options.defaultAmqpPort ?? 5672);
    const nodeName = `mqh_${sanitize(options.name)}_${process.pid}@localhost`;
    const env = nodeEnvironment(layout, nodeName, ports);

    const epmd = await startEpmd(layout, ports.epmd);
    started.push(epmd);
    const out = openSync(layout.stdoutLog, 'a');
    const server = own(
      spawn(rabbitmqTool('rabbitmq-server'), [], { cwd: layout.baseDir, env, detached: true, stdio: ['ignore', out, out] }),
      true,
    );
    closeSync(out);
    started.push(server);
    const watchdog = startWatchdog([-epmd.pid, -server.pid]);
    started.push(watchdog);

    const t0 = Date.now();
    const outcome = await awaitBoot(server, layout, env, options.bootTimeoutMs ?? 60_000);
    const bootMillis = Date.now() - t0;
    let bootError: string | undefined;
    if (outcome.kind === 'exited') {
      bootError = bootErrorFromLogs(readLogs(layout));
    } else if (outcome.kind === 'not-running') {
      bootError = `node not running (${outcome.detail}); its last output:\n${bootErrorFromLogs(readLogs(layout))}`;
    }
    const node = makeNode(options.name, nodeName, layout, env, { server, epmd, watchdog }, release, bootMillis, bootError);
    // A node that did not boot is of no further use: free everything now.
    if (bootError !== undefined) await node.stop();
    return node;
  } catch (err) {
    for (const p of started.reverse()) await terminate(p, 1000);
    release();
    if (baseDir && !KEEP_DIRS) removeDir(baseDir);
    throw err;
  }
}

/**
 * Ends the node. A throwaway node needs no graceful shutdown, so the VM gets
 * SIGKILL (a second faster than `rabbitmqctl stop`). Killing the VM rather
 * than the whole group lets the rabbitmq-server shell, its parent, reap it:
 * once that shell exits, the VM is gone for good and its ports are free. The
 * VM's helpers (erl_child_setup, inet_gethost) exit when their pipe closes.
 */
async function killServer(server: OwnedProcess, beam: number | undefined): Promise<void> {
  if (beam !== undefined && !hasExited(server)) {
    killPid(beam);
    await exitsWithin(server, 5000);
  }
  await terminate(server, 0); // whatever is left in the group
}

/** The processes behind one node. */
interface NodeProcesses {
  /** rabbitmq-server's shell wrapper, leading the group that holds the Erlang VM. */
  readonly server: OwnedProcess;
  readonly epmd: OwnedProcess;
  readonly watchdog: OwnedProcess;
}

function makeNode(
  name: string,
  nodeName: string,
  layout: NodeLayout,
  env: NodeJS.ProcessEnv,
  processes: NodeProcesses,
  release: ReleaseSlot,
  bootMillis: number,
  bootError: string | undefined,
): BrokerNode {
  let stopping: Promise<void> | undefined;
  let savedLogs: string | undefined;
  // Also read after a failed boot: a VM that hung at boot must be killed too.
  const beam = readBeamPid(layout);
  const requireRunning = (what: string) => {
    if (bootError !== undefined) throw new Error(`${what}: node ${name} did not boot: ${bootError}`);
    if (stopping) throw new Error(`${what}: node ${name} was stopped`);
  };
  return {
    name,
    nodeName,
    baseDir: layout.baseDir,
    bootError,
    bootMillis,
    pids: { server: processes.server.pid, epmd: processes.epmd.pid, watchdog: processes.watchdog.pid, ...(beam ? { beam } : {}) },
    async listeners(opts = {}) {
      requireRunning('listeners()');
      const r = await runCli('rabbitmq-diagnostics', ['-q', 'listeners', '--formatter', 'json'], env, layout.baseDir);
      if (r.code !== 0) throw new Error(`rabbitmq-diagnostics listeners failed (${r.code}): ${r.stderr || r.stdout}`);
      const all = parseListenersJson(r.stdout);
      return opts.includeClustering ? all : all.filter((l) => l.protocol !== 'clustering');
    },
    async cli(tool, args) {
      requireRunning(`${tool} ${args.join(' ')}`);
      return runCli(tool, args, env, layout.baseDir);
    },
    logs() {
      return savedLogs ?? readLogs(layout).join('\n');
    },
    stop() {
      stopping ??= (async () => {
        savedLogs = readLogs(layout).join('\n');
        await killServer(processes.server, beam);
        await terminate(processes.epmd, 1000);
        await terminate(processes.watchdog, 1000);
        release();
        if (!KEEP_DIRS) removeDir(layout.baseDir);
      })();
      return stopping;
    },
  };
}
