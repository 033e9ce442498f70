/**
 * The JSON the probe extension writes (test/e2e/probe-extension): what
 * `vscode.languages.getDiagnostics()` returned, plus whether the product
 * extension was active. Shared by the probe and the suite that reads it.
 */

export interface DumpedPosition {
  /** 0-based, as in the VS Code API. */
  readonly line: number;
  readonly character: number;
}

export interface DumpedDiagnostic {
  readonly code: string | undefined;
  readonly source: string | undefined;
  /** vscode.DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint. */
  readonly severity: number;
  readonly message: string;
  readonly range: { readonly start: DumpedPosition; readonly end: DumpedPosition };
}

export interface DumpedFile {
  readonly uri: string;
  /** File-system path of the document (the uri's fsPath). */
  readonly path: string;
  readonly diagnostics: readonly DumpedDiagnostic[];
}

export interface DiagnosticsDump {
  /** Grows with every dump of one extension host. */
  readonly seq: number;
  readonly productActive: boolean;
  readonly productVersion: string | undefined;
  readonly files: readonly DumpedFile[];
}
