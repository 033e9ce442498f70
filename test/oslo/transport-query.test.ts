/**
 * transport_url query options against the installed oslo.messaging: since
 * 5.18.0 a driver refuses, when the service starts, a query name that is
 * not one of its group's options (NoSuchOptError) or a value the option's
 * type rejects (ValueError). test/oslo/oracles/oslo_transport_query.py
 * creates the transport for each URL as a service does; our CFG003 on the
 * transport_url must say the same: nothing when it starts, the refused name
 * or oslo.config's own message when it does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { listOsloOptions, lookupOsloOption, osloCatalog, resolveOsloRelease } from '../../server/src/engine/catalog/oslo.js';
import { oracleMissing } from '../helpers/oracle.js';
import { ROOT } from '../helpers/paths.js';
import { lint } from './engine.js';
import { installedOsloMessaging, probeValue, runPythonJson, whyPythonOracleMissing } from './oracle.js';

const ORACLE = join(ROOT, 'test/oslo/oracles/oslo_transport_query.py');

type Answer =
  | { readonly parsed: false; readonly error: string; readonly message: string }
  | { readonly parsed: true; readonly ok: true }
  | { readonly parsed: true; readonly ok: false; readonly error: string; readonly option?: string; readonly message: string };

const R = 'rabbit://nova:secret@ctl:5671/nova';

/** Hand-picked cases: spelling, encoding, repetition, order, values, other drivers, broken URLs. */
const CASES = [
  `${R}?sslx=1`,
  `${R}?ssl=1`,
  `${R}?ssl=1&ssl_ca_file=/etc/ca.pem`,
  `${R}?SSL=1`,
  `${R}?Ssl=true`,
  `${R}?rabbit_use_ssl=1`,
  `${R}?kombu_ssl_ca_certs=/etc/ca.pem`,
  `${R}?rabbit_host=h`,
  `${R}?transport_url=x`,
  `${R}?ssl=maybe`,
  `${R}?ssl`,
  `${R}?ssl=`,
  `${R}?=1`,
  `${R}?ssl=1&ssl=0`,
  `${R}?%73sl=1`,
  `${R}?ssl+x=1`,
  `${R}?ssl%20=1`,
  `${R}?ssl=1;sslx=2`,
  `${R}?a=1&a=2`,
  `${R}?ssl=1&sslx=1&sslz=2`,
  `${R}?sslz=2&sslx=1`,
  `${R}?&&ssl=1&`,
  `${R}?rpc_conn_pool_size=0`,
  `${R}?rpc_conn_pool_size=5`,
  `${R}?conn_pool_min_size=3`,
  `${R}?kombu_reconnect_delay=5`,
  `${R}?kombu_reconnect_delay=4.5`,
  `${R}?rabbit_login_method=FOO`,
  `${R}?rabbit_login_method=EXTERNAL`,
  `${R}?heartbeat_rate=x`,
  `${R}?heartbeat_timeout_threshold=%2B60`,
  `${R}?rabbit_quroum_max_memory_length=1`,
  `${R}?rabbit_quorum_max_memory_length=1`,
  `${R}?kombu_reconnect_splay=1`,
  `${R}?heartbeat_in_pthread=true`,
  `${R}?ssl=1#?sslx=1`,
  `${R}?${'x'.repeat(200)}=1`,
  'kombu://u:p@h/?sslx=1',
  'kombu+memory://u:p@h/?sslx=1',
  'rabbit:///?sslx=1',
  'rabbit://?ssl=1',
  'rabbit://u:p@h1:5671,u:p@h2:5671/?ssl=1&ssl_ca_fie=/x',
  'kafka://u:p@k:9092/?sslx=1',
  'kafka://u:p@k:9092/?security_protocol=SSL',
  'kafka://u:p@k:9092/?security_protocol=TLS',
  'kafka://k/?ssl=1',
  'rabbit://u:p@h:x/?sslx=1',
  'rabbit://u:p#x@h/?sslx=1',
];

/** One URL per current name of the driver groups (accepted) and per old name (refused), with values valid for the installed release. */
function namesOfGroups(release: string): string[] {
  const urls: string[] = [];
  for (const [scheme, group] of [
    ['rabbit', 'oslo_messaging_rabbit'],
    ['kafka', 'oslo_messaging_kafka'],
  ] as const) {
    for (const option of listOsloOptions(group, release)) {
      urls.push(`${scheme}://u:p@h/?${option.name}=${encodeURIComponent(probeValue(option))}`);
    }
    for (const option of osloCatalog().options.filter((o) => o.group === group)) {
      for (const alias of option.aliases ?? []) if (alias.group === group) urls.push(`${scheme}://u:p@h/?${alias.name}=1`);
    }
  }
  return urls;
}

function transportUrlFindings(url: string, release: string) {
  const text = `[DEFAULT]\ntransport_url = ${url}\n`;
  const result = lint({ path: '/etc/nova/nova.conf', text }, { language: 'oslo-config', osloRelease: release });
  return result.findings.filter((f) => f.code === 'CFG003' && f.line === 2);
}

/** What our finding must be, given oslo's verdict; undefined when it agrees. */
function disagreement(url: string, answer: Answer, release: string): string | undefined {
  const found = transportUrlFindings(url, release);
  const ours = found.map((f) => f.message);
  if (!answer.parsed || answer.ok) return found.length === 0 ? undefined : `oslo ${answer.parsed ? 'starts' : 'cannot parse it'}, we say ${ours.join(' | ')}`;
  if (found.length !== 1) return `oslo: ${answer.error}: ${answer.message}; we say ${found.length === 0 ? 'nothing' : ours.join(' | ')}`;
  const message = found[0].message;
  if (answer.error === 'NoSuchOptError') {
    const named = `query option '${answer.option}'`;
    if (answer.option !== undefined && answer.option.length <= 60 && !message.includes(named)) return `oslo refuses '${answer.option}', we say ${message}`;
    if (!message.includes('has no such option')) return `oslo: no such option; we say ${message}`;
    return undefined;
  }
  if (answer.error === 'ValueError') return message.endsWith(`: ${answer.message}`) ? undefined : `oslo: ${answer.message}; we say ${message}`;
  return `oslo fails with ${answer.error} (${answer.message}), which no case should cause`;
}

test('transport_url query: CFG003 exactly where the installed oslo.messaging refuses to start the transport', (t) => {
  const missing = whyPythonOracleMissing(['oslo_messaging']);
  if (missing) return oracleMissing(t, missing);
  const release = installedOsloMessaging();
  assert.ok(resolveOsloRelease(release), `installed oslo.messaging ${release} is outside the catalog's releases`);
  const urls = [...new Set([...CASES, ...namesOfGroups(release)])];
  const { answers } = runPythonJson<{ version: string; answers: Answer[] }>(ORACLE, urls);
  assert.equal(answers.length, urls.length);
  const problems: string[] = [];
  const tally = { starts: 0, unknownName: 0, badValue: 0, unparsed: 0 };
  urls.forEach((url, i) => {
    const a = answers[i];
    if (!a.parsed) tally.unparsed++;
    else if (a.ok) tally.starts++;
    else if (a.error === 'NoSuchOptError') tally.unknownName++;
    else tally.badValue++;
    const problem = disagreement(url, a, release);
    if (problem) problems.push(`${url}\n  ${problem}`);
  });
  assert.deepEqual(problems, []);
  // Every kind of verdict is exercised.
  assert.ok(tally.starts >= 40 && tally.unknownName >= 20 && tally.badValue >= 6 && tally.unparsed >= 2, JSON.stringify(tally));
});

test('transport_url query: the message names the refused key, the hint and the accepted keys, and never the URL', () => {
  const [unknown] = transportUrlFindings('rabbit://nova:S3cret@ctl:5671/?sslx=1', '14.0.3');
  assert.ok(unknown);
  assert.equal(unknown.severity, 'error');
  assert.match(unknown.message, /refuses its query option 'sslx' when the service starts/);
  assert.match(unknown.message, /did you mean 'ssl'\?/);
  assert.match(unknown.message, /the query takes its 32 options: amqp_durable_queues, /);
  assert.ok(unknown.message.endsWith('…'), 'the accepted names are abbreviated');
  assert.ok(!unknown.message.includes('S3cret'));
  const [old] = transportUrlFindings('rabbit://u:p@h/?rabbit_use_ssl=1', '14.0.3');
  assert.match(old.message, /an old name, which the query does not take: use 'ssl'/);
  const [long] = transportUrlFindings(`rabbit://u:p@h/?${'k'.repeat(500)}=1`, '14.0.3');
  assert.ok(long.message.length < 400, `${long.message.length} characters`);
  // The option is release-dependent: Zed's name for the quorum limit is the misspelt one.
  assert.equal(transportUrlFindings('rabbit://u:p@h/?rabbit_quroum_max_memory_length=1', 'zed').length, 0);
  assert.equal(transportUrlFindings('rabbit://u:p@h/?rabbit_quroum_max_memory_length=1', '2025.2').length, 1);
  // Before 5.18.0 drivers ignored the query; a removed driver is OSLO301's.
  assert.equal(transportUrlFindings('rabbit://u:p@h/?sslx=1', 'ocata').length, 0);
  assert.equal(transportUrlFindings('rabbit://u:p@h/?sslx=1', 'pike').length, 1);
  assert.equal(transportUrlFindings('amqp://u:p@h/?sslx=1', '2025.1').length, 0);
  assert.equal(transportUrlFindings('amqp://u:p@h/?sslx=1', 'zed').length, 1);
  // `$$` is one `$`: the URL is checked after interpolation; a `$name` reference leaves it unknown.
  assert.equal(transportUrlFindings('rabbit://u:pa$$w@h/?sslx=1', 'zed').length, 1);
  assert.equal(transportUrlFindings('rabbit://u:$password@h/?sslx=1', 'zed').length, 0);
  assert.equal(lookupOsloOption('DEFAULT', 'transport_url').status, 'known');
});

test('transport_url query: the notification transport is checked too, templates are not', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://u:p@h/?ssl=1\n[oslo_messaging_notifications]\ntransport_url = rabbit://u:p@h/?ssl_ca=/x\n';
  const result = lint({ path: '/etc/nova/nova.conf', text }, { language: 'oslo-config' });
  assert.deepEqual(
    result.findings.filter((f) => f.code === 'CFG003').map((f) => f.line),
    [4],
  );
  const template = '[DEFAULT]\ntransport_url = rabbit://{{ user }}:{{ pw }}@h/?{{ opts }}&sslx=1\n';
  const t = lint({ path: '/etc/nova/nova.conf.j2', text: template }, { language: 'oslo-config' });
  assert.deepEqual(t.findings.filter((f) => f.code === 'CFG003'), []);
});
