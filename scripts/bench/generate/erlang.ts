/**
 * A large classic `rabbitmq.config` (Erlang terms), generated from a seed:
 * a real `rabbit` section that the rules read, then many application
 * sections of deeply nested lists, tuples, strings, binaries and numbers,
 * the shape of big definition dumps and shovel configurations. Every file it
 * makes is one that `file:consult/1` accepts.
 */
import { seededRandom, type Random } from '../random.js';

const RABBIT_SECTION = `  {rabbit, [
    {tcp_listeners, [{"127.0.0.1", 5672}]},
    {ssl_listeners, [5671]},
    {ssl_options, [{cacertfile, "/etc/rabbitmq/ssl/ca.pem"},
                   {certfile, "/etc/rabbitmq/ssl/server.pem"},
                   {keyfile, "/etc/rabbitmq/ssl/server.key"},
                   {verify, verify_peer},
                   {fail_if_no_peer_cert, true},
                   {versions, ['tlsv1.2', 'tlsv1.3']}]},
    {default_user, <<"admin">>},
    {loopback_users, [<<"guest">>]},
    {vm_memory_high_watermark, 0.4},
    {heartbeat, 60},
    {frame_max, 16#20000}
  ]},
`;

const WORDS = ['queue', 'exchange', 'vhost', 'shovel', 'policy', 'binding', 'user', 'node', 'federation', 'upstream'];

function atom(r: Random): string {
  const word = r.pick(WORDS);
  return r.chance(0.1) ? `'${word}-${r.int(0, 999)}'` : `${word}_${r.int(0, 99)}`;
}

function scalar(r: Random): string {
  switch (r.int(0, 6)) {
    case 0: return `"${r.pick(WORDS)}/${r.int(0, 99999)}"`;
    case 1: return `<<"${r.pick(WORDS)}-${r.int(0, 99999)}">>`;
    case 2: return String(r.int(-1000, 1_000_000));
    case 3: return (r.next() * 1000).toFixed(3);
    case 4: return `<<${r.int(0, 255)},${r.int(0, 255)},${r.int(0, 255)}>>`;
    case 5: return `$${String.fromCharCode(r.int(97, 122))}`;
    default: return atom(r);
  }
}

/** A nested value: proplists of tuples, lists of scalars, down to `depth` levels. */
function value(r: Random, depth: number): string {
  if (depth <= 0 || r.chance(0.25)) return scalar(r);
  const n = r.int(1, 4);
  const items = Array.from({ length: n }, () => (r.chance(0.6) ? `{${atom(r)}, ${value(r, depth - 1)}}` : value(r, depth - 1)));
  return r.chance(0.8) ? `[${items.join(', ')}]` : `{${items.join(', ')}}`;
}

/** How big a generated config is to be, and how deep its values go. */
export interface ClassicConfigShape {
  /** Stop once the text is at least this long. */
  readonly bytes?: number;
  /** Stop once the text has at least this many lines (then cut to exactly this many plus the closing lines). */
  readonly lines?: number;
  /** Nesting depth of the generated values (default 10). */
  readonly depth?: number;
}

/** A classic configuration of the given size, the same for the same seed. */
export function classicConfig(shape: ClassicConfigShape, seed = 0x5eed): string {
  const r = seededRandom(seed);
  const depth = shape.depth ?? 10;
  const parts: string[] = ['%% Generated for the benchmarks: a large classic configuration.\n[\n', RABBIT_SECTION];
  let size = parts[0].length + parts[1].length;
  let lines = countLines(parts[0]) + countLines(parts[1]);
  const done = () => (shape.bytes !== undefined && size >= shape.bytes) || (shape.lines !== undefined && lines >= shape.lines - 2);
  for (let app = 0; !done(); app++) {
    const entries: string[] = [];
    for (let k = 0; k < 8; k++) entries.push(`    {${atom(r)}, ${value(r, depth)}}`);
    const section = `  {bench_app_${app}, [\n${entries.join(',\n')}\n  ]},\n`;
    parts.push(section);
    size += section.length;
    lines += countLines(section);
  }
  parts.push('  {kernel, [{inet_dist_use_interface, {127,0,0,1}}]}\n].\n');
  return parts.join('');
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
