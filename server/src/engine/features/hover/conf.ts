/** Hover in rabbitmq.conf: a key's schema documentation; on a value, what it means. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { isCataloguedNamespace, matchConfKey } from '../../catalog/rabbitmq.js';
import type { ConfDocument, ConfEntry } from '../../formats/cuttlefish/ast.js';
import { confSettingMarkdown } from '../shared/catalog-docs.js';
import { code, escapeMarkdown, paragraphs } from '../shared/markdown.js';
import { isSecretKey } from '../shared/redact.js';
import { leafOf, valueMeaning } from '../shared/value-meanings.js';
import { contains, type HoverPart } from './part.js';

function keyMarkdown(entry: ConfEntry): string {
  const match = matchConfKey(entry.segments.map((s) => s.text));
  if (match) return confSettingMarkdown(match.setting, match);
  const namespace = entry.segments[0]?.text ?? entry.key;
  return isCataloguedNamespace(namespace)
    ? `**${escapeMarkdown(entry.key)}**: not a key of RabbitMQ's schemas (CFG002).`
    : `**${escapeMarkdown(entry.key)}**: a key of a plugin whose schema mq-harden does not ship; not checked.`;
}

/** The meaning leaf of a key: `versions` for `ssl_options.versions.1`, else its last segment. */
function meaningLeaf(entry: ConfEntry): string {
  const match = matchConfKey(entry.segments.map((s) => s.text));
  const pattern = match?.setting.key.split('.') ?? entry.segments.map((s) => s.text);
  const last = pattern[pattern.length - 1];
  return last.startsWith('$') && pattern.length > 1 ? pattern[pattern.length - 2] : leafOf(last);
}

export function confHover(doc: AnalyzedDocument, offset: number): HoverPart | undefined {
  const entry = (doc.tree as ConfDocument).entries.find((e) => contains(e.keySpan, offset) || contains(e.valueSpan, offset));
  if (!entry) return undefined;
  if (contains(entry.keySpan, offset)) return { markdown: keyMarkdown(entry), span: entry.keySpan };
  const value = entry.value.trim();
  const meaning = isSecretKey(entry.key) || entry.valueTemplated ? undefined : valueMeaning(meaningLeaf(entry), value);
  return {
    markdown: paragraphs(meaning && `${code(value)}: ${meaning}`, keyMarkdown(entry)),
    span: entry.valueSpan,
  };
}
