/**
 * The LSP shapes the features return, from `vscode-languageserver-types`
 * (types only: the engine loads no LSP library at run time), and the few
 * enumeration values they use, spelled out.
 */
import type {
  CompletionItemKind,
  CompletionItemTag,
  FoldingRangeKind,
  InsertTextFormat,
  SymbolKind,
} from 'vscode-languageserver-types';

export type {
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  SelectionRange,
} from 'vscode-languageserver-types';

export const ItemKind = {
  Module: 9 as CompletionItemKind,
  Property: 10 as CompletionItemKind,
  Value: 12 as CompletionItemKind,
  Enum: 13 as CompletionItemKind,
  Snippet: 15 as CompletionItemKind,
  EnumMember: 20 as CompletionItemKind,
  Constant: 21 as CompletionItemKind,
} as const;

export const DEPRECATED_TAG = 1 as CompletionItemTag;

export const TextFormat = {
  PlainText: 1 as InsertTextFormat,
  Snippet: 2 as InsertTextFormat,
} as const;

export const Symbol = {
  File: 1 as SymbolKind,
  Module: 2 as SymbolKind,
  Namespace: 3 as SymbolKind,
  Package: 4 as SymbolKind,
  Property: 7 as SymbolKind,
  Array: 18 as SymbolKind,
  Object: 19 as SymbolKind,
  Key: 20 as SymbolKind,
} as const;

export const FoldKind: Readonly<Record<'comment' | 'region', FoldingRangeKind>> = {
  comment: 'comment',
  region: 'region',
};
