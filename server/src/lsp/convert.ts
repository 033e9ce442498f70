import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  type TextEdit,
} from 'vscode-languageserver';
import type { EngineDiagnostic, Severity } from '../engine/core/findings.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Engine diagnostic → LSP diagnostic; the fixes travel in `data` for code actions. */
export function toLspDiagnostic(d: EngineDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: d.codeDescription,
    source: d.source,
    message: d.message,
    data: { fixes: d.fixes },
  };
}

/** One quick fix per engine fix, tied to the diagnostic it resolves. */
export function toQuickFixes(uri: string, d: EngineDiagnostic, lsp: Diagnostic): CodeAction[] {
  return d.fixes.map((f) => ({
    title: f.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    isPreferred: f.preferred ?? false,
    ...(f.edits.length > 0 ? { edit: { changes: { [uri]: f.edits.map((e): TextEdit => ({ range: e.range, newText: e.newText })) } } } : {}),
    // The client runs it (and offers it only in trusted workspaces).
    ...(f.command ? { command: { title: f.title, command: f.command.command, arguments: [...f.command.arguments] } } : {}),
  }));
}
