/**
 * The throwaway certificates, and the probes against servers we control (Node's own TLS and TCP servers), so
 * that a "rejected" verdict on the real broker is known to mean the server
 * said no: each probe is shown to succeed where it should, and to name the
 * server's alert where the server refuses.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { oracleMissing } from '../helpers/oracle.js';
import { connectionStartFrame, frame } from './amqp-encode.js';
import { findOnPath } from './installation.js';
import { freeLoopbackPort } from './ports.js';
import { amqpConnectionStart, makeCertificates, plainConnectRefused, tlsHandshake, type TestCertificates } from './harness.js';

function listen(server: Server | tls.Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

function close(server: Server | tls.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A TLS server on loopback for the length of one test. */
async function tlsServer(t: TestContext, certs: TestCertificates, options: tls.TlsOptions, onSecure?: (s: tls.TLSSocket) => void): Promise<number> {
  const server = tls.createServer(
    { cert: readFileSync(certs.server.certFile), key: readFileSync(certs.server.keyFile), ...options },
    (socket) => {
      socket.on('error', () => {});
      onSecure?.(socket);
    },
  );
  server.on('tlsClientError', () => {});
  const port = await listen(server);
  t.after(() => close(server));
  return port;
}

/** Like the broker: client certificates from our CA only. */
function mutualTls(certs: TestCertificates): tls.TlsOptions {
  return { ca: readFileSync(certs.ca.certFile), requestCert: true, rejectUnauthorized: true };
}

test('probes against controlled servers', async (t) => {
  if (!findOnPath('openssl')) {
    oracleMissing(t, 'openssl (for the throwaway certificates)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-pki-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const certs = await makeCertificates(dir);
  const ca = certs.ca.certFile;
  const client = { cert: certs.client.certFile, key: certs.client.keyFile };
  const rogue = { cert: certs.rogueClient.certFile, key: certs.rogueClient.keyFile };

  await t.test('makeCertificates: CA-signed server and client, a foreign client, private keys 0600', () => {
    const load = (file: string) => new X509Certificate(readFileSync(file));
    const caCert = load(certs.ca.certFile);
    const rogueCaCert = load(certs.rogueCa.certFile);
    const server = load(certs.server.certFile);
    const clientCert = load(certs.client.certFile);
    const rogueCert = load(certs.rogueClient.certFile);
    assert.equal(caCert.ca, true);
    assert.ok(server.verify(caCert.publicKey) && server.checkIssued(caCert));
    assert.ok(clientCert.verify(caCert.publicKey));
    assert.ok(!rogueCert.verify(caCert.publicKey) && rogueCert.verify(rogueCaCert.publicKey));
    assert.equal(rogueCert.subject, clientCert.subject, 'only the issuer differs');
    assert.ok(server.checkHost('localhost') && server.checkIP('127.0.0.1'));
    for (const pair of [certs.ca, certs.server, certs.client, certs.rogueCa, certs.rogueClient]) {
      assert.equal(statSync(pair.keyFile).mode & 0o777, 0o600, pair.keyFile);
    }
  });

  await t.test('plainConnectRefused: false while something listens, true once it is gone', async () => {
    const server = createServer((s) => s.destroy());
    const port = await listen(server);
    assert.equal(await plainConnectRefused(port), false);
    await close(server);
    assert.equal(await plainConnectRefused(port), true);
    assert.equal(await plainConnectRefused(await freeLoopbackPort()), true);
  });

  await t.test('a TLS 1.1 probe really speaks TLS 1.1 (so a broker refusal is the broker\'s)', async (t) => {
    const port = await tlsServer(t, certs, { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
    const r = await tlsHandshake({ port, ca, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1' });
    assert.deepEqual(r, { ok: true, protocol: 'TLSv1.1' });
  });

  await t.test('a TLS 1.2+ server refuses the TLS 1.1 probe with a protocol_version alert', async (t) => {
    const port = await tlsServer(t, certs, { minVersion: 'TLSv1.2' });
    const r = await tlsHandshake({ port, ca, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.serverAlert, 'protocol_version');
  });

  await t.test('mutual TLS: our client certificate passes, none or a foreign one is refused', async (t) => {
    const port = await tlsServer(t, certs, mutualTls(certs));
    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      assert.deepEqual(await tlsHandshake({ port, ca, ...client, minVersion: version, maxVersion: version }), { ok: true, protocol: version });
      const none = await tlsHandshake({ port, ca, minVersion: version, maxVersion: version });
      assert.equal(none.ok, false, `${version} without a certificate`);
      assert.ok(!none.ok && none.serverAlert, `${version} without a certificate: ${!none.ok && none.error}`);
      // Node's server may hang up without an alert here; either way it is a refusal.
      const foreign = await tlsHandshake({ port, ca, ...rogue, minVersion: version, maxVersion: version });
      assert.equal(foreign.ok, false, `${version} with a foreign certificate`);
    }
  });

  await t.test('TLS 1.3: a rejection that arrives after the client\'s handshake still counts', async (t) => {
    const port = await tlsServer(t, certs, mutualTls(certs));
    const r = await tlsHandshake({ port, ca, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.afterHandshake, true, 'in TLS 1.3 the client finishes before the server checks its certificate');
  });

  await t.test('a server certificate from another CA is our failure, not a server alert', async (t) => {
    const port = await tlsServer(t, certs, {});
    const r = await tlsHandshake({ port, ca: certs.rogueCa.certFile });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.serverAlert, undefined);
  });

  await t.test('amqpConnectionStart: decodes the greeting a server sends after the protocol header', async (t) => {
    let header: Buffer | undefined;
    const port = await tlsServer(t, certs, mutualTls(certs), (socket) => {
      socket.once('data', (data: Buffer) => {
        header = data;
        const greeting = connectionStartFrame([['product', ['S', 'FakeMQ']]], 'PLAIN', 'en_US');
        // Split in two writes: the probe must reassemble the frame.
        socket.write(greeting.subarray(0, 5));
        setTimeout(() => socket.write(greeting.subarray(5)), 20);
      });
    });
    const r = await amqpConnectionStart({ port, ca, ...client });
    assert.ok(r.ok, !r.ok ? r.error : '');
    assert.deepEqual(header, Buffer.from('AMQP\x00\x00\x09\x01', 'latin1'));
    assert.equal(r.start.serverProperties.product, 'FakeMQ');
    assert.deepEqual(r.start.mechanisms, ['PLAIN']);
  });

  await t.test('amqpConnectionStart: fails on a version refusal, a wrong frame, silence, and a hang-up', async (t) => {
    const answers: Record<string, (s: tls.TLSSocket) => void> = {
      'protocol header': (s) => s.end(Buffer.from('AMQP\x00\x00\x09\x00', 'latin1')),
      'heartbeat frame': (s) => s.write(frame(8, 0, Buffer.alloc(0))),
      'hang-up': (s) => s.end(),
      silence: () => {},
    };
    for (const [what, answer] of Object.entries(answers)) {
      const port = await tlsServer(t, certs, mutualTls(certs), (socket) => socket.once('data', () => answer(socket)));
      const r = await amqpConnectionStart({ port, ca, ...client, timeoutMs: 1000 });
      assert.equal(r.ok, false, what);
      assert.equal(!r.ok && r.afterHandshake, true, what);
    }
  });
});
