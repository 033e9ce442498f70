import type { LanguageId } from './ids.js';

/**
 * What a file is, as far as mq-harden is concerned.
 * `variant` refines the language where the same syntax is read differently.
 */
export interface DetectedLanguage {
  readonly language: LanguageId;
  /**
   * - `inter-node-tls`: an `-ssl_dist_optfile` file, not part of the node's application environment;
   * - `advanced`: `advanced.config`.
   * In both, function calls are legitimate: Erlang evaluates the inter-node
   * file, and RabbitMQ 3.12+ reads advanced.config with an evaluating reader
   * (its own test suite uses `public_key:pkix_verify_hostname_match_fun(https)` there).
   */
  readonly variant?: ConfigVariant;
  /** How the language was decided, for `--verbose` output and tests. */
  readonly reason: 'name' | 'path' | 'content' | 'override';
}

export type ConfigVariant = 'inter-node-tls' | 'advanced';

/** Extensions that mark a template of the file named before them. */
const TEMPLATE_EXTENSIONS = ['.j2', '.jinja', '.jinja2', '.erb', '.epp', '.tmpl', '.tpl'];
/** Suffixes of sample copies that are still files of the same format. */
const SAMPLE_EXTENSIONS = ['.example', '.sample', '.dist', '.orig'];
/** `nova.conf.juno`, `rabbitmq.config.bak`: a copy of a file of the same format, kept under a release or backup name. */
const TAGGED_COPY = /\.(conf|config|ini)\.[A-Za-z][A-Za-z0-9]*$/;

/**
 * OpenStack services whose `<name>.conf` is an oslo.config file. The list
 * errs on the side of the common ones; any other service is still found by
 * its messaging sections (content detection).
 */
const OPENSTACK_SERVICES = new Set([
  'nova', 'neutron', 'cinder', 'glance', 'glance-api', 'glance-registry', 'keystone', 'heat', 'ironic', 'manila',
  'octavia', 'designate', 'barbican', 'ceilometer', 'aodh', 'magnum', 'trove', 'trove-guestagent', 'mistral',
  'placement', 'watcher', 'masakari', 'blazar', 'cloudkitty', 'tacker', 'cyborg', 'zun', 'senlin', 'sahara',
  'murano', 'gnocchi', 'panko', 'vitrage', 'zaqar', 'freezer', 'karbor', 'solum', 'kuryr', 'venus', 'skyline',
  'nova-compute', 'neutron-server', 'heat-engine', 'cinder-volume',
]);

/** Directories under /etc whose *.conf / *.ini files are service configuration. */
const OPENSTACK_ETC_DIRS = new Set([...OPENSTACK_SERVICES].filter((s) => !s.includes('-')));

/**
 * The file's own name, with what a deployment tool or a backup appended
 * removed: template extensions (`nova.conf.j2`), sample suffixes
 * (`rabbitmq.conf.example`) and `__suffix` tags (`rabbitmq.config.j2__2018`).
 */
export function baseConfigName(fileName: string): string {
  let name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  // `flattened__path__name.ext` or `name.ext__tag`: keep the part that looks like a file name.
  if (name.includes('__')) {
    const parts = name.split('__').filter((p) => p.length > 0);
    const withDot = parts.filter((p) => p.includes('.'));
    if (withDot.length > 0) name = withDot[withDot.length - 1];
  }
  if (TAGGED_COPY.test(name)) name = name.slice(0, name.lastIndexOf('.'));
  let changed = true;
  while (changed) {
    changed = false;
    for (const ext of [...TEMPLATE_EXTENSIONS, ...SAMPLE_EXTENSIONS]) {
      if (name.toLowerCase().endsWith(ext) && name.length > ext.length) {
        name = name.slice(0, -ext.length);
        changed = true;
      }
    }
  }
  return name;
}

/** Path segments, lower-cased, without the file name. */
function directories(path: string): string[] {
  const parts = path.replace(/\\/g, '/').toLowerCase().split('/');
  parts.pop();
  return parts;
}

/** Decide by name and path alone. */
export function detectByName(path: string): DetectedLanguage | undefined {
  const name = baseConfigName(path).toLowerCase();
  const dirs = directories(path);
  const inRabbitDir = dirs.some((d) => d === 'rabbitmq' || d.startsWith('rabbitmq'));

  if (name === 'inter_node_tls.config' || name.endsWith('inter_node_tls.config')) {
    return { language: 'rabbitmq-config', variant: 'inter-node-tls', reason: 'name' };
  }
  if (name === 'advanced.config' || /^advanced[_.-][\w.-]*\.config$/.test(name)) {
    return { language: 'rabbitmq-config', variant: 'advanced', reason: 'name' };
  }
  if (name === 'rabbitmq.config') return { language: 'rabbitmq-config', reason: 'name' };
  if (name.endsWith('.config') && inRabbitDir) return { language: 'rabbitmq-config', reason: 'path' };

  if (name === 'qpidd.conf') return { language: 'qpidd-conf', reason: 'name' };

  if (name.endsWith('.conf')) {
    const stem = name.slice(0, -'.conf'.length);
    if (stem === 'rabbitmq-env' || stem.endsWith('-env')) return undefined; // shell environment files
    if (stem === 'rabbitmq' || stem.startsWith('rabbitmq.') || stem.startsWith('rabbitmq-')) {
      return { language: 'rabbitmq-conf', reason: 'name' };
    }
    if (dirs.length > 0 && dirs[dirs.length - 1] === 'conf.d' && inRabbitDir) {
      return { language: 'rabbitmq-conf', reason: 'path' };
    }
    if (OPENSTACK_SERVICES.has(stem)) return { language: 'oslo-config', reason: 'name' };
  }
  if (name.endsWith('.conf') || name.endsWith('.ini')) {
    const etc = dirs.lastIndexOf('etc');
    if (etc >= 0 && etc + 1 < dirs.length && OPENSTACK_ETC_DIRS.has(dirs[etc + 1])) {
      return { language: 'oslo-config', reason: 'path' };
    }
  }
  return undefined;
}

/** Keys that only a `rabbitmq.conf` would hold at the start of a line. */
const CONF_KEY_EVIDENCE =
  /^[ \t]*(listeners\.(tcp|ssl)|ssl_options\.|loopback_users|default_user|default_pass|management\.(tcp|ssl|listener)|auth_mechanisms\.|cluster_formation\.|vm_memory_high_watermark|disk_free_limit|log\.(file|console)|mqtt\.|stomp\.|prometheus\.(tcp|ssl))[\w.$-]*[ \t]*=/m;
/** A classic config starts with a list of application tuples. */
const CLASSIC_EVIDENCE = /^\s*(%[^\n]*\n\s*)*\[\s*(%[^\n]*\n\s*)*\{\s*'?(rabbit|rabbitmq_[a-z_0-9]+|kernel|ssl|lager|os_mon|mnesia)'?\s*,/;
/** oslo.messaging evidence in an INI file. */
const OSLO_EVIDENCE = /^[ \t]*(\[oslo_messaging_[a-z0-9_]+\]|\[oslo_messaging_[a-z0-9_]+\b|(transport_url|rpc_backend|rabbit_hosts?|rabbit_userid|qpid_hostname|kombu_ssl_[a-z_]+)[ \t]*[=:])/im;
const QPIDD_EVIDENCE = /^[ \t]*(require-encryption|ssl-cert-db|ssl-require-client-authentication|ssl-cert-name)[ \t]*=/m;

/**
 * Decide by content, for files whose name says nothing. Each test asks for
 * positive evidence: an unrelated `.conf` or `.config` gets `undefined`.
 */
export function detectByContent(text: string): DetectedLanguage | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (CLASSIC_EVIDENCE.test(head)) return { language: 'rabbitmq-config', reason: 'content' };
  if (OSLO_EVIDENCE.test(head)) return { language: 'oslo-config', reason: 'content' };
  if (QPIDD_EVIDENCE.test(head)) return { language: 'qpidd-conf', reason: 'content' };
  if (CONF_KEY_EVIDENCE.test(head) && !/^\[[^\]\n]*\][ \t]*$/m.test(head)) return { language: 'rabbitmq-conf', reason: 'content' };
  return undefined;
}

/** Files of other formats that merely quote our formats (documentation, YAML values, JSON). */
const NEVER_BY_CONTENT = /\.(ya?ml|json|md|rst|txt|html?|adoc|xml|sh|py|rb|erl|hrl|schema|partial|ex|exs)$/i;

/** Name and path first, then content. */
export function detectLanguage(path: string, text: string): DetectedLanguage | undefined {
  const byName = detectByName(path);
  if (byName) return byName;
  return NEVER_BY_CONTENT.test(baseConfigName(path)) ? undefined : detectByContent(text);
}
