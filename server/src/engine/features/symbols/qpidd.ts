/** qpidd.conf outline: options, under their `[section]` when there is one. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { QpiddDocument, QpiddEntry } from '../../formats/qpidd/ast.js';
import { Symbol, type DocumentSymbol } from '../shared/lsp.js';
import { detailOf, symbol } from './build.js';

function entrySymbol(doc: AnalyzedDocument, e: QpiddEntry): DocumentSymbol {
  return symbol(doc, { name: e.key, kind: Symbol.Property, span: e.span, selection: e.keySpan, detail: detailOf(e.name, e.value) });
}

export function qpiddSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  const tree = doc.tree as QpiddDocument;
  const out: DocumentSymbol[] = tree.entries.filter((e) => e.section === null).map((e) => entrySymbol(doc, e));
  tree.sections.forEach((section, i) => {
    const next = tree.sections[i + 1]?.headerSpan.start ?? Infinity;
    const entries = tree.entries.filter((e) => e.span.start > section.headerSpan.start && e.span.start < next);
    const end = entries.length > 0 ? entries[entries.length - 1].span.end : section.headerSpan.end;
    out.push(
      symbol(doc, {
        name: section.name,
        kind: Symbol.Namespace,
        span: { start: section.headerSpan.start, end },
        selection: section.nameSpan,
        children: entries.map((e) => entrySymbol(doc, e)),
      }),
    );
  });
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
