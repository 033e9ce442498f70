/**
 * Which of a rule's fixes the engine passes on.
 *
 * Edits are placed by reading the parse tree: "append to the `rabbit` list",
 * "replace this value", "remove this line". When the parser met a syntax
 * error, the tree past that point is its recovery's guess: a list it closed
 * on its own, a tuple it moved into the wrong parent, a section it started
 * late. An edit computed over such a tree lands wherever the guess put
 * things (after the document's closing `]`, inside a neighbour's list), may
 * break the file further, and may be offered again after every application
 * because the finding it answers never goes. So:
 *
 * - a document with any syntax error gets no edit fixes from the rules.
 *   That includes the errors CFG001 does not report: in a template with
 *   control flow the masked text is often broken only by how it was masked
 *   (`{% if not loop.last %},{% endif %}` leaves a trailing comma), and
 *   the rendered file may well be fine, but the tree is still a guess;
 * - broken template syntax (an unclosed `{{`) counts as well: the masker
 *   had to guess where the tag ends;
 * - in a template, an edit may not cut into a tag, nor remove or overwrite a
 *   control-flow tag (`{% endif %}`, `<% end %>`): the parser reads tags as
 *   blanks, so a value that reads `[...]` may have an `endif` inside it, and
 *   replacing the value would unbalance the template;
 * - fixes that only run a host command (chmod 0600 on a key file) do not
 *   depend on where anything is in the text and are kept.
 *
 * The findings themselves are kept. With a reported error (CFG001) the
 * broker and client rules already stay silent, because the software would
 * refuse the file. An unreported error is one some rendering of the
 * template may avoid, so the file may well be deployed: its findings are
 * still worth reading, the parser resynchronises at the next element, form
 * or line, and the rules already treat templated and conditional settings
 * as unknown. Only acting on them automatically is withheld: the user sees
 * the finding and makes the change by hand.
 */
import type { FixProposal, SpanEdit } from '../core/findings.js';
import { firstEndingAfter } from '../core/text.js';
import type { MaskedDocument } from '../templates/types.js';
import type { AnalyzedDocument } from './document.js';

/** Whether edits can be placed by `doc`'s tree: neither its template tags nor its format had a syntax error. */
export function treeIsReliable(doc: AnalyzedDocument): boolean {
  return doc.syntaxErrors.length === 0 && (doc.template?.errors.length ?? 0) === 0;
}

/**
 * Whether an edit leaves the template's tags alone: it neither starts nor
 * ends strictly inside a tag, and the text it replaces holds no control-flow
 * tag. Replacing a whole expression tag (`{{ port }}` by `5671`) is allowed.
 */
export function keepsTemplateTags(template: MaskedDocument, edit: SpanEdit): boolean {
  const tags = template.spans;
  for (let i = firstEndingAfter(tags, edit.span.start); i < tags.length; i++) {
    const tag = tags[i];
    // Every tag from i on ends after the edit's start; the first one starting at or after its end is clear of it.
    if (tag.start >= edit.span.end) break;
    const cut = tag.start < edit.span.start || edit.span.end < tag.end;
    if (cut || tag.kind === 'statement') return false;
  }
  return true;
}

/**
 * The fixes of a finding that may be offered on `doc`: on a document whose
 * tree is a guess, only those that edit no text; in a template, only those
 * whose edits leave its tags alone.
 */
export function offerableFixes(doc: AnalyzedDocument, fixes: readonly FixProposal[]): readonly FixProposal[] {
  if (fixes.length === 0) return fixes;
  if (!treeIsReliable(doc)) return fixes.filter((f) => f.edits.length === 0);
  const template = doc.template;
  if (!template || template.spans.length === 0) return fixes;
  return fixes.filter((f) => f.edits.every((e) => keepsTemplateTags(template, e)));
}
