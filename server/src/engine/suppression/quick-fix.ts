/**
 * The quick fix "Suppress CODE on this line": a next-line suppression comment
 * written above the finding, in the file's comment syntax, with a reason for
 * the user to fill in.
 *
 * Where the comment goes: above the line the finding starts on, except when
 * that line continues a setting that began higher up; the comment then goes
 * above the setting's first line, because a comment line inside the setting
 * would change it:
 * - an oslo.config value's continuation lines (a column-0 `#` line ends the
 *   value, and an indented one becomes part of it);
 * - a multi-line `'''` value in rabbitmq.conf (the comment would be value text);
 * - an Erlang string, quoted atom or a template tag running over several lines.
 * The comment covers the lines down to the end of the next setting (see
 * scan.ts), so it reaches the finding from there. When a suppression comment
 * with a reason already points at that setting, the code is added to its list.
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import type { EngineDiagnostic, Fix } from '../core/findings.js';
import type { ConfDocument } from '../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../formats/erlang/ast.js';
import type { IniDocument } from '../formats/ini/ast.js';
import { nodePathAt } from '../features/shared/erlang-nodes.js';
import { BAD_SUPPRESSION_CODE } from './bad-suppression.js';
import { COMMENT_MARKER } from './comments.js';
import { DIRECTIVE_WORDS } from './directive.js';
import { findSuppressionComments, type SuppressionComment } from './scan.js';

/** The reason written by the quick fix, for the user to replace. */
export const REASON_PLACEHOLDER = 'reason';

/** The first line of the setting that `offset` (a line start) continues, if it continues one. */
function continuedSettingLine(doc: AnalyzedDocument, offset: number): number | undefined {
  const line = doc.lines.lineOf(offset);
  const startedAbove = (start: number, end: number) => (start < offset && offset < end ? doc.lines.lineOf(start) : undefined);
  switch (doc.language) {
    case 'oslo-config': {
      const tree = doc.tree as IniDocument;
      for (const e of [...tree.preamble, ...tree.sections.flatMap((s) => s.entries)]) {
        const above = startedAbove(e.linesSpan.start, e.span.end);
        if (above !== undefined && above < line) return above;
      }
      return undefined;
    }
    case 'rabbitmq-conf': {
      for (const e of (doc.tree as ConfDocument).entries) {
        const above = startedAbove(e.span.start, e.span.end);
        if (above !== undefined && above < line) return above;
      }
      return undefined;
    }
    case 'rabbitmq-config': {
      const path = nodePathAt(doc.tree as ErlangDocument, offset);
      const leaf = path[path.length - 1];
      const textual = leaf && (leaf.kind === 'string' || leaf.kind === 'atom' || leaf.kind === 'binary');
      return textual && leaf.span.start < offset ? doc.lines.lineOf(leaf.span.start) : undefined;
    }
    case 'qpidd-conf':
      return undefined;
  }
}

/** The line above which the comment goes. */
function anchorLine(doc: AnalyzedDocument, line: number): number {
  let anchor = line;
  const start = doc.lines.lineStart(line);
  const tag = doc.template?.spans.find((s) => s.start < start && start < s.end);
  if (tag) anchor = doc.lines.lineOf(tag.start);
  const setting = continuedSettingLine(doc, doc.lines.lineStart(anchor));
  return setting !== undefined ? Math.min(anchor, setting) : anchor;
}

function leadingBlanks(text: string, from: number): string {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text.slice(from, i);
}

/** A comment with a reason already pointing at the anchor's setting, nearest first. */
function existingComment(doc: AnalyzedDocument, anchor: number, line: number, code: string): SuppressionComment | undefined {
  const candidates = findSuppressionComments(doc).filter(
    (c) =>
      c.directive.kind === 'directive' &&
      c.directive.reason !== '' &&
      c.directive.codes.length > 0 &&
      c.directive.codes.every((t) => t.wellFormed && t.code !== code) &&
      c.covers !== undefined &&
      c.covers.target === anchor &&
      c.covers.first <= line &&
      line <= c.covers.last,
  );
  return candidates[candidates.length - 1];
}

/**
 * The fix that suppresses `diagnostic` with a next-line comment; undefined
 * for CFG005, which a comment cannot suppress. Never safe: fix-all must not
 * hide findings.
 */
export function suppressionFix(doc: AnalyzedDocument, diagnostic: EngineDiagnostic, reason = REASON_PLACEHOLDER): Fix | undefined {
  if (diagnostic.code === BAD_SUPPRESSION_CODE) return undefined;
  const title = `Suppress ${diagnostic.code} on this line`;
  const line = Math.min(diagnostic.range.start.line, doc.lines.lineCount - 1);
  const anchor = anchorLine(doc, line);
  const existing = existingComment(doc, anchor, line, diagnostic.code);
  if (existing && existing.directive.kind === 'directive') {
    const last = existing.directive.codes[existing.directive.codes.length - 1];
    const at = doc.lines.positionAt(last.span.end);
    return { title, safe: false, edits: [{ range: { start: at, end: at }, newText: `, ${diagnostic.code}` }] };
  }
  const text = doc.source.text;
  const lineStart = doc.lines.lineStart(anchor);
  // An indented line in an INI file continues a value: the comment must start in column 0.
  const indent = doc.language === 'oslo-config' ? '' : leadingBlanks(text, lineStart);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${indent}${COMMENT_MARKER[doc.language]} ${DIRECTIVE_WORDS['next-line']} ${diagnostic.code} -- ${reason}${eol}`;
  const at = doc.lines.positionAt(lineStart);
  return { title, safe: false, edits: [{ range: { start: at, end: at }, newText: comment }] };
}
