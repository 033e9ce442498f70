import type { Range, Span } from './text.js';

/** How serious a finding is; the names and order of LSP's DiagnosticSeverity. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 1, warning: 2, information: 3, hint: 4 };

/** One text replacement in the original document, by offsets. */
export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

/**
 * A host command a fix runs instead of (or besides) editing text, e.g.
 * `chmod 0600` on a key file. Hosts decide whether to offer it (the editor
 * only in trusted workspaces; the CLI never runs commands).
 */
export interface FixCommand {
  readonly command: string;
  readonly arguments: readonly unknown[];
}

/** A fix as a rule proposes it: offsets in the document the rule looked at. */
export interface FixProposal {
  readonly title: string;
  readonly edits: readonly SpanEdit[];
  readonly command?: FixCommand;
  /**
   * Safe fixes may be applied without a human looking (`--fix`, fix-all).
   * Unsafe ones are offered as quick fixes only.
   */
  readonly safe: boolean;
  /** The obvious fix for this finding (VS Code's `isPreferred`). */
  readonly preferred?: boolean;
}

/** What a rule reports: where, what, and how to fix it. */
export interface Finding {
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly FixProposal[];
  /** A severity other than the rule's default (e.g. TLS rules on HTTP endpoints). */
  readonly severity?: Severity;
}

/** An LSP text edit. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A fix as it leaves the engine: LSP ranges. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly command?: FixCommand;
  readonly safe: boolean;
  readonly preferred?: boolean;
}

/**
 * A diagnostic as the engine returns it: LSP-shaped (0-based lines, UTF-16
 * characters), with the rule's code and documentation link, and its fixes.
 * The CLI's JSON output and the language server both use this shape.
 */
export interface EngineDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Offsets of `range` in the document, for hosts that edit by offset. */
  readonly span: Span;
  readonly codeDescription: { readonly href: string };
  readonly source: 'mq-harden';
  readonly fixes: readonly Fix[];
}
