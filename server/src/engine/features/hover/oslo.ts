/**
 * Hover in oslo.config files: an option's documentation at the configured
 * release; a section's group; on a value, what it means. A transport URL is
 * shown parsed, every password masked.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { DEFAULT_GROUP, osloCatalog, releaseIncludes } from '../../catalog/oslo.js';
import type { IniDocument, IniEntry, IniSection } from '../../formats/ini/ast.js';
import { parseTransportUrl } from '../../model/oslo/transport-url.js';
import { osloOptionMarkdown, safeOsloLookup } from '../shared/catalog-docs.js';
import { code, escapeMarkdown, paragraphs } from '../shared/markdown.js';
import { maskedTransportUrl, MASK } from '../shared/redact.js';
import { valueMeaning } from '../shared/value-meanings.js';
import { contains, type HoverPart } from './part.js';

function sectionHover(section: IniSection, release: string): HoverPart | undefined {
  if (section.group === DEFAULT_GROUP) return undefined;
  const group = osloCatalog().groups.find((g) => g.name === section.group);
  if (!group) return undefined;
  const removed = group.removedIn && releaseIncludes(release, group.removedIn);
  const note = group.note ? ` (${escapeMarkdown(group.note)})` : '';
  return {
    markdown: removed
      ? `**[${escapeMarkdown(group.name)}]**: **removed** in oslo.messaging ${group.removedIn}${note}; services ignore everything in it.`
      : `**[${escapeMarkdown(group.name)}]**: options of oslo.messaging${note}.`,
    span: section.headerSpan,
  };
}

/** The transport URL, parsed as oslo.messaging does, with passwords masked. */
function transportUrlMarkdown(value: string): string {
  const masked = maskedTransportUrl(value);
  if (masked === undefined) return 'oslo.messaging cannot parse this transport URL (the service would fail to start); it is not shown because it may hold a password.';
  const parsed = parseTransportUrl(value);
  const lines = [`${code(masked)}`];
  if (parsed.ok) {
    const { url } = parsed;
    lines.push(`- driver: ${code(url.transport)}`);
    if (url.hosts.length === 0) lines.push('- no broker host: the driver connects to localhost as guest');
    for (const h of url.hosts) {
      const user = h.username !== null ? `${code(h.username)}${h.password !== null ? ` (password ${MASK})` : ''}` : 'no user name';
      lines.push(`- host ${code(h.hostname ?? '(default)')} port ${h.port ?? '(default)'}, ${user}`);
    }
    if (url.virtualHost !== null) lines.push(`- virtual host ${code(url.virtualHost === '' ? '/' : url.virtualHost)}`);
  }
  return lines.join('\n');
}

function entryHover(doc: AnalyzedDocument, entry: IniEntry, offset: number, release: string): HoverPart | undefined {
  const group = entry.group ?? DEFAULT_GROUP;
  const docs = osloOptionMarkdown(group, entry.key, release);
  const lookup = safeOsloLookup(group, entry.key, release);
  const valueSpan = { start: entry.rawValueSpan.start, end: Math.max(entry.rawValueSpan.end, entry.span.end) };
  // On the key as on the value: what the URL says (masked) is what the reader wants to see.
  if (docs && (entry.key === 'transport_url' || lookup.option?.name === 'transport_url')) {
    const templated = doc.template?.spans.some((t) => t.start < valueSpan.end && valueSpan.start < t.end);
    const url = templated ? 'The URL comes from a template expression: known once the template is rendered.' : transportUrlMarkdown(entry.value);
    return { markdown: paragraphs(url, docs), span: contains(entry.keySpan, offset) ? entry.keySpan : valueSpan };
  }
  if (contains(entry.keySpan, offset)) return docs ? { markdown: docs, span: entry.keySpan } : undefined;
  if (!docs) return undefined;
  const span = valueSpan;
  // A secret option's value is never repeated, not even when it is a known word.
  const meaning = lookup.option?.secret ? undefined : valueMeaning(lookup.option?.name ?? entry.key, entry.value.trim());
  return { markdown: paragraphs(meaning && `${code(entry.value.trim())}: ${meaning}`, docs), span };
}

export function osloHover(doc: AnalyzedDocument, offset: number, release: string): HoverPart | undefined {
  const tree = doc.tree as IniDocument;
  for (const section of tree.sections) {
    if (contains(section.headerSpan, offset)) return sectionHover(section, release);
  }
  const entries = [...tree.preamble, ...tree.sections.flatMap((s) => s.entries)];
  const entry = entries.find((e) => contains(e.keySpan, offset) || (offset >= e.rawValueSpan.start && offset <= e.span.end));
  return entry ? entryHover(doc, entry, offset, release) : undefined;
}
