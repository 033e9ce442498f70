/**
 * `mq-harden check --format json examples/`: each RabbitMQ example gets
 * exactly the codes the rule catalog predicts (reasoned from rules.md, file
 * by file, in the comments), and the hardened ones get none.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths.js';

const EXPECTED: Record<string, string[]> = {
  // No tcp_listeners (default 5672 everywhere), TLS on 0.0.0.0, the system CA bundle, verify_none,
  // no fail_if_no_peer_cert, tlsv1.1, loopback_users emptied, guest/guest, legacy management listener on HTTP.
  'rabbitmq/classic-insecure/rabbitmq.config': ['RMQ101', 'RMQ103', 'RMQ105', 'RMQ106', 'RMQ107', 'RMQ110', 'RMQ201', 'RMQ202', 'RMQ301'],
  'rabbitmq/classic-hardened/rabbitmq.config': [],
  // No listeners.tcp, TLS on a bare port, verify_none, fail_if_no_peer_cert = false, tlsv1.1,
  // loopback_users.guest = false, ANONYMOUS, management.tcp.port.
  'rabbitmq/conf-insecure/rabbitmq.conf': ['RMQ101', 'RMQ103', 'RMQ105', 'RMQ106', 'RMQ107', 'RMQ202', 'RMQ203', 'RMQ301'],
  'rabbitmq/conf-hardened/rabbitmq.conf': [],
  // Plain listener left on, TLS on a bare port.
  'rabbitmq/merged-insecure/rabbitmq.conf': ['RMQ101', 'RMQ103'],
  // Its {ssl_options, [...]} replaces every ssl_options.* line of rabbitmq.conf: no certificates, no verify,
  // no fail_if_no_peer_cert, no versions; and DES-CBC3-SHA.
  'rabbitmq/merged-insecure/advanced.config': ['RMQ104', 'RMQ105', 'RMQ106', 'RMQ108', 'RMQ109'],
  // A trailing comma: RabbitMQ would not start; nothing else is judged.
  'rabbitmq/broken/rabbitmq.config': ['CFG001'],
  // `verfy` (so verify is absent), `maybe`, a bare TLS port, no versions.
  'rabbitmq/broken/rabbitmq.conf': ['CFG002', 'CFG003', 'RMQ103', 'RMQ105', 'RMQ106', 'RMQ108'],
};

test('the RabbitMQ examples get exactly the predicted codes', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', 'examples/'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  const got: Record<string, string[]> = {};
  for (const f of out.files) {
    const rel = f.path.replace(/^examples\//, '');
    if (rel.startsWith('rabbitmq/')) got[rel] = [...new Set(f.diagnostics.map((d) => d.code))].sort();
  }
  assert.deepEqual(got, Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, [...v].sort()])));
});
