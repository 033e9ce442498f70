import type { EngineDiagnostic, Finding, Fix, Severity } from '../core/findings.js';
import { LineIndex } from '../core/text.js';
import { detectLanguage, type DetectedLanguage } from '../languages/detect.js';
import type { LanguageId } from '../languages/ids.js';
import { analyzeWithLanguage } from '../languages/support.js';
import { ALL_RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { rabbitModelOf } from '../model/rabbitmq/index.js';
import type { RabbitModel } from '../model/rabbitmq/types.js';
import { hasSyntaxErrorFinding } from '../rules/cfg/syntax-error.js';
import { applySuppressions, reportedDiagnostics, type SuppressedDiagnostic } from '../suppression/index.js';
import type { RuleContext } from '../rules/context.js';
import type { AnalyzedDocument, SourceDocument } from './document.js';
import { offerableFixes } from './fix-policy.js';
import type { AccountProvider } from '../workspace/index.js';
import { rabbitConfigurationFiles, type WorkspaceHost } from './workspace.js';

/** A rule's severity as configured: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** How a host wants the engine to behave. Every field is optional. */
export interface EngineOptions {
  /** Per-rule severity overrides, e.g. `{ "RMQ103": "off", "OSLO103": "error" }`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Force a language instead of detecting it (`--language`, the editor's mode). */
  readonly language?: LanguageId;
  /** Where rule pages live; `<base><CODE>.md` is each diagnostic's link. */
  readonly docsBaseUrl?: string;
  /** Access to sibling files (rabbitmq.conf + conf.d + advanced.config form one configuration). */
  readonly host?: WorkspaceHost;
  /**
   * The oslo.messaging release of the deployment (a series name like `zed`
   * or a version like `14.0`): decides which options are deprecated, renamed
   * or removed. Default: the newest in the catalog.
   */
  readonly osloRelease?: string;
  /**
   * Check the key, certificate and CA files a configuration names on this
   * machine (RMQ111, RMQ112) through `host.stat`. Off unless the host asks:
   * a configuration is often checked far from the broker it is meant for.
   */
  readonly checkFiles?: boolean;
  /** Honour `mq-harden-disable-…` comments (default). `false`: report each of them instead (a CI policy). */
  readonly inlineSuppressions?: boolean;
  /** The broker accounts of every service file the host knows (OSLO202: one account per service). */
  readonly accounts?: AccountProvider;
}

/** A rule that threw: reported to the host's log, never to the user as a finding. */
export interface InternalError {
  readonly code: string;
  readonly error: unknown;
}

export interface AnalysisResult {
  readonly document: AnalyzedDocument;
  /** What to show: findings not suppressed, plus CFG005 for bad suppression comments. */
  readonly diagnostics: readonly EngineDiagnostic[];
  /** Findings silenced by a suppression comment, with the comment. */
  readonly suppressed: readonly SuppressedDiagnostic[];
  readonly internalErrors: readonly InternalError[];
}

export const DEFAULT_DOCS_BASE_URL = 'docs/rules/';

function effectiveSeverity(rule: Rule, finding: Finding, options: EngineOptions): Severity | undefined {
  const configured = options.rules?.[rule.code];
  if (configured === 'off') return undefined;
  return configured ?? finding.severity ?? rule.defaultSeverity;
}

function toDiagnostic(doc: AnalyzedDocument, rule: Rule, finding: Finding, severity: Severity, docsBase: string): EngineDiagnostic {
  const fixes: Fix[] = offerableFixes(doc, finding.fixes ?? []).map((f) => ({
    title: f.title,
    safe: f.safe,
    ...(f.preferred ? { preferred: true } : {}),
    ...(f.command ? { command: f.command } : {}),
    edits: f.edits.map((e) => ({ range: doc.lines.rangeOf(e.span), newText: e.newText })),
  }));
  return {
    code: rule.code,
    severity,
    message: finding.message,
    range: doc.lines.rangeOf(finding.span),
    span: finding.span,
    codeDescription: { href: `${docsBase}${rule.code}.md` },
    source: 'mq-harden',
    fixes,
  };
}

/** Builds the models of a file whose language is known. */
export function buildDocument(source: SourceDocument, detected: DetectedLanguage, options: Pick<EngineOptions, 'osloRelease'> = {}): AnalyzedDocument {
  return analyzeWithLanguage(source, detected, new LineIndex(source.text), options.osloRelease);
}

/** The other files of the document's RabbitMQ configuration, built without rules. */
function rabbitSiblings(doc: AnalyzedDocument, host: WorkspaceHost | undefined): AnalyzedDocument[] {
  const out: AnalyzedDocument[] = [];
  for (const path of rabbitConfigurationFiles(doc.source.path, host)) {
    if (path === doc.source.path) {
      out.push(doc);
      continue;
    }
    const text = host?.readFile(path);
    const detected = text === undefined ? undefined : detectLanguage(path, text);
    if (text !== undefined && detected && (detected.language === 'rabbitmq-conf' || detected.language === 'rabbitmq-config')) {
      out.push(buildDocument({ path, text }, detected));
    }
  }
  return out;
}

function ruleContext(doc: AnalyzedDocument, options: EngineOptions): RuleContext {
  let model: RabbitModel | undefined;
  let built = false;
  return {
    doc,
    options,
    ...(options.accounts ? { accounts: options.accounts } : {}),
    rabbit() {
      if (!built) {
        built = true;
        const isRabbit = (doc.language === 'rabbitmq-conf' || doc.language === 'rabbitmq-config') && doc.variant !== 'inter-node-tls';
        // A file RabbitMQ would refuse to read has no meaning to reason about: CFG001 first.
        const files = isRabbit ? rabbitSiblings(doc, options.host) : [];
        model = isRabbit && !files.some((f) => hasSyntaxErrorFinding(f)) ? rabbitModelOf(files) : undefined;
      }
      return model;
    },
    here(origin) {
      return origin && origin.path === doc.source.path ? origin.span : undefined;
    },
  };
}

/**
 * Every applicable rule's findings on a built document, before suppression
 * comments are applied. On a document with a syntax error (reported or not)
 * the findings keep only the fixes that edit no text: see fix-policy.ts.
 */
export function collectFindings(doc: AnalyzedDocument, options: EngineOptions = {}): { diagnostics: EngineDiagnostic[]; internalErrors: InternalError[] } {
  const ctx = ruleContext(doc, options);
  const diagnostics: EngineDiagnostic[] = [];
  const internalErrors: InternalError[] = [];
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
  for (const rule of ALL_RULES) {
    if (!rule.languages.includes(doc.language)) continue;
    if (options.rules?.[rule.code] === 'off') continue;
    try {
      for (const finding of rule.check(ctx)) {
        const severity = effectiveSeverity(rule, finding, options);
        if (severity) diagnostics.push(toDiagnostic(doc, rule, finding, severity, docsBase));
      }
    } catch (error) {
      // One broken rule must not cost the user the other rules' findings.
      internalErrors.push({ code: rule.code, error });
    }
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { diagnostics, internalErrors };
}

/** Runs every applicable rule over a built document, then applies its suppression comments. */
export function runRules(doc: AnalyzedDocument, options: EngineOptions = {}): AnalysisResult {
  const { diagnostics, internalErrors } = collectFindings(doc, options);
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
  const outcome = applySuppressions(doc, diagnostics, { allowInline: options.inlineSuppressions !== false, rules: options.rules, docsBaseUrl: docsBase });
  return { document: doc, diagnostics: reportedDiagnostics(outcome), suppressed: outcome.suppressed, internalErrors };
}

/**
 * Analyses one file: detects its language (unless forced), parses it, runs
 * the rules. Returns `undefined` for a file that is none of ours.
 */
export function analyze(source: SourceDocument, options: EngineOptions = {}): AnalysisResult | undefined {
  const found = detectLanguage(source.path, source.text);
  // A forced language keeps the variant only when detection agrees on the language.
  const detected: DetectedLanguage | undefined = options.language
    ? { language: options.language, reason: 'override', ...(found?.language === options.language && found.variant ? { variant: found.variant } : {}) }
    : found;
  if (!detected) return undefined;
  return runRules(buildDocument(source, detected, options), options);
}
