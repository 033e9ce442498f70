import type { Severity } from '../../engine/core/findings.js';
import { suppressionReason, type FileReport } from './model.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

/** Compiler-style lines, `path:line:col: severity CODE message`, then a summary. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const a of r.applied ?? []) lines.push(`${r.path}:${a.line}: fixed ${a.code} ${a.title}`);
    for (const d of r.diagnostics) {
      counts[d.severity]++;
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
    }
    for (const s of r.suppressed ?? []) {
      const d = s.diagnostic;
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: suppressed ${d.code} ${d.message} (line ${s.comment.line + 1}: ${suppressionReason(s)})`);
    }
  }
  const fixed = reports.reduce((n, r) => n + (r.applied?.length ?? 0), 0);
  const summary =
    `${plural(reports.length, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
    `${counts.information} information, ${plural(counts.hint, 'hint')}` + (fixed > 0 ? `; ${plural(fixed, 'fix')} applied` : '');
  lines.push(summary);
  return lines.join('\n') + '\n';
}
