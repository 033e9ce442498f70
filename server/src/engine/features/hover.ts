/**
 * Hover: on a key, its catalog documentation (type, default, deprecated or
 * removed with the release); on a value, what it means when known; on a
 * finding, its rule and the rule's page. Never prints a password: values are
 * only repeated when they are known words, and a transport URL is shown
 * parsed with its passwords masked.
 */
import type { EngineOptions } from '../analysis/analyze.js';
import type { AnalyzedDocument } from '../analysis/document.js';
import type { EngineDiagnostic } from '../core/findings.js';
import type { Position } from '../core/text.js';
import { classicHover } from './hover/classic.js';
import { confHover } from './hover/conf.js';
import { osloHover } from './hover/oslo.js';
import type { HoverPart } from './hover/part.js';
import { qpiddHover } from './hover/qpidd.js';
import { rulesHover } from './hover/rules.js';
import { osloReleaseOf } from './shared/catalog-docs.js';
import type { Hover } from './shared/lsp.js';

export type HoverOptions = Pick<EngineOptions, 'docsBaseUrl' | 'osloRelease'>;

function settingHover(doc: AnalyzedDocument, offset: number, options: HoverOptions): HoverPart | undefined {
  switch (doc.language) {
    case 'rabbitmq-conf':
      return confHover(doc, offset);
    case 'rabbitmq-config':
      return classicHover(doc, offset);
    case 'oslo-config':
      return osloHover(doc, offset, osloReleaseOf(options.osloRelease));
    case 'qpidd-conf':
      return qpiddHover(doc, offset);
  }
}

/**
 * The hover at `position`. `diagnostics` are the document's findings as
 * reported (after suppression), for the rule part.
 */
export function hoverAt(doc: AnalyzedDocument, diagnostics: readonly EngineDiagnostic[], position: Position, options: HoverOptions = {}): Hover | undefined {
  const offset = doc.lines.offsetAt(position);
  const rules = rulesHover(diagnostics, offset, options.docsBaseUrl);
  const setting = settingHover(doc, offset, options);
  const parts = [rules, setting].filter((p): p is HoverPart => p !== undefined);
  if (parts.length === 0) return undefined;
  // The range is the thing under the cursor, the narrower of the parts.
  const span = parts.reduce((a, b) => (b.span.end - b.span.start < a.span.end - a.span.start ? b : a)).span;
  return {
    contents: { kind: 'markdown', value: parts.map((p) => p.markdown).join('\n\n---\n\n') },
    range: doc.lines.rangeOf(span),
  };
}
