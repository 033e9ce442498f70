/**
 * The proof that mq-harden's fixes are right, by the real broker: each
 * insecure RabbitMQ example goes through fix-all, the decisions the rules
 * leave to a human are taken the way a careful operator would (the
 * deployment's own CA instead of the system bundle, loopback instead of every
 * interface — and placeholder certificate paths pointed at throwaway
 * certificates), and the node that boots must be TLS-only and mutual-TLS.
 * The hardened snippets must boot the same way; and for a set of bad
 * rabbitmq.conf files, the broker refusing to boot must coincide with our
 * CFG002/CFG003 verdicts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import { memoryHost } from '../helpers/engine.js';
import { ROOT } from '../helpers/paths.js';
import { expandSnippet } from '../snippets/expand.js';
import { assertHardened } from './assert-hardened.js';
import { makeCertificates, pointAtCertificates, requireBroker, startBroker, type StartBrokerOptions, type TestCertificates } from './harness.js';

const EXAMPLES = join(ROOT, 'examples', 'rabbitmq');

/** Fix-all on every file of a configuration until nothing changes (fixes in one file can enable fixes in its sibling). */
function fixConfiguration(files: Record<string, string>): Record<string, string> {
  const current = { ...files };
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const path of Object.keys(current)) {
      const fixed = fixAll({ path, text: current[path] }, { host: memoryHost(current) }).text;
      if (fixed !== current[path]) {
        current[path] = fixed;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

/** The choices RMQ103 and RMQ110 leave to a person, taken; then the placeholders pointed at test certificates. */
function operatorChoices(text: string, certs: TestCertificates): string {
  const chosen = text
    .replaceAll('/etc/ssl/certs/ca-certificates.crt', '/etc/rabbitmq/ssl/ca_certificate.pem')
    .replaceAll('"0.0.0.0"', '"127.0.0.1"')
    .replace(/^(listeners\.ssl\.[\w-]+\s*=\s*)(\d+)\s*$/gm, '$1127.0.0.1:$2')
    .replace(/\{ssl_listeners, \[5671\]\}/g, '{ssl_listeners, [{"127.0.0.1", 5671}]}')
    .replaceAll('10.0.0.11', '127.0.0.1');
  return pointAtCertificates(chosen, certs);
}

function example(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['rabbitmq.config', 'rabbitmq.conf', 'advanced.config']) {
    try {
      files[join(EXAMPLES, dir, name)] = readFileSync(join(EXAMPLES, dir, name), 'utf8');
    } catch {
      /* not every example has every file */
    }
  }
  return files;
}

function brokerFiles(files: Record<string, string>, certs: TestCertificates): Omit<StartBrokerOptions, 'name'> {
  const byName = Object.fromEntries(Object.entries(files).map(([p, t]) => [p.slice(p.lastIndexOf('/') + 1), operatorChoices(t, certs)]));
  return {
    ...(byName['rabbitmq.conf'] ? { rabbitmqConf: byName['rabbitmq.conf'] } : {}),
    ...(byName['rabbitmq.config'] ? { classicConfig: byName['rabbitmq.config'] } : {}),
    ...(byName['advanced.config'] ? { advancedConfig: byName['advanced.config'] } : {}),
  };
}

async function bootAndProve(t: TestContext, name: string, options: Omit<StartBrokerOptions, 'name'>, certs: TestCertificates): Promise<void> {
  const node = await startBroker({ name, ...options });
  t.after(() => node.stop());
  await assertHardened(t, node, certs);
}

test('fix-all turns every insecure RabbitMQ example into a TLS-only, mutual-TLS broker', async (t) => {
  if (!requireBroker(t)) return;
  const pki = mkdtempSync(join(tmpdir(), 'mq-harden-proof-'));
  t.after(() => rmSync(pki, { recursive: true, force: true }));
  const certs = await makeCertificates(pki);
  for (const dir of ['classic-insecure', 'conf-insecure', 'merged-insecure']) {
    await t.test(dir, async (t) => {
      const original = example(dir);
      const fixed = fixConfiguration(original);
      for (const [path, text] of Object.entries(fixed)) assert.notEqual(text, original[path], `${path} was not changed by fix-all`);
      await bootAndProve(t, `proof-${dir}`, brokerFiles(fixed, certs), certs);
    });
  }
});

test('the hardened RabbitMQ snippets boot a TLS-only, mutual-TLS broker', async (t) => {
  if (!requireBroker(t)) return;
  const pki = mkdtempSync(join(tmpdir(), 'mq-harden-snippets-'));
  t.after(() => rmSync(pki, { recursive: true, force: true }));
  const certs = await makeCertificates(pki);
  const conf = JSON.parse(readFileSync(join(ROOT, 'snippets', 'rabbitmq-conf.json'), 'utf8'));
  const classic = JSON.parse(readFileSync(join(ROOT, 'snippets', 'rabbitmq-config.json'), 'utf8'));
  await t.test('rabbitmq.conf: Hardened TLS-only broker', (t) =>
    bootAndProve(t, 'snippet-conf', { rabbitmqConf: operatorChoices(expandSnippet(conf['Hardened TLS-only broker'].body), certs) }, certs));
  await t.test('rabbitmq.config: Hardened TLS-only broker (classic)', (t) =>
    bootAndProve(t, 'snippet-classic', { classicConfig: operatorChoices(expandSnippet(classic['Hardened TLS-only broker (classic)'].body), certs) }, certs));
});

/** rabbitmq.conf files, good and bad: the broker is the judge of what cuttlefish accepts. */
const CONF_VERDICTS: Record<string, string> = {
  'unknown key': 'listeners.tcp = none\nssl_options.verfy = verify_peer\n',
  'unknown top-level key': 'listeners.tcp = none\nloopback_user.guest = true\n',
  'boolean that is not one': 'listeners.tcp = none\nssl_options.fail_if_no_peer_cert = maybe\n',
  'enum value outside its list': 'listeners.tcp = none\nssl_options.verify = verify_sometimes\n',
  'listener that is not an address': 'listeners.tcp.default = localhost:http\n',
  'integer that is a word': 'listeners.tcp = none\nchannel_max = lots\n',
  'valid settings': 'listeners.tcp = none\nchannel_max = 2047\nssl_options.verify = verify_peer\nloopback_users.guest = true\n',
  'valid values of several types': 'listeners.tcp = none\nvm_memory_high_watermark.relative = 0.6\ndisk_free_limit.absolute = 2GB\nauth_mechanisms.1 = PLAIN\n',
};

test('our CFG002/CFG003 verdicts on rabbitmq.conf match the broker booting or refusing', async (t) => {
  if (!requireBroker(t)) return;
  for (const [name, text] of Object.entries(CONF_VERDICTS)) {
    await t.test(name, async () => {
      const ours = analyze({ path: '/etc/rabbitmq/rabbitmq.conf', text })!.diagnostics.filter((d) => d.code === 'CFG002' || d.code === 'CFG003');
      const node = await startBroker({ name: `verdict-${name.replace(/\W+/g, '-')}`, rabbitmqConf: text, requireFreePorts: [5671, 5672] });
      try {
        const refused = node.bootError !== undefined;
        assert.equal(ours.length > 0, refused, `ours: ${JSON.stringify(ours.map((d) => d.message))}; broker: ${node.bootError ?? 'booted'}`);
        // Where both refuse, the broker names the key we point at.
        for (const d of ours) {
          const key = text.split('\n')[d.range.start.line].split('=')[0].trim();
          assert.ok(node.bootError!.includes(key), `broker error does not mention ${key}: ${node.bootError}`);
        }
      } finally {
        await node.stop();
      }
    });
  }
});
