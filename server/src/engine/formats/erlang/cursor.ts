/**
 * The parser's view of the tokens of one form: a cursor that never moves past
 * the form's terminator, and the syntax errors met so far.
 *
 * Errors are recorded where erl_parse would detect them (the first token
 * that cannot continue a valid form). After an error the parser recovers and
 * goes on; like yacc, it stays quiet until three tokens have been read
 * without trouble, so one mistake does not produce a cascade of messages.
 */
import type { Span } from '../../core/text.js';
import type { ErlangNode } from './ast.js';
import { CLAUSE_PUNCTUATION } from './grammar.js';
import { syntaxErrorBefore } from './messages.js';
import type { Token } from './tokens.js';

/** An error found by the parser (not the scanner). */
export interface ParseErrorRecord {
  readonly span: Span;
  readonly line: number;
  readonly message: string;
}

const QUIET_TOKENS = 3;
/** Past this many errors in one form, the rest are not worth reporting. */
const MAX_ERRORS_PER_FORM = 100;

export class Cursor {
  private pos = 0;
  private limit = 0;
  private terminator!: Token;
  private lastEnd = 0;
  private sinceError = QUIET_TOKENS;
  /** How many constructs are waiting for each closing token (recovery uses it). */
  private readonly open = new Map<string, number>();
  private blockDepth = 0;
  private formErrors = 0;
  readonly errors: ParseErrorRecord[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  /** Restricts the cursor to tokens `[from, to)` followed by `terminator` (a dot or `$end`). */
  startForm(from: number, to: number, terminator: Token): void {
    this.pos = from;
    this.limit = to;
    this.terminator = terminator;
    this.lastEnd = from < to ? this.tokens[from].start : terminator.start;
    this.sinceError = QUIET_TOKENS;
    this.open.clear();
    this.blockDepth = 0;
    this.formErrors = 0;
  }

  get index(): number {
    return this.pos;
  }

  /** True once this form has had as many errors as are worth reporting. */
  get exhausted(): boolean {
    return this.formErrors >= MAX_ERRORS_PER_FORM;
  }

  /** Skips the rest of the form, up to its terminator. */
  skipToFormEnd(): void {
    while (this.pos < this.limit) this.take();
  }

  /** True when only the terminator is left. */
  get atFormEnd(): boolean {
    return this.pos >= this.limit;
  }

  peek(): Token {
    return this.pos < this.limit ? this.tokens[this.pos] : this.terminator;
  }

  peekSecond(): Token {
    return this.pos + 1 < this.limit ? this.tokens[this.pos + 1] : this.terminator;
  }

  at(type: string): boolean {
    return this.peek().type === type;
  }

  /** Consumes the next token (the terminator is never consumed) and returns it. */
  take(): Token {
    const token = this.peek();
    if (this.pos < this.limit) {
      this.pos++;
      this.lastEnd = token.end;
      this.sinceError++;
    }
    return token;
  }

  /** End offset of the last token taken: where the node being built ends. */
  get end(): number {
    return this.lastEnd;
  }

  spanFrom(start: number): Span {
    return { start, end: Math.max(start, this.lastEnd) };
  }

  // ---- errors --------------------------------------------------------------

  /** Records `syntax error before: <token>` at `token`. */
  syntaxError(token: Token): void {
    this.report(token, syntaxErrorBefore(token));
  }

  report(token: Token, message: string, span?: Span): void {
    if (this.sinceError < QUIET_TOKENS || this.formErrors >= MAX_ERRORS_PER_FORM) return;
    this.sinceError = 0;
    this.formErrors++;
    const at = span ?? (token.type === '$end' ? { start: token.start, end: token.start } : { start: token.start, end: token.end });
    this.errors.push({ span: at, line: token.line, message });
  }

  /** An error that does not depend on the token stream (`head mismatch`): always recorded. */
  reportAt(span: Span, line: number, message: string): void {
    this.errors.push({ span, line, message });
  }

  /**
   * A zero-width placeholder where an expression is missing, right after
   * the last token taken: that token belongs to the construct waiting for
   * the expression, so the placeholder lies inside it. (The next token may
   * be far away, past comments, or belong to an enclosing construct.)
   */
  missing(): ErlangNode {
    return { kind: 'error', span: { start: this.lastEnd, end: this.lastEnd } };
  }

  // ---- recovery ------------------------------------------------------------

  enter(closer: string): void {
    this.open.set(closer, (this.open.get(closer) ?? 0) + 1);
  }

  leave(closer: string): void {
    this.open.set(closer, (this.open.get(closer) ?? 1) - 1);
  }

  enterBlock(): void {
    this.blockDepth++;
    this.enter('end');
  }

  leaveBlock(): void {
    this.blockDepth--;
    this.leave('end');
  }

  /**
   * After an error: should the current construct give up here and let an
   * enclosing one handle `token`? Yes at the end of the form, at a closing
   * bracket someone is waiting for, and inside a block at clause punctuation.
   */
  isRecoveryStop(token: Token): boolean {
    if (token.type === 'dot' || token.type === '$end') return true;
    if ((this.open.get(token.type) ?? 0) > 0) return true;
    return this.blockDepth > 0 && CLAUSE_PUNCTUATION.has(token.type);
  }

  /**
   * Expects `closer`; when it is missing, reports the error and skips what
   * cannot belong to an enclosing construct, looking for it.
   */
  close(closer: string): void {
    if (this.at(closer)) {
      this.take();
      return;
    }
    this.syntaxError(this.peek());
    while (!this.at(closer) && !this.isRecoveryStop(this.peek())) this.take();
    if (this.at(closer)) this.take();
  }

  /** Expects `type` and takes it; reports a syntax error (taking nothing) when it is absent. */
  expect(type: string): boolean {
    if (this.at(type)) {
      this.take();
      return true;
    }
    this.syntaxError(this.peek());
    return false;
  }
}
