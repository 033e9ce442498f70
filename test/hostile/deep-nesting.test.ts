// 100,000-deep nesting in every format, through the whole analysis (parse,
// template masking, model, every rule): no stack overflow, no rule that
// throws, and where a limit exists, one clear diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalysisResult } from '../../server/src/engine/analysis/analyze.js';

const DEPTH = 100_000;

function analysed(path: string, text: string): AnalysisResult {
  const result = analyze({ path, text });
  assert.ok(result, `${path} is not recognised`);
  assert.deepEqual(result.internalErrors.map((e) => `${e.code}: ${String(e.error)}`), [], 'no rule may fail');
  return result;
}

function codes(result: AnalysisResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

const nest = (open: string, leaf: string, close: string) => open.repeat(DEPTH) + leaf + close.repeat(DEPTH);

test('classic config: 100,000 nested lists, tuples and maps, at the top and inside settings the rules read', () => {
  const texts = [
    nest('[', '', ']') + '.\n',
    `[{rabbit, ${nest('[', '', ']')}}].\n`,
    `[{rabbit, [{ssl_options, ${nest('[', '', ']')}}]}].\n`,
    `[{rabbit, [{tcp_listeners, ${nest('{', '5672', '}')}}]}].\n`,
    `[{rabbit, [{default_user, ${nest('#{k => ', 'v', '}')}}]}].\n`,
    `[{rabbit, [{loopback_users, ${nest('[a | ', '[]', ']')}}]}].\n`,
  ];
  for (const text of texts) {
    const result = analysed('/hostile/rabbitmq.config', text);
    assert.ok(!codes(result).includes('CFG001'), `${text.slice(0, 30)}…: ${JSON.stringify(result.diagnostics[0])}`);
  }
});

test('advanced.config with 100,000 nested function calls (calls are allowed there)', () => {
  const text = `[{rabbit, [{ssl_options, [{verify_fun, ${nest('m:f(', '1', ')')}}]}]}].\n`;
  analysed('/hostile/advanced.config', text);
});

test('nesting past the parser limit gives one clear CFG001', () => {
  const depth = 1_000_000;
  const text = '['.repeat(depth) + ']'.repeat(depth) + '.\n';
  const result = analysed('/hostile/rabbitmq.config', text);
  const errors = result.diagnostics.filter((d) => d.code === 'CFG001');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /nesting too deep/);
});

test('100,000 unclosed brackets: one syntax error, at the end', () => {
  const text = '['.repeat(DEPTH);
  const errors = analysed('/hostile/rabbitmq.config', text).diagnostics.filter((d) => d.code === 'CFG001');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].span.start, text.length);
});

test('rabbitmq.conf: a key of 100,000 segments and a multi-line value of 100,000 lines', () => {
  const longKey = analysed('/hostile/rabbitmq.conf', `a${'.a'.repeat(DEPTH)} = 1\n`);
  assert.ok(codes(longKey).includes('CFG002'), 'an unknown key is reported');
  const multiline = analysed('/hostile/rabbitmq.conf', `definitions.local.path = '''${'\n'.repeat(DEPTH)}'''\n`);
  assert.ok(!codes(multiline).includes('CFG001'));
});

test('oslo INI: a value continued over 100,000 lines, and a header of 100,000 brackets', () => {
  const continued = analysed('/hostile/nova.conf', `[DEFAULT]\ntransport_url = rabbit://h\n${'    more\n'.repeat(DEPTH)}`);
  assert.ok(!codes(continued).includes('CFG001'));
  const header = analysed('/hostile/nova.conf', `${'['.repeat(DEPTH)}\n`);
  assert.deepEqual(codes(header), ['CFG001']);
  assert.ok(header.diagnostics[0].message.length < 500, 'the message quotes a shortened line');
});

test('qpidd.conf: a section header of 100,000 brackets', () => {
  analysed('/hostile/qpidd.conf', `${nest('[', 'broker', ']')}\nauth=yes\n`);
});

test('templates: 100,000 nested Jinja ifs and fors, and ERB blocks, in every format', () => {
  const jinjaIfs = (body: string) => '{% if x %}\n'.repeat(DEPTH) + body + '{% endif %}\n'.repeat(DEPTH);
  const cases: [string, string][] = [
    ['/hostile/nova.conf.j2', `[DEFAULT]\n${jinjaIfs('debug = true\n')}`],
    ['/hostile/rabbitmq.conf.j2', jinjaIfs('listeners.tcp.default = 5672\n')],
    ['/hostile/rabbitmq.config.j2', `[${'{% for x in y %}['.repeat(DEPTH)}${']{% endfor %}'.repeat(DEPTH)}].\n`],
    ['/hostile/rabbitmq.conf.erb', `${'<% if x %>\n'.repeat(DEPTH)}heartbeat = 60\n${'<% end %>\n'.repeat(DEPTH)}`],
    ['/hostile/qpidd.conf.j2', jinjaIfs('auth=yes\n')],
  ];
  for (const [path, text] of cases) {
    const result = analysed(path, text);
    assert.ok(result.document.template, `${path} is read as a template`);
    assert.deepEqual(result.document.template.errors, [], `${path}: the blocks are balanced`);
  }
});

test('templates: 100,000 unclosed tags give a bounded number of errors', () => {
  for (const [path, unit] of [['/hostile/nova.conf.j2', '{{ x\n'], ['/hostile/nova.conf.j2', '{% raw %}\n'], ['/hostile/rabbitmq.conf.erb', '<%= x\n'], ['/hostile/nova.conf.j2', '{% if x %}\n']]) {
    const result = analysed(path, `[DEFAULT]\n${unit.repeat(DEPTH)}`);
    const errors = result.diagnostics.filter((d) => d.code === 'CFG001');
    assert.ok(errors.length >= 1 && errors.length <= 100, `${JSON.stringify(unit)}: ${errors.length} errors`);
  }
});
