/**
 * Completion in oslo.config INI files: section names (`[oslo_messaging_rabbit]`),
 * the oslo.messaging options of the section the cursor is in (as they are at
 * the configured release), and values (booleans, choices, TLS versions, a
 * transport URL template).
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { DEFAULT_GROUP, listOsloOptions, normalizeOsloGroup, osloCatalog, releaseIncludes, type OsloOption } from '../../catalog/oslo.js';
import type { IniDocument } from '../../formats/ini/ast.js';
import { osloDefaultText, osloOptionMarkdown, safeOsloLookup } from '../shared/catalog-docs.js';
import { ItemKind, type CompletionItem } from '../shared/lsp.js';
import { escapeMarkdown } from '../shared/markdown.js';
import { explainedValues, isDiscouraged } from '../shared/value-meanings.js';
import { choicePlaceholder, completionItem, lineContext, rangeOf, type LineContext } from './items.js';
import { valueItems } from './values.js';

/** Groups offered first, in this order: where messaging is configured. */
const FIRST_GROUPS = [DEFAULT_GROUP, 'oslo_messaging_rabbit', 'oslo_messaging_notifications'];

const TRANSPORT_URL_SNIPPET = 'rabbit://${1:user}:${2:password}@${3:host}:5671/${4:vhost}';

function sectionCompletions(doc: AnalyzedDocument, ctx: LineContext, release: string): CompletionItem[] {
  const close = ctx.after.indexOf(']');
  const range = rangeOf(doc, { start: ctx.lineStart + 1, end: close >= 0 ? ctx.offset + close : ctx.lineEnd });
  const closing = close >= 0 ? '' : ']';
  const groups = [{ name: DEFAULT_GROUP }, ...osloCatalog().groups];
  return groups.map((g) => {
    const removedIn = 'removedIn' in g ? g.removedIn : undefined;
    const removed = removedIn !== undefined && releaseIncludes(release, removedIn);
    const rank = FIRST_GROUPS.indexOf(g.name);
    const note = 'note' in g && g.note ? ` (${escapeMarkdown(g.note)})` : '';
    const count = listOsloOptions(g.name, release).length;
    return completionItem(
      {
        label: g.name,
        kind: ItemKind.Module,
        newText: `${g.name}${closing}`,
        detail: removed ? `removed in oslo.messaging ${removedIn}` : `${count} oslo.messaging options`,
        documentation: removed
          ? `**Removed** in oslo.messaging ${removedIn}${note}: services ignore everything in it.`
          : g.name === DEFAULT_GROUP
            ? 'Options shared by the service and its libraries; oslo.messaging reads `transport_url`, `control_exchange`, `rpc_response_timeout` … here.'
            : `oslo.messaging options of ${escapeMarkdown(g.name)}.`,
        deprecated: removed,
        sortText: `${removed ? 2 : rank >= 0 ? 0 : 1}${rank >= 0 ? rank : ''}${g.name}`,
      },
      range,
    );
  });
}

/** The group of the section the line belongs to: the last header above it. */
function groupAt(doc: AnalyzedDocument, lineStart: number): string | undefined {
  const sections = (doc.tree as IniDocument).sections;
  let group: string | undefined;
  for (const s of sections) {
    if (s.headerSpan.start < lineStart) group = s.group;
    else break;
  }
  return group;
}

function valuePlaceholder(option: OsloOption): string {
  if (option.name === 'transport_url') return TRANSPORT_URL_SNIPPET;
  const values = optionValues(option).filter((v) => !isDiscouraged(option.name, v));
  if (values.length > 0) return choicePlaceholder(1, values);
  const def = osloDefaultText(option.default);
  return def !== undefined && def !== '' && def !== '(unset)' ? choicePlaceholder(1, [def]) : '$1';
}

function optionValues(option: OsloOption): string[] {
  if (option.type === 'boolean') return ['true', 'false'];
  if (option.choices && option.choices.length > 0) return [...option.choices];
  if (option.name === 'ssl_version') return explainedValues('ssl_version');
  return [];
}

function keyCompletions(doc: AnalyzedDocument, ctx: LineContext, release: string): CompletionItem[] {
  const group = groupAt(doc, ctx.lineStart);
  if (group === undefined || /\s/.test(ctx.before)) return [];
  let end = ctx.offset;
  while (end < ctx.lineEnd && /[\w.-]/.test(ctx.text[end])) end++;
  const range = rangeOf(doc, { start: ctx.lineStart, end });
  const withValue = !/[=:]/.test(ctx.after);
  const item = (option: OsloOption, removed: boolean) => {
    const deprecated = removed || option.deprecatedForRemoval !== undefined;
    return completionItem(
      {
        label: option.name,
        kind: ItemKind.Property,
        newText: withValue ? `${option.name} = ${valuePlaceholder(option)}` : option.name,
        snippet: withValue,
        detail: removed ? `removed in ${option.removedIn}` : option.type,
        documentation: osloOptionMarkdown(group, option.name, release),
        deprecated,
        sortText: `${removed ? 2 : deprecated ? 1 : 0}${option.name}`,
      },
      range,
    );
  };
  const known = listOsloOptions(group, release);
  const names = new Set(known.map((o) => o.name));
  const g = normalizeOsloGroup(group);
  const removed = osloCatalog().options.filter((o) => o.group === g && o.removedIn && releaseIncludes(release, o.removedIn) && !names.has(o.name));
  return [...known.map((o) => item(o, false)), ...removed.map((o) => item(o, true))];
}

function valueCompletions(doc: AnalyzedDocument, ctx: LineContext, sep: number, release: string): CompletionItem[] {
  const group = groupAt(doc, ctx.lineStart);
  const key = ctx.before.slice(0, sep).trim();
  if (group === undefined || key === '') return [];
  const lookup = safeOsloLookup(group, key, release);
  if (lookup.status !== 'known' || !lookup.option) return [];
  let start = ctx.lineStart + sep + 1;
  while (ctx.text[start] === ' ' || ctx.text[start] === '\t') start++;
  if (start > ctx.offset) start = ctx.offset;
  let end = ctx.offset;
  while (end < ctx.lineEnd && !/\s/.test(ctx.text[end])) end++;
  const range = rangeOf(doc, { start, end });
  if (lookup.option.name === 'transport_url') {
    return [
      completionItem(
        {
          label: 'rabbit://user:password@host:5671/vhost',
          kind: ItemKind.Snippet,
          newText: TRANSPORT_URL_SNIPPET,
          snippet: true,
          detail: 'RabbitMQ over TLS',
          documentation:
            'One broker user per service (never `guest`), port 5671 with `[oslo_messaging_rabbit] ssl = true`. Percent-encode `#`, `/`, `?` and `%` in the password, and write `$` as `$$`. Several brokers: `rabbit://u:p@h1:5671,u:p@h2:5671/vhost`.',
        },
        range,
      ),
    ];
  }
  const def = osloDefaultText(lookup.option.default);
  return valueItems({ leaf: lookup.option.name, values: optionValues(lookup.option), defaultValue: def }, range);
}

/** Completion in an oslo.config file at `offset`, for the oslo.messaging `release` (a version string). */
export function osloCompletions(doc: AnalyzedDocument, offset: number, release: string): CompletionItem[] {
  const ctx = lineContext(doc, offset);
  const first = ctx.before[0];
  if (first === '[') return sectionCompletions(doc, ctx, release);
  // An indented line continues a value; `#`/`;` lines are comments.
  if (first === ' ' || first === '\t' || first === '#' || first === ';') return [];
  const sep = ctx.before.search(/[=:]/);
  return sep >= 0 ? valueCompletions(doc, ctx, sep, release) : keyCompletions(doc, ctx, release);
}
