/**
 * Suppression comments in every format's comment syntax, the reason
 * requirement, CFG005, the no-inline policy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, check } from './support.js';

const CONF = '/etc/rabbitmq/rabbitmq.conf';
const CLASSIC = '/etc/rabbitmq/rabbitmq.config';
const NOVA = '/etc/nova/nova.conf';
const QPIDD = '/etc/qpid/qpidd.conf';

const CONF_BODY = ['listeners.tcp.default = 5672', 'listeners.ssl.default = 5671', 'ssl_options.verify = verify_none'];

function conf(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

test('rabbitmq.conf: a # next-line comment suppresses its code on the next setting only', () => {
  const text = conf(CONF_BODY[0], '# mq-harden-disable-next-line RMQ103 -- bound by the firewall', CONF_BODY[1], CONF_BODY[2]);
  const r = check(CONF, text);
  // Both listeners bind every interface; only the TLS one (line 3) is suppressed.
  assert.ok(at(r.all).includes('RMQ103@1') && at(r.all).includes('RMQ103@3'));
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['RMQ103@3']);
  assert.ok(at(r.kept).includes('RMQ103@1'));
  assert.equal(r.suppressed[0].comment.line, 1);
  assert.equal(r.suppressed[0].comment.directive.kind === 'directive' && r.suppressed[0].comment.directive.reason, 'bound by the firewall');
  assert.deepEqual(r.cfg005, []);
});

test('rabbitmq.conf: blank lines and other comments between the comment and the setting are skipped', () => {
  const text = conf(CONF_BODY[0], '# mq-harden-disable-next-line RMQ105 -- lab broker', '', '# verification is off here', '', CONF_BODY[1], CONF_BODY[2]);
  const r = check(CONF, text);
  // The next setting is listeners.ssl.default (line 6), which has no RMQ105: the comment does not reach line 7.
  assert.ok(at(r.kept).includes('RMQ105@7'));
  assert.deepEqual(at(r.cfg005), ['CFG005@2']);
  assert.match(r.cfg005[0].message, /RMQ105 does not fire on the next setting \(line 6\)/);
});

test('rabbitmq.conf: several codes, commas or blanks, lower case accepted', () => {
  const text = conf(CONF_BODY[0], CONF_BODY[1], '# mq-harden-disable-next-line rmq104, RMQ106 RMQ108 -- client certs checked by the proxy', CONF_BODY[2]);
  const r = check(CONF, text);
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['RMQ104@4', 'RMQ106@4', 'RMQ108@4']);
  assert.ok(at(r.kept).includes('RMQ105@4'));
  assert.deepEqual(r.cfg005, []);
});

test('rabbitmq.conf: a multi-line value is covered entirely', () => {
  // A ''' value spans three lines; the comment above it covers all of them.
  const text = conf("# mq-harden-disable-next-line CFG002 -- plugin not catalogued", "ssl_options.no_such_key = '''a", 'b', "c'''", CONF_BODY[1]);
  const r = check(CONF, text);
  assert.ok(at(r.all).includes('CFG002@2'));
  assert.ok(!at(r.kept).includes('CFG002@2'));
  assert.deepEqual(r.comments[0].covers, { first: 0, last: 3, target: 1 });
});

test('rabbitmq.conf: a file comment suppresses everywhere', () => {
  const text = conf('# mq-harden-disable-file RMQ103 -- all listeners sit behind the firewall', ...CONF_BODY);
  const r = check(CONF, text);
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['RMQ103@2', 'RMQ103@3']);
  assert.ok(!r.kept.some((d) => d.code === 'RMQ103'));
  assert.deepEqual(r.cfg005, []);
});

test('Erlang terms: a % comment suppresses on the next term, nested proplists included', () => {
  const text = [
    '%% broker',
    '[{rabbit, [',
    '  %% mq-harden-disable-next-line RMQ101 -- replaced by TLS next release',
    '  {tcp_listeners, [5672]},',
    '  {ssl_listeners, [5671]},',
    '  % mq-harden-disable-next-line RMQ107 -- old clients until June',
    '  {ssl_options, [{verify, verify_peer},',
    '                 {versions, [tlsv1]}]}',
    ']}].',
    '',
  ].join('\n');
  const r = check(CLASSIC, text);
  assert.ok(at(r.all).includes('RMQ101@4') && at(r.all).includes('RMQ107@8'));
  const suppressed = at(r.suppressed.map((s) => s.diagnostic));
  assert.ok(suppressed.includes('RMQ101@4'));
  // RMQ107 points at line 8, inside the ssl_options term that starts on line 7.
  assert.ok(suppressed.includes('RMQ107@8'));
  assert.ok(at(r.kept).includes('RMQ103@4'), 'only the named code is suppressed');
  assert.deepEqual(r.cfg005, []);
});

test('Erlang terms: a comment above the application tuple reaches findings placed on it', () => {
  const text = ['% mq-harden-disable-next-line RMQ102 -- TLS terminates at the load balancer', '[{rabbit, [{tcp_listeners, [{"127.0.0.1", 5672}]}]}].', ''].join('\n');
  const r = check(CLASSIC, text);
  assert.ok(r.all.some((d) => d.code === 'RMQ102'));
  assert.ok(!r.kept.some((d) => d.code === 'RMQ102'));
  assert.deepEqual(r.cfg005, []);
});

test('oslo INI: # and ; comments in column 0 both suppress', () => {
  const text = conf(
    '[oslo_messaging_rabbit]',
    '# mq-harden-disable-next-line CFG003 -- templated later',
    'ssl = maybe',
    '; mq-harden-disable-next-line CFG002 -- backport of a newer option',
    'no_such_option = 1',
    'ssl_version = nonsense_but_kept',
  );
  const r = check(NOVA, text);
  assert.ok(at(r.all).includes('CFG003@3') && at(r.all).includes('CFG002@5'));
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['CFG002@5', 'CFG003@3']);
  assert.deepEqual(r.cfg005, []);
});

test('oslo INI: an inline # after a value is part of the value, not a suppression', () => {
  const text = conf('[oslo_messaging_rabbit]', 'ssl = maybe # mq-harden-disable-next-line CFG003 -- no', 'no_such_option = 1');
  const r = check(NOVA, text);
  assert.deepEqual(r.suppressed, []);
  assert.deepEqual(r.comments, []);
  assert.deepEqual(r.cfg005, []);
});

test('oslo INI: an indented # line continues the value and suppresses nothing', () => {
  const text = conf('[oslo_messaging_rabbit]', 'ssl_ca_file = /etc/ca.pem', '  # mq-harden-disable-next-line CFG002 -- no', 'no_such_option = 1');
  const r = check(NOVA, text);
  assert.deepEqual(r.comments, []);
  assert.ok(at(r.kept).includes('CFG002@4'));
});

test('oslo INI: a next-line comment covers the continuation lines of the value', () => {
  const text = conf('[oslo_messaging_rabbit]', '# mq-harden-disable-next-line CFG002 -- kept for a fork', 'no_such_option = a', '  b', '  c', 'ssl = true');
  const r = check(NOVA, text);
  const comment = r.comments[0];
  assert.deepEqual(comment.covers, { first: 1, last: 4, target: 2 });
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['CFG002@3']);
});

test('qpidd.conf: # comments suppress', () => {
  const text = conf('# mq-harden-disable-next-line CFG003 -- read by a wrapper script', 'auth=maybe', 'require-encryption=perhaps');
  const r = check(QPIDD, text);
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['CFG003@2']);
  assert.deepEqual(at(r.kept).filter((c) => c.startsWith('CFG003')), ['CFG003@3']);
});

test('qpidd.conf: ; lines suppress too; a # after an option is a comment but not on its own line', () => {
  const r = check(QPIDD, conf('; mq-harden-disable-next-line CFG003 -- wrapper', 'auth=maybe', 'require-encryption=perhaps # mq-harden-disable-next-line CFG003 -- no'));
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['CFG003@2']);
  assert.deepEqual(at(r.cfg005), ['CFG005@3']);
  assert.match(r.cfg005[0].message, /must stand on a line of its own/);
});

test('Erlang terms: a % directive after a term on the same line is refused, and its fix removes only the comment', () => {
  const text = '[{rabbit, [{tcp_listeners, []}, % mq-harden-disable-next-line RMQ102 -- none\n {ssl_listeners, []}]}].\n';
  const r = check(CLASSIC, text);
  assert.deepEqual(r.suppressed, []);
  assert.equal(r.cfg005.length, 1);
  const fix = r.cfg005[0].fixes[0];
  const e = fix.edits[0];
  const fixed = text.slice(0, r.doc.lines.offsetAt(e.range.start)) + e.newText + text.slice(r.doc.lines.offsetAt(e.range.end));
  assert.equal(fixed, '[{rabbit, [{tcp_listeners, []},\n {ssl_listeners, []}]}].\n');
});

test('a reason is required: without one nothing is suppressed and CFG005 says why', () => {
  for (const comment of ['# mq-harden-disable-next-line RMQ103', '# mq-harden-disable-next-line RMQ103 --', '# mq-harden-disable-next-line RMQ103 --   ']) {
    const r = check(CONF, conf(CONF_BODY[0], comment, CONF_BODY[1], CONF_BODY[2]));
    assert.deepEqual(r.suppressed, [], comment);
    assert.ok(at(r.kept).includes('RMQ103@3'), comment);
    assert.deepEqual(at(r.cfg005), ['CFG005@2'], comment);
    assert.match(r.cfg005[0].message, /gives no reason/);
    assert.equal(r.cfg005[0].severity, 'information');
    assert.equal(r.cfg005[0].codeDescription.href, 'docs/rules/CFG005.md');
  }
});

test('CFG005: an unknown code is reported at the code, the other codes still work', () => {
  const text = conf(CONF_BODY[0], '# mq-harden-disable-next-line RMQ999, RMQ103 -- firewall', CONF_BODY[1], CONF_BODY[2]);
  const r = check(CONF, text);
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['RMQ103@3']);
  assert.equal(r.cfg005.length, 1);
  assert.match(r.cfg005[0].message, /Unknown rule code RMQ999/);
  assert.equal(text.slice(r.cfg005[0].span.start, r.cfg005[0].span.end), 'RMQ999');
  // Two fixes: drop the code from the list, or drop the comment.
  assert.deepEqual(r.cfg005[0].fixes.map((f) => f.title), ['Remove RMQ999 from this suppression', 'Remove this suppression comment']);
  assert.ok(r.cfg005[0].fixes.every((f) => !f.safe));
});

test('CFG005: a word that is no code, an empty list, a misspelt directive, a trailing comment, CFG005 itself', () => {
  const cases: [string, RegExp][] = [
    ['# mq-harden-disable-next-line all -- everything', /'all' is not a rule code/],
    ['# mq-harden-disable-next-line -- nothing named', /names no rule code/],
    ['# mq-harden-disable-line RMQ103 -- typo', /Unknown suppression directive 'mq-harden-disable-line'/],
    ['# mq-harden-disable-next-line CFG005 -- meta', /CFG005 cannot be suppressed/],
  ];
  for (const [comment, message] of cases) {
    const r = check(CONF, conf(CONF_BODY[0], comment, CONF_BODY[1], CONF_BODY[2]));
    assert.deepEqual(r.suppressed, [], comment);
    assert.equal(r.cfg005.length, 1, comment);
    assert.match(r.cfg005[0].message, message);
  }
  const trailing = check(CONF, conf(`${CONF_BODY[1]} # mq-harden-disable-next-line RMQ103 -- firewall`, CONF_BODY[2]));
  assert.deepEqual(trailing.suppressed, []);
  assert.match(trailing.cfg005[0].message, /must stand on a line of its own/);
});

test('CFG005: a code that does not fire where the comment points, next-line and file', () => {
  const next = check(CONF, conf('# mq-harden-disable-next-line RMQ107 -- not needed', ...CONF_BODY));
  assert.deepEqual(at(next.cfg005), ['CFG005@1']);
  assert.match(next.cfg005[0].message, /RMQ107 does not fire on the next setting \(line 2\)/);
  const file = check(CONF, conf('# mq-harden-disable-file RMQ202 -- never', ...CONF_BODY));
  assert.match(file.cfg005[0].message, /RMQ202 does not fire anywhere in this file/);
  const end = check(CONF, conf(...CONF_BODY, '# mq-harden-disable-next-line RMQ103 -- nothing below'));
  assert.match(end.cfg005[0].message, /only blank lines and comments follow/);
});

test('CFG005: not judged on a file with a syntax error, nor for a rule that is off', () => {
  const broken = check(CONF, conf('# mq-harden-disable-next-line RMQ105 -- lab', CONF_BODY[2], 'this line is not a setting'));
  assert.ok(broken.all.some((d) => d.code === 'CFG001'));
  assert.deepEqual(broken.cfg005, []);
  const off = check(CONF, conf('# mq-harden-disable-next-line RMQ101 -- policy', CONF_BODY[2]), { rules: { RMQ101: 'off' } }, { rules: { RMQ101: 'off' } });
  assert.deepEqual(off.cfg005, []);
});

test('CFG005 follows its configured severity, or disappears when off while suppressions still work', () => {
  const text = conf(CONF_BODY[0], '# mq-harden-disable-next-line RMQ103', '# mq-harden-disable-next-line RMQ103 -- firewall', CONF_BODY[1]);
  const error = check(CONF, text, { rules: { CFG005: 'error' } });
  assert.deepEqual(error.cfg005.map((d) => d.severity), ['error']);
  const off = check(CONF, text, { rules: { CFG005: 'off' } });
  assert.deepEqual(off.cfg005, []);
  assert.deepEqual(at(off.suppressed.map((s) => s.diagnostic)), ['RMQ103@4']);
});

test('no inline suppressions: nothing is suppressed and every suppression comment is reported', () => {
  const text = conf('# mq-harden-disable-file RMQ101 -- policy', CONF_BODY[0], '# an ordinary comment', '# mq-harden-disable-next-line RMQ103 -- firewall', CONF_BODY[1]);
  const r = check(CONF, text, { allowInline: false });
  assert.deepEqual(r.suppressed, []);
  assert.deepEqual(r.kept, [...r.all]);
  assert.deepEqual(at(r.cfg005), ['CFG005@1', 'CFG005@4']);
  assert.ok(r.cfg005.every((d) => /not allowed/.test(d.message)));
});

test('the remove fixes of CFG005 delete exactly the comment line, or the one code', () => {
  const text = conf(CONF_BODY[0], '# mq-harden-disable-next-line RMQ103, RMQ107 -- firewall', CONF_BODY[1], CONF_BODY[2]);
  const r = check(CONF, text);
  assert.equal(r.cfg005.length, 1);
  const [dropCode, dropComment] = r.cfg005[0].fixes;
  const lines = r.doc.lines;
  const applyOne = (f: (typeof r.cfg005)[0]['fixes'][0]) => {
    const e = f.edits[0];
    return text.slice(0, lines.offsetAt(e.range.start)) + e.newText + text.slice(lines.offsetAt(e.range.end));
  };
  assert.equal(applyOne(dropComment), conf(...CONF_BODY));
  const fixed = applyOne(dropCode);
  assert.ok(fixed.includes('# mq-harden-disable-next-line RMQ103 -- firewall\n'));
  const again = check(CONF, fixed);
  assert.deepEqual(again.cfg005, []);
  assert.deepEqual(at(again.suppressed.map((s) => s.diagnostic)), ['RMQ103@3']);
});

test('templates: a suppression comment in a Jinja template of rabbitmq.conf works on the masked text', () => {
  const text = conf(
    'listeners.tcp = none',
    '# mq-harden-disable-next-line RMQ103 -- {{ reason }}',
    '{% if tls %}',
    'listeners.ssl.default = 5671',
    '{% endif %}',
    'listeners.ssl.other = 5671',
  );
  const r = check('/srv/templates/rabbitmq.conf.j2', text);
  assert.ok(r.doc.template, 'read as a template');
  assert.ok(at(r.all).includes('RMQ103@4') && at(r.all).includes('RMQ103@6'));
  // The statement line is blank once masked: the comment reaches line 4, and stops there.
  assert.deepEqual(at(r.suppressed.map((s) => s.diagnostic)), ['RMQ103@4']);
  assert.ok(at(r.kept).includes('RMQ103@6'));
  assert.deepEqual(r.cfg005, []);
});
