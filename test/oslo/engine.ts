/**
 * Runs the engine with the OSLO and QPID rules, whether or not the engine
 * registers them yet: analyze() gives the CFG findings (and ours, once
 * registered); otherwise our rules run here on the same document, with the
 * same severity handling. Also a fix-all over that set, with the lead's
 * fix-all semantics (passes of non-overlapping safe fixes).
 */
import type { EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import type { AnalyzedDocument, SourceDocument } from '../../server/src/engine/analysis/document.js';
import { applySpanEdits } from '../../server/src/engine/analysis/edits.js';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import type { FixProposal, Severity, SpanEdit } from '../../server/src/engine/core/findings.js';
import type { Span } from '../../server/src/engine/core/text.js';
import { spansOverlap } from '../../server/src/engine/core/text.js';
import type { RuleContext } from '../../server/src/engine/rules/context.js';
import { findRule } from '../../server/src/engine/rules/index.js';
import { OSLO_RULES } from '../../server/src/engine/rules/oslo/index.js';
import { QPID_RULES } from '../../server/src/engine/rules/qpid/index.js';
import type { Rule } from '../../server/src/engine/rules/rule.js';
import type { AccountProvider } from '../../server/src/engine/workspace/index.js';

/** A finding in offsets, with the fixes as the rule proposed them. */
export interface Lint {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly line: number;
  readonly fixes: readonly FixProposal[];
}

export interface LintResult {
  readonly document: AnalyzedDocument;
  readonly findings: readonly Lint[];
  readonly internalErrors: readonly { code: string; error: unknown }[];
}

const OURS: readonly Rule[] = [...OSLO_RULES, ...QPID_RULES];

/** True once the engine itself runs our rules. */
export function engineRegistersOurRules(): boolean {
  return findRule('OSLO101') !== undefined;
}

function context(doc: AnalyzedDocument, options: EngineOptions, accounts?: AccountProvider): RuleContext {
  return { doc, options, rabbit: () => undefined, here: () => undefined, ...(accounts ? { accounts } : {}) } as RuleContext;
}

/** Analyses a file with every rule; `accounts` is the workspace index OSLO202 reads. */
export function lint(source: SourceDocument, options: EngineOptions = {}, accounts?: AccountProvider): LintResult {
  const result = analyze(source, options);
  if (!result) throw new Error(`${source.path}: not a file mq-harden reads`);
  const doc = result.document;
  const findings: Lint[] = result.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    span: d.span,
    line: d.range.start.line + 1,
    fixes: d.fixes.map((f) => ({
      title: f.title,
      safe: f.safe,
      ...(f.preferred ? { preferred: true } : {}),
      edits: f.edits.map((e) => ({ span: { start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end) }, newText: e.newText })),
    })),
  }));
  const internalErrors = [...result.internalErrors];
  const registered = engineRegistersOurRules();
  const ctx = context(doc, options, accounts);
  for (const rule of OURS) {
    // Registered rules ran in analyze(), except that OSLO202 needs the accounts only we pass here.
    if (registered && !(rule.code === 'OSLO202' && accounts)) continue;
    if (!rule.languages.includes(doc.language) || options.rules?.[rule.code] === 'off') continue;
    try {
      for (const f of rule.check(ctx)) {
        const configured = options.rules?.[rule.code];
        const severity = configured && configured !== 'off' ? configured : (f.severity ?? rule.defaultSeverity);
        findings.push({ code: rule.code, severity, message: f.message, span: f.span, line: doc.lines.lineOf(f.span.start) + 1, fixes: f.fixes ?? [] });
      }
    } catch (error) {
      internalErrors.push({ code: rule.code, error });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { document: doc, findings, internalErrors };
}

/** The codes found, sorted, one per finding. */
export function codes(result: LintResult): string[] {
  return result.findings.map((f) => f.code).sort();
}

/** fix-all: every safe fix, pass after pass, as analysis/fix-all.ts does. */
export function fixAllWithOurs(source: SourceDocument, options: EngineOptions = {}): string {
  if (engineRegistersOurRules()) return fixAll(source, options).text;
  let text = source.text;
  for (let pass = 0; pass < 8; pass++) {
    const { findings } = lint({ path: source.path, text }, options);
    const taken: SpanEdit[] = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safe);
      if (!fix) continue;
      if (fix.edits.some((e) => taken.some((t) => spansOverlap(e.span, t.span) || e.span.start === t.span.start))) continue;
      taken.push(...fix.edits);
    }
    if (taken.length === 0) break;
    const next = applySpanEdits(text, taken);
    if (next === text) break;
    text = next;
  }
  return text;
}
