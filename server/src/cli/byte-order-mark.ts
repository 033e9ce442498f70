/**
 * The report of a file whose text kept its byte order mark because its
 * software rejects the mark (host/byte-order-mark.ts). The engine analysed
 * the text with the mark at offset 0, as that software reads it; the CLI
 * prints positions in the text without it, as editors show the file (the
 * mark takes no column there), and says why the start of the file is a
 * syntax error.
 */
import type { EngineDiagnostic, Fix } from '../engine/core/findings.js';
import type { Position, Range, Span } from '../engine/core/text.js';
import { syntaxError } from '../engine/rules/cfg/syntax-error.js';
import type { SuppressedDiagnostic } from '../engine/suppression/index.js';

/** What the report shows of one analysis. */
export interface ReportedFindings {
  readonly diagnostics: readonly EngineDiagnostic[];
  readonly suppressed: readonly SuppressedDiagnostic[];
}

/** The mark is the first character of line 0: everything after it on that line moves one column left. */
function position(p: Position): Position {
  return p.line === 0 && p.character > 0 ? { line: 0, character: p.character - 1 } : p;
}

function range(r: Range): Range {
  return { start: position(r.start), end: position(r.end) };
}

function span(s: Span): Span {
  return { start: Math.max(0, s.start - 1), end: Math.max(0, s.end - 1) };
}

function fix(f: Fix): Fix {
  return { ...f, edits: f.edits.map((e) => ({ ...e, range: range(e.range) })) };
}

const AT_THE_MARK: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A diagnostic in the coordinates of the text without the mark; the syntax error the mark causes says so. */
function withoutMark(d: EngineDiagnostic, rejectedBy: string): EngineDiagnostic {
  if (d.code === syntaxError.code && d.span.start === 0) {
    return {
      ...d,
      message: `The file starts with a byte order mark (U+FEFF), which ${rejectedBy} rejects: ${d.message}`,
      range: AT_THE_MARK,
      span: { start: 0, end: 0 },
      fixes: d.fixes.map(fix),
    };
  }
  return { ...d, range: range(d.range), span: span(d.span), fixes: d.fixes.map(fix) };
}

/**
 * The findings of a text that starts with a byte order mark its software
 * (`rejectedBy`, e.g. `oslo.config`) rejects, as the CLI reports them.
 */
export function reportKeptMark(findings: ReportedFindings, rejectedBy: string): ReportedFindings {
  return {
    diagnostics: findings.diagnostics.map((d) => withoutMark(d, rejectedBy)),
    suppressed: findings.suppressed.map((s) => ({ ...s, diagnostic: withoutMark(s.diagnostic, rejectedBy) })),
  };
}
