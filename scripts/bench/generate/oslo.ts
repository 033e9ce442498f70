/**
 * oslo.config service files (nova.conf and friends), generated from a seed:
 * the shape of a sample configuration — many commented-out options with
 * their help text, a few set ones, multi-line values, the messaging sections
 * the rules read.
 */
import { seededRandom, type Random } from '../random.js';

const SECTIONS = ['DEFAULT', 'api', 'database', 'keystone_authtoken', 'oslo_concurrency', 'oslo_messaging_notifications',
  'oslo_messaging_rabbit', 'oslo_middleware', 'placement', 'scheduler', 'vnc', 'glance', 'neutron', 'cinder', 'libvirt'];

const WORDS = ['timeout', 'workers', 'host', 'port', 'enabled', 'driver', 'interval', 'retry', 'pool', 'cache', 'limit', 'path'];

/** Lines of `[oslo_messaging_rabbit]` the rules have something to say about. */
const MESSAGING_LINES = [
  '[DEFAULT]',
  'transport_url = rabbit://nova:secret@rabbit1.example.org:5672,nova:secret@rabbit2.example.org:5672/nova',
  '',
  '[oslo_messaging_rabbit]',
  'ssl = false',
  'rabbit_ha_queues = true',
  'heartbeat_timeout_threshold = 60',
  '',
];

function optionName(r: Random): string {
  return `${r.pick(WORDS)}_${r.pick(WORDS)}_${r.int(0, 999)}`;
}

function optionValue(r: Random): string {
  switch (r.int(0, 4)) {
    case 0: return String(r.int(0, 100000));
    case 1: return r.chance(0.5) ? 'true' : 'false';
    case 2: return `/var/lib/${r.pick(WORDS)}/${r.int(0, 999)}`;
    case 3: return `${r.pick(WORDS)}.example.org:${r.int(1024, 65535)}`;
    default: return `"${r.pick(WORDS)} ${r.pick(WORDS)}"`;
  }
}

/** One chunk of lines: an option's help text and its (often commented-out) assignment. */
function optionBlock(r: Random, lines: string[]): void {
  const name = optionName(r);
  for (let k = r.int(1, 4); k > 0; k--) lines.push(`# ${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(WORDS)} of the ${name} option.`);
  lines.push('#');
  if (r.chance(0.3)) {
    lines.push(`${name} = ${optionValue(r)}`);
    if (r.chance(0.1)) for (let k = r.int(1, 3); k > 0; k--) lines.push(`    ${optionValue(r)}`);
  } else {
    lines.push(`#${name} = ${optionValue(r)}`);
  }
  lines.push('');
}

/** A service file of exactly `lineCount` lines. */
export function serviceFile(lineCount: number, seed = 0x0510): string {
  const r = seededRandom(seed);
  const lines = [...MESSAGING_LINES];
  while (lines.length < lineCount) {
    lines.push(`[${r.pick(SECTIONS)}]`, '');
    for (let k = r.int(5, 40); k > 0 && lines.length < lineCount; k--) optionBlock(r, lines);
  }
  lines.length = lineCount;
  return lines.join('\n') + '\n';
}

/** `count` small service files with distinct content, as `[name, text]` pairs. */
export function serviceFiles(count: number, linesEach: number, seed = 0xf11e): [string, string][] {
  const services = ['nova', 'neutron', 'cinder', 'glance-api', 'keystone', 'heat', 'ironic', 'manila', 'octavia', 'designate'];
  return Array.from({ length: count }, (_, k) => [`${services[k % services.length]}.conf`, serviceFile(linesEach, seed + k)]);
}
