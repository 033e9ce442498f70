import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskTemplate } from '../../server/src/engine/templates/index.js';
import type { MaskedDocument } from '../../server/src/engine/templates/types.js';
import { assertMaskContract } from './support.js';

function mask(text: string): MaskedDocument {
  const m = maskTemplate(text, 'erb');
  assertMaskContract(text, m, JSON.stringify(text));
  return m;
}

function tags(text: string, m: MaskedDocument): Array<[string, string]> {
  return m.spans.map((s) => [text.slice(s.start, s.end), s.kind]);
}

function regions(text: string, m: MaskedDocument): string[] {
  return m.conditional.map((r) => text.slice(r.start, r.end));
}

test('every ERB tag form: output, code, trimmed code, comment, unescaped output', () => {
  const text = '{port, <%= @port %>},\n<% x = 1 -%>\n<%- y = 2 -%>\n<%# note %>\n<%== @raw %>';
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    ['<%= @port %>', 'expression'],
    ['<% x = 1 -%>', 'statement'],
    ['<%- y = 2 -%>', 'statement'],
    ['<%# note %>', 'comment'],
    ['<%== @raw %>', 'expression'],
  ]);
  assert.equal(m.text, '{port, t___________},\n            \n             \n           \nt___________');
  assert.equal(m.hasControlFlow, false);
  assert.deepEqual(m.errors, []);
});

test('EPP: parameter header, $variables, expressions without spaces', () => {
  const text = "<%- | String $user, Integer $port = 5671 | -%>\nloopback_users.<%=$user%> = true\nport = <%= $port %>\n";
  const m = mask(text);
  assert.deepEqual(tags(text, m), [
    ['<%- | String $user, Integer $port = 5671 | -%>', 'statement'],
    ['<%=$user%>', 'expression'],
    ['<%= $port %>', 'expression'],
  ]);
  assert.equal(m.text.split('\n')[1], 'loopback_users.t_________ = true');
});

test('<%% is a literal <%, and %%> inside a tag does not close it', () => {
  const text = 'a <%% b %> c\n<%= "x%%>y" %>d';
  const m = mask(text);
  assert.deepEqual(tags(text, m), [['<%= "x%%>y" %>', 'expression']]);
  assert.equal(m.text, 'a  <% b %> c\nt_____________d');
});

test('Ruby if/elsif/else/end bodies are conditional regions', () => {
  const text = '[\n<% if @ssl_only -%>\n  {tcp_listeners, []},\n<%- elsif @interface -%>\n  {tcp_listeners, [5672]},\n<% else %>\n  x\n<% end -%>\n].';
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['\n  {tcp_listeners, []},\n', '\n  {tcp_listeners, [5672]},\n', '\n  x\n']);
  assert.equal(m.hasControlFlow, true);
});

test('leading-comma style: the comma after the tag is inside the region', () => {
  const text = '{verify,verify_peer}\n<%- if @ssl_versions -%>\n,{versions, [<%= @v %>]}\n<%- end -%>\n]';
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['\n,{versions, [<%= @v %>]}\n']);
});

test('unless, each do, and brace blocks open regions; nested ones fold into the outermost', () => {
  const text = [
    '<%- unless @config_ranch -%>',
    'binary,',
    '<%- end -%>',
    '<%- @vars.keys.sort.each do |key| -%>',
    '  {<%= key %>, <%= @vars[key] %>},',
    '  <%- if key == "a" -%>A<%- end -%>',
    '<%- end -%>',
    '<% @list.each { |x| %>X<% } %>',
  ].join('\n');
  const m = mask(text);
  assert.deepEqual(regions(text, m), [
    '\nbinary,\n',
    '\n  {<%= key %>, <%= @vars[key] %>},\n  <%- if key == "a" -%>A<%- end -%>\n',
    'X',
  ]);
});

test('statement modifiers and blocks inside one tag open no region', () => {
  const text = [
    '<% x = 1 if @y %>a',
    '<%= @list.map { |v| "\'#{v}\'" }.join(", ") %>b',
    '<%= @kv.sort.map{|k,v| "{#{k}, #{v}}"}.join(",\\n") %>c',
    '<%-',
    'if @ssl_ciphers && @ssl_ciphers.size > 0',
    '  ssl_ciphers = @ssl_ciphers.map do |cipher|',
    '    if cipher.split(",").size > 1',
    '      "{#{cipher}}"',
    '    else',
    '      "\\"#{cipher}\\""',
    '    end',
    '  end.join(",\\n")',
    'else',
    '  ssl_ciphers = nil',
    'end',
    '-%>',
    'after',
  ].join('\n');
  const m = mask(text);
  assert.deepEqual(m.conditional, []);
  assert.equal(m.hasControlFlow, false);
  assert.ok(m.text.endsWith('\nafter'));
});

test('method names, symbols and hash keys that look like keywords are not keywords', () => {
  const text = '<% if @server.class == Array && opts[:end] && {if: 1}.any? %>A<% end %>B<% x.end %>';
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['A']);
});

test('case/when branches', () => {
  const text = '<% case @mode %>\n<% when "a" %>A<% when "b" %>B<% else %>C<% end %>D';
  const m = mask(text);
  assert.deepEqual(regions(text, m), ['\n', 'A', 'B', 'C']);
});

test('EPP if { } elsif { } else { } and each |$x| { } blocks', () => {
  const text = [
    '<%- if $ssl_only {-%>',
    'listeners.tcp = none',
    '<%- } elsif $interface {-%>',
    'listeners.tcp.default = <%= $interface %>:<%= $port %>',
    '<%- } else {-%>',
    'listeners.tcp.default = <%= $port %>',
    '<%- } -%>',
    '<%- $users.sort.each |$user| { -%>',
    'loopback_users.<%=$user%> = true',
    '<%- } -%>',
    '<% unless $x =~ Undef {-%>U<%-} -%>',
    '<%= $vars.map |$k, $v| { "{${k}, ${v}}" }.join(",\\n") %>',
    'tail',
  ].join('\n');
  const m = mask(text);
  assert.deepEqual(regions(text, m), [
    '\nlisteners.tcp = none\n',
    '\nlisteners.tcp.default = <%= $interface %>:<%= $port %>\n',
    '\nlisteners.tcp.default = <%= $port %>\n',
    '\nloopback_users.<%=$user%> = true\n',
    'U',
  ]);
  assert.deepEqual(m.errors, []);
});

test('unbalanced Ruby blocks are tolerated: a stray end is ignored, an open block runs to the end', () => {
  const stray = mask('a<% end %>b<% } %>c');
  assert.deepEqual(stray.errors, []);
  assert.deepEqual(stray.conditional, []);
  const text = 'a\n<% if @x %>\nb\n';
  const open = mask(text);
  assert.deepEqual(open.errors, []);
  assert.deepEqual(regions(text, open), ['\nb\n']);
});

test('an unclosed tag is an error on its delimiter; it runs to its line end', () => {
  const text = 'port = <%= @port\nb = 1\n<% if @x\n';
  const m = mask(text);
  assert.deepEqual(
    m.errors.map((e) => [text.slice(e.span.start, e.span.end), e.message]),
    [
      ['<%=', "unclosed ERB tag '<%='"],
      ['<%', "unclosed ERB tag '<%'"],
    ],
  );
  assert.equal(m.text, 'port = t________\nb = 1\n        \n');
});

test('CRLF line breaks stay in place, also inside a multi-line tag', () => {
  const text = '<% if @a -%>\r\nx = <%= @b\r\n  .c %>\r\n<% end -%>\r\n';
  const m = mask(text);
  assert.equal(m.text, '            \r\nx = t_____\r\n       \r\n          \r\n');
  assert.deepEqual(regions(text, m), ['\r\nx = <%= @b\r\n  .c %>\r\n']);
});

test('a plain Erlang file with binaries and comments comes back unchanged', () => {
  const text = '[{rabbit, [{default_user, <<"guest">>}, {x, <<<<"a">>/binary>>}]}]. % 100%>\n';
  const m = mask(text);
  assert.equal(m.text, text);
  assert.deepEqual(m.spans, []);
});
