/**
 * Throwaway PKI for the broker tests, made with the openssl command line:
 * a CA, a server certificate for localhost, a client certificate from the
 * same CA, and a "rogue" client certificate from an unrelated CA (which a
 * broker with verify_peer must refuse). Valid for two days; keys are 0600.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PEM certificate and its PEM private key, as file paths. */
export interface CertificateFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** The files {@link makeCertificates} writes. */
export interface TestCertificates {
  readonly dir: string;
  /** The CA the broker trusts (`cacertfile`). */
  readonly ca: CertificateFiles;
  /** The broker's certificate: CN=localhost, SAN localhost, 127.0.0.1 and ::1. */
  readonly server: CertificateFiles;
  /** A client certificate signed by {@link ca}. */
  readonly client: CertificateFiles;
  /** A second, unrelated CA. */
  readonly rogueCa: CertificateFiles;
  /** A client certificate with the same subject as {@link client}, signed by {@link rogueCa}. */
  readonly rogueClient: CertificateFiles;
}

const DAYS = '2';
const CLIENT_CN = 'mq-harden-test-client';

async function openssl(args: readonly string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]} failed: ${e.stderr || e.message}`);
  }
}

/** A self-signed CA certificate with the CA extensions a verifier expects. */
async function makeCa(dir: string, base: string, commonName: string): Promise<CertificateFiles> {
  const files = { certFile: join(dir, `${base}.pem`), keyFile: join(dir, `${base}.key`) };
  await openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', DAYS, '-subj', `/CN=${commonName}`,
      '-keyout', files.keyFile, '-out', files.certFile,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  return files;
}

/** What a leaf certificate is for: the extensions that go with it. */
interface LeafProfile {
  readonly commonName: string;
  readonly extensions: readonly string[];
}

const SERVER_PROFILE: LeafProfile = {
  commonName: 'localhost',
  extensions: ['subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1', 'extendedKeyUsage=serverAuth'],
};

const CLIENT_PROFILE: LeafProfile = {
  commonName: CLIENT_CN,
  extensions: ['extendedKeyUsage=clientAuth'],
};

/** A key, a request, and a certificate signed by `issuer`. */
async function makeLeaf(dir: string, base: string, profile: LeafProfile, issuer: CertificateFiles): Promise<CertificateFiles> {
  const files = { certFile: join(dir, `${base}.pem`), keyFile: join(dir, `${base}.key`) };
  const csr = join(dir, `${base}.csr`);
  const ext = join(dir, `${base}.ext`);
  writeFileSync(
    ext,
    [...profile.extensions, 'basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', ''].join('\n'),
  );
  await openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${profile.commonName}`, '-keyout', files.keyFile, '-out', csr], dir);
  await openssl(
    ['x509', '-req', '-in', csr, '-CA', issuer.certFile, '-CAkey', issuer.keyFile,
      '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', DAYS, '-extfile', ext, '-out', files.certFile],
    dir,
  );
  rmSync(csr);
  rmSync(ext);
  return files;
}

/** Writes a fresh throwaway PKI into `dir` (created if needed) and returns the paths. */
export async function makeCertificates(dir: string): Promise<TestCertificates> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const [ca, rogueCa] = await Promise.all([
    makeCa(dir, 'ca', 'mq-harden test CA'),
    makeCa(dir, 'rogue-ca', 'mq-harden rogue CA'),
  ]);
  const [server, client, rogueClient] = await Promise.all([
    makeLeaf(dir, 'server', SERVER_PROFILE, ca),
    makeLeaf(dir, 'client', CLIENT_PROFILE, ca),
    makeLeaf(dir, 'rogue-client', CLIENT_PROFILE, rogueCa),
  ]);
  const certs: TestCertificates = { dir, ca, server, client, rogueCa, rogueClient };
  for (const pair of [ca, server, client, rogueCa, rogueClient]) {
    chmodSync(pair.keyFile, 0o600);
    chmodSync(pair.certFile, 0o644);
  }
  return certs;
}
