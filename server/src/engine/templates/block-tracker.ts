/**
 * Nesting of template control blocks, and the conditional regions it yields.
 *
 * Each dialect decides what opens, divides and closes a block (`{% if %}`,
 * `{% else %}`, `{% endif %}`; Ruby's `if … end`; Puppet's `if … { … }`);
 * this tracker keeps the stack and turns the bodies into
 * {@link MaskedDocument.conditional} regions.
 *
 * Regions are reported for the outermost conditional blocks only, one per
 * branch: a nested body lies inside its parent's region anyway, so the
 * list stays sorted and disjoint and can be binary-searched.
 */
import type { Span } from '../core/text.js';

/** One open block. */
export interface BlockFrame {
  /** The dialect's name for the block: `if`, `for`, `do`, `{`, `go:range`… */
  readonly name: string;
  /** Whether its body may be rendered zero or several times. */
  readonly conditional: boolean;
  /** The tag that opened it. */
  readonly openTag: Span;
  /** Where the current branch's body starts (the end of the tag that began it). */
  bodyStart: number;
  /** A conditional block with no conditional block around it: its bodies become regions. */
  readonly outermost: boolean;
  /** The dialect's name for the tag that began the current branch (`else`…), if not the first. */
  branchName: string | undefined;
}

export class BlockTracker {
  private readonly stack: BlockFrame[] = [];
  private openConditionals = 0;
  /** How many frames of each name are open, so that "is an `if` open?" costs no stack walk. */
  private readonly openByName = new Map<string, number>();
  private readonly found: Span[] = [];
  private controlFlow = false;

  /** Regions found so far, in document order, disjoint. */
  get regions(): readonly Span[] {
    return this.found;
  }

  /** Whether a conditional block has a body made of template text. */
  get hasControlFlow(): boolean {
    return this.controlFlow;
  }

  get depth(): number {
    return this.stack.length;
  }

  top(): BlockFrame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** How many blocks named `name` are open. */
  openCount(name: string): number {
    return this.openByName.get(name) ?? 0;
  }

  /** Opens a block whose opening keyword sits in `tag`. */
  open(name: string, conditional: boolean, tag: Span): BlockFrame {
    const frame: BlockFrame = {
      name,
      conditional,
      openTag: tag,
      bodyStart: tag.end,
      outermost: conditional && this.openConditionals === 0,
      branchName: undefined,
    };
    this.stack.push(frame);
    this.openByName.set(name, this.openCount(name) + 1);
    if (conditional) this.openConditionals++;
    return frame;
  }

  /** Starts a new branch of the innermost block (`else`, `elif`, `when`…) at `tag`. */
  branch(tag: Span, name?: string): void {
    const frame = this.top();
    if (!frame) return;
    this.endBody(frame, tag.start);
    frame.bodyStart = Math.max(frame.bodyStart, tag.end);
    frame.branchName = name;
  }

  /** Closes the innermost block at `tag`. */
  close(tag: Span): BlockFrame | undefined {
    const frame = this.stack.pop();
    if (!frame) return undefined;
    this.endBody(frame, tag.start);
    this.openByName.set(frame.name, this.openCount(frame.name) - 1);
    if (frame.conditional) this.openConditionals--;
    return frame;
  }

  /** Closes every block still open at the end of the text; returns them, innermost first. */
  finish(textEnd: number): BlockFrame[] {
    const unclosed: BlockFrame[] = [];
    while (this.stack.length > 0) {
      const frame = this.close({ start: textEnd, end: textEnd });
      if (frame) unclosed.push(frame);
    }
    return unclosed;
  }

  /** The current branch of `frame` ends at `end`: record it when it holds template text. */
  private endBody(frame: BlockFrame, end: number): void {
    // A block opened and closed inside one tag (`<% if a then b end %>`) has no template body.
    if (end < frame.bodyStart) return;
    if (frame.conditional) this.controlFlow = true;
    if (frame.outermost && end > frame.bodyStart) this.found.push({ start: frame.bodyStart, end });
  }
}
