/**
 * Block structure of the code in ERB (Ruby) and EPP (Puppet) tags, followed
 * across tags, so that the template text between `<% if x %>` and
 * `<% end %>` (or EPP's `<% if $x { %>` … `<% } %>`) becomes a conditional
 * region.
 *
 * The two languages are told apart token by token: an `if` whose condition
 * holds a Puppet `$variable` and is followed by `{` is Puppet's and closes
 * with `}`; otherwise it is Ruby's and closes with `end` (a `{` in a Ruby
 * condition is a hash or a block). Ruby's statement modifiers (`x if y`) open nothing.
 * A template whose blocks do not balance is tolerated: an unmatched closer is
 * ignored, and a block left open runs to the end of the text.
 */
import type { Span } from '../../core/text.js';
import type { BlockTracker } from '../block-tracker.js';
import { rubyTokens, type RubyToken } from './ruby-tokens.js';

type Closer = 'end' | '}';

/** Keywords that open a block only at the start of a statement (otherwise they are modifiers). */
const STATEMENT_OPENERS = new Set(['if', 'unless', 'while', 'until']);
/** Keywords whose block takes an optional `do` after its head. */
const LOOP_HEADS = new Set(['while', 'until', 'for']);
/** Keywords that open a definition whose body is not rendered in place. */
const DEFINITIONS = new Set(['def', 'class', 'module']);

/** A keyword seen, whose block opens once its head ends (`then`, `do`, `{`, `;`, end of line). */
interface PendingHead {
  readonly keyword: string;
  /** Puppet's `} else {`: only a `{` may open it. */
  readonly braceOnly: boolean;
  /** The head reads as Puppet (a `$variable`, or `} else`): a `{` opens the body. */
  puppet: boolean;
}

export class RubyBlockReader {
  /** The closer expected by each open frame of the tracker, innermost last. */
  private readonly closers: Closer[] = [];
  private pending: PendingHead | undefined;
  private atStatementStart = true;
  private bracketDepth = 0;
  /** The previous token closed a `{ … }` block: an `else`/`elsif` now is Puppet's. */
  private afterClosingBrace = false;
  private tag: Span = { start: 0, end: 0 };

  constructor(private readonly blocks: BlockTracker) {}

  /** Reads the code `[code.start, code.end)` of the tag `tag`. */
  readTag(text: string, code: Span, tag: Span): void {
    this.tag = tag;
    this.atStatementStart = true;
    this.bracketDepth = 0;
    for (const token of rubyTokens(text, code.start, code.end)) this.read(token);
    this.endHead();
  }

  private read(token: RubyToken): void {
    const afterBrace = this.afterClosingBrace;
    if (token.kind !== 'newline') this.afterClosingBrace = false;
    if (token.kind === 'newline') {
      if (this.bracketDepth === 0) {
        this.endHead();
        this.atStatementStart = true;
      }
    } else if (token.kind === 'punct') {
      this.readPunct(token.text);
    } else if (token.keyword) {
      this.readKeyword(token.text, afterBrace);
    } else {
      if (this.pending && token.text.startsWith('$')) this.pending.puppet = true;
      this.atStatementStart = false;
    }
  }

  private readPunct(p: string): void {
    switch (p) {
      case '{':
        if (this.pending?.puppet) this.openPending('}');
        else this.open('{', true, '}');
        this.atStatementStart = true;
        return;
      case '}':
        if (this.topCloser() === '}') {
          this.close();
          this.afterClosingBrace = true;
        }
        this.atStatementStart = false;
        return;
      case '(':
        this.bracketDepth++;
        this.atStatementStart = true;
        return;
      case '[':
        this.bracketDepth++;
        this.atStatementStart = false;
        return;
      case ')':
      case ']':
        this.bracketDepth = Math.max(0, this.bracketDepth - 1);
        this.atStatementStart = false;
        return;
      case ';':
        this.endHead();
        this.atStatementStart = true;
        return;
    }
  }

  private readKeyword(word: string, afterBrace: boolean): void {
    const atStart = this.atStatementStart;
    this.atStatementStart = false;
    if (STATEMENT_OPENERS.has(word)) {
      if (atStart) this.pending = { keyword: word, braceOnly: false, puppet: false };
    } else if (word === 'case' || word === 'for') {
      this.pending = { keyword: word, braceOnly: false, puppet: false };
    } else if (word === 'begin') {
      this.open('begin', false, 'end');
      this.atStatementStart = true;
    } else if (DEFINITIONS.has(word)) {
      if (atStart) this.open(word, true, 'end');
    } else if (word === 'do') {
      if (this.pending && LOOP_HEADS.has(this.pending.keyword)) this.openPending('end');
      else this.open('do', true, 'end');
      this.atStatementStart = true;
    } else if (word === 'then') {
      this.endHead();
      this.atStatementStart = true;
    } else if (word === 'elsif' || word === 'else') {
      if (afterBrace) this.pending = { keyword: word, braceOnly: true, puppet: true };
      else if (this.topCloser() === 'end') this.blocks.branch(this.tag);
      this.atStatementStart = word === 'else';
    } else if (word === 'when' || ((word === 'rescue' || word === 'ensure') && atStart)) {
      if (this.topCloser() === 'end') this.blocks.branch(this.tag);
    } else if (word === 'end') {
      this.pending = undefined;
      if (this.topCloser() === 'end') this.close();
    }
  }

  /** The head of a pending keyword ends without `{`: Ruby's block, closed by `end`. */
  private endHead(): void {
    if (this.pending && !this.pending.braceOnly) this.openPending('end');
    this.pending = undefined;
  }

  private openPending(closer: Closer): void {
    const keyword = this.pending?.keyword ?? '{';
    this.pending = undefined;
    this.open(keyword, true, closer);
  }

  private open(name: string, conditional: boolean, closer: Closer): void {
    this.blocks.open(name, conditional, this.tag);
    this.closers.push(closer);
  }

  private close(): void {
    this.blocks.close(this.tag);
    this.closers.pop();
  }

  private topCloser(): Closer | undefined {
    return this.closers[this.closers.length - 1];
  }
}
