/** Hover: catalog documentation, value meanings, rules with their pages, and no password ever shown. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt, type HoverOptions } from '../../server/src/engine/features/hover.js';
import { applySuppressions, reportedDiagnostics } from '../../server/src/engine/suppression/index.js';
import { place, textOf } from './support.js';

const CONF = '/etc/rabbitmq/rabbitmq.conf';
const CLASSIC = '/etc/rabbitmq/rabbitmq.config';
const NOVA = '/etc/nova/nova.conf';

function hover(path: string, marked: string, options: HoverOptions = {}) {
  const p = place(path, marked);
  const h = hoverAt(p.doc, p.diagnostics, p.position, options);
  const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  return { ...p, hover: h, markdown: value, covered: h?.range ? textOf(p.doc, h.range) : undefined };
}

test('transport_url: shown parsed, every password masked', () => {
  const cases: [string, string][] = [
    ['rabbit://nova:s3cret@ctl:5671/', 'rabbit://nova:***@ctl:5671/'],
    ['rabbit://nova:s3cret@r1:5671,nova:s3cret@r2:5671/nova?ssl=1', 'rabbit://nova:***@r1:5671,nova:***@r2:5671/nova?ssl=1'],
    ['rabbit://nova:s3%40cret@[fd00::1]:5671/', 'rabbit://nova:***@[fd00::1]:5671/'],
    ['kafka://u:s3cret@k1:9093/?ssl_client_key_password=s3cret', 'kafka://u:***@k1:9093/?ssl_client_key_password=***'],
  ];
  for (const [url, masked] of cases) {
    for (const marked of [`[DEFAULT]\ntransport_url = ${url.slice(0, 3)}‸${url.slice(3)}\n`, `[DEFAULT]\ntransport_url = ${url.slice(0, -1)}‸${url.slice(-1)}\n`]) {
      const { markdown, covered } = hover(NOVA, marked);
      assert.ok(markdown.includes(`\`${masked}\``), `${url}: ${markdown}`);
      assert.ok(!markdown.includes('s3cret') && !markdown.includes('s3%40cret'), `password leaked for ${url}`);
      assert.equal(covered, url);
    }
  }
  const notifications = hover(NOVA, '[oslo_messaging_notifications]\ntransport_url = rabbit://n:t0psecret@ctl:56‸71/notify\n');
  assert.ok(notifications.markdown.includes('`rabbit://n:***@ctl:5671/notify`'));
  assert.ok(!notifications.markdown.includes('t0psecret'));
});

test('transport_url: a URL oslo.messaging cannot parse is not shown at all', () => {
  // An unencoded `#` cuts the URL: Python then reads the password as a port.
  const { markdown } = hover(NOVA, '[DEFAULT]\ntransport_url = rabbit://nova:p#ss‸word@ctl:5671/\n');
  assert.match(markdown, /cannot parse/);
  assert.ok(!markdown.includes('p#ss') && !markdown.includes('password@'));
});

test('secret values are never repeated: default_pass, ssl_options.password, classic password', () => {
  for (const [path, marked] of [
    [CONF, 'default_pass = hunt‸er2\n'],
    [CONF, 'ssl_options.password = hunt‸er2\n'],
    [CLASSIC, '[{rabbit, [{default_pass, <<"hunt‸er2">>}]}].\n'],
    [NOVA, '[oslo_messaging_kafka]\nssl_client_key_password = hunt‸er2\n'],
  ] as const) {
    const { markdown } = hover(path, marked);
    assert.ok(!markdown.includes('hunter2'), `${path}: ${markdown}`);
  }
});

test('rabbitmq.conf: a key shows its schema documentation over the key; a value its meaning', () => {
  const key = hover(CONF, 'ssl_options.ver‸ify = verify_peer\n');
  assert.equal(key.covered, 'ssl_options.verify');
  assert.match(key.markdown, /\*\*ssl_options\.verify\*\* · rabbitmq\.conf \(rabbit\)/);
  assert.match(key.markdown, /Type: one of verify_peer, verify_none/);
  assert.match(key.markdown, /Classic setting: `rabbit\.ssl_options\.verify`/);
  const value = hover(CONF, 'ssl_options.verify = verify_no‸ne\n');
  assert.equal(value.covered, 'verify_none');
  assert.match(value.markdown, /`verify_none`: No certificate check at all/);
  const version = hover(CONF, 'ssl_options.versions.1 = tlsv‸1.3\n');
  assert.match(version.markdown, /`tlsv1\.3`: TLS 1\.3/);
  const defaultValue = hover(CONF, 'listeners.tcp = no‸ne\n');
  assert.match(defaultValue.markdown, /`none`: No plain-TCP AMQP listener/);
});

test('classic: key documentation, application tuples, atoms inside a versions list', () => {
  const key = hover(CLASSIC, '[{rabbit, [{ssl_options, [{fail_if_no_pe‸er_cert, true}]}]}].\n');
  assert.equal(key.covered, 'fail_if_no_peer_cert');
  assert.match(key.markdown, /\*\*ssl_options\.fail_if_no_peer_cert\*\* · \{rabbit, \[\.\.\.\]\}/);
  assert.match(key.markdown, /Type: boolean/);
  const atom = hover(CLASSIC, "[{rabbit, [{ssl_options, [{versions, ['tlsv1.2', tl‸sv1]}]}]}].\n");
  assert.equal(atom.covered, 'tlsv1');
  assert.match(atom.markdown, /`tlsv1`: TLS 1\.0: deprecated/);
  const app = hover(CLASSIC, '[{rabbitmq_manage‸ment, []}].\n');
  assert.equal(app.covered, 'rabbitmq_management');
  assert.match(app.markdown, /environment of the Erlang application rabbitmq_management/);
});

test('oslo: documentation at the configured release: removed, deprecated, renamed', () => {
  const removed = hover(NOVA, '[oslo_messaging_rabbit]\nrabbit_ho‸st = ctl\n');
  assert.equal(removed.covered, 'rabbit_host');
  assert.match(removed.markdown, /\*\*Removed\*\* in oslo\.messaging 9\.0\.0: services ignore it; use `\[DEFAULT\] transport_url` instead/);
  const ocata = hover(NOVA, '[oslo_messaging_rabbit]\nrabbit_ho‸st = ctl\n', { osloRelease: 'ocata' });
  assert.match(ocata.markdown, /\*\*Deprecated\*\* for removal since 5\.2\.0; removed in 9\.0\.0\. Replaced by \\\[DEFAULT\\\]\/transport_url/);
  assert.match(ocata.markdown, /oslo\.messaging 5\.17/);
  const renamed = hover(NOVA, '[oslo_messaging_rabbit]\nrabbit_use_s‸sl = true\n');
  assert.match(renamed.markdown, /\*\*Renamed:\*\* no longer read since oslo\.messaging 16\.0\.0; use `\[oslo_messaging_rabbit\] ssl`/);
  const alias = hover(NOVA, '[oslo_messaging_rabbit]\nrabbit_use_s‸sl = true\n', { osloRelease: 'zed' });
  assert.match(alias.markdown, /\*\*Deprecated\*\* name: use `\[oslo_messaging_rabbit\] ssl` \(no longer read from 16\.0\.0\)/);
  const login = hover(NOVA, '[oslo_messaging_rabbit]\nrabbit_login_method = EXTER‸NAL\n');
  assert.match(login.markdown, /`EXTERNAL`: Log in with the client certificate/);
  assert.match(login.markdown, /Default: `AMQPLAIN`/);
  const section = hover(NOVA, '[oslo_messaging_q‸pid]\n');
  assert.match(section.markdown, /\*\*removed\*\* in oslo\.messaging 3\.1\.0/);
  // A service's own option is none of ours: no hover.
  assert.equal(hover(NOVA, '[DEFAULT]\ndeb‸ug = true\n').hover, undefined);
});

test('findings: the rule, its summary and its page under the configured docs base', () => {
  const { markdown } = hover(CONF, 'listeners.ssl.default = 5671\nssl_options.verify = verify_no‸ne\n', { docsBaseUrl: 'https://example.org/rules/' });
  assert.match(markdown, /\*\*RMQ105\*\* peer-verification-disabled — .+ \[Documentation\]\(https:\/\/example\.org\/rules\/RMQ105\.md\)/);
  // Rules first, then the setting, separated by a rule line.
  assert.ok(markdown.indexOf('RMQ105') < markdown.indexOf('`verify_none`:'));
  assert.ok(markdown.includes('\n\n---\n\n'));
});

test('findings: CFG005 from the suppression pass is explained too', () => {
  const p = place(CONF, '# mq-harden-disable-next-line RMQ9‸99 -- x\nlisteners.tcp = none\n');
  const outcome = applySuppressions(p.doc, p.diagnostics, { allowInline: true });
  const h = hoverAt(p.doc, reportedDiagnostics(outcome), p.position);
  const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  assert.match(value, /\*\*CFG005\*\* bad-suppression — A suppression comment without a reason/);
  assert.match(value, /\(docs\/rules\/CFG005\.md\)/);
});

test('templates: hover reads the masked template', () => {
  const { markdown, covered } = hover('/srv/templates/rabbitmq.conf.j2', '{% if tls %}\nssl_options.fail_if_no‸_peer_cert = {{ strict }}\n{% endif %}\n');
  assert.equal(covered, 'ssl_options.fail_if_no_peer_cert');
  assert.match(markdown, /Type: boolean/);
});
