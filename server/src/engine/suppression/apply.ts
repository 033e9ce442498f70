/**
 * Applies a document's suppression comments to its findings and reports the
 * comments that do not work (CFG005). Runs after every other rule.
 */
import type { RuleSetting } from '../analysis/analyze.js';
import type { AnalyzedDocument } from '../analysis/document.js';
import type { EngineDiagnostic, Severity } from '../core/findings.js';
import { ALL_RULES } from '../rules/index.js';
import { BAD_SUPPRESSION_CODE, badSuppression, badSuppressionDiagnostic, commentRemovalSpan, type BadSuppressionFinding } from './bad-suppression.js';
import type { CodeToken } from './directive.js';
import { codesOf, findSuppressionComments, type SuppressionComment } from './scan.js';

export interface SuppressionOptions {
  /**
   * False for CI policies that refuse inline suppressions (the CLI's
   * `--no-inline-suppressions`): nothing is suppressed, and every suppression
   * comment is reported.
   */
  readonly allowInline: boolean;
  /** The per-rule settings: CFG005's severity, and which rules are off (their suppressions cannot be judged). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Where rule pages live (as in EngineOptions). */
  readonly docsBaseUrl?: string;
}

/** A finding that a comment suppressed. */
export interface SuppressedDiagnostic {
  readonly diagnostic: EngineDiagnostic;
  readonly comment: SuppressionComment;
}

export interface SuppressionOutcome {
  /** The findings still reported (CFG005 not included). */
  readonly kept: EngineDiagnostic[];
  /** The findings a comment suppressed, with that comment (for `--report-suppressions`). */
  readonly suppressed: SuppressedDiagnostic[];
  /** CFG005 findings, unless CFG005 is off. */
  readonly cfg005: EngineDiagnostic[];
  /** Every suppression comment of the document. */
  readonly comments: SuppressionComment[];
}

const DEFAULT_DOCS_BASE = 'docs/rules/';

let knownCodes: Set<string> | undefined;
function isKnownCode(code: string): boolean {
  knownCodes ??= new Set([...ALL_RULES.map((r) => r.code), BAD_SUPPRESSION_CODE]);
  return knownCodes.has(code);
}

/** What one comment means once read: the codes it suppresses and what is wrong with it. */
interface Evaluation {
  readonly comment: SuppressionComment;
  readonly active: Set<string>;
  readonly problems: BadSuppressionFinding[];
}

function removeComment(doc: AnalyzedDocument, c: SuppressionComment) {
  return { title: 'Remove this suppression comment', edits: [{ span: commentRemovalSpan(doc, c.span, c.ownLine), newText: '' }] };
}

/** For a comment naming several codes: rewrite its list without `token`. */
function removeCode(c: SuppressionComment, token: CodeToken) {
  const tokens = codesOf(c);
  const rest = tokens.filter((t) => t !== token).map((t) => t.code);
  const span = { start: tokens[0].span.start, end: tokens[tokens.length - 1].span.end };
  return { title: `Remove ${token.code} from this suppression`, edits: [{ span, newText: rest.join(', ') }] };
}

function tokenProblem(doc: AnalyzedDocument, c: SuppressionComment, token: CodeToken, message: string): BadSuppressionFinding {
  const fixes = codesOf(c).length > 1 ? [removeCode(c, token), removeComment(doc, c)] : [removeComment(doc, c)];
  return { span: token.span, message, fixes };
}

function evaluate(doc: AnalyzedDocument, c: SuppressionComment): Evaluation {
  const active = new Set<string>();
  const problems: BadSuppressionFinding[] = [];
  const whole = (message: string) => problems.push({ span: c.span, message, fixes: [removeComment(doc, c)] });
  const d = c.directive;
  if (d.kind === 'unknown-directive') {
    whole(`Unknown suppression directive '${d.word}': write mq-harden-disable-next-line or mq-harden-disable-file`);
    return { comment: c, active, problems };
  }
  if (!c.ownLine) {
    whole('A suppression comment must stand on a line of its own: this one suppresses nothing');
    return { comment: c, active, problems };
  }
  if (d.codes.length === 0) {
    whole('This suppression comment names no rule code');
    return { comment: c, active, problems };
  }
  if (d.reason === '') {
    const codes = d.codes.map((t) => t.code).join(', ');
    whole(`The suppression of ${codes} gives no reason: add '-- why it is acceptable' after the codes; until then it suppresses nothing`);
  }
  for (const token of d.codes) {
    if (!token.wellFormed) problems.push(tokenProblem(doc, c, token, `'${doc.source.text.slice(token.span.start, token.span.end)}' is not a rule code`));
    else if (!isKnownCode(token.code)) problems.push(tokenProblem(doc, c, token, `Unknown rule code ${token.code}: nothing to suppress`));
    else if (token.code === BAD_SUPPRESSION_CODE) {
      problems.push(tokenProblem(doc, c, token, `${BAD_SUPPRESSION_CODE} cannot be suppressed by a comment: set it to "off" in the rule settings instead`));
    } else if (d.reason !== '') active.add(token.code);
  }
  return { comment: c, active, problems };
}

/** Indexes of `diagnostics` (sorted by start line in `order`) whose start line lies in `first..last`. */
function* startingWithin(diagnostics: readonly EngineDiagnostic[], order: readonly number[], first: number, last: number): Iterable<number> {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (diagnostics[order[mid]].range.start.line < first) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < order.length && diagnostics[order[i]].range.start.line <= last; i++) yield order[i];
}

/**
 * For each finding a comment suppresses, the first such comment (in document
 * order); and for each comment, the codes it suppressed something of. Each
 * next-line comment looks up the findings of its lines, so the cost follows
 * the findings near comments, not findings × comments.
 */
function match(evaluations: readonly Evaluation[], diagnostics: readonly EngineDiagnostic[]) {
  const order = diagnostics.map((_, i) => i).sort((a, b) => diagnostics[a].range.start.line - diagnostics[b].range.start.line);
  const by = new Map<number, Evaluation>();
  const used = new Map<Evaluation, Set<string>>(evaluations.map((e) => [e, new Set()]));
  for (const e of evaluations) {
    if (e.active.size === 0 || e.comment.directive.kind !== 'directive') continue;
    const covers = e.comment.covers;
    const candidates = e.comment.directive.scope === 'file' ? order : covers ? startingWithin(diagnostics, order, covers.first, covers.last) : [];
    for (const i of candidates) {
      if (!e.active.has(diagnostics[i].code)) continue;
      used.get(e)!.add(diagnostics[i].code);
      if (!by.has(i)) by.set(i, e);
    }
  }
  return { by, used };
}

function unusedMessage(c: SuppressionComment, code: string): string {
  if (c.directive.kind === 'directive' && c.directive.scope === 'file') return `${code} does not fire anywhere in this file: the suppression is not needed`;
  const target = c.covers?.target;
  if (target === undefined) return `${code} does not fire below this comment: only blank lines and comments follow it`;
  return `${code} does not fire on the next setting (line ${target + 1}): the suppression is not needed there`;
}

function refused(doc: AnalyzedDocument, c: SuppressionComment): BadSuppressionFinding {
  return {
    span: c.span,
    message: 'Inline suppressions are not allowed here (--no-inline-suppressions): this comment suppresses nothing',
    fixes: [removeComment(doc, c)],
  };
}

function severityOf(rules: SuppressionOptions['rules']): Severity | undefined {
  const configured = rules?.[BAD_SUPPRESSION_CODE];
  return configured === 'off' ? undefined : (configured ?? badSuppression.defaultSeverity);
}

/**
 * Splits `diagnostics` into the ones kept and the ones suppressed by the
 * document's comments, and reports bad comments as CFG005:
 * - a next-line comment suppresses its codes on the lines it covers (see
 *   scan.ts), a file comment everywhere;
 * - a comment without a reason suppresses nothing;
 * - a code that does not fire where its comment points is reported, except
 *   when the file has a syntax error (most rules did not run) or the rule is off.
 */
export function applySuppressions(doc: AnalyzedDocument, diagnostics: readonly EngineDiagnostic[], options: SuppressionOptions): SuppressionOutcome {
  const comments = findSuppressionComments(doc);
  const severity = severityOf(options.rules);
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE;
  const toDiagnostics = (findings: BadSuppressionFinding[]) => (severity ? findings.map((f) => badSuppressionDiagnostic(doc, f, severity, docsBase)) : []);
  if (comments.length === 0) return { kept: [...diagnostics], suppressed: [], cfg005: [], comments };
  if (!options.allowInline) return { kept: [...diagnostics], suppressed: [], cfg005: toDiagnostics(comments.map((c) => refused(doc, c))), comments };

  const evaluations = comments.map((c) => evaluate(doc, c));
  const { by, used } = match(evaluations, diagnostics);
  const kept: EngineDiagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  diagnostics.forEach((d, i) => {
    const e = by.get(i);
    if (e) suppressed.push({ diagnostic: d, comment: e.comment });
    else kept.push(d);
  });

  const problems: BadSuppressionFinding[] = [];
  const judgeable = !diagnostics.some((d) => d.code === 'CFG001');
  for (const e of evaluations) {
    for (const p of e.problems) problems.push(p);
    if (!judgeable) continue;
    for (const token of codesOf(e.comment)) {
      if (!e.active.has(token.code) || used.get(e)!.has(token.code) || options.rules?.[token.code] === 'off') continue;
      problems.push(tokenProblem(doc, e.comment, token, unusedMessage(e.comment, token.code)));
    }
  }
  problems.sort((a, b) => a.span.start - b.span.start);
  return { kept, suppressed, cfg005: toDiagnostics(problems), comments };
}

/** Kept findings and CFG005 together, in document order (what a host reports). */
export function reportedDiagnostics(outcome: SuppressionOutcome): EngineDiagnostic[] {
  return [...outcome.kept, ...outcome.cfg005].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}
