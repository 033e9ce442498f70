/**
 * Completion: keys, sections and values from the catalogs, for the format of
 * the document, at a position. Works on templates too (the masked text is
 * read; nothing is offered inside a template tag).
 */
import type { EngineOptions } from '../analysis/analyze.js';
import type { AnalyzedDocument } from '../analysis/document.js';
import type { Position } from '../core/text.js';
import { classicCompletions } from './completion/classic.js';
import { confCompletions } from './completion/conf.js';
import { insideTemplateTag } from './completion/items.js';
import { osloCompletions } from './completion/oslo.js';
import { qpiddCompletions } from './completion/qpidd.js';
import { osloReleaseOf } from './shared/catalog-docs.js';
import type { CompletionItem } from './shared/lsp.js';

export type CompletionOptions = Pick<EngineOptions, 'osloRelease'>;

/** The completion items at `position`, each replacing the word being typed. */
export function completionItems(doc: AnalyzedDocument, position: Position, options: CompletionOptions = {}): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  if (insideTemplateTag(doc, offset)) return [];
  switch (doc.language) {
    case 'rabbitmq-conf':
      return confCompletions(doc, offset);
    case 'rabbitmq-config':
      return doc.variant === 'inter-node-tls' ? [] : classicCompletions(doc, offset);
    case 'oslo-config':
      return osloCompletions(doc, offset, osloReleaseOf(options.osloRelease));
    case 'qpidd-conf':
      return qpiddCompletions(doc, offset);
  }
}
