/**
 * Completion in classic Erlang-term files (rabbitmq.config, advanced.config):
 * application tuples in the top list, `{Key, Value}` tuples inside an
 * application's list (and inside nested proplists such as `ssl_options`),
 * and values (verify modes, booleans, enums, TLS versions as quoted atoms).
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { classicApps, classicCatalog, findClassicSetting, type ClassicSetting } from '../../catalog/rabbitmq.js';
import { classicSettingMarkdown } from '../shared/catalog-docs.js';
import { describeDatatypes, namedValues } from '../shared/datatypes.js';
import { ItemKind, type CompletionItem } from '../shared/lsp.js';
import { escapeMarkdown } from '../shared/markdown.js';
import { explainedValues, isDiscouraged, LEGACY_TLS_VERSIONS, MODERN_TLS_VERSIONS } from '../shared/value-meanings.js';
import { atomEndAfter, atomStartBefore, erlangCursorContext, type OpenBracket } from './erlang-context.js';
import { choicePlaceholder, completionItem, lineContext, rangeOf } from './items.js';
import { valueItems } from './values.js';

/** What the cursor is about to write. `path` is the key path inside the application (`['ssl_options']`). */
type ClassicSlot =
  | { readonly kind: 'document' }
  | { readonly kind: 'application' | 'application-name' }
  | { readonly kind: 'setting' | 'setting-name'; readonly app: string; readonly path: readonly string[] }
  | { readonly kind: 'value' | 'list-element'; readonly app: string; readonly path: readonly string[] };

/** Reads the open brackets as `[ {App, [ {Key, [ {Key, Value…`. */
function slotOf(open: readonly OpenBracket[]): ClassicSlot | undefined {
  if (open.length === 0) return { kind: 'document' };
  if (open[0].bracket !== '[') return undefined;
  if (open.length === 1) return { kind: 'application' };
  const appTuple = open[1];
  if (appTuple.bracket !== '{') return undefined;
  if (appTuple.index === 0) return open.length === 2 ? { kind: 'application-name' } : undefined;
  const app = appTuple.first;
  if (!app || appTuple.index !== 1 || open.length === 2 || open[2].bracket !== '[') return undefined;
  const path: string[] = [];
  for (let j = 3; ; j += 2) {
    if (j === open.length) return { kind: 'setting', app, path };
    const tuple = open[j];
    if (tuple.bracket !== '{') return undefined;
    if (tuple.index === 0) return j + 1 === open.length ? { kind: 'setting-name', app, path } : undefined;
    if (!tuple.first || tuple.index !== 1) return undefined;
    path.push(tuple.first);
    if (j + 1 === open.length) return { kind: 'value', app, path };
    if (open[j + 1].bracket !== '[') return undefined;
    if (j + 2 === open.length) return { kind: 'list-element', app, path };
  }
}

const RESERVED = new Set(
  'after and andalso band begin bnot bor bsl bsr bxor case catch cond div else end fun if let maybe not of or orelse receive rem try when xor'.split(' '),
);

/** An atom as Erlang needs it written: bare when it can be, else quoted. */
export function writeAtom(name: string): string {
  return /^[a-z][A-Za-z0-9_@]*$/.test(name) && !RESERVED.has(name) ? name : `'${name.replace(/['\\]/g, (c) => `\\${c}`)}'`;
}

/** The catalog's keys of `app` one level below `path`. */
function keysAt(app: string, path: readonly string[]): ClassicSetting[] {
  const prefix = path.length > 0 ? `${path.join('.')}.` : '';
  return (classicCatalog().apps[app] ?? []).filter((s) => s.key.startsWith(prefix) && !s.key.slice(prefix.length).includes('.'));
}

/** Values of a key, named by its leaf, written as Erlang atoms. */
function valuesOf(setting: ClassicSetting | undefined, leaf: string): string[] {
  if (leaf === 'versions') return [...MODERN_TLS_VERSIONS, ...LEGACY_TLS_VERSIONS];
  if (leaf === 'auth_mechanisms') return explainedValues(leaf);
  return namedValues(setting?.datatype);
}

/** `{key, …}` with a value placeholder that fits the key. */
function settingSnippet(setting: ClassicSetting, leaf: string, braces: boolean): string {
  const key = writeAtom(leaf);
  let value: string;
  if (setting.children && setting.children.length > 0) value = '[$1]';
  else if (leaf === 'versions') value = `[\${1:${MODERN_TLS_VERSIONS.map(writeAtom).join(', ')}}]`;
  else if (leaf === 'auth_mechanisms') value = `[\${1:${['EXTERNAL', 'PLAIN'].map(writeAtom).join(', ')}}]`;
  else if (setting.datatype?.some((t) => t.t === 'string' || t.t === 'file')) value = '"$1"';
  else {
    // The snippet offers the sound choices only; the value completion lists the others, marked.
    const values = valuesOf(setting, leaf)
      .filter((v) => !isDiscouraged(leaf, v))
      .map(writeAtom);
    value = values.length > 0 ? choicePlaceholder(1, values) : '$1';
  }
  return braces ? `{${key}, ${value}}` : `${key}, ${value}`;
}

function settingItems(slot: { app: string; path: readonly string[] }, braces: boolean, range: ReturnType<typeof rangeOf>): CompletionItem[] {
  return keysAt(slot.app, slot.path).map((setting) => {
    const leaf = setting.key.slice(setting.key.lastIndexOf('.') + 1);
    return completionItem(
      {
        label: leaf,
        kind: ItemKind.Property,
        newText: settingSnippet(setting, leaf, braces),
        snippet: true,
        detail: describeDatatypes(setting.datatype) ?? (setting.children ? 'proplist' : undefined),
        documentation: classicSettingMarkdown(slot.app, setting.key),
        filterText: leaf,
      },
      range,
    );
  });
}

function applicationItems(braces: boolean, range: ReturnType<typeof rangeOf>): CompletionItem[] {
  // rabbit first: it is what nearly every file configures.
  const apps = classicApps().sort((a, b) => (a === 'rabbit' ? -1 : b === 'rabbit' ? 1 : a.localeCompare(b)));
  return apps.map((app, i) =>
    completionItem(
      {
        label: app,
        kind: ItemKind.Module,
        newText: braces ? `{${writeAtom(app)}, [\n\t$0\n]}` : `${writeAtom(app)}, [\n\t$0\n]`,
        snippet: true,
        detail: 'application environment',
        documentation: `The settings of the Erlang application ${escapeMarkdown(app)}, as a proplist: ${escapeMarkdown(`{${app}, [{Key, Value}, ...]}`)}.`,
        sortText: String(i).padStart(3, '0'),
        filterText: app,
      },
      range,
    ),
  );
}

/** Completion in a classic config at `offset`. */
export function classicCompletions(doc: AnalyzedDocument, offset: number): CompletionItem[] {
  const ctx = lineContext(doc, offset);
  const wordStart = atomStartBefore(ctx.text, offset, ctx.lineStart);
  const context = erlangCursorContext(ctx.text, wordStart);
  if (context.inert) return [];
  const slot = slotOf(context.open);
  if (!slot) return [];
  const range = rangeOf(doc, { start: wordStart, end: atomEndAfter(ctx.text, offset) });
  switch (slot.kind) {
    case 'document':
      return [
        completionItem(
          {
            label: '[{rabbit, [...]}].',
            kind: ItemKind.Snippet,
            newText: '[\n\t{rabbit, [\n\t\t$0\n\t]}\n].',
            snippet: true,
            detail: 'classic configuration',
            documentation: 'A classic configuration: a list of application tuples, ended by a dot.',
          },
          range,
        ),
      ];
    case 'application':
      return applicationItems(true, range);
    case 'application-name':
      return applicationItems(false, range);
    case 'setting':
      return settingItems(slot, true, range);
    case 'setting-name':
      return settingItems(slot, false, range);
    case 'value':
    case 'list-element': {
      const key = slot.path.join('.');
      const setting = findClassicSetting(slot.app, key);
      const leaf = slot.path[slot.path.length - 1];
      // A nested proplist (`{ssl_options, [` …): its keys, as tuples.
      if (slot.kind === 'list-element' && setting?.children && setting.children.length > 0) return settingItems(slot, true, range);
      const isList = leaf === 'versions' || leaf === 'auth_mechanisms';
      if ((slot.kind === 'list-element') !== isList) return [];
      return valueItems({ leaf, values: valuesOf(setting, leaf), defaultValue: setting?.default, write: writeAtom }, range);
    }
  }
}
