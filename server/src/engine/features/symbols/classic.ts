/**
 * Classic Erlang-term outline: application tuples, their keys, and the keys
 * of nested proplists (`ssl_options` → `verify` …). Any list of `{atom, Value}`
 * tuples is read as a proplist, so `inter_node_tls.config` gets an outline too.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { ErlangDocument, ErlangNode, TupleNode } from '../../formats/erlang/ast.js';
import { Symbol, type DocumentSymbol } from '../shared/lsp.js';
import { detailOf, symbol } from './build.js';

/** Nesting deeper than this is shown as a value: no configuration needs more. */
const MAX_DEPTH = 16;

function keyTuples(list: ErlangNode): TupleNode[] {
  if (list.kind !== 'list') return [];
  return list.elements.filter((e): e is TupleNode => e.kind === 'tuple' && e.elements.length >= 1 && e.elements[0].kind === 'atom');
}

function isProplist(node: ErlangNode): boolean {
  return node.kind === 'list' && node.elements.length > 0 && keyTuples(node).length === node.elements.length;
}

function tupleSymbols(doc: AnalyzedDocument, list: ErlangNode, depth: number, path: string): DocumentSymbol[] {
  return keyTuples(list).map((t) => {
    const key = t.elements[0];
    const name = key.kind === 'atom' ? key.name : '';
    const value = t.elements[1];
    const dotted = path ? `${path}.${name}` : name;
    const nested = value && depth < MAX_DEPTH && isProplist(value);
    const text = value ? doc.source.text.slice(value.span.start, value.span.end) : '';
    return symbol(doc, {
      name,
      kind: depth === 0 ? Symbol.Module : nested ? Symbol.Object : Symbol.Property,
      span: t.span,
      selection: key.span,
      detail: nested || !value ? undefined : detailOf(dotted, text),
      children: nested ? tupleSymbols(doc, value, depth + 1, dotted) : undefined,
    });
  });
}

export function classicSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  const tree = doc.tree as ErlangDocument;
  return tree.forms.flatMap((form) => (form.term ? tupleSymbols(doc, form.term, 0, '') : []));
}
