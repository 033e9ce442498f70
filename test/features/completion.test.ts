/** Completion in every format: keys by prefix and section, values, documentation, deprecation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classicCatalog, confCatalog, findClassicSetting, findConfSetting, tokenizeConfKey } from '../../server/src/engine/catalog/rabbitmq.js';
import { listOsloOptions, osloCatalog, resolveOsloRelease } from '../../server/src/engine/catalog/oslo.js';
import { completionItems, type CompletionOptions } from '../../server/src/engine/features/completion.js';
import type { CompletionItem } from '../../server/src/engine/features/shared/lsp.js';
import { expandSnippet, place, textOf } from './support.js';

const CONF = '/etc/rabbitmq/rabbitmq.conf';
const CLASSIC = '/etc/rabbitmq/rabbitmq.config';
const NOVA = '/etc/nova/nova.conf';

function complete(path: string, marked: string, options: CompletionOptions = {}) {
  const p = place(path, marked);
  return { ...p, items: completionItems(p.doc, p.position, options) };
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);
const byLabel = (items: readonly CompletionItem[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item '${label}' among ${labels(items).slice(0, 20).join(', ')}…`);
  return found;
};
const edit = (item: CompletionItem) => {
  assert.ok(item.textEdit && 'range' in item.textEdit);
  return item.textEdit;
};
const isDeprecated = (item: CompletionItem) => item.tags?.includes(1) ?? false;
const docText = (item: CompletionItem) => (typeof item.documentation === 'object' ? item.documentation.value : (item.documentation ?? ''));

// --- rabbitmq.conf ------------------------------------------------------------------

test('rabbitmq.conf: after `ssl_options.` the keys below it, `versions.$version` as a snippet', () => {
  const { items, doc } = complete(CONF, 'ssl_options.‸\n');
  const expected = new Set(
    confCatalog()
      .settings.map((s) => tokenizeConfKey(s.key))
      .filter((p) => p.length > 1 && p[0] === 'ssl_options')
      .map((p) => p.slice(1).join('.')),
  );
  assert.deepEqual(new Set(labels(items)), expected);
  const versions = byLabel(items, 'versions.$version');
  assert.equal(versions.insertTextFormat, 2);
  assert.equal(edit(versions).newText, 'versions.${1:1} = ${2|tlsv1.3,tlsv1.2|}');
  // Inserted at the cursor; the filled snippet is a key the schemas know.
  assert.equal(textOf(doc, edit(versions).range), '');
  const filled = `ssl_options.${expandSnippet(edit(versions).newText)}`;
  assert.equal(filled, 'ssl_options.versions.1 = tlsv1.3');
  assert.ok(findConfSetting(filled.split(' = ')[0]));
  assert.equal(edit(byLabel(items, 'verify')).newText, 'verify = ${1:verify_peer}');
  assert.match(docText(byLabel(items, 'verify')), /one of verify_peer, verify_none/);
});

test('rabbitmq.conf: the range replaces the segment being typed, and the value part is left alone when present', () => {
  const { items, doc } = complete(CONF, 'ssl_options.ver‸ify = verify_peer\n');
  const verify = byLabel(items, 'verify');
  assert.equal(textOf(doc, edit(verify).range), 'verify');
  assert.equal(edit(verify).newText, 'verify');
  const top = complete(CONF, 'lis‸\n');
  assert.equal(textOf(top.doc, edit(byLabel(top.items, 'listeners.ssl.$name')).range), 'lis');
  assert.equal(edit(byLabel(top.items, 'listeners.ssl.$name')).newText, 'listeners.ssl.${1:default} = ${2}');
});

test('rabbitmq.conf: values from the datatype, weak ones marked deprecated and sorted last', () => {
  const verify = complete(CONF, 'ssl_options.verify = ‸\n').items;
  assert.deepEqual(labels(verify), ['verify_peer', 'verify_none']);
  assert.ok(!isDeprecated(verify[0]) && isDeprecated(verify[1]));
  assert.ok(verify[0].sortText! < verify[1].sortText!);
  assert.match(docText(verify[1]), /No certificate check/);
  const versions = complete(CONF, 'ssl_options.versions.1 = tls‸\n');
  assert.deepEqual(labels(versions.items).slice(0, 2), ['tlsv1.3', 'tlsv1.2']);
  assert.deepEqual(versions.items.filter(isDeprecated).map((i) => i.label).sort(), ['sslv3', 'tlsv1', 'tlsv1.1']);
  assert.equal(textOf(versions.doc, edit(versions.items[0]).range), 'tls');
  const bool = complete(CONF, 'ssl_options.fail_if_no_peer_cert = ‸\n').items;
  assert.deepEqual(labels(bool), ['true', 'false']);
  assert.deepEqual(labels(complete(CONF, 'listeners.tcp = ‸\n').items), ['none']);
});

test('rabbitmq.conf: deprecated aliases are offered with the deprecated tag', () => {
  const withAlias = confCatalog().settings.find((s) => (s.aliases ?? []).length > 0);
  assert.ok(withAlias);
  const alias = withAlias.aliases![0];
  const { items } = complete(CONF, `${alias.slice(0, 3)}‸\n`);
  const item = byLabel(items, alias);
  assert.ok(isDeprecated(item));
  assert.match(docText(item), /\*\*Deprecated:\*\*.*alias/);
  assert.ok(docText(item).includes(withAlias.key));
  // The key it stands for is not deprecated (items are not filtered by prefix: the editor does that).
  assert.ok(!isDeprecated(byLabel(items, withAlias.key)));
});

test('rabbitmq.conf: nothing in a comment, a trailing comment or a template tag; templates otherwise work', () => {
  assert.deepEqual(complete(CONF, '# ssl_options.‸\n').items, []);
  assert.deepEqual(complete(CONF, 'ssl_options.verify = verify_peer # ‸\n').items, []);
  assert.deepEqual(complete('/srv/rabbitmq.conf.j2', 'listeners.ssl.default = {{ po‸rt }}\n').items, []);
  const templated = complete('/srv/rabbitmq.conf.j2', '{% if tls %}\nssl_options.verify = ‸\n{% endif %}\n');
  assert.deepEqual(labels(templated.items), ['verify_peer', 'verify_none']);
});

// --- classic Erlang terms -------------------------------------------------------------

test('classic: keys of the rabbit application as {Key, Value} snippets', () => {
  const { items } = complete(CLASSIC, '[{rabbit, [‸]}].\n');
  const topLevel = classicCatalog().apps.rabbit.filter((s) => !s.key.includes('.')).map((s) => s.key);
  assert.deepEqual(labels(items).sort(), [...topLevel].sort());
  assert.equal(edit(byLabel(items, 'ssl_options')).newText, '{ssl_options, [$1]}');
  assert.equal(edit(byLabel(items, 'auth_mechanisms')).newText, "{auth_mechanisms, [${1:'EXTERNAL', 'PLAIN'}]}");
});

test('classic: inside ssl_options, its own keys; values of verify; TLS versions as quoted atoms', () => {
  const nested = complete(CLASSIC, '[{rabbit, [{ssl_options, [‸]}]}].\n').items;
  const children = findClassicSetting('rabbit', 'ssl_options')!.children!;
  assert.deepEqual(labels(nested).sort(), [...children].sort());
  assert.equal(edit(byLabel(nested, 'verify')).newText, '{verify, ${1:verify_peer}}');
  assert.equal(edit(byLabel(nested, 'versions')).newText, "{versions, [${1:'tlsv1.3', 'tlsv1.2'}]}");
  assert.equal(edit(byLabel(nested, 'cacertfile')).newText, '{cacertfile, "$1"}');

  assert.deepEqual(labels(complete(CLASSIC, '[{rabbit, [{ssl_options, [{verify, ‸}]}]}].\n').items), ['verify_peer', 'verify_none']);
  const versions = complete(CLASSIC, "[{rabbit, [{ssl_options, [{versions, ['tlsv1.3', 'tls‸]}]}]}].\n");
  assert.equal(edit(byLabel(versions.items, 'tlsv1.2')).newText, "'tlsv1.2'");
  assert.equal(textOf(versions.doc, edit(versions.items[0]).range), "'tls");
});

test('classic: works in an unfinished file, and for application names and the key being typed', () => {
  assert.deepEqual(labels(complete(CLASSIC, '[{rabbit, [{ssl_options, [{verify, ‸').items), ['verify_peer', 'verify_none']);
  const apps = complete(CLASSIC, '[‸].\n').items;
  assert.equal(apps[0].label, 'rabbit');
  assert.equal(edit(apps[0]).newText, '{rabbit, [\n\t$0\n]}');
  assert.ok(labels(apps).includes('rabbitmq_management'));
  const name = complete(CLASSIC, '[{rabbit, [{ssl_l‸').items;
  assert.equal(edit(byLabel(name, 'ssl_listeners')).newText, 'ssl_listeners, $1');
  const empty = complete(CLASSIC, '‸');
  assert.equal(edit(empty.items[0]).newText, '[\n\t{rabbit, [\n\t\t$0\n\t]}\n].');
});

test('classic: nothing inside strings and comments, nor in the second form after a dot', () => {
  assert.deepEqual(complete(CLASSIC, '[{rabbit, [{ssl_options, [{cacertfile, "/etc/‸"}]}]}].\n').items, []);
  assert.deepEqual(complete(CLASSIC, '[{rabbit, [ % a comment ‸\n]}].\n').items, []);
  // After the final dot a new form starts: a fresh skeleton is offered, not rabbit's keys.
  assert.equal(complete(CLASSIC, '[{rabbit, []}].\n‸').items[0].kind, 15);
});

// --- oslo.config -------------------------------------------------------------------------

test('oslo: section names, removed groups tagged, the closing bracket added only when missing', () => {
  const open = complete(NOVA, '[oslo‸\n');
  const rabbit = byLabel(open.items, 'oslo_messaging_rabbit');
  assert.equal(edit(rabbit).newText, 'oslo_messaging_rabbit]');
  assert.equal(textOf(open.doc, edit(rabbit).range), 'oslo');
  assert.ok(isDeprecated(byLabel(open.items, 'oslo_messaging_qpid')));
  assert.ok(!isDeprecated(rabbit));
  const closed = complete(NOVA, '[oslo‸]\n');
  assert.equal(edit(byLabel(closed.items, 'oslo_messaging_rabbit')).newText, 'oslo_messaging_rabbit');
  assert.equal(textOf(closed.doc, edit(byLabel(closed.items, 'DEFAULT')).range), 'oslo');
});

test('oslo: the options of the section the cursor is in', () => {
  const rabbit = complete(NOVA, '[DEFAULT]\ndebug = true\n[oslo_messaging_rabbit]\n‸\n').items;
  const current = listOsloOptions('oslo_messaging_rabbit').map((o) => o.name);
  for (const name of current) assert.ok(labels(rabbit).includes(name), name);
  assert.ok(!labels(rabbit).includes('transport_url'));
  assert.equal(edit(byLabel(rabbit, 'ssl')).newText, 'ssl = ${1|true,false|}');
  assert.match(docText(byLabel(rabbit, 'ssl')), /Connect over SSL/);
  const defaults = complete(NOVA, '[DEFAULT]\n‸\n[oslo_messaging_rabbit]\n').items;
  assert.ok(labels(defaults).includes('transport_url'));
  assert.ok(!labels(defaults).includes('ssl'));
  // An indented line continues a value: nothing to offer.
  assert.deepEqual(complete(NOVA, '[oslo_messaging_rabbit]\nssl_ca_file = a\n  ‸\n').items, []);
});

test('oslo: the configured release decides what is offered and what is deprecated or removed', () => {
  const newest = complete(NOVA, '[oslo_messaging_rabbit]\nrabbit_h‸\n').items;
  const host = byLabel(newest, 'rabbit_host');
  assert.ok(isDeprecated(host));
  assert.match(host.detail ?? '', /removed in 9\.0\.0/);
  assert.match(docText(host), /Removed/);
  const ocata = complete(NOVA, '[oslo_messaging_rabbit]\nrabbit_h‸\n', { osloRelease: 'ocata' }).items;
  const oldHost = byLabel(ocata, 'rabbit_host');
  assert.equal(oldHost.detail, 'string');
  assert.ok(isDeprecated(oldHost), 'deprecated for removal already in Ocata');
  // An option added after Ocata is not offered there.
  const later = osloCatalog().options.find((o) => o.group === 'oslo_messaging_rabbit' && o.addedIn && !o.removedIn);
  assert.ok(later);
  const ocataVersion = resolveOsloRelease('ocata')!;
  assert.ok(!labels(ocata).includes(later.name), `${later.name} (added in ${later.addedIn}) offered at ${ocataVersion}`);
  assert.ok(labels(newest).includes(later.name));
});

test('oslo: values: booleans, choices, TLS versions, a transport URL template', () => {
  assert.deepEqual(labels(complete(NOVA, '[oslo_messaging_rabbit]\nssl = ‸\n').items), ['true', 'false']);
  const login = complete(NOVA, '[oslo_messaging_rabbit]\nrabbit_login_method = ‸\n').items;
  assert.deepEqual(new Set(labels(login)), new Set(['PLAIN', 'AMQPLAIN', 'EXTERNAL', 'RABBIT-CR-DEMO']));
  assert.equal(byLabel(login, 'AMQPLAIN').detail, 'default');
  const version = complete(NOVA, '[oslo_messaging_rabbit]\nssl_version = ‸\n').items;
  assert.equal(version[0].label, 'tlsv1_2');
  assert.ok(version.slice(1).every(isDeprecated));
  const url = complete(NOVA, '[DEFAULT]\ntransport_url = ‸\n').items;
  assert.equal(url.length, 1);
  assert.equal(expandSnippet(edit(url[0]).newText), 'rabbit://user:password@host:5671/vhost');
});

// --- qpidd.conf --------------------------------------------------------------------------

test('qpidd.conf: security options with yes/no, no blanks around =', () => {
  const keys = complete('/etc/qpid/qpidd.conf', 'req‸\n').items;
  assert.equal(edit(byLabel(keys, 'require-encryption')).newText, 'require-encryption=${1|yes,no|}');
  const values = complete('/etc/qpid/qpidd.conf', 'auth=‸\n').items;
  assert.deepEqual(labels(values), ['yes', 'no']);
  assert.ok(isDeprecated(values[1]));
});
