/**
 * parseErlangTerms: the whole pipeline, from text to a tree and the errors
 * file:consult/1 would report.
 *
 * file:consult/1 reads the file form by form (a form ends at a dot followed
 * by white space, `%` or the end of the file). For each form it first scans
 * all the tokens up to that dot, then parses them, then converts the parsed
 * expression to a term. It stops at the first error; so the error it reports
 * is, in the first form that has any error: its first scanner error, else
 * its first syntax error, else `bad term` (or `head mismatch`).
 *
 * This parser goes on after errors, so the tree covers the whole file, and
 * orders the errors so that the one Erlang reports comes first.
 */
import type { ParseOutcome } from '../../core/parse.js';
import type { Span } from '../../core/text.js';
import type {
  ErlangComment, ErlangDocument, ErlangForm, ErlangNode, ErlangParseOptions, ErlangSyntaxError,
} from './ast.js';
import { Cursor, type ParseErrorRecord } from './cursor.js';
import { form, type ParsedForm } from './forms.js';
import { Scanner, type ScanError } from './lexer.js';
import { BAD_TERM, HEAD_MISMATCH, TOO_DEEP } from './messages.js';
import { markPlain, reparse, type ErlangReuse } from './incremental.js';
import { readPlainForms } from './plain-terms.js';
import { findNonTerm } from './terms.js';
import type { Token } from './tokens.js';
import { TooDeep, runRule } from './trampoline.js';

export interface ErlangParseOutcome extends ParseOutcome<ErlangDocument> {
  /** The error file:consult/1 reports first, then the others in document order. */
  readonly errors: readonly ErlangSyntaxError[];
}

/** The tokens `[from, to)` of one dot-terminated form, and its terminator. */
interface FormRange {
  readonly from: number;
  readonly to: number;
  /** The dot, or a zero-width `$end` after the last token when the file ends without one. */
  readonly terminator: Token;
}

export function parseErlangTerms(text: string, options: ErlangParseOptions = {}, earlier?: ErlangReuse): ErlangParseOutcome {
  // After an edit, only the element around it when that is certain to give the same tree (incremental.ts).
  const tree = earlier ? reparse(text, earlier) : null;
  if (tree) return { tree, errors: [] };
  return parseWith(text, options, true);
}

/**
 * The same parse with every form through the general rules: what the fast
 * path (plain-terms.ts) must agree with. For tests and benchmarks.
 */
export function parseErlangTermsWithoutFastPath(text: string, options: ErlangParseOptions = {}): ErlangParseOutcome {
  return parseWith(text, options, false);
}

function parseWith(text: string, options: ErlangParseOptions, fastPath: boolean): ErlangParseOutcome {
  const scanner = new Scanner(text);
  const forms: ErlangForm[] = [];
  if (fastPath) {
    // The leading plain forms (usually all of them) without token objects; the rest as tokens.
    const plain = readPlainForms(scanner);
    appendAll(forms, plain.forms);
    if (plain.resume === null) {
      const tree = { forms, comments: scanner.commentsSoFar as ErlangComment[] };
      markPlain(tree);
      return { tree, errors: [] };
    }
    scanner.resumeAt(plain.resume);
  }
  const scanned = scanner.run();
  const { tokens } = scanned;
  const cursor = new Cursor(tokens);
  const errors: ErlangSyntaxError[] = [];
  let scanErrorIndex = 0;

  for (const range of formRanges(tokens)) {
    // Scanner errors of this form: those met before its terminator was scanned.
    const formScanErrors: ScanError[] = [];
    while (scanErrorIndex < scanned.errors.length && scanned.errors[scanErrorIndex].tokenIndex <= range.to) {
      formScanErrors.push(scanned.errors[scanErrorIndex++]);
    }
    const parseErrorsBefore = cursor.errors.length;
    const parsed = parseRange(cursor, range);
    const parseErrors = cursor.errors.slice(parseErrorsBefore);
    for (const p of parsed) forms.push(toForm(p, range));

    let formErrors = formScanErrors.map(fromScanError);
    if (formErrors.length > 0) {
      // Erlang reports the scanner error; syntax errors before it would not be seen.
      const first = formErrors[0].span.start;
      formErrors = formErrors.concat(parseErrors.filter((e) => e.span.start >= first).map(fromParseError));
    } else {
      formErrors = parseErrors.map(fromParseError);
      if (formErrors.length === 0 && parsed.length === 1) {
        const problem = termProblem(parsed[0], tokens, options.allowCalls === true);
        if (problem) formErrors.push(problem);
      }
    }
    appendAll(errors, formErrors.slice(0, 1));
    appendAll(errors, formErrors.slice(1).sort((a, b) => a.span.start - b.span.start));
  }

  // Scanner errors after the last token (e.g. an illegal character at the very end).
  appendAll(errors, scanned.errors.slice(scanErrorIndex).map(fromScanError));

  return { tree: { forms, comments: scanned.comments }, errors };
}

/** Splits the tokens at each dot. A trailing form without a dot ends with `$end`. */
function formRanges(tokens: readonly Token[]): FormRange[] {
  const ranges: FormRange[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === 'dot') {
      ranges.push({ from, to: i, terminator: tokens[i] });
      from = i + 1;
    }
  }
  if (from < tokens.length) {
    const last = tokens[tokens.length - 1];
    ranges.push({ from, to: tokens.length, terminator: { type: '$end', start: last.end, end: last.end, line: last.line } });
  }
  return ranges;
}

/**
 * Nesting limit, in pending grammar rules (a bracket level takes two or
 * three): about 300,000 levels, far beyond any real file (Erlang itself has
 * no limit), while keeping the memory a pathological file can take bounded.
 */
const MAX_RULE_DEPTH = 800_000;

/**
 * A parsed form and where its last token ends. Read as soon as the form is
 * parsed: the cursor then moves on to the next form of the same range.
 */
interface RangeForm extends ParsedForm {
  /** End of the form's last token (its dot aside). */
  readonly end: number;
}

/** Parses one dot-terminated range; more than one form when a missing dot was recovered from. */
function parseRange(cursor: Cursor, range: FormRange): RangeForm[] {
  cursor.startForm(range.from, range.to, range.terminator);
  const parsed: RangeForm[] = [];
  for (;;) {
    const start = cursor.peek().start;
    let result: ParsedForm;
    try {
      result = runRule(form(cursor), MAX_RULE_DEPTH);
    } catch (error) {
      if (!(error instanceof TooDeep)) throw error;
      result = abandon(cursor, start);
    }
    if (result.complete || cursor.atFormEnd) {
      parsed.push({ ...result, end: cursor.end });
      return parsed;
    }
    // Garbage rather than a missing dot: not worth a form per fragment, so
    // the rest of the range (its dot too) goes to this form.
    if (cursor.exhausted) {
      cursor.skipToFormEnd();
      parsed.push({ ...result, complete: true, end: cursor.end });
      return parsed;
    }
    parsed.push({ ...result, end: cursor.end });
  }
}

/** Gives up on a form nested beyond the limit: one error, no tree, and on to the next form. */
function abandon(cursor: Cursor, start: number): ParsedForm {
  const token = cursor.peek();
  cursor.reportAt({ start: token.start, end: token.end }, token.line, TOO_DEEP);
  cursor.skipToFormEnd();
  return { start, expressions: [], clauses: [], complete: true };
}

/**
 * The form's node: from its first token to its dot, or to its last token
 * when it has no dot of its own (the file ends without one, or the parser
 * split the range at a missing dot); parseRange read where that token ends.
 */
function toForm(parsed: RangeForm, range: FormRange): ErlangForm {
  const endsAtDot = parsed.complete && range.terminator.type === 'dot';
  const end = endsAtDot ? range.terminator.end : lastEnd(parsed);
  const term = parsed.expressions[0] ?? null;
  return {
    span: { start: parsed.start, end },
    term,
    expressions: parsed.expressions,
    dot: endsAtDot ? { start: range.terminator.start, end: range.terminator.end } : null,
  };
}

/** Where a form without its dot ends: its last token, trailing commas and skipped tokens included. */
function lastEnd(parsed: RangeForm): number {
  return Math.max(parsed.start, parsed.end);
}

/**
 * What parse_term/1 says about a form that parsed without error: `head
 * mismatch` for a clause not named `f/0`, `bad term` for more than one
 * expression or for a non-term, else nothing.
 */
function termProblem(parsed: ParsedForm, tokens: readonly Token[], allowCalls: boolean): ErlangSyntaxError | null {
  if (parsed.clauses.length > 0) {
    const wrong = parsed.clauses.find((c) => c.name.value !== 'f' || c.arity !== 0);
    // All clauses named f/0 make OTP 25's parse_term crash; that is a broken file too.
    const at = wrong ?? parsed.clauses[0];
    return parserError({ start: at.name.start, end: at.name.end }, at.name.line, wrong ? HEAD_MISMATCH : BAD_TERM);
  }
  const [first, second] = parsed.expressions;
  if (second) return parserError(second.span, lineOfNode(second, tokens), BAD_TERM);
  if (!first) return null;
  const culprit = findNonTerm(first, allowCalls);
  return culprit ? parserError(culprit, lineOfNode(first, tokens), BAD_TERM) : null;
}

/**
 * The line Erlang gives an expression: that of its first token (parentheses
 * aside, as they leave no trace in Erlang's abstract format).
 */
function lineOfNode(node: ErlangNode, tokens: readonly Token[]): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < node.span.start) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo].line;
}

function parserError(span: Span, line: number, message: string): ErlangSyntaxError {
  return { span, line, message, module: 'erl_parse' };
}

/** `push(...items)` without spreading a possibly huge array into one call. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function fromParseError(e: ParseErrorRecord): ErlangSyntaxError {
  return { span: e.span, line: e.line, message: e.message, module: 'erl_parse' };
}

function fromScanError(e: ScanError): ErlangSyntaxError {
  return { span: e.span, line: e.line, message: e.message, module: 'erl_scan' };
}
