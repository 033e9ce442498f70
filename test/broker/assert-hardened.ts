/**
 * What a hardened broker must do, asserted against a running node: the
 * harness test uses it on hand-written configurations, the fix-all proof on
 * the files mq-harden fixed.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { amqpConnectionStart, plainConnectRefused, tlsHandshake, type BrokerNode, type TestCertificates } from './harness.js';

const TLS_PORT = 5671;
const PLAIN_PORT = 5672;

/** All the assertions a TLS-only, mutual-TLS, TLS 1.2+ broker must pass. */
export async function assertHardened(t: TestContext, node: BrokerNode, certs: TestCertificates): Promise<void> {
  assert.equal(node.bootError, undefined, `node did not boot: ${node.bootError}`);
  const ca = certs.ca.certFile;
  const client = { cert: certs.client.certFile, key: certs.client.keyFile };
  const rogue = { cert: certs.rogueClient.certFile, key: certs.rogueClient.keyFile };

  await t.test('listeners are exactly AMQP over TLS on 5671', async () => {
    const listeners = await node.listeners();
    assert.deepEqual(listeners.map((l) => [l.protocol, l.port]), [['amqp/ssl', TLS_PORT]]);
  });

  await t.test('port 5672 refuses connections', async () => {
    assert.equal(await plainConnectRefused(PLAIN_PORT), true);
  });

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    await t.test(`${version} client without a certificate is rejected by the server`, async () => {
      const r = await tlsHandshake({ port: TLS_PORT, ca, minVersion: version, maxVersion: version });
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.serverAlert, `expected a TLS alert from the server, got: ${!r.ok && r.error}`);
      const amqp = await amqpConnectionStart({ port: TLS_PORT, ca, minVersion: version, maxVersion: version });
      assert.equal(amqp.ok, false, 'no AMQP greeting without a client certificate');
    });
  }

  await t.test('TLS 1.1 client with a valid certificate is rejected with protocol_version', async () => {
    const r = await tlsHandshake({ port: TLS_PORT, ca, ...client, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.serverAlert, 'protocol_version', !r.ok ? r.error : '');
  });

  await t.test('client certificate from a foreign CA is rejected with unknown_ca', async () => {
    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      const r = await tlsHandshake({ port: TLS_PORT, ca, ...rogue, minVersion: version, maxVersion: version });
      assert.equal(r.ok, false, version);
      assert.equal(!r.ok && r.serverAlert, 'unknown_ca', `${version}: ${!r.ok ? r.error : ''}`);
    }
  });

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    await t.test(`${version} client with a CA-signed certificate completes the handshake and gets AMQP connection.start`, async () => {
      const r = await amqpConnectionStart({ port: TLS_PORT, ca, ...client, minVersion: version, maxVersion: version });
      assert.ok(r.ok, !r.ok ? r.error : '');
      assert.equal(r.protocol, version);
      assert.deepEqual([r.start.versionMajor, r.start.versionMinor], [0, 9]);
      assert.equal(r.start.serverProperties.product, 'RabbitMQ');
      assert.ok(r.start.mechanisms.includes('PLAIN'), `mechanisms: ${r.start.mechanisms.join(' ')}`);
      assert.ok(r.start.locales.includes('en_US'));
    });
  }
}

