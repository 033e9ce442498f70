/** oslo.config outline: sections, and the options in each. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { osloCatalog } from '../../catalog/oslo.js';
import type { IniDocument, IniEntry } from '../../formats/ini/ast.js';
import { Symbol, type DocumentSymbol } from '../shared/lsp.js';
import { detailOf, symbol } from './build.js';

let secretNames: Set<string> | undefined;
/** Options oslo.config masks in logs (`secret=True`): masked in the outline too. */
function isSecretOption(name: string): boolean {
  secretNames ??= new Set(osloCatalog().options.filter((o) => o.secret).map((o) => o.name));
  return secretNames.has(name);
}

function entrySymbol(doc: AnalyzedDocument, e: IniEntry): DocumentSymbol {
  const more = e.continuations.length > 0 ? ' …' : '';
  return symbol(doc, { name: e.key, kind: Symbol.Property, span: e.span, selection: e.keySpan, detail: detailOf(e.key, e.value.split('\n')[0], isSecretOption(e.key)) + more });
}

export function iniSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  const tree = doc.tree as IniDocument;
  return [
    ...tree.preamble.map((e) => entrySymbol(doc, e)),
    ...tree.sections.map((s) =>
      symbol(doc, {
        name: s.name.trim(),
        kind: Symbol.Namespace,
        span: s.span,
        selection: s.name === '' ? s.headerSpan : s.nameSpan,
        children: s.entries.map((e) => entrySymbol(doc, e)),
      }),
    ),
  ];
}
