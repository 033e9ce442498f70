/** Making DocumentSymbols from spans, with values shown safely on one line. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { Span } from '../../core/text.js';
import type { DocumentSymbol } from '../shared/lsp.js';
import { displayValue } from '../shared/redact.js';
import type { SymbolKind } from 'vscode-languageserver-types';

const MAX_DETAIL = 60;

/** A value as an outline detail: masked when secret, on one line, shortened. */
export function detailOf(key: string, value: string, secret = false): string {
  const shown = displayValue(key, value, secret).replace(/\s+/g, ' ').trim();
  return shown.length > MAX_DETAIL ? `${shown.slice(0, MAX_DETAIL - 1)}…` : shown;
}

export interface SymbolSpec {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly selection: Span;
  readonly detail?: string;
  readonly children?: DocumentSymbol[];
}

export function symbol(doc: AnalyzedDocument, spec: SymbolSpec): DocumentSymbol {
  return {
    // The protocol wants a non-empty name.
    name: spec.name === '' ? '(empty)' : spec.name,
    kind: spec.kind,
    range: doc.lines.rangeOf(spec.span),
    selectionRange: doc.lines.rangeOf(spec.selection),
    ...(spec.detail ? { detail: spec.detail } : {}),
    ...(spec.children && spec.children.length > 0 ? { children: spec.children } : {}),
  };
}
