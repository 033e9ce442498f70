/**
 * What is fuzzed: every parser and the template masker, each with the
 * checks its tree promises, the tokens its random inputs are made of, and
 * real files to mutate.
 */
import { parseCuttlefish } from '../../server/src/engine/formats/cuttlefish/index.js';
import { parseErlangTerms } from '../../server/src/engine/formats/erlang/index.js';
import { parseOsloIni } from '../../server/src/engine/formats/ini/index.js';
import { parseQpiddConf } from '../../server/src/engine/formats/qpidd/index.js';
import { maskTemplate, type TemplateDialect } from '../../server/src/engine/templates/index.js';
import { checkCuttlefish } from './invariants/cuttlefish.js';
import { checkErlang } from './invariants/erlang.js';
import { checkOsloIni } from './invariants/ini.js';
import { checkQpidd } from './invariants/qpidd.js';
import { checkMasked } from './invariants/templates.js';
import { seedTexts } from './seeds.js';

export interface FuzzTarget {
  readonly name: string;
  /** Parses (or masks) a text. Must never throw. */
  run(text: string): unknown;
  /** Throws an AssertionError when `outcome` breaks a promise of the tree. */
  check(text: string, outcome: unknown): void;
  /** Pieces random inputs are made of: the format's punctuation, keywords and traps. */
  readonly tokens: readonly string[];
  /** Real files whose mutations are fuzzed. */
  seeds(): readonly string[];
}

/** Line breaks, blanks and characters that trip up scanners, shared by every format. */
const COMMON = ['\n', '\r\n', '\r', ' ', '\t', '\f', '\v', '\u0000', '\ufeff', '\u00a0', '\u2028', '\u0085', '\\', '"', "'", '\ud800', '\udc00', '🐇', 'é', 'x'];

const ERLANG_TOKENS = [
  '[', ']', '{', '}', '(', ')', ',', '.', '. ', '.\n', '|', '||', '#', '#{', '=>', ':=', ':', '/', '-', '+', '<<', '>>', '=', ';', '->',
  'rabbit', 'ssl_options', 'verify', 'verify_peer', "'tlsv1.2'", '"s"', '"/etc/x.pem"', '<<"guest">>', 'X', '_', '1', '5671', '16#F',
  '1.5', '1e3', '$a', '$\\n', 'fun', 'end', 'case', 'of', 'begin', 'catch', 'm:f(', 'fun m:f/1', '%c\n', '%', '"\\x{41}', '<<1:3>>', '?', '@',
];
const CONF_TOKENS = [
  '.', '=', ' = ', '#', '# c\n', "'", "'''", '\\.', 'listeners', 'ssl', 'tcp', 'default', 'ssl_options', 'verify', 'verify_peer',
  'versions', '1', '5671', '0.0.0.0:5672', 'include', 'include conf.d/*.conf', '/', '*', '-', '_', 'true', 'guest', 'ANONYMOUS', 'ä',
];
const INI_TOKENS = [
  '[', ']', '[DEFAULT]', '[oslo_messaging_rabbit]', '=', ' = ', ':', '#', ';', '# c\n', 'ssl', 'true', 'transport_url',
  'rabbit://u:p@h:5671/', '"quoted"', "'q'", '$var', '%', '\n    continued', '\n\t', '\u001c', '\u3000',
];
const QPIDD_TOKENS = ['[', ']', '[broker]', '=', ' = ', '#', ';', 'auth', 'yes', 'no', 'ssl-port', '5671', 'ssl-cert-db', '.'];
const JINJA_TOKENS = [
  '{{', '}}', '{%', '%}', '{#', '#}', '{%-', '-%}', '{{-', '-}}', ' if x ', ' endif ', ' for a in b ', ' endfor ', ' else ', ' elif y ',
  ' raw ', ' endraw ', ' set x = 1 ', ' macro m() ', ' endmacro ', '"}}"', "'%}'", '(', ')', '[', ']', '{', '}', '#jinja2:', '{{/*', '*/}}',
  ' end ', ' with ', ' define "x" ', '|default', 'x.y',
];
const ERB_TOKENS = [
  '<%', '%>', '<%=', '<%==', '<%-', '-%>', '<%#', '<%%', '%%>', ' if x ', ' end ', ' do |x| ', ' else ', ' elsif y ', ' unless z ', ' each ',
  ' while w ', '{', '}', '| $a |', '@var', '"%>"', "'<%'", 'x.each do |i|',
];
const PLACEHOLDER_TOKENS = ['@', '@NAME@', '@RABBITMQ_USER@', '@A1_B@', '@a@', '@@', 'NAME', '[', '{', '<<"', '">>', ',', '.'];

function template(dialect: TemplateDialect, tokens: readonly string[], seeds: () => string[]): FuzzTarget {
  return {
    name: `template-${dialect}`,
    run: (text) => maskTemplate(text, dialect),
    check: (text, outcome) => checkMasked(text, dialect, outcome as ReturnType<typeof maskTemplate>),
    tokens: [...tokens, ...COMMON],
    seeds,
  };
}

export const TARGETS: readonly FuzzTarget[] = [
  {
    name: 'erlang',
    run: (text) => parseErlangTerms(text),
    check: (text, outcome) => checkErlang(text, outcome as ReturnType<typeof parseErlangTerms>),
    tokens: [...ERLANG_TOKENS, ...COMMON],
    seeds: () => seedTexts((f) => f.language === 'rabbitmq-config' && !f.dialect, '[{rabbit, [{tcp_listeners, [5672]}]}].\n'),
  },
  {
    name: 'cuttlefish',
    run: (text) => parseCuttlefish(text),
    check: (text, outcome) => checkCuttlefish(text, outcome as ReturnType<typeof parseCuttlefish>),
    tokens: [...CONF_TOKENS, ...COMMON],
    seeds: () => seedTexts((f) => f.language === 'rabbitmq-conf' && !f.dialect, 'listeners.ssl.default = 5671\n'),
  },
  {
    name: 'oslo-ini',
    run: (text) => parseOsloIni(text),
    check: (text, outcome) => checkOsloIni(text, outcome as ReturnType<typeof parseOsloIni>),
    tokens: [...INI_TOKENS, ...COMMON],
    seeds: () => seedTexts((f) => f.language === 'oslo-config', '[oslo_messaging_rabbit]\nssl = true\n'),
  },
  {
    name: 'qpidd',
    run: (text) => parseQpiddConf(text),
    check: (text, outcome) => checkQpidd(text, outcome as ReturnType<typeof parseQpiddConf>),
    tokens: [...QPIDD_TOKENS, ...COMMON],
    seeds: () => seedTexts((f) => f.language === 'qpidd-conf', 'auth=yes\n[broker]\nssl-port=5671\n'),
  },
  template('jinja', JINJA_TOKENS, () => seedTexts((f) => f.dialect === 'jinja', '{% if x %}\nssl = {{ ssl }}\n{% endif %}\n')),
  template('erb', ERB_TOKENS, () => seedTexts((f) => f.dialect === 'erb', '<% if @ssl %>\nssl = <%= @ssl %>\n<% end %>\n')),
  template('placeholder', PLACEHOLDER_TOKENS, () => seedTexts((f) => f.dialect === 'placeholder', '[{rabbit, [{default_user, <<"@RABBITMQ_USER@">>}]}].\n')),
];

export function targetNamed(name: string): FuzzTarget {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target ${name} (known: ${TARGETS.map((t) => t.name).join(', ')})`);
  return target;
}
