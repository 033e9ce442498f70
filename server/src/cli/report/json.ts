import { suppressionReason, type FileReport } from './model.js';

/** The JSON contract (version 1): see README "JSON output". Offsets are left out: ranges are LSP's. */
export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    path: r.path,
    language: r.language,
    ...(r.applied ? { applied: r.applied } : {}),
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
      href: d.codeDescription.href,
      fixes: d.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits })),
    })),
    ...(r.suppressed
      ? {
          suppressed: r.suppressed.map((s) => ({
            code: s.diagnostic.code,
            message: s.diagnostic.message,
            range: s.diagnostic.range,
            comment: { line: s.comment.line, reason: suppressionReason(s) },
          })),
        }
      : {}),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
