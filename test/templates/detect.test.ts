import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTemplateDialect, guessFormat } from '../../server/src/engine/templates/index.js';

test('template extensions decide, whatever the content', () => {
  const cases: Array<[string, string]> = [
    ['nova.conf.j2', 'jinja'],
    ['roles/rabbitmq/templates/rabbitmq.config.jinja', 'jinja'],
    ['x.jinja2', 'jinja'],
    ['rabbitmq.conf.tmpl', 'jinja'],
    ['templates/_helpers.tpl', 'jinja'],
    ['NOVA.CONF.J2', 'jinja'],
    ['rabbitmq.config.erb', 'erb'],
    ['C:\\puppet\\templates\\rabbitmq.conf.epp', 'erb'],
  ];
  for (const [name, dialect] of cases) assert.equal(detectTemplateDialect(name, ''), dialect, name);
});

test('a __suffix after the extension is ignored', () => {
  assert.equal(detectTemplateDialect('kolla-ansible/rabbitmq.config.j2__2018', ''), 'jinja');
  assert.equal(detectTemplateDialect('rabbitmq.config.epp__2026', ''), 'erb');
  assert.equal(detectTemplateDialect('rabbitmq.config.erb__2024', ''), 'erb');
  assert.equal(detectTemplateDialect('foo.j2__v1.2', ''), 'jinja');
});

test('plain names stay plain when the content has no tags', () => {
  const plain = '[{rabbit, [{tcp_listeners, [5672]}]}].\n';
  for (const name of ['rabbit__rabbit.schema__v4.3.5', 'rabbitmq.config__2015-docker-common', 'rabbitmq-values.yaml__excerpt', 'rabbitmq.config', 'nova.conf', 'j2', 'x.j2.bak']) {
    assert.equal(detectTemplateDialect(name, plain), undefined, name);
  }
});

test('content: unambiguous Jinja tags in a file named like its output', () => {
  const jinja = [
    '[\n    {rabbit, [\n{%- if ssl_only %}\n        {tcp_listeners, []},\n{% endif %}\n    ]}\n].\n',
    '[oslo_messaging_rabbit]\n{% if rabbitmq_ha_queues -%}\nrabbit_ha_queues = True\n{% endif -%}\n',
    'a = {{ x }}\n',
    'url = rabbit://{{ user }}:{{ password }}@host\n',
    '#jinja2: trim_blocks: False\n{}\n',
    '{# a note #}\n[DEFAULT]\n',
    '{#\n  several lines\n#}\n',
  ];
  for (const text of jinja) assert.equal(detectTemplateDialect('rabbitmq.conf', text, 'line'), 'jinja', text);
});

test('content: in Erlang terms only expressions that cannot be terms count', () => {
  const jinja = [
    '[{rabbit, [{ssl_listeners, [{{ ssl_port | int }}]}]}].',
    '[{kernel, [{inet_dist_use_interface, {{{ addr | replace(".", ",") }}}}]}].',
    '{port, {{ rabbitmq_port }}},\n{% if x %}\n',
    '{listener, [{ip, "{{ bind.address }}"}]}',
    '{cacertfile, {{ lookup("file", path) }}}',
    '{x, {{- value }}}',
    '{y, {{ .Values.port }}}',
  ];
  for (const text of jinja) assert.equal(detectTemplateDialect('rabbitmq.config', text), 'jinja', text);
});

test('content: ERB/EPP tags', () => {
  for (const text of ['{port, <%= @port %>}', '<% if @ssl -%>\nx\n<% end -%>', '<%- | $a | -%>\n', '<%# c %>', 'a=<%=$x%>']) {
    assert.equal(detectTemplateDialect('rabbitmq.config', text), 'erb', text);
  }
});

test('tricky plain Erlang terms are not templates', () => {
  const erlang = [
    '[{rabbit, [{tcp_listeners, [{"0.0.0.0", 5672}]}]}].',
    '{{a, b}, c}.',
    '[{{127,0,0,1}, 5672}].',
    '{{ssl, [{versions, [\'tlsv1.2\', \'tlsv1.3\']}]}}.',
    '[{ssl_options, [{versions, [\'tlsv1.2\']}]}}].',
    '#{a => 1}.',
    '{#{a => 1}, x}.',
    '{# {a => 1}, x}.',
    '{x, <<"guest">>}.',
    '{x, <<"{{ x }}">>}.',
    '{{ var }}.',
    '{{ Var }}.',
    '{{"a.b", c}}.',
    "{{'a.b', 'c(d)'}}.",
    '[{{a, [b|c]}}].',
    '{{x, 1.5}, 2.0e3}.',
    '{{-1, 2}}.',
    '{%comment about it\n rabbit, []}.',
    '{ % 50%}\n x}.',
    '{x, y}. % see <<%>> and <%\n',
    '{{$a, $b}}.',
  ];
  for (const text of erlang) assert.equal(detectTemplateDialect('rabbitmq.config', text), undefined, text);
  for (const text of erlang) assert.equal(detectTemplateDialect('x', text, 'erlang'), undefined, `erlang hint: ${text}`);
});

test('tricky plain INI and rabbitmq.conf lines are not templates', () => {
  const lines = [
    'logging_context_format_string = %(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s [%(request_id)s %(user_identity)s] %(instance)s%(message)s',
    'instance_name_template = instance-%08x',
    'x = {a}{b}',
    'url = {scheme}://{host}:{port}',
    'vm_memory_high_watermark.relative = 100%',
    'password = a<%b',
    'fmt = {{}}',
    'json = {{"a": 1}}',
    'template = {{name}}',
    'x = {#}',
    '# {# not closed',
    'ratio = 50%}',
    'x = %{HOSTNAME}',
  ];
  for (const text of lines) assert.equal(detectTemplateDialect('nova.conf', text), undefined, text);
  assert.equal(detectTemplateDialect('nova.conf', lines.join('\n')), undefined, 'all together');
});

test('the format is guessed from the name, then the first significant character', () => {
  assert.equal(guessFormat('advanced.config', ''), 'erlang');
  assert.equal(guessFormat('rabbit__rabbit.schema__v4.3.5', ''), 'erlang');
  assert.equal(guessFormat('x', '%% header\n[\n {rabbit, []}].'), 'erlang');
  assert.equal(guessFormat('x', '  {rabbit, []}.'), 'erlang');
  assert.equal(guessFormat('x', '[DEFAULT]\ndebug = true\n'), 'line');
  assert.equal(guessFormat('x', '# comment\nlisteners.tcp = none\n'), 'line');
});
