/** Building completion items: text edits over the word being typed, snippets, documentation. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { Range, Span } from '../../core/text.js';
import { DEPRECATED_TAG, TextFormat, type CompletionItem } from '../shared/lsp.js';
import type { CompletionItemKind } from 'vscode-languageserver-types';

/** The line around the cursor, in the text the parser read (templates masked). */
export interface LineContext {
  readonly text: string;
  readonly offset: number;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** From the start of the line to the cursor. */
  readonly before: string;
  /** From the cursor to the end of the line. */
  readonly after: string;
}

export function lineContext(doc: AnalyzedDocument, offset: number): LineContext {
  const text = doc.template?.text ?? doc.source.text;
  const line = doc.lines.lineOf(offset);
  const lineStart = doc.lines.lineStart(line);
  const lineEnd = doc.lines.lineEnd(line);
  return { text, offset, lineStart, lineEnd, before: text.slice(lineStart, offset), after: text.slice(offset, lineEnd) };
}

/** True when `offset` lies inside a template tag (`{{ … }}`, `<% … %>`): its content is not ours to complete. */
export function insideTemplateTag(doc: AnalyzedDocument, offset: number): boolean {
  return doc.template?.spans.some((s) => s.start < offset && offset < s.end) ?? false;
}

/** Escapes text for use inside a snippet (outside placeholders). */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** A choice placeholder `${n|a,b|}`, or a plain one `${n:text}` for a single value. */
export function choicePlaceholder(n: number, values: readonly string[]): string {
  if (values.length === 0) return `\${${n}}`;
  if (values.length === 1) return `\${${n}:${values[0].replace(/[$}\\]/g, (c) => `\\${c}`)}}`;
  return `\${${n}|${values.map((v) => v.replace(/[$}\\,|]/g, (c) => `\\${c}`)).join(',')}|}`;
}

export interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  /** What replaces `range`; a snippet when `snippet` is set. Default: the label. */
  readonly newText?: string;
  readonly snippet?: boolean;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly deprecated?: boolean;
  readonly sortText?: string;
  readonly filterText?: string;
}

/** A completion item that replaces `range` (the word being typed). */
export function completionItem(spec: ItemSpec, range: Range): CompletionItem {
  return {
    label: spec.label,
    kind: spec.kind,
    ...(spec.detail ? { detail: spec.detail } : {}),
    ...(spec.documentation ? { documentation: { kind: 'markdown', value: spec.documentation } } : {}),
    ...(spec.deprecated ? { tags: [DEPRECATED_TAG] } : {}),
    ...(spec.sortText ? { sortText: spec.sortText } : {}),
    ...(spec.filterText ? { filterText: spec.filterText } : {}),
    insertTextFormat: spec.snippet ? TextFormat.Snippet : TextFormat.PlainText,
    textEdit: { range, newText: spec.newText ?? spec.label },
  };
}

/** The LSP range of a span. */
export function rangeOf(doc: AnalyzedDocument, span: Span): Range {
  return doc.lines.rangeOf(span);
}

/** A sort key that keeps the given order and puts discouraged entries last. */
export function orderKey(index: number, last = false): string {
  return `${last ? '1' : '0'}${String(index).padStart(4, '0')}`;
}
