/**
 * The files that form one RabbitMQ node's configuration, found beside the
 * file being analysed through a host-provided file system (the CLI reads the
 * disk; the language server prefers unsaved editor buffers).
 */
import { baseConfigName } from '../languages/detect.js';

/** What the engine may learn about a file without reading it. */
export interface FileStat {
  /** Permission bits (`0o600`). */
  readonly mode: number;
  readonly isFile: boolean;
}

/** File access the engine asks of its host. Paths are the host's own. */
export interface WorkspaceHost {
  /**
   * Metadata of a file on this machine (for the key-file permission checks);
   * undefined when it does not exist. Hosts that cannot tell leave it out.
   */
  stat?(path: string): FileStat | undefined;
  /** A file's text (an editor's unsaved buffer wins over the disk); undefined when missing. */
  readFile(path: string): string | undefined;
  /** The names in a directory; undefined when it is not one. */
  listDirectory(path: string): readonly string[] | undefined;
}

function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? path.slice(0, 1) : path.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The entry of `dir` whose configuration name is `wanted` (`rabbitmq.conf`, `rabbitmq.conf.j2`, …), preferring the same template style. */
function findConfig(host: WorkspaceHost, dir: string, wanted: string, like: string): string | undefined {
  const names = (host.listDirectory(dir) ?? []).filter((n) => baseConfigName(n) === wanted);
  if (names.length === 0) return undefined;
  const suffix = basename(like).slice(baseConfigName(like).length);
  const best = names.find((n) => n.slice(wanted.length) === suffix) ?? names.find((n) => n === wanted) ?? names[0];
  return join(dir, best);
}

/**
 * The configuration `path` belongs to, in the order RabbitMQ reads it:
 * rabbitmq.conf, conf.d/*.conf by name, then advanced.config. A classic
 * rabbitmq.config stands alone (RabbitMQ then ignores advanced.config), and
 * so does any file that is not one of these names.
 */
export function rabbitConfigurationFiles(path: string, host: WorkspaceHost | undefined): string[] {
  const name = baseConfigName(path);
  if (!host || name === 'rabbitmq.config' || name.endsWith('inter_node_tls.config')) return [path];
  let dir = dirname(path);
  if (basename(dir) === 'conf.d') dir = dirname(dir);
  const main = findConfig(host, dir, 'rabbitmq.conf', path);
  const confD = join(dir, 'conf.d');
  const extras = (host.listDirectory(confD) ?? [])
    .filter((n) => baseConfigName(n).endsWith('.conf'))
    .sort()
    .map((n) => join(confD, n));
  const advanced = findConfig(host, dir, 'advanced.config', path);
  const files = [main, ...extras, advanced].filter((p): p is string => p !== undefined);
  const normalize = (p: string) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return files.some((f) => normalize(f) === normalize(path)) ? files.map((f) => (normalize(f) === normalize(path) ? path : f)) : [path];
}
