/** The rule part of a hover: every finding whose range holds the cursor, with its rule and page. */
import { DEFAULT_DOCS_BASE_URL } from '../../analysis/analyze.js';
import type { EngineDiagnostic } from '../../core/findings.js';
import { findRule } from '../../rules/index.js';
import { badSuppression, BAD_SUPPRESSION_CODE } from '../../suppression/index.js';
import { escapeMarkdown } from '../shared/markdown.js';
import { contains, type HoverPart } from './part.js';

function ruleLine(code: string, docsBase: string): string {
  const rule = code === BAD_SUPPRESSION_CODE ? badSuppression : findRule(code);
  const title = rule ? `**${code}** ${rule.name} — ${escapeMarkdown(rule.summary)}` : `**${code}**`;
  return `${title} [Documentation](${docsBase}${code}.md)`;
}

/** One line per rule firing at `offset` (each code once), over the union of their spans. */
export function rulesHover(diagnostics: readonly EngineDiagnostic[], offset: number, docsBase = DEFAULT_DOCS_BASE_URL): HoverPart | undefined {
  const here = diagnostics.filter((d) => contains(d.span, offset));
  if (here.length === 0) return undefined;
  const codes = [...new Set(here.map((d) => d.code))];
  return {
    markdown: codes.map((c) => ruleLine(c, docsBase)).join('\n\n'),
    span: { start: Math.min(...here.map((d) => d.span.start)), end: Math.max(...here.map((d) => d.span.end)) },
  };
}
