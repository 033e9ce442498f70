import type { SettingOccurrence } from '../analysis/document.js';
import type { SyntaxError } from '../core/parse.js';
import type { Span } from '../core/text.js';
import type { ConfigVariant } from './detect.js';

/** What a language's analyser receives: the text to parse and template facts about it. */
export interface FormatInput {
  /** The path (for detection of the file's role, e.g. the OpenStack service). */
  readonly path: string;
  /** The text to parse: the document, or its masked form when it is a template. */
  readonly text: string;
  /** True for an offset inside a template tag. Always false for a plain file. */
  isTemplate(offset: number): boolean;
  /** True when a span overlaps or touches a template tag: its content is unknown. */
  touchesTemplate(span: Span): boolean;
  /** True when a span lies in a template's if/for body. */
  isConditional(span: Span): boolean;
  /** Classic config variants where function calls are legitimate. */
  readonly variant?: ConfigVariant;
  /** The deployment's oslo.messaging release, for option verdicts. */
  readonly osloRelease?: string;
  /** An earlier version's text and tree of the same language, which the parser may take over (SourceDocument.earlier). */
  readonly earlier?: { readonly text: string; readonly tree: unknown };
}

/** What a language's analyser returns. */
export interface FormatAnalysis<Tree> {
  readonly tree: Tree;
  readonly syntaxErrors: readonly SyntaxError[];
  readonly settings: readonly SettingOccurrence[];
}
