// Which fixes the engine offers (analysis/fix-policy.ts): none that edit a
// document whose tree is a parser's guess (any syntax error, reported or
// not, or broken template syntax), none that cut into a template tag or
// remove a control-flow tag; the findings themselves stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildDocument, type AnalysisResult } from '../../server/src/engine/analysis/analyze.js';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import { keepsTemplateTags, offerableFixes, treeIsReliable } from '../../server/src/engine/analysis/fix-policy.js';
import type { FixProposal } from '../../server/src/engine/core/findings.js';
import { detectLanguage } from '../../server/src/engine/languages/detect.js';
import { maskTemplate } from '../../server/src/engine/templates/index.js';
import { checkFixes } from '../fuzz/fix-properties.js';

function run(path: string, text: string): AnalysisResult {
  const result = analyze({ path, text });
  assert.ok(result, `${path} is not recognised`);
  return result;
}

function editFixes(result: AnalysisResult): string[] {
  return result.diagnostics.flatMap((d) => d.fixes.filter((f) => f.edits.length > 0).map((f) => `${d.code}: ${f.title}`));
}

/** Code and message of each finding: what the user reads. */
function findings(result: AnalysisResult): string[] {
  return result.diagnostics.map((d) => `${d.code}: ${d.message}`);
}

function cfg001(result: AnalysisResult): number {
  return result.diagnostics.filter((d) => d.code === 'CFG001').length;
}

// Formerly known-bugs.ts 'fixes-on-broken-template': RMQ101 inserted
// `{rabbit, [{tcp_listeners, []}]}` after the document's closing `]`, on
// every fix-all pass.
const BROKEN_TEMPLATE = {
  path: '/tmp/known-bug/rabbitmq.config.j2',
  text: '[\n  {kernel, [\n  {kernel, [{inet_dist_listen_min, 25672}]},\n{% if x %}\n  {rabbit, [{hipe_compile, true}]}\n{% endif %}\n].\n',
};

test('fixes-on-broken-template: an unreported syntax error keeps the findings and withholds their edits', () => {
  const result = run(BROKEN_TEMPLATE.path, BROKEN_TEMPLATE.text);
  // The situation the bug needs: the masked text does not parse, and CFG001 stays silent (control flow).
  assert.ok(result.document.syntaxErrors.length > 0);
  assert.equal(cfg001(result), 0);
  const codes = result.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('RMQ101'), codes.join(', '));
  assert.deepEqual(editFixes(result), []);
  const fixed = fixAll(BROKEN_TEMPLATE);
  assert.equal(fixed.text, BROKEN_TEMPLATE.text);
  assert.deepEqual(fixed.applied, []);
  assert.equal(fixed.settled, true);
  checkFixes(BROKEN_TEMPLATE.path, BROKEN_TEMPLATE.text, { strict: true });
});

test('a loop that masks to a trailing comma: same findings as the rendered file, but no edits', () => {
  const loop = '{% for c in ciphers %}"{{ c }}"{% if not loop.last %},{% endif %}{% endfor %}';
  const shape = (ciphers: string) => `[{rabbit, [{ssl_listeners, [5671]},\n  {ssl_options, [{ciphers, [${ciphers}]}]}]}].\n`;
  const template = run('/t/rabbitmq.config.j2', shape(loop));
  const rendered = run('/t/rabbitmq.config', shape('"ECDHE-RSA-AES128-GCM-SHA256"'));
  assert.ok(template.document.syntaxErrors.length > 0, 'the masked loop should leave a trailing comma');
  assert.equal(rendered.document.syntaxErrors.length, 0);
  assert.ok(editFixes(rendered).length >= 3, editFixes(rendered).join('\n'));
  assert.deepEqual(findings(template), findings(rendered));
  assert.deepEqual(editFixes(template), []);
});

test('broken template syntax is a CFG001: the rule families stay silent and no edit is offered', () => {
  const text = '[{rabbit, [{loopback_users, []}]}].\n%% {{ oops\n';
  const result = run('/t/rabbitmq.config.j2', text);
  assert.ok((result.document.template?.errors.length ?? 0) > 0);
  assert.equal(result.document.syntaxErrors.length, 0, 'the masked text itself parses');
  assert.equal(cfg001(result), 1);
  assert.deepEqual(result.diagnostics.filter((d) => d.code.startsWith('RMQ')).map((d) => d.code), []);
  assert.deepEqual(editFixes(result), []);
  // Without the broken tag the same file has its RabbitMQ findings.
  assert.ok(run('/t/rabbitmq.config.j2', text.replace('{{ oops', 'fine')).diagnostics.some((d) => d.code.startsWith('RMQ')));
  // The same file without the broken tag gets its fixes.
  assert.ok(editFixes(run('/t/rabbitmq.config.j2', text.replace('{{ oops', 'fine'))).length > 0);
});

test('a plain file with a reported error offers no edits either', () => {
  const text = '[oslo_messaging_rabbit]\nssl = true\nssl = false\nbogus line\n';
  const result = run('/t/nova.conf', text);
  assert.equal(cfg001(result), 1);
  assert.ok(result.diagnostics.some((d) => d.code === 'CFG004'), findings(result).join('\n'));
  assert.deepEqual(editFixes(result), []);
  const valid = run('/t/nova.conf', text.replace('bogus line\n', ''));
  assert.ok(valid.diagnostics.some((d) => d.code === 'CFG004' && d.fixes.some((f) => f.edits.length > 0)), 'CFG004 has an edit fix on the valid file');
});

test('fixes that only run a command are kept on a broken document', () => {
  const path = '/t/rabbitmq.config';
  const text = '[{rabbit, [{ssl_options, [{keyfile, "/k.pem"}]}]}.\n';
  const doc = buildDocument({ path, text }, detectLanguage(path, text)!);
  assert.equal(treeIsReliable(doc), false);
  const edit: FixProposal = { title: 'edit', safe: true, edits: [{ span: { start: 0, end: 0 }, newText: '%% x\n' }] };
  const command: FixProposal = { title: 'chmod', safe: false, edits: [], command: { command: 'mq-harden.chmod600', arguments: ['/k.pem'] } };
  assert.deepEqual(offerableFixes(doc, [edit, command]), [command]);
  const valid = buildDocument({ path, text: text.replace('}.', '}].') }, detectLanguage(path, text)!);
  assert.equal(treeIsReliable(valid), true);
  assert.deepEqual(offerableFixes(valid, [edit, command]), [edit, command]);
});

test('an edit may not cut into a template tag nor remove a control-flow tag', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'a = {{ v }}\n{% if x %}\nb = 1 {# c #}\n{% endif %}\n';
  const masked = maskTemplate(text, 'jinja');
  const expr = { start: 4, end: 11 };
  const ifTag = { start: 12, end: 22 };
  const comment = { start: 29, end: 36 };
  const keeps = (start: number, end: number) => keepsTemplateTags(masked, { span: { start, end }, newText: 'x' });
  assert.deepEqual(text.slice(expr.start, expr.end), '{{ v }}');
  assert.deepEqual(text.slice(ifTag.start, ifTag.end), '{% if x %}');
  assert.deepEqual(text.slice(comment.start, comment.end), '{# c #}');
  assert.equal(keeps(0, 3), true, 'plain text');
  assert.equal(keeps(4, 11), true, 'a whole expression');
  assert.equal(keeps(0, 12), true, 'a line holding an expression');
  assert.equal(keeps(4, 4), true, 'an insertion right before a tag');
  assert.equal(keeps(11, 11), true, 'an insertion right after a tag');
  assert.equal(keeps(5, 5), false, 'an insertion inside a tag');
  assert.equal(keeps(2, 6), false, 'cuts into the start of an expression');
  assert.equal(keeps(8, 12), false, 'cuts into the end of an expression');
  assert.equal(keeps(12, 22), false, 'a whole statement');
  assert.equal(keeps(0, text.length), false, 'everything, statements included');
  assert.equal(keeps(29, 36), true, 'a whole comment');
  assert.equal(keeps(23, 36), true, 'a line holding a comment');
});

test('template fixes that would remove a control-flow tag are not offered', () => {
  const path = '/t/rabbitmq.conf.j2';
  const text = 'listeners.tcp.1 = 192.168.{% if x %}1.99:5672\n{% endif %}listeners.ssl.1 = 192.168.1.99:5671\n';
  const result = run(path, text);
  const rmq101 = result.diagnostics.find((d) => d.code === 'RMQ101');
  assert.ok(rmq101, findings(result).join('\n'));
  assert.deepEqual(rmq101.fixes.filter((f) => f.edits.length > 0), []);
  // Without the tags the same line is rewritten.
  const plain = run(path, text.replace('{% if x %}', '').replace('{% endif %}', ''));
  assert.ok(plain.diagnostics.some((d) => d.code === 'RMQ101' && d.fixes.some((f) => f.edits.length > 0)));
});
