/**
 * The private folder and environment of one throwaway RabbitMQ node.
 *
 * Everything RabbitMQ would otherwise take from the system (/etc/rabbitmq,
 * /var/lib/rabbitmq, the default ports, the Erlang cookie in $HOME, the
 * shared epmd on 4369) is redirected into a temp folder or to ports of our
 * own, so a test node never meets a system broker or another test's node.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The configuration files a test boots a node with (file contents, not paths). */
export interface BrokerConfigFiles {
  /** rabbitmq.conf (cuttlefish / sysctl format). */
  readonly rabbitmqConf?: string;
  /** advanced.config (Erlang terms), merged over the main configuration. */
  readonly advancedConfig?: string;
  /** Classic rabbitmq.config (Erlang terms) used as the main configuration. */
  readonly classicConfig?: string;
  /** conf.d/*.conf files by file name; RabbitMQ reads them in name order. */
  readonly confD?: Readonly<Record<string, string>>;
  /** Plugins to enable (enabled_plugins); none by default, which boots fastest. */
  readonly plugins?: readonly string[];
}

/** Ports of the node's own infrastructure (the listeners come from the configuration). */
export interface NodePorts {
  /** Port of the default AMQP listener, used when the configuration names none. */
  readonly amqp: number;
  /** Erlang distribution port of the node (loopback only). */
  readonly dist: number;
  /** Port of the private epmd. */
  readonly epmd: number;
  /** First of the eleven distribution ports the CLI tools may use. */
  readonly cliDistMin: number;
}

/** Where a node's files live. */
export interface NodeLayout {
  readonly baseDir: string;
  readonly homeDir: string;
  readonly logDir: string;
  readonly mnesiaDir: string;
  readonly confDDir: string;
  /** Main configuration file RabbitMQ is pointed at (may not exist: then there is none). */
  readonly configFile: string;
  /** advanced.config path (may not exist: then there is none). */
  readonly advancedConfigFile: string;
  readonly enabledPluginsFile: string;
  readonly envFile: string;
  /** The VM writes its OS pid here once it runs. */
  readonly pidFile: string;
  /** stdout+stderr of rabbitmq-server: configuration errors land here. */
  readonly stdoutLog: string;
}

const SAFE_FILE_NAME = /^[A-Za-z0-9._-]+$/;

function checkFileName(name: string): void {
  if (!SAFE_FILE_NAME.test(name) || name.startsWith('.')) {
    throw new Error(`conf.d file name ${JSON.stringify(name)} must be a plain file name`);
  }
}

/** Erlang term for the enabled_plugins file: `[rabbitmq_management,rabbitmq_stomp].` */
function enabledPluginsTerm(plugins: readonly string[]): string {
  for (const p of plugins) {
    if (!/^[a-z][a-z0-9_]*$/.test(p)) throw new Error(`plugin name ${JSON.stringify(p)} is not an Erlang atom`);
  }
  return `[${plugins.join(',')}].\n`;
}

/** Creates the node's folders and writes its configuration files into `baseDir`. */
export function writeNodeLayout(baseDir: string, files: BrokerConfigFiles): NodeLayout {
  if (files.rabbitmqConf !== undefined && files.classicConfig !== undefined) {
    throw new Error('give either rabbitmqConf or classicConfig as the main configuration, not both');
  }
  const layout: NodeLayout = {
    baseDir,
    homeDir: join(baseDir, 'home'),
    logDir: join(baseDir, 'log'),
    mnesiaDir: join(baseDir, 'mnesia'),
    confDDir: join(baseDir, 'conf.d'),
    // The extension tells RabbitMQ the format; a missing file means "no configuration".
    configFile: join(baseDir, files.classicConfig !== undefined ? 'rabbitmq.config' : 'rabbitmq.conf'),
    advancedConfigFile: join(baseDir, 'advanced.config'),
    enabledPluginsFile: join(baseDir, 'enabled_plugins'),
    envFile: join(baseDir, 'rabbitmq-env.conf'),
    pidFile: join(baseDir, 'beam.pid'),
    stdoutLog: join(baseDir, 'stdout.log'),
  };
  for (const dir of [layout.homeDir, layout.logDir, layout.mnesiaDir, layout.confDDir]) mkdirSync(dir, { recursive: true });
  chmodSync(layout.homeDir, 0o700);
  // Server and CLI find the cookie in $HOME; Erlang refuses a cookie others can read.
  const cookie = join(layout.homeDir, '.erlang.cookie');
  writeFileSync(cookie, randomBytes(20).toString('hex'), { mode: 0o400 });
  writeFileSync(layout.envFile, ''); // shadows /etc/rabbitmq/rabbitmq-env.conf
  writeFileSync(layout.enabledPluginsFile, enabledPluginsTerm(files.plugins ?? []));
  const main = files.classicConfig ?? files.rabbitmqConf;
  if (main !== undefined) writeFileSync(layout.configFile, main);
  if (files.advancedConfig !== undefined) writeFileSync(layout.advancedConfigFile, files.advancedConfig);
  for (const [name, text] of Object.entries(files.confD ?? {})) {
    checkFileName(name);
    writeFileSync(join(layout.confDDir, name), text);
  }
  return layout;
}

/** Inherited variables that would leak a system or developer setup into the node. */
function isForeignSetting(name: string): boolean {
  return name.startsWith('RABBITMQ_') || name.startsWith('ERL_') || name === 'NOTIFY_SOCKET';
}

/** The environment for rabbitmq-server and the CLI tools of this node. */
export function nodeEnvironment(layout: NodeLayout, nodeName: string, ports: NodePorts): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!isForeignSetting(name)) env[name] = value;
  }
  // Keep the node's own distribution traffic and the CLI's on loopback.
  const loopbackDist = '-kernel inet_dist_use_interface {127,0,0,1}';
  return {
    ...env,
    HOME: layout.homeDir,
    RABBITMQ_CONF_ENV_FILE: layout.envFile,
    RABBITMQ_NODENAME: nodeName,
    // Only the default listener (when the configuration names none) follows these.
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(ports.amqp),
    RABBITMQ_DIST_PORT: String(ports.dist),
    RABBITMQ_CTL_DIST_PORT_MIN: String(ports.cliDistMin),
    RABBITMQ_CTL_DIST_PORT_MAX: String(ports.cliDistMin + 10),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_EPMD_PORT: String(ports.epmd),
    RABBITMQ_MNESIA_BASE: layout.mnesiaDir,
    RABBITMQ_LOG_BASE: layout.logDir,
    RABBITMQ_PID_FILE: layout.pidFile,
    RABBITMQ_ENABLED_PLUGINS_FILE: layout.enabledPluginsFile,
    RABBITMQ_CONFIG_FILE: layout.configFile,
    // RabbitMQ expands this glob itself; it replaces /etc/rabbitmq/conf.d.
    RABBITMQ_CONFIG_FILES: join(layout.confDDir, '*.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: layout.advancedConfigFile,
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: loopbackDist,
    RABBITMQ_CTL_ERL_ARGS: loopbackDist,
    // A failed boot would otherwise spend time writing erl_crash.dump into the cwd.
    ERL_CRASH_DUMP_SECONDS: '0',
    ERL_CRASH_DUMP: join(layout.baseDir, 'erl_crash.dump'),
  };
}
