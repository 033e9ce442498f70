/**
 * Every real template in the shared corpus: detected, masked without errors,
 * tags covered exactly (checked against Jinja's own lexer where the file is
 * Jinja), conditional regions where the file has control flow (checked
 * against Jinja's own parser), plain files left alone.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { detectTemplateDialect, isConditional, maskTemplate } from '../../server/src/engine/templates/index.js';
import type { MaskedDocument, TemplateDialect } from '../../server/src/engine/templates/types.js';
import { oracleMissing } from '../helpers/oracle.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/paths.js';
import { assertMaskContract, corpusFiles, corpusName, maskedOutsideRaw, readText, runJinjaOracle, spanOfText, TAG_OPENER } from './support.js';

interface CorpusFile {
  readonly path: string;
  readonly name: string;
  readonly text: string;
}

const FILES: CorpusFile[] = corpusFiles().map((path) => ({ path, name: corpusName(path), text: readText(path) }));
const TEMPLATES = FILES.filter((f) => TAG_OPENER.test(f.text));
/** `@NAME@` substitution templates (sed-style), recognised in Erlang-term files only. */
const PLACEHOLDER_TEMPLATES = new Set(['rabbitmq/kolla-ansible/rabbitmq.config__2015-docker-common']);
const PLAIN = FILES.filter((f) => !TAG_OPENER.test(f.text) && !PLACEHOLDER_TEMPLATES.has(f.name));

/** Go templates (Helm) and Heat templates with `$NETWORK` placeholders: Jinja's lexer rejects their `$`. */
const NOT_JINJA_LEXABLE = new Set([
  'rabbitmq/bitnami-charts/rabbitmq-values.yaml__excerpt',
  'rabbitmq/openstack-helm/_to_rabbit_config.tpl',
  'rabbitmq/openstack-helm/configmap-etc.yaml.tpl',
  'rabbitmq/tripleo-heat-templates/rabbitmq-container-puppet.yaml',
]);

function expectedDialect(name: string): TemplateDialect {
  return /\.(erb|epp)(__|$)/.test(name) ? 'erb' : 'jinja';
}

/** These tests need the shared corpus; without it they skip loudly (and fail under CI). */
function corpusMissing(t: TestContext): boolean {
  if (sharedAvailable()) return false;
  oracleMissing(t, `shared corpus at ${CORPUS_DIR}`);
  return true;
}

const masks = new Map<string, MaskedDocument>();
function masked(f: CorpusFile): MaskedDocument {
  let m = masks.get(f.name);
  if (!m) {
    m = maskTemplate(f.text, expectedDialect(f.name));
    masks.set(f.name, m);
  }
  return m;
}

function file(name: string): CorpusFile {
  const f = FILES.find((x) => x.name === name);
  assert.ok(f, `corpus file missing: ${name}`);
  return f;
}

test('the corpus is there', (t) => {
  if (corpusMissing(t)) return;
  assert.ok(TEMPLATES.length >= 50, `only ${TEMPLATES.length} templates found`);
  assert.ok(PLAIN.length >= 50, `only ${PLAIN.length} plain files found`);
});

test('every template file is detected with its dialect', (t) => {
  if (corpusMissing(t)) return;
  for (const f of TEMPLATES) assert.equal(detectTemplateDialect(f.path, f.text), expectedDialect(f.name), f.name);
});

test('no plain file is taken for a template, under any format hint', (t) => {
  if (corpusMissing(t)) return;
  for (const f of PLAIN) {
    assert.equal(detectTemplateDialect(f.path, f.text), undefined, f.name);
    assert.equal(detectTemplateDialect(f.path, f.text, 'line'), undefined, `${f.name} (line)`);
    assert.equal(detectTemplateDialect(f.path, f.text, 'erlang'), undefined, `${f.name} (erlang)`);
  }
});

test('sed-style @NAME@ templates are recognised in Erlang-term files, each placeholder an expression', (t) => {
  if (corpusMissing(t)) return;
  for (const f of FILES.filter((x) => PLACEHOLDER_TEMPLATES.has(x.name))) {
    assert.equal(detectTemplateDialect(f.path, f.text), 'placeholder', f.name);
    const m = maskTemplate(f.text, 'placeholder');
    assert.deepEqual(m.spans.map((s) => f.text.slice(s.start, s.end)), ['@RABBITMQ_CLUSTER_CONFIGURATION@', '@RABBITMQ_USER@', '@RABBITMQ_PASS@']);
    assert.ok(m.spans.every((s) => s.kind === 'expression'));
    assert.equal(m.text.length, f.text.length);
  }
});

test('every template masks to the contract, with no errors and no tag left', (t) => {
  if (corpusMissing(t)) return;
  for (const f of TEMPLATES) {
    const m = masked(f);
    assertMaskContract(f.text, m, f.name);
    assert.deepEqual(m.errors, [], f.name);
    assert.doesNotMatch(maskedOutsideRaw(f.text, m), TAG_OPENER, `${f.name}: a tag opener survived`);
    assert.ok(m.spans.length > 0, f.name);
  }
});

test('every span is one whole tag, of the kind its delimiter says', (t) => {
  if (corpusMissing(t)) return;
  for (const f of TEMPLATES) {
    for (const s of masked(f).spans) {
      const tag = f.text.slice(s.start, s.end);
      const where = `${f.name}@${s.start}: ${tag.slice(0, 40)}`;
      if (s.dialect === 'erb') {
        assert.match(tag, /^<%[\s\S]*%>$/, where);
        const kind = tag.startsWith('<%#') ? 'comment' : tag.startsWith('<%=') ? 'expression' : 'statement';
        assert.equal(s.kind, kind, where);
      } else if (tag.startsWith('#jinja2:')) {
        assert.equal(s.kind, 'comment', where);
      } else {
        assert.match(tag, /^(\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|\{#[\s\S]*#\})$/, where);
        if (tag.startsWith('{%')) assert.equal(s.kind, 'statement', where);
        if (tag.startsWith('{#') || /^\{\{-?\s*\/\*/.test(tag)) assert.equal(s.kind, 'comment', where);
      }
    }
  }
});

test('files with if/for/each blocks have conditional regions; the others none', (t) => {
  if (corpusMissing(t)) return;
  const control = {
    jinja: /\{%-?\s*(if|for)\s|\{\{-?\s*(if|range|with)\s/,
    erb: /<%-?\s*(if|unless)\s|\.each\b/,
    placeholder: /(?!)/, // `@NAME@` substitution has no control flow
  };
  for (const f of TEMPLATES) {
    const m = masked(f);
    const has = control[expectedDialect(f.name)].test(f.text);
    assert.equal(m.hasControlFlow, has, f.name);
    assert.equal(m.conditional.length > 0, has, f.name);
  }
});

type LexAnswer = { path: string; ok: boolean; spans?: Array<[number, number, string]>; error?: string };

test("Jinja templates: spans are exactly the tags of Jinja's own lexer", (t) => {
  if (corpusMissing(t)) return;
  const jinja = TEMPLATES.filter((f) => expectedDialect(f.name) === 'jinja');
  const run = runJinjaOracle<LexAnswer[]>({ spans: jinja.map((f) => f.path) });
  if (!run.ok) return oracleMissing(t, `Jinja lexer (${run.why})`);
  const rejected = new Set<string>();
  run.answer.forEach((answer, k) => {
    const f = jinja[k];
    if (!answer.ok) {
      rejected.add(f.name);
      return;
    }
    assert.deepEqual(masked(f).spans.map((s) => [s.start, s.end, s.kind]), answer.spans, f.name);
  });
  assert.deepEqual([...rejected].sort(), [...NOT_JINJA_LEXABLE].sort(), 'files the Jinja lexer rejects');
});

type ConditionalAnswer = { path: string; ok: boolean; flags?: boolean[]; error?: string };

test("Jinja templates: an expression is conditional exactly where Jinja's parse tree puts it in an if/for body", (t) => {
  if (corpusMissing(t)) return;
  const jinja = TEMPLATES.filter((f) => expectedDialect(f.name) === 'jinja' && !NOT_JINJA_LEXABLE.has(f.name));
  const run = runJinjaOracle<ConditionalAnswer[]>({ conditional: jinja.map((f) => f.path) });
  if (!run.ok) return oracleMissing(t, `Jinja parser (${run.why})`);
  let checked = 0;
  run.answer.forEach((answer, k) => {
    const f = jinja[k];
    if (!answer.ok) {
      // Ansible-only syntax the bare parser does not know would land here; the corpus has none.
      assert.fail(`${f.name}: Jinja cannot parse it: ${answer.error}`);
    }
    const expressions = masked(f).spans.filter((s) => s.kind === 'expression');
    assert.equal(expressions.length, answer.flags!.length, `${f.name}: expression count`);
    expressions.forEach((s, i) => {
      assert.equal(isConditional(masked(f), s), answer.flags![i], `${f.name}: ${f.text.slice(s.start, s.end)} at ${s.start}`);
      checked++;
    });
  });
  assert.ok(checked > 1000, `only ${checked} expressions checked`);
});

/** The spans of the listed pieces of `text`, each found after the previous one. */
function spansOf(text: string, pieces: Array<[string, string]>): Array<[number, number, string]> {
  let from = 0;
  return pieces.map(([piece, kind]) => {
    const [start, end] = spanOfText(text, piece, 0, from);
    from = end;
    return [start, end, kind];
  });
}

function actual(m: MaskedDocument): Array<[number, number, string]> {
  return m.spans.map((s) => [s.start, s.end, s.kind]);
}

test('spot check: kolla advanced.config.j2 (raw brace building an IP tuple)', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/kolla-ansible/advanced.config.j2');
  const m = masked(f);
  assert.deepEqual(
    actual(m),
    spansOf(f.text, [
      ['{# j2lint: disable=single-space-decorator #}', 'comment'],
      ['{% raw %}', 'statement'],
      ['{% endraw %}', 'statement'],
      ["{{ api_interface_address | put_address_in_context('rabbitmq') }}", 'expression'],
      ['{{ role_rabbitmq_cluster_port }}', 'expression'],
      ['{{ role_rabbitmq_cluster_port }}', 'expression'],
    ]),
  );
  const line = m.text.split('\n')[3];
  assert.equal(line, `    {inet_dist_use_interface, ${' '.repeat(9)}{${' '.repeat(12)}t${'_'.repeat(63)}}},`);
});

test('spot check: kolla erl_inetrc.j2 (a term emitted only for IPv6)', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/kolla-ansible/erl_inetrc.j2');
  const m = masked(f);
  assert.deepEqual(
    actual(m),
    spansOf(f.text, [
      ["{% if api_address_family == 'ipv6' %}", 'statement'],
      ['{% endif %}', 'statement'],
    ]),
  );
  assert.deepEqual(m.conditional.map((r) => f.text.slice(r.start, r.end)), ['\n{inet6,true}.\n']);
});

test('spot check: charm rabbitmq.config (listeners chosen by if/else)', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/charm-rabbitmq-server/rabbitmq.config');
  const m = masked(f);
  const at = (piece: string) => {
    const [start, end] = spanOfText(f.text, piece);
    return { start, end };
  };
  assert.equal(isConditional(m, at('{tcp_listeners, []}')), true);
  assert.equal(isConditional(m, at('{tcp_listeners, [5672]}')), true);
  assert.equal(isConditional(m, at('{collect_statistics_interval, 30000}')), false);
  assert.equal(isConditional(m, at('{verify, verify_peer}')), true);
  assert.equal(m.text.includes('{tcp_listen_options, [{backlog, t_____________________}]},'), true);
});

test('spot check: tripleo Heat template escaping braces through Jinja strings', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/tripleo-heat-templates/rabbitmq-messaging-rpc-pacemaker-puppet.yaml');
  const m = masked(f);
  const line = "shell: \"{{container_cli}} inspect --format '{{'{{'}}.Id{{'}}'}}' {{rabbitmq_image_latest}}\"";
  const [lineStart] = spanOfText(f.text, line);
  const inLine = m.spans.filter((s) => s.start >= lineStart && s.end <= lineStart + line.length);
  assert.deepEqual(
    inLine.map((s) => f.text.slice(s.start, s.end)),
    ['{{container_cli}}', "{{'{{'}}", "{{'}}'}}", '{{rabbitmq_image_latest}}'],
  );
});

test('spot check: Puppet rabbitmq-env.conf.epp (each and unless blocks)', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/puppet-rabbitmq/rabbitmq-env.conf.epp');
  const m = masked(f);
  const expected = spansOf(f.text, [
    ['<% $rabbitmq::config::environment_variables.keys.sort.each |$k| { -%>', 'statement'],
    ['<%- unless $rabbitmq::config::environment_variables[$k] =~ Undef {-%>', 'statement'],
    ['<%= $k %>', 'expression'],
    ['<%= $rabbitmq::config::environment_variables[$k] %>', 'expression'],
    ['<%-} -%>', 'statement'],
    ['<% } -%>', 'statement'],
  ]);
  assert.deepEqual(actual(m), expected);
  assert.deepEqual(m.conditional, [{ start: expected[0][1], end: expected[5][0] }]);
});

test('spot check: Puppet rabbitmq.config.erb (a multi-line Ruby tag, if/elsif, leading commas)', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/puppet-rabbitmq/rabbitmq.config.erb__2024');
  const m = masked(f);
  const header = f.text.slice(f.text.indexOf('<%-\nif @ssl_ciphers'), f.text.indexOf('-%>\n<%- if @ssl and') + 3);
  const [hs, he] = spanOfText(f.text, header);
  assert.ok(m.spans.some((s) => s.start === hs && s.end === he && s.kind === 'statement'), 'the Ruby prelude is one tag');
  assert.equal(isConditional(m, { start: he, end: he + 1 }), false, 'the prelude opens no block');
  const regionTexts = m.conditional.map((r) => f.text.slice(r.start, r.end));
  assert.ok(regionTexts.includes("\n    {auth_backends, [<%= @auth_backends.map { |v| \"#{v}\" }.join(', ') %>]},\n"));
  assert.ok(regionTexts.includes('\n    {auth_backends, [rabbit_auth_backend_internal, rabbit_auth_backend_ldap]},\n'));
  const [cs] = spanOfText(f.text, ',{versions, [<%= @ssl_versions');
  assert.equal(isConditional(m, { start: cs, end: cs + 1 }), true, 'the leading comma is conditional');
});

test('spot check: Helm _to_rabbit_config.tpl (Go comments, define/range/if)', (t) => {
  if (corpusMissing(t)) return;
  const f = file('rabbitmq/openstack-helm/_to_rabbit_config.tpl');
  const m = masked(f);
  const comment = f.text.slice(0, f.text.indexOf('*/}}') + 4);
  assert.deepEqual(actual(m).slice(0, 3), spansOf(f.text, [
    [comment, 'comment'],
    ['{{- define "rabbitmq.utils.to_rabbit_config" -}}', 'statement'],
    ['{{- range $top_key, $top_value :=  . }}', 'statement'],
  ]));
  const [ks, ke] = spanOfText(f.text, '{{ $top_key }} = {{ $top_value }}');
  const inLine = m.spans.filter((s) => s.start >= ks && s.end <= ke);
  assert.deepEqual(inLine.map((s) => s.kind), ['expression', 'expression']);
  assert.equal(isConditional(m, { start: ks, end: ke }), true);
  assert.equal(m.text.trimEnd().endsWith('}}'), false);
});
