/**
 * The server-side registration functions: each registers one handler that
 * answers from the document's analysis, and nothing for unknown documents.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { EDITOR_FEATURE_CAPABILITIES, registerEditorFeatures, suppressionCodeActions } from '../../server/src/lsp/features/index.js';

type Handler = (params: unknown) => unknown;

/** A connection that records the handlers registered on it. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const on = (name: string) => (h: Handler) => {
    assert.ok(!handlers.has(name), `${name} registered twice`);
    handlers.set(name, h);
    return { dispose() {} };
  };
  const connection = {
    onCompletion: on('completion'),
    onHover: on('hover'),
    onDocumentSymbol: on('symbols'),
    onFoldingRanges: on('folding'),
    onSelectionRanges: on('selection'),
  };
  return { connection, call: (name: string, params: unknown) => handlers.get(name)!(params), handlers };
}

const NOVA_URI = 'file:///etc/nova/nova.conf';
const NOVA = '[DEFAULT]\ntransport_url = rabbit://nova:hunter2@ctl:5671/\n\n[oslo_messaging_rabbit]\nssl = true\nrabbit_host = old\n';

function setup(osloRelease?: string) {
  const docs = new Map([[NOVA_URI, TextDocument.create(NOVA_URI, 'oslo-config', 1, NOVA)]]);
  const documents = { get: (uri: string) => docs.get(uri) };
  const { connection, call, handlers } = fakeConnection();
  let analysed = 0;
  registerEditorFeatures(
    connection as never,
    documents,
    (doc) => {
      analysed++;
      return analyze({ path: '/etc/nova/nova.conf', text: doc.getText() }, { language: 'oslo-config' });
    },
    () => ({ osloRelease, docsBaseUrl: 'https://example.org/rules/' }),
  );
  return { call, handlers, analysed: () => analysed };
}

test('registerEditorFeatures registers one handler per feature, and the capabilities announce them', () => {
  const { handlers } = setup();
  assert.deepEqual([...handlers.keys()].sort(), ['completion', 'folding', 'hover', 'selection', 'symbols']);
  assert.deepEqual(EDITOR_FEATURE_CAPABILITIES.completionProvider?.triggerCharacters, ['.', '[', '{', '=', ',']);
  assert.equal(EDITOR_FEATURE_CAPABILITIES.hoverProvider, true);
  assert.equal(EDITOR_FEATURE_CAPABILITIES.selectionRangeProvider, true);
});

test('handlers answer from the analysis with the current options', () => {
  const { call, analysed } = setup('ocata');
  const textDocument = { uri: NOVA_URI };
  const items = call('completion', { textDocument, position: { line: 4, character: 0 } }) as { label: string; tags?: number[] }[];
  // Ocata still reads rabbit_host (deprecated): the release came from getOptions.
  const host = items.find((i) => i.label === 'rabbit_host');
  assert.ok(host && host.tags?.includes(1));
  const hover = call('hover', { textDocument, position: { line: 1, character: 30 } }) as { contents: { value: string } };
  assert.ok(hover.contents.value.includes('rabbit://nova:***@ctl:5671/'));
  assert.ok(!hover.contents.value.includes('hunter2'));
  const symbols = call('symbols', { textDocument }) as { name: string }[];
  assert.deepEqual(symbols.map((s) => s.name), ['DEFAULT', 'oslo_messaging_rabbit']);
  const folds = call('folding', { textDocument }) as { startLine: number; endLine: number }[];
  assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 1], [3, 5]]);
  const ranges = call('selection', { textDocument, positions: [{ line: 4, character: 1 }] }) as { range: unknown; parent?: unknown }[];
  assert.deepEqual(ranges[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } });
  assert.ok(analysed() >= 5);
});

test('unknown documents get empty answers, not errors', () => {
  const { call } = setup();
  const textDocument = { uri: 'file:///nowhere.conf' };
  assert.deepEqual(call('completion', { textDocument, position: { line: 0, character: 0 } }), []);
  assert.equal(call('hover', { textDocument, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(call('symbols', { textDocument }), []);
  assert.deepEqual(call('folding', { textDocument }), []);
  assert.deepEqual(call('selection', { textDocument, positions: [] }), []);
});

test('suppressionCodeActions: one "Suppress CODE on this line" action per finding in the range', () => {
  const uri = 'file:///etc/rabbitmq/rabbitmq.conf';
  const text = 'listeners.tcp = none\nlisteners.ssl.default = 5671\n';
  const doc = TextDocument.create(uri, 'rabbitmq-conf', 1, text);
  const result = analyze({ path: '/etc/rabbitmq/rabbitmq.conf', text })!;
  const onLine2 = result.diagnostics.filter((d) => d.range.start.line === 1).map((d) => d.code);
  assert.ok(onLine2.includes('RMQ103'));
  const actions = suppressionCodeActions(doc, result, { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } });
  assert.deepEqual(actions.map((a) => a.title).sort(), onLine2.map((c) => `Suppress ${c} on this line`).sort());
  const rmq103 = actions.find((a) => a.title === 'Suppress RMQ103 on this line')!;
  assert.equal(rmq103.kind, 'quickfix');
  assert.equal(rmq103.diagnostics?.[0].code, 'RMQ103');
  assert.deepEqual(rmq103.edit?.changes?.[uri], [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# mq-harden-disable-next-line RMQ103 -- reason\n' },
  ]);
});
