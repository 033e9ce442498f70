/**
 * The "Suppress CODE on this line" quick fix: the comment it writes is in the
 * file's syntax, lands where it cannot change a setting, and actually
 * suppresses the finding when the file is analysed again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineDiagnostic } from '../../server/src/engine/core/findings.js';
import { parseOsloIni } from '../../server/src/engine/formats/ini/index.js';
import { parseCuttlefish } from '../../server/src/engine/formats/cuttlefish/index.js';
import { suppressionFix } from '../../server/src/engine/suppression/index.js';
import { applySuppressions } from '../../server/src/engine/suppression/index.js';
import { applyFix, at, check } from './support.js';

/** Applies the quick fix for the first finding matching `code`@`line` and analyses the result. */
function suppressAndRecheck(path: string, text: string, code: string, line: number) {
  const before = check(path, text);
  const d = before.kept.find((x) => x.code === code && x.range.start.line + 1 === line);
  assert.ok(d, `${code}@${line} in ${at(before.kept).join(' ')}`);
  const fix = suppressionFix(before.doc, d);
  assert.ok(fix);
  assert.equal(fix.title, `Suppress ${code} on this line`);
  assert.equal(fix.safe, false);
  const fixed = applyFix(text, fix);
  return { before, fixed, after: check(path, fixed) };
}

test('rabbitmq.conf: the comment goes above the line with its indentation and suppresses the finding', () => {
  const text = 'listeners.tcp = none\n  listeners.ssl.default = 5671\nssl_options.verify = verify_peer\n';
  const { fixed, after } = suppressAndRecheck('/etc/rabbitmq/rabbitmq.conf', text, 'RMQ103', 2);
  assert.equal(fixed, 'listeners.tcp = none\n  # mq-harden-disable-next-line RMQ103 -- reason\n  listeners.ssl.default = 5671\nssl_options.verify = verify_peer\n');
  assert.deepEqual(at(after.suppressed.map((s) => s.diagnostic)), ['RMQ103@3']);
  assert.deepEqual(after.cfg005, []);
});

test('Erlang terms: a % comment, indented like the term', () => {
  const text = '[{rabbit, [\n    {tcp_listeners, []},\n    {ssl_listeners, [5671]},\n    {ssl_options, [{verify, verify_none}]}\n]}].\n';
  const { fixed, after } = suppressAndRecheck('/etc/rabbitmq/rabbitmq.config', text, 'RMQ105', 4);
  assert.ok(fixed.includes('\n    % mq-harden-disable-next-line RMQ105 -- reason\n    {ssl_options'));
  assert.ok(after.suppressed.some((s) => s.diagnostic.code === 'RMQ105'));
  assert.ok(!after.kept.some((d) => d.code === 'RMQ105'));
  assert.deepEqual(after.cfg005, []);
  assert.ok(!after.all.some((d) => d.code === 'CFG001'), 'still a valid term file');
});

test('oslo INI: the comment starts in column 0 even above an indented-looking context', () => {
  const text = '[oslo_messaging_rabbit]\nssl = maybe\n';
  const { fixed, after } = suppressAndRecheck('/etc/nova/nova.conf', text, 'CFG003', 2);
  assert.equal(fixed, '[oslo_messaging_rabbit]\n# mq-harden-disable-next-line CFG003 -- reason\nssl = maybe\n');
  assert.deepEqual(at(after.suppressed.map((s) => s.diagnostic)), ['CFG003@3']);
});

test('qpidd.conf: a # comment', () => {
  const { fixed, after } = suppressAndRecheck('/etc/qpid/qpidd.conf', 'port=5672\nauth=maybe\n', 'CFG003', 2);
  assert.equal(fixed, 'port=5672\n# mq-harden-disable-next-line CFG003 -- reason\nauth=maybe\n');
  assert.deepEqual(at(after.suppressed.map((s) => s.diagnostic)), ['CFG003@3']);
});

/** A finding moved to another line of the same document (rules that point into a value do this). */
function movedTo(d: EngineDiagnostic, line: number, character: number): EngineDiagnostic {
  return { ...d, range: { start: { line, character }, end: { line, character: character + 1 } } };
}

test('oslo INI: never inside a multi-line value: the comment goes above the option, and the value is unchanged', () => {
  const text = '[oslo_messaging_rabbit]\nno_such_option = first\n  second\n  third\nssl = true\n';
  const before = check('/etc/nova/nova.conf', text);
  const d = before.kept.find((x) => x.code === 'CFG002');
  assert.ok(d);
  // A finding on the value's third line.
  const onContinuation = movedTo(d, 3, 2);
  const fix = suppressionFix(before.doc, onContinuation);
  assert.ok(fix);
  const fixed = applyFix(text, fix);
  assert.equal(fixed, '[oslo_messaging_rabbit]\n# mq-harden-disable-next-line CFG002 -- reason\nno_such_option = first\n  second\n  third\nssl = true\n');
  const entry = (t: string) => parseOsloIni(t).tree.sections[0].entries.find((e) => e.key === 'no_such_option');
  assert.equal(entry(fixed)?.value, entry(text)?.value);
  // The comment covers the continuation line the finding moved to (now line 4, 0-based).
  const after = check('/etc/nova/nova.conf', fixed);
  const outcome = applySuppressions(after.doc, [movedTo(after.all.find((x) => x.code === 'CFG002')!, 4, 2)], { allowInline: true });
  assert.equal(outcome.suppressed.length, 1);
  assert.deepEqual(outcome.cfg005, []);
});

test("rabbitmq.conf: never inside a ''' value", () => {
  const text = "listeners.tcp = none\nssl_options.no_such_key = '''a\nb\nc'''\n";
  const before = check('/etc/rabbitmq/rabbitmq.conf', text);
  const d = before.kept.find((x) => x.code === 'CFG002');
  assert.ok(d);
  const fix = suppressionFix(before.doc, movedTo(d, 2, 0));
  assert.ok(fix);
  const fixed = applyFix(text, fix);
  assert.equal(fixed, "listeners.tcp = none\n# mq-harden-disable-next-line CFG002 -- reason\nssl_options.no_such_key = '''a\nb\nc'''\n");
  const value = (t: string) => parseCuttlefish(t).tree.entries.find((e) => e.key === 'ssl_options.no_such_key')?.value;
  assert.equal(value(fixed), value(text));
});

test('a finding about the whole file (placed on its first line) is suppressed by a comment at the top', () => {
  for (const text of ['# my broker\n\nlisteners.tcp = none\n', 'listeners.tcp = none\n']) {
    const { fixed, after } = suppressAndRecheck('/etc/rabbitmq/rabbitmq.conf', text, 'RMQ102', 1);
    assert.equal(fixed, `# mq-harden-disable-next-line RMQ102 -- reason\n${text}`);
    // The rule now places it on the comment's line, the file's first.
    assert.deepEqual(at(after.suppressed.map((s) => s.diagnostic)), ['RMQ102@1']);
    assert.deepEqual(after.cfg005, []);
  }
});

test('an existing suppression of the same setting gets the code added to its list', () => {
  const text = 'listeners.tcp = none\nlisteners.ssl.default = 10.0.0.1:5671\n# mq-harden-disable-next-line RMQ104 -- files come from the vault\nssl_options.verify = verify_none\n';
  const { fixed, after } = suppressAndRecheck('/etc/rabbitmq/rabbitmq.conf', text, 'RMQ105', 4);
  assert.ok(fixed.includes('# mq-harden-disable-next-line RMQ104, RMQ105 -- files come from the vault\n'));
  assert.equal(fixed.split('\n').length, text.split('\n').length, 'no new line');
  assert.ok(after.suppressed.some((s) => s.diagnostic.code === 'RMQ105'));
  assert.deepEqual(after.cfg005, []);
});

test('CRLF files get a CRLF comment line; CFG005 has no suppress fix', () => {
  const text = 'listeners.tcp = none\r\nlisteners.ssl.default = 5671\r\n';
  const { fixed } = suppressAndRecheck('/etc/rabbitmq/rabbitmq.conf', text, 'RMQ103', 2);
  assert.ok(fixed.includes('\r\n# mq-harden-disable-next-line RMQ103 -- reason\r\nlisteners.ssl'));
  const bad = check('/etc/rabbitmq/rabbitmq.conf', '# mq-harden-disable-next-line RMQ999 -- x\nlisteners.tcp = none\n');
  assert.equal(bad.cfg005.length, 1);
  assert.equal(suppressionFix(bad.doc, bad.cfg005[0]), undefined);
});
