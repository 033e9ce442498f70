/**
 * rabbitmq.conf outline: a tree by dotted key segments, so that
 * `listeners.ssl.default` and `listeners.tcp = none` sit under `listeners`.
 * A group spans from its first to its last entry.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { Span } from '../../core/text.js';
import type { ConfDocument, ConfEntry } from '../../formats/cuttlefish/ast.js';
import { Symbol, type DocumentSymbol } from '../shared/lsp.js';
import { detailOf, symbol } from './build.js';

/** One segment of the key tree. */
interface KeyNode {
  readonly name: string;
  /** Where the segment is first written. */
  readonly selection: Span;
  /** Entries whose key ends at this segment. */
  readonly entries: ConfEntry[];
  readonly children: Map<string, KeyNode>;
  span: Span;
}

function newNode(name: string, selection: Span, span: Span): KeyNode {
  return { name, selection, entries: [], children: new Map(), span };
}

function buildTree(entries: readonly ConfEntry[]): Map<string, KeyNode> {
  const roots = new Map<string, KeyNode>();
  for (const entry of entries) {
    let level = roots;
    entry.segments.forEach((segment, i) => {
      let node = level.get(segment.text);
      if (!node) {
        node = newNode(segment.text, segment.span, entry.span);
        level.set(segment.text, node);
      }
      node.span = { start: Math.min(node.span.start, entry.span.start), end: Math.max(node.span.end, entry.span.end) };
      if (i === entry.segments.length - 1) node.entries.push(entry);
      level = node.children;
    });
  }
  return roots;
}

function toSymbols(doc: AnalyzedDocument, level: Map<string, KeyNode>): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const node of level.values()) {
    if (node.children.size === 0) {
      // A leaf: one symbol per occurrence (a key set twice shows twice).
      for (const e of node.entries) {
        out.push(symbol(doc, { name: node.name, kind: Symbol.Property, span: e.span, selection: e.segments[e.segments.length - 1].span, detail: detailOf(e.key, e.value) }));
      }
      continue;
    }
    const own = node.entries[node.entries.length - 1];
    out.push(
      symbol(doc, {
        name: node.name,
        kind: Symbol.Namespace,
        span: node.span,
        selection: node.selection,
        detail: own ? detailOf(own.key, own.value) : undefined,
        children: toSymbols(doc, node.children),
      }),
    );
  }
  return out;
}

export function confSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  const tree = doc.tree as ConfDocument;
  const keys = toSymbols(doc, buildTree(tree.entries));
  const includes = tree.includes.map((inc) => symbol(doc, { name: `include ${inc.path}`, kind: Symbol.File, span: inc.span, selection: inc.pathSpan }));
  const all = [...keys, ...includes];
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
