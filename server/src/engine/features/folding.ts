/**
 * Folding ranges: INI sections and multi-line values; multi-line Erlang
 * terms (lists, tuples, maps, binaries); multi-line `'''` values of
 * rabbitmq.conf; qpidd sections; blocks of whole-line comments; and the bodies
 * of template blocks (`{% if %}…{% endif %}`).
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import type { Span } from '../core/text.js';
import type { ConfDocument } from '../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../formats/erlang/ast.js';
import type { IniDocument } from '../formats/ini/ast.js';
import type { QpiddDocument } from '../formats/qpidd/ast.js';
import { documentComments } from '../suppression/comments.js';
import { forEachNode } from './shared/erlang-nodes.js';
import { FoldKind, type FoldingRange } from './shared/lsp.js';

type Fold = { startLine: number; endLine: number; kind?: 'comment' | 'region' };

function spanFold(doc: AnalyzedDocument, span: Span): Fold {
  return { startLine: doc.lines.lineOf(span.start), endLine: doc.lines.lineOf(span.end) };
}

/**
 * A bracketed term folds up to the line before its closing bracket when only
 * closing brackets precede it on that line (so `]}` stays visible), else
 * through the bracket.
 */
function bracketFold(doc: AnalyzedDocument, span: Span): Fold {
  const text = doc.source.text;
  const startLine = doc.lines.lineOf(span.start);
  const closeLine = doc.lines.lineOf(span.end - 1);
  const before = text.slice(doc.lines.lineStart(closeLine), span.end - 1);
  const closerLeads = /^[\s\]})>]*$/.test(before);
  return { startLine, endLine: closerLeads ? closeLine - 1 : closeLine };
}

/** Runs of two or more consecutive whole-line comments. */
function commentFolds(doc: AnalyzedDocument): Fold[] {
  const lines = documentComments(doc)
    .filter((c) => c.ownLine)
    .map((c) => doc.lines.lineOf(c.span.start));
  const folds: Fold[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && lines[i] === lines[i - 1] + 1) continue;
    if (i - start >= 2) folds.push({ startLine: lines[start], endLine: lines[i - 1], kind: 'comment' });
    start = i;
  }
  return folds;
}

function iniFolds(doc: AnalyzedDocument): Fold[] {
  const tree = doc.tree as IniDocument;
  const entries = [...tree.preamble, ...tree.sections.flatMap((s) => s.entries)];
  return [...tree.sections.map((s) => spanFold(doc, s.span)), ...entries.filter((e) => e.continuations.length > 0).map((e) => spanFold(doc, e.span))];
}

function confFolds(doc: AnalyzedDocument): Fold[] {
  return (doc.tree as ConfDocument).entries.map((e) => spanFold(doc, e.span));
}

function erlangFolds(doc: AnalyzedDocument): Fold[] {
  const folds: Fold[] = [];
  forEachNode(doc.tree as ErlangDocument, (node) => {
    if (node.kind === 'list' || node.kind === 'tuple' || node.kind === 'map' || node.kind === 'binary') folds.push(bracketFold(doc, node.span));
  });
  return folds;
}

function qpiddFolds(doc: AnalyzedDocument): Fold[] {
  const tree = doc.tree as QpiddDocument;
  return tree.sections.map((section, i) => {
    const next = tree.sections[i + 1]?.headerSpan.start ?? Infinity;
    const inside = tree.entries.filter((e) => e.span.start > section.headerSpan.start && e.span.start < next);
    const end = inside.length > 0 ? inside[inside.length - 1].span.end : section.headerSpan.end;
    return spanFold(doc, { start: section.headerSpan.start, end });
  });
}

/** Template block bodies: from the opening tag's line to the line before the closing tag. */
function templateFolds(doc: AnalyzedDocument): Fold[] {
  return (doc.template?.conditional ?? []).map((body) => {
    const endLine = doc.lines.lineOf(body.end);
    const closerLeads = doc.source.text.slice(doc.lines.lineStart(endLine), body.end).trim() === '';
    return { startLine: doc.lines.lineOf(body.start), endLine: closerLeads ? endLine - 1 : endLine, kind: 'region' as const };
  });
}

function formatFolds(doc: AnalyzedDocument): Fold[] {
  switch (doc.language) {
    case 'oslo-config':
      return iniFolds(doc);
    case 'rabbitmq-conf':
      return confFolds(doc);
    case 'rabbitmq-config':
      return erlangFolds(doc);
    case 'qpidd-conf':
      return qpiddFolds(doc);
  }
}

/**
 * The folding ranges of the document, by start line, each spanning two lines
 * or more. One per start line, the largest: an editor folds one range per
 * line (`[{rabbit, [` opens three terms on one line).
 */
export function foldingRanges(doc: AnalyzedDocument): FoldingRange[] {
  const folds = [...formatFolds(doc), ...commentFolds(doc), ...templateFolds(doc)]
    .filter((f) => f.endLine > f.startLine)
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const out: FoldingRange[] = [];
  for (const f of folds) {
    if (out.length > 0 && out[out.length - 1].startLine === f.startLine) continue;
    out.push({ startLine: f.startLine, endLine: f.endLine, ...(f.kind ? { kind: FoldKind[f.kind] } : {}) });
  }
  return out;
}
