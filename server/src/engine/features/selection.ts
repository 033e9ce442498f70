/**
 * Selection ranges ("expand selection"): from the word under the cursor to
 * the key or value, the whole setting, its section or enclosing terms, and
 * the document.
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import type { Position, Span } from '../core/text.js';
import type { ConfDocument } from '../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../formats/erlang/ast.js';
import type { IniDocument } from '../formats/ini/ast.js';
import type { QpiddDocument } from '../formats/qpidd/ast.js';
import { formAt, nodePathAt } from './shared/erlang-nodes.js';
import type { SelectionRange } from './shared/lsp.js';

function has(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_@$\-]/.test(c);
}

/** The run of word characters around `offset` (empty at a blank). */
function wordAt(text: string, offset: number): Span {
  let start = offset;
  let end = offset;
  while (isWordChar(text[start - 1])) start--;
  while (isWordChar(text[end])) end++;
  return { start, end };
}

/** The spans around `offset` from the format's tree, innermost first. */
function formatSpans(doc: AnalyzedDocument, offset: number): Span[] {
  switch (doc.language) {
    case 'rabbitmq-conf': {
      const entry = (doc.tree as ConfDocument).entries.find((e) => has(e.span, offset));
      if (!entry) return [];
      const segment = entry.segments.find((s) => has(s.span, offset));
      const part = has(entry.keySpan, offset) ? entry.keySpan : has(entry.valueSpan, offset) ? entry.valueSpan : undefined;
      return [...(segment && part === entry.keySpan ? [segment.span] : []), ...(part ? [part] : []), entry.span];
    }
    case 'oslo-config': {
      const tree = doc.tree as IniDocument;
      const section = tree.sections.find((s) => has(s.span, offset));
      const entries = section ? section.entries : tree.preamble;
      const entry = entries.find((e) => has(e.span, offset));
      const out: Span[] = [];
      if (entry) {
        const line = entry.continuations.find((c) => has(c.span, offset));
        const value = { start: entry.rawValueSpan.start, end: entry.span.end };
        if (has(entry.keySpan, offset)) out.push(entry.keySpan);
        else if (line) out.push(line.span, value);
        else if (has(entry.rawValueSpan, offset)) out.push(entry.valueSpan, entry.rawValueSpan, value);
        out.push(entry.span);
      }
      if (section) {
        if (has(section.nameSpan, offset)) out.push(section.nameSpan);
        if (has(section.headerSpan, offset)) out.push(section.headerSpan);
        out.push(section.span);
      }
      return out;
    }
    case 'rabbitmq-config': {
      const tree = doc.tree as ErlangDocument;
      const nodes = nodePathAt(tree, offset).reverse().map((n) => n.span);
      const form = formAt(tree, offset);
      return form ? [...nodes, { start: form.span.start, end: form.dot ? form.dot.end : form.span.end }] : nodes;
    }
    case 'qpidd-conf': {
      const entry = (doc.tree as QpiddDocument).entries.find((e) => has(e.span, offset));
      if (!entry) return [];
      const part = has(entry.keySpan, offset) ? entry.keySpan : has(entry.valueSpan, offset) ? entry.valueSpan : undefined;
      return [...(part ? [part] : []), entry.span];
    }
  }
}

/** Links spans (innermost first) into a chain, keeping only those that grow and contain the previous one. */
function chain(doc: AnalyzedDocument, spans: readonly Span[]): SelectionRange {
  const kept: Span[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && !(s.start <= last.start && last.end <= s.end && (s.start < last.start || last.end < s.end))) continue;
    kept.push(s);
  }
  let range: SelectionRange | undefined;
  for (let i = kept.length - 1; i >= 0; i--) range = { range: doc.lines.rangeOf(kept[i]), ...(range ? { parent: range } : {}) };
  return range!;
}

/** One selection range chain per position. */
export function selectionRanges(doc: AnalyzedDocument, positions: readonly Position[]): SelectionRange[] {
  const text = doc.template?.text ?? doc.source.text;
  return positions.map((position) => {
    const offset = doc.lines.offsetAt(position);
    const word = wordAt(text, offset);
    const spans = [...(word.end > word.start ? [word] : [{ start: offset, end: offset }]), ...formatSpans(doc, offset), { start: 0, end: doc.source.text.length }];
    return chain(doc, spans);
  });
}
