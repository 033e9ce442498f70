/** Hover in qpidd.conf: the security options mq-harden knows, and their yes/no values. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { QpiddDocument } from '../../formats/qpidd/ast.js';
import { QPIDD_OPTIONS } from '../completion/qpidd.js';
import { code, escapeMarkdown, paragraphs } from '../shared/markdown.js';
import { valueMeaning } from '../shared/value-meanings.js';
import { contains, type HoverPart } from './part.js';

export function qpiddHover(doc: AnalyzedDocument, offset: number): HoverPart | undefined {
  const entry = (doc.tree as QpiddDocument).entries.find((e) => contains(e.keySpan, offset) || contains(e.valueSpan, offset));
  const option = entry && QPIDD_OPTIONS.find((o) => o.name === entry.name);
  if (!entry || !option) return undefined;
  const docs = `**${escapeMarkdown(option.name)}** · qpidd\n\n${escapeMarkdown(option.doc)}`;
  if (contains(entry.keySpan, offset)) return { markdown: docs, span: entry.keySpan };
  const meaning = valueMeaning(option.name, entry.value.toLowerCase());
  return { markdown: paragraphs(meaning && `${code(entry.value)}: ${meaning}`, docs), span: entry.valueSpan };
}
