import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';

/**
 * One edit that turns the document into `next`, touching only the part that
 * differs (common prefix and suffix kept), so that the editor keeps the
 * cursor, folding and undo granularity of the untouched text.
 */
export function minimalEdit(doc: TextDocument, next: string): TextEdit {
  const text = doc.getText();
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endOld = text.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && text.charCodeAt(endOld - 1) === next.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(endOld) }, newText: next.slice(start, endNew) };
}
