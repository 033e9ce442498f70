import type { Severity } from '../../engine/core/findings.js';
import { suppressionReason, type FileReport, type ReportWriter, type Sink } from './model.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

/** One file's lines: the fixes applied, the findings, the suppressed findings. */
function fileLines(r: FileReport): string[] {
  const lines: string[] = [];
  for (const a of r.applied ?? []) lines.push(`${r.path}:${a.line}: fixed ${a.code} ${a.title}`);
  for (const d of r.diagnostics) {
    lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
  }
  for (const s of r.suppressed ?? []) {
    const d = s.diagnostic;
    lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: suppressed ${d.code} ${d.message} (line ${s.comment.line + 1}: ${suppressionReason(s)})`);
  }
  return lines;
}

/** Compiler-style lines, `path:line:col: severity CODE message`, file by file, then a summary. */
export function textReport(out: Sink): ReportWriter {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let files = 0;
  let fixed = 0;
  return {
    add(report) {
      files++;
      fixed += report.applied?.length ?? 0;
      for (const d of report.diagnostics) counts[d.severity]++;
      const lines = fileLines(report);
      if (lines.length > 0) out(lines.join('\n') + '\n');
    },
    finish() {
      out(
        `${plural(files, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
          `${counts.information} information, ${plural(counts.hint, 'hint')}` +
          (fixed > 0 ? `; ${plural(fixed, 'fix')} applied` : '') +
          '\n',
      );
    },
  };
}
