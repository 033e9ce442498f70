/**
 * A large `rabbitmq.conf`, generated from a seed: real keys of the schema
 * (listeners, TLS options, users, cluster peers, management and MQTT
 * settings), comments and blank lines, some quoted values — every line one
 * that cuttlefish accepts and the schema rules check.
 */
import { seededRandom, type Random } from '../random.js';

const HEADER = [
  '# Generated for the benchmarks: a large rabbitmq.conf.',
  'listeners.tcp.default = 5672',
  'listeners.ssl.default = 5671',
  'ssl_options.cacertfile = /etc/rabbitmq/ssl/ca.pem',
  'ssl_options.certfile = /etc/rabbitmq/ssl/server.pem',
  'ssl_options.keyfile = /etc/rabbitmq/ssl/server.key',
  'ssl_options.verify = verify_peer',
  'ssl_options.fail_if_no_peer_cert = true',
  'ssl_options.versions.1 = tlsv1.2',
  'ssl_options.versions.2 = tlsv1.3',
  'default_user = admin',
  'management.tcp.port = 15672',
  'vm_memory_high_watermark.relative = 0.6',
  'heartbeat = 60',
  "default_vhost = 'prod'",
];

/** Line makers, each for a family of keys that take a name, so that no key repeats. */
const LINES: readonly ((r: Random, n: number) => string)[] = [
  (r, n) => `cluster_formation.classic_config.nodes.${n} = rabbit@node-${r.int(0, 9999)}.example.org`,
  (r, n) => `loopback_users.user_${n} = ${r.chance(0.5) ? 'true' : 'false'}`,
  (r, n) => `listeners.ssl.l${n} = 127.0.${r.int(0, 255)}.${r.int(1, 254)}:${r.int(1024, 65535)}`,
  (r, n) => `management.cors.allow_origins.o${n} = https://app-${r.int(0, 999)}.example.org`,
  (r, n) => `auth_backends.${n} = ${r.pick(['internal', 'ldap', 'http'])}`,
  (r) => `# ${r.pick(['tuning', 'listeners', 'peers', 'limits'])} for site ${r.int(0, 999)}`,
  () => '',
];

/** A file of exactly `lineCount` lines (the header included). */
export function rabbitmqConf(lineCount: number, seed = 0xc0f): string {
  const r = seededRandom(seed);
  const lines = [...HEADER];
  for (let n = 0; lines.length < lineCount; n++) lines.push(r.pick(LINES)(r, n));
  lines.length = lineCount;
  return lines.join('\n') + '\n';
}
