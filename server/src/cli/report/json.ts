import { nestedJson, suppressionReason, type FileReport, type ReportWriter, type Sink } from './model.js';

/** One file of the JSON contract (version 1): see README "JSON output". Offsets are left out: ranges are LSP's. */
function jsonFile(r: FileReport): Record<string, unknown> {
  return {
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
  };
}

/**
 * The JSON report, `{ "version": 1, "files": [...] }` printed with two-space
 * indentation, written one file at a time.
 */
export function jsonReport(out: Sink): ReportWriter {
  let files = 0;
  return {
    add(report) {
      out(`${files === 0 ? '{\n  "version": 1,\n  "files": [\n' : ',\n'}${nestedJson(jsonFile(report), 2)}`);
      files++;
    },
    finish() {
      out(files === 0 ? '{\n  "version": 1,\n  "files": []\n}\n' : '\n  ]\n}\n');
    },
  };
}
