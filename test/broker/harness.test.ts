/**
 * The harness against the real broker (Debian's rabbitmq-server 3.10.8):
 * hand-written hardened configurations, in both formats, must boot a node
 * that speaks only TLS, only to clients with a certificate from our CA, and
 * only TLS 1.2+; a misspelt key must stop the boot with cuttlefish's
 * message; incomplete ssl_options must leave the node without a usable TLS
 * listener. Each configuration is booted once and every probe runs on it.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { assertHardened } from './assert-hardened.js';
import {
  amqpConnectionStart,
  makeCertificates,
  plainConnectRefused,
  pointAtCertificates,
  requireBroker,
  startBroker,
  tlsHandshake,
  type BrokerNode,
  type TestCertificates,
} from './harness.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'broker');
const TLS_PORT = 5671;
const PLAIN_PORT = 5672;

function fixture(name: string, certs: TestCertificates): string {
  return pointAtCertificates(readFileSync(join(FIXTURES, name), 'utf8'), certs);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Boots a node for one test and makes sure it is stopped whatever happens. */
async function boot(t: TestContext, options: Parameters<typeof startBroker>[0]): Promise<BrokerNode> {
  const node = await startBroker(options);
  t.after(() => node.stop());
  return node;
}

/** After stop(): no process, no listener, no temp folder. */
async function assertGone(node: BrokerNode): Promise<void> {
  await node.stop();
  for (const [what, pid] of Object.entries(node.pids)) {
    assert.equal(processAlive(pid), false, `${what} (pid ${pid}) still running after stop()`);
  }
  assert.equal(await plainConnectRefused(TLS_PORT), true, '5671 still open after stop()');
  assert.equal(existsSync(node.baseDir), false);
}

test('real RabbitMQ through the harness', async (t) => {
  if (!requireBroker(t)) return;
  const pkiDir = mkdtempSync(join(tmpdir(), 'mq-harden-pki-'));
  t.after(() => rmSync(pkiDir, { recursive: true, force: true }));
  const certs = await makeCertificates(pkiDir);

  await t.test('hardened rabbitmq.conf boots TLS-only', async (t) => {
    const node = await boot(t, { name: 'hardened-conf', rabbitmqConf: fixture('hardened.conf', certs) });
    await assertHardened(t, node, certs);
    await t.test('stop() leaves nothing behind', () => assertGone(node));
  });

  await t.test('hardened classic rabbitmq.config boots TLS-only', async (t) => {
    const node = await boot(t, { name: 'hardened-config', classicConfig: fixture('hardened.config', certs) });
    await assertHardened(t, node, certs);
  });

  await t.test('rabbitmq.conf, conf.d and advanced.config are all read; advanced ssl_options replace the .conf ones', async (t) => {
    const node = await boot(t, {
      name: 'merged',
      rabbitmqConf: 'listeners.tcp = none\n',
      confD: {
        '10-tls.conf': pointAtCertificates(
          [
            'listeners.ssl.default = 5671',
            'ssl_options.cacertfile = /etc/rabbitmq/ssl/ca_certificate.pem',
            'ssl_options.certfile = /etc/rabbitmq/ssl/server_certificate.pem',
            'ssl_options.keyfile = /etc/rabbitmq/ssl/server_key.pem',
            '',
          ].join('\n'),
          certs,
        ),
      },
      advancedConfig: "[{rabbit, [{ssl_options, [{fail_if_no_peer_cert, true}, {versions, ['tlsv1.3']}]}]}].\n",
    });
    assert.equal(node.bootError, undefined);
    const r = await node.cli('rabbitmqctl', ['-q', 'eval', '[application:get_env(rabbit, K) || K <- [tcp_listeners, ssl_listeners, ssl_options]].']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout.replace(/\s+/g, ''),
      "[{ok,[]},{ok,[5671]},{ok,[{fail_if_no_peer_cert,true},{versions,['tlsv1.3']}]}]",
      'tcp_listeners from rabbitmq.conf, ssl_listeners from conf.d, ssl_options wholly from advanced.config',
    );
    // Without certificate files in the effective ssl_options the TLS listener cannot start.
    assert.deepEqual(await node.listeners(), []);
  });

  await t.test('a misspelt key stops the boot with cuttlefish\'s message', async (t) => {
    const node = await boot(t, { name: 'unknown-key', rabbitmqConf: fixture('unknown-key.conf', certs) });
    assert.ok(node.bootError, 'the node booted with an unknown key');
    assert.match(node.bootError, /unknown variable: ssl_options\.verfy/);
    assert.equal(processAlive(node.pids.server), false, 'a failed boot leaves no rabbitmq-server');
    await assert.rejects(node.listeners(), /did not boot/);
  });

  await t.test('without ssl_options.keyfile the node boots, but no TLS handshake completes', async (t) => {
    const node = await boot(t, { name: 'missing-keyfile', rabbitmqConf: fixture('missing-keyfile.conf', certs) });
    assert.equal(node.bootError, undefined, 'RabbitMQ does not reject this configuration at boot');
    const r = await tlsHandshake({ port: TLS_PORT, ca: certs.ca.certFile, cert: certs.client.certFile, key: certs.client.keyFile });
    assert.equal(r.ok, false, 'a TLS listener without a key completed a handshake');
    const amqp = await amqpConnectionStart({ port: TLS_PORT, ca: certs.ca.certFile, cert: certs.client.certFile, key: certs.client.keyFile });
    assert.equal(amqp.ok, false);
    assert.equal(await plainConnectRefused(PLAIN_PORT), true);
  });

  await t.test('without ssl_options.certfile the node boots with no TLS listener', async (t) => {
    const node = await boot(t, { name: 'missing-certfile', rabbitmqConf: fixture('missing-certfile.conf', certs) });
    assert.equal(node.bootError, undefined, 'RabbitMQ does not reject this configuration at boot');
    assert.deepEqual(await node.listeners(), []);
    assert.equal(await plainConnectRefused(TLS_PORT), true);
    assert.match(node.logs(), /listen_error/);
  });
});
