/**
 * rabbitmq.conf completion: keys segment by segment (`ssl_options.` offers
 * `verify`, `versions.$version`…), and values from the key's datatype.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { confCatalog, matchConfKey, tokenizeConfKey, type ConfSetting } from '../../catalog/rabbitmq.js';
import { confSettingMarkdown } from '../shared/catalog-docs.js';
import { describeDatatypes, namedValues } from '../shared/datatypes.js';
import { ItemKind, type CompletionItem } from '../shared/lsp.js';
import { explainedValues, isDiscouraged, LEGACY_TLS_VERSIONS, MODERN_TLS_VERSIONS } from '../shared/value-meanings.js';
import { choicePlaceholder, completionItem, lineContext, rangeOf, snippetText, type LineContext } from './items.js';
import { valueItems } from './values.js';

/** What a `$name` segment's tab stop shows: a value that works as is where there is an obvious one. */
const WILDCARD_DEFAULTS: Record<string, string> = { $name: 'default', $version: '1', $num: '1', $index: '1', $cipher: '1', $mechanism: '1' };

function isKeyChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_\-]/.test(c);
}

/** Index of the last dot that separates segments (`\.` is part of a segment). */
function lastSeparator(typed: string): number {
  for (let i = typed.length - 1; i >= 0; i--) if (typed[i] === '.' && typed[i - 1] !== '\\') return i;
  return -1;
}

function writeSegment(segment: string): string {
  return segment.replace(/\./g, '\\.');
}

/** The values a key takes, named by its meaning leaf: TLS versions and SASL mechanisms are lists of atoms. */
function valueChoices(setting: ConfSetting): { leaf: string; values: string[] } {
  const pattern = tokenizeConfKey(setting.key);
  const last = pattern[pattern.length - 1];
  const leaf = last.startsWith('$') && pattern.length > 1 ? pattern[pattern.length - 2] : last;
  if (leaf === 'versions') return { leaf, values: [...MODERN_TLS_VERSIONS, ...LEGACY_TLS_VERSIONS] };
  if (leaf === 'auth_mechanisms') return { leaf, values: explainedValues(leaf) };
  return { leaf, values: namedValues(setting.datatype) };
}

/** `versions.${1:1} = ${2|tlsv1.3,tlsv1.2,…|}` */
function keySnippet(remainder: readonly string[], setting: ConfSetting, withValue: boolean): string {
  let n = 0;
  const key = remainder.map((s) => (s.startsWith('$') ? `\${${++n}:${WILDCARD_DEFAULTS[s] ?? s.slice(1)}}` : snippetText(writeSegment(s)))).join('.');
  if (!withValue) return key;
  // The snippet offers the sound choices only; the value completion lists the others, marked.
  const { leaf, values: all } = valueChoices(setting);
  const values = all.filter((v) => !isDiscouraged(leaf, v));
  const placeholder = values.length > 0 ? choicePlaceholder(++n, values) : setting.default !== undefined ? choicePlaceholder(++n, [setting.default]) : `\${${++n}}`;
  return `${key} = ${placeholder}`;
}

function keyCompletions(doc: AnalyzedDocument, ctx: LineContext): CompletionItem[] {
  const indent = ctx.before.length - ctx.before.trimStart().length;
  const typed = ctx.before.slice(indent);
  if (/\s/.test(typed)) return [];
  const dot = lastSeparator(typed);
  const complete = dot >= 0 ? tokenizeConfKey(typed.slice(0, dot)) : [];
  if (dot >= 0 && typed.slice(0, dot).endsWith('.')) return [];
  let end = ctx.offset;
  while (isKeyChar(ctx.text[end])) end++;
  const range = rangeOf(doc, { start: ctx.lineStart + indent + dot + 1, end });
  const withValue = !ctx.after.includes('=');
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const settings = confCatalog().settings;
  // Names a newer schema turned into aliases (`channel_max`) are still keys of older schemas: marked too.
  const aliasOf = new Map(settings.flatMap((s) => (s.aliases ?? []).map((a): [string, ConfSetting] => [a, s])));
  const offer = (name: string, setting: ConfSetting, alias: boolean) => {
    const pattern = tokenizeConfKey(name);
    if (pattern.length <= complete.length) return;
    if (!complete.every((segment, i) => pattern[i].startsWith('$') || pattern[i] === segment)) return;
    const remainder = pattern.slice(complete.length);
    const label = remainder.map(writeSegment).join('.');
    if (seen.has(label)) return;
    seen.add(label);
    items.push(
      completionItem(
        {
          label,
          kind: ItemKind.Property,
          newText: keySnippet(remainder, setting, withValue),
          snippet: true,
          detail: describeDatatypes(setting.datatype),
          documentation: confSettingMarkdown(setting, alias ? { via: 'alias' } : { via: 'exact', aliasOf: aliasOf.get(name) }),
          deprecated: alias || aliasOf.has(name),
          // Aliases after the real keys; hidden keys after the documented ones.
          sortText: `${alias || aliasOf.has(name) ? 2 : setting.hidden ? 1 : 0}${label}`,
        },
        range,
      ),
    );
  };
  for (const s of settings) offer(s.key, s, false);
  for (const s of settings) for (const a of s.aliases ?? []) offer(a, s, true);
  return items;
}

function valueCompletions(doc: AnalyzedDocument, ctx: LineContext, eq: number): CompletionItem[] {
  if (ctx.before.includes('#', eq)) return []; // in a trailing comment
  const key = ctx.before.slice(0, eq).trim();
  const match = key ? matchConfKey(key) : undefined;
  if (!match) return [];
  let start = ctx.lineStart + eq + 1;
  while (ctx.text[start] === ' ' || ctx.text[start] === '\t') start++;
  if (start > ctx.offset) start = ctx.offset;
  let end = ctx.offset;
  while (end < ctx.lineEnd && !/[\s#]/.test(ctx.text[end])) end++;
  const { leaf, values } = valueChoices(match.setting);
  return valueItems({ leaf, values, defaultValue: match.setting.default }, rangeOf(doc, { start, end }));
}

/** Completion in a rabbitmq.conf at `offset`. */
export function confCompletions(doc: AnalyzedDocument, offset: number): CompletionItem[] {
  const ctx = lineContext(doc, offset);
  if (ctx.before.trimStart().startsWith('#')) return [];
  const eq = ctx.before.indexOf('=');
  return eq >= 0 ? valueCompletions(doc, ctx, eq) : keyCompletions(doc, ctx);
}
