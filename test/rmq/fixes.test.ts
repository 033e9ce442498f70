/**
 * Every fix the RabbitMQ rules offer, on the examples and on small cases in
 * both formats: the fixed file parses (no CFG001), the finding it fixes is
 * gone, and fix-all is idempotent.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import { applySpanEdits } from '../../server/src/engine/analysis/edits.js';
import { LineIndex } from '../../server/src/engine/core/text.js';
import { analyzeIn, memoryHost } from '../helpers/engine.js';
import { ROOT } from '../helpers/paths.js';

/** The RabbitMQ examples as an in-memory workspace (sibling files stay together). */
function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[p] = readFileSync(p, 'utf8');
    }
  };
  walk(join(ROOT, 'examples', 'rabbitmq'));
  return files;
}

const SMALL: Record<string, string> = {
  '/s1/rabbitmq.config': '%% minimal\n[\n {rabbit, [\n   {vm_memory_high_watermark, 0.4}\n ]}\n].\n',
  '/s2/rabbitmq.conf': '# minimal\nvm_memory_high_watermark.relative = 0.4\n',
  '/s3/rabbitmq.config': "[{rabbit, [{tcp_listeners, [5672]}, {ssl_listeners, [5671]}, {ssl_options, [{verify, verify_none}, {versions, ['tlsv1.1', 'tlsv1', 'tlsv1.2']}, {ciphers, [\"RC4-SHA\", \"ECDHE-RSA-AES128-GCM-SHA256\", \"DES-CBC3-SHA\"]}]}, {loopback_users, []}, {auth_mechanisms, ['PLAIN', 'ANONYMOUS']}]}].\n",
  '/s4/rabbitmq.conf': 'listeners.tcp.default = 5672\nlisteners.tcp.other = 127.0.0.1:5673\nlisteners.ssl = none\nssl_options.verify = verify_none\nssl_options.versions.1 = tlsv1.1\nssl_options.versions.2 = tlsv1\nloopback_users = none\nanonymous_login_user = guest\nmqtt.allow_anonymous = true\nmqtt.listeners.tcp.1 = 1883\n',
  '/s5/rabbitmq.config': '[\n  {rabbitmq_management, [{tcp_config, [{port, 15672}]}]}\n , {rabbit, [ {ssl_allow_poodle_attack, true}\n            , {tcp_listeners, [{"0.0.0.0", 5672}]}\n            ]}\n].\n',
  '/s6/rabbitmq.conf': 'listeners.tcp = none\nlisteners.ssl.1 = 5671\nmanagement.tcp.port = 15672\nmanagement.tcp.ip = 0.0.0.0\nstomp.listeners.tcp.1 = 61613\n',
};

function* everyFile(): Generator<[Record<string, string>, string]> {
  const examples = exampleFiles();
  for (const p of Object.keys(examples)) if (/\.(config|conf)$/.test(p)) yield [examples, p];
  for (const p of Object.keys(SMALL)) yield [SMALL, p];
}

test('every offered RabbitMQ fix yields a file that parses and no longer has that finding there', () => {
  let checked = 0;
  for (const [files, path] of everyFile()) {
    const before = analyzeIn(files, path);
    if (before.diagnostics.some((d) => d.code === 'CFG001')) continue;
    for (const d of before.diagnostics) {
      if (!d.code.startsWith('RMQ')) continue;
      for (const fix of d.fixes) {
        const lines = new LineIndex(files[path]);
        const text = applySpanEdits(
          files[path],
          fix.edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })),
        );
        const after = analyzeIn({ ...files, [path]: text }, path);
        const ctx = `${path}: ${d.code} "${fix.title}"\n${text}`;
        assert.deepEqual(after.diagnostics.filter((x) => x.code === 'CFG001').map((x) => x.message), [], ctx);
        const same = (x: { code: string; message: string }) => x.code === d.code && x.message === d.message;
        assert.ok(after.diagnostics.filter(same).length < before.diagnostics.filter(same).length, `still there after the fix: ${ctx}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 40, `only ${checked} fixes checked`);
});

test('fix-all is idempotent and leaves only findings without a safe fix', () => {
  for (const [files, path] of everyFile()) {
    const host = memoryHost(files);
    const once = fixAll({ path, text: files[path] }, { host });
    const twice = fixAll({ path, text: once.text }, { host: memoryHost({ ...files, [path]: once.text }) });
    assert.equal(twice.text, once.text, `${path}: second fix-all changed the file`);
    assert.deepEqual(twice.applied, []);
    const after = analyzeIn({ ...files, [path]: once.text }, path);
    const parsedBefore = !analyzeIn(files, path).diagnostics.some((d) => d.code === 'CFG001');
    if (parsedBefore) assert.deepEqual(after.diagnostics.filter((d) => d.code === 'CFG001'), [], `${path}\n${once.text}`);
    for (const d of after.diagnostics) assert.ok(!d.fixes.some((f) => f.safe), `${path}: ${d.code} still has a safe fix\n${once.text}`);
  }
});

test('fixes keep comments, layout and the file\'s comma style', () => {
  const path = '/s5/rabbitmq.config';
  const fixed = fixAll({ path, text: SMALL[path] }, { host: memoryHost(SMALL) }).text;
  // Leading-comma style is kept for the new elements.
  assert.match(fixed, /\n\s+, \{tcp_listeners, \[\]\}|\{tcp_listeners, \[\]\}/);
  assert.doesNotMatch(fixed, /,\s*,/);
  assert.doesNotMatch(fixed, /,\s*\]/);
  const conf = '/s2/rabbitmq.conf';
  const fixedConf = fixAll({ path: conf, text: SMALL[conf] }, { host: memoryHost(SMALL) }).text;
  assert.ok(fixedConf.startsWith('# minimal\n'), fixedConf);
  assert.match(fixedConf, /^listeners\.tcp = none$/m);
  assert.equal(fixedConf.match(/^listeners\.tcp/gm)?.length, 1);
  assert.match(fixedConf, /^vm_memory_high_watermark\.relative = 0\.4$/m);
});

test('listeners.tcp = none replaces every listeners.tcp.* line, never duplicating the key', () => {
  const path = '/s4/rabbitmq.conf';
  const fixed = fixAll({ path, text: SMALL[path] }, { host: memoryHost(SMALL) }).text;
  assert.deepEqual(fixed.split('\n').filter((l) => l.startsWith('listeners.tcp')), ['listeners.tcp = none']);
  assert.deepEqual(fixed.split('\n').filter((l) => l.startsWith('ssl_options.versions')), ['ssl_options.versions.1 = tlsv1.3', 'ssl_options.versions.2 = tlsv1.2']);
  assert.match(fixed, /^loopback_users\.guest = true$/m);
  assert.match(fixed, /^anonymous_login_user = none$/m);
  assert.match(fixed, /^mqtt\.allow_anonymous = false$/m);
});

test('regressions: fixes never overwrite or drop what the user wrote', () => {
  const conf = '/r1/rabbitmq.conf';
  const mech = { [conf]: 'listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\nssl_options.cacertfile = /ca.pem\nssl_options.certfile = /c.pem\nssl_options.keyfile = /k.pem\nssl_options.verify = verify_peer\nssl_options.fail_if_no_peer_cert = true\nssl_options.versions.1 = tlsv1.2\nauth_mechanisms.1 = PLAIN\nauth_mechanisms.3 = AMQPLAIN\n' };
  const rmq204 = analyzeIn(mech, conf).diagnostics.find((d) => d.code === 'RMQ204')!;
  assert.equal(rmq204.fixes[0].edits[0].newText, '\nauth_mechanisms.4 = EXTERNAL');

  const classic = '/r2/rabbitmq.config';
  const users = { [classic]: '[{rabbit, [{tcp_listeners, []}, {loopback_users, [<<"admin">>]}]}].\n' };
  const fixed = fixAll({ path: classic, text: users[classic] }, { host: memoryHost(users) }).text;
  assert.match(fixed, /\{loopback_users, \[<<"admin">>, <<"guest">>\]\}/);

  const both = { [classic]: '[{rabbitmq_management, [{tcp_config, [{port, 15672}]}, {ssl_config, [{port, 15671}]}]}].\n' };
  const rmq301 = analyzeIn(both, classic).diagnostics.find((d) => d.code === 'RMQ301')!;
  assert.deepEqual(rmq301.fixes, []);
});

test('a file named without a directory still finds its siblings', () => {
  const files = { 'rabbitmq.conf': 'listeners.tcp = none\n', 'advanced.config': '[{rabbit, [{ssl_listeners, [5671]}, {ssl_options, [{verify, verify_peer}]}]}].\n' };
  const r = analyzeIn(files, 'advanced.config', { host: { readFile: (p) => (files as Record<string, string>)[p.replace(/^\.\//, '')], listDirectory: (d) => (d === '.' ? Object.keys(files) : undefined) } });
  assert.ok(r.diagnostics.some((d) => d.code === 'RMQ104'));
  assert.ok(!r.diagnostics.some((d) => d.code === 'RMQ101'));
});

test('HTTP plugins move to HTTPS with their plain listener turned off; STOMP/MQTT default users can be removed', () => {
  const conf = '/h1/rabbitmq.conf';
  const files = { [conf]: 'listeners.tcp = none\nprometheus.tcp.port = 15692\nweb_stomp.tcp.port = 15674\nstomp.default_user = guest\nstomp.default_pass = guest\n' };
  const fixed = fixAll({ path: conf, text: files[conf] }, { host: memoryHost(files) }).text;
  assert.match(fixed, /^prometheus\.ssl\.port = 15691$/m);
  assert.match(fixed, /^prometheus\.tcp\.listener = none$/m);
  assert.match(fixed, /^web_stomp\.ssl\.port = 15673$/m);
  assert.match(fixed, /^web_stomp\.tcp\.listener = none$/m);
  const after = analyzeIn({ [conf]: fixed }, conf);
  assert.ok(!after.diagnostics.some((d) => d.code === 'RMQ302'), after.diagnostics.map((d) => d.message).join('\n'));
  const rmq303 = after.diagnostics.find((d) => d.code === 'RMQ303')!;
  assert.equal(rmq303.fixes[0].safe, false);
  const classic = '/h2/rabbitmq.config';
  const cfiles = { [classic]: '[{rabbitmq_stomp, [{tcp_listeners, []}, {default_user, [{login, "guest"}, {passcode, "guest"}]}]}].\n' };
  const d = analyzeIn(cfiles, classic).diagnostics.find((x) => x.code === 'RMQ303')!;
  const lines = new LineIndex(cfiles[classic]);
  const out = applySpanEdits(cfiles[classic], d.fixes[0].edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
  assert.equal(out, '[{rabbitmq_stomp, [{tcp_listeners, []}]}].\n');
});
