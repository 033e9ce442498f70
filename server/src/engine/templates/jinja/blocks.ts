/**
 * Jinja block structure: which `{% … %}` tags open, divide and close blocks,
 * checked the way Jinja's parser checks them.
 */
import type { Span } from '../../core/text.js';
import type { BlockFrame, BlockTracker } from '../block-tracker.js';
import type { MaskBuilder } from '../mask-builder.js';

/** Blocks whose body may render zero or many times, or not where it stands. */
const CONDITIONAL_BLOCKS = new Set(['if', 'for', 'macro', 'call']);
/** Blocks whose body renders once, in place. */
const PLAIN_BLOCKS = new Set(['filter', 'block', 'with', 'autoescape', 'trans']);
/** Tags that start another branch of an open block. */
const BRANCHES: Readonly<Record<string, readonly string[]>> = {
  if: ['elif', 'else'],
  for: ['else'],
  trans: ['pluralize'],
};

/** What a statement tag says, as far as nesting goes. */
export interface JinjaStatement {
  /** The tag name: `if`, `endfor`, `set`… (empty when the tag has none). */
  readonly name: string;
  /** `{% set x %}…{% endset %}` (no `=`): a block that captures its body. */
  readonly setBlock: boolean;
}

/**
 * Applies one statement tag to the block stack, reporting what Jinja's
 * parser would reject: an end or branch tag that does not fit the
 * innermost open block.
 */
export function applyJinjaStatement(stmt: JinjaStatement, tag: Span, blocks: BlockTracker, out: MaskBuilder): void {
  const { name } = stmt;
  if (CONDITIONAL_BLOCKS.has(name) || (name === 'set' && stmt.setBlock)) {
    blocks.open(name, true, tag);
  } else if (PLAIN_BLOCKS.has(name)) {
    blocks.open(name, false, tag);
  } else if (isBranchName(name)) {
    const top = innermostJinja(blocks);
    if (top && branchesLeft(top).includes(name)) blocks.branch(tag, name);
    else out.addError(tag, unknownTagMessage(name, blocks));
  } else if (name.startsWith('end') && name.length > 3) {
    closeBlock(name, tag, blocks, out);
  }
}

/** Reports every block still open at the end of the text (Jinja's "Unexpected end of template"). */
export function reportUnclosedJinjaBlocks(unclosed: readonly BlockFrame[], out: MaskBuilder): void {
  for (const frame of unclosed) {
    if (isGoFrame(frame)) continue;
    out.addError(frame.openTag, `Unexpected end of template. Jinja was looking for the following tags: ${expectedTags(frame)}. The innermost block that needs to be closed is '${frame.name}'.`);
  }
}

export function isGoFrame(frame: BlockFrame): boolean {
  return frame.name.startsWith('go:');
}

/** Whether a Go action block (`{{ if }}`, `{{ range }}`…) is open anywhere. */
export function isGoBlockOpen(blocks: BlockTracker): boolean {
  return GO_BLOCKS.some((name) => blocks.openCount(name) > 0);
}

const GO_BLOCKS = ['go:if', 'go:range', 'go:with', 'go:define', 'go:block'];

function isBranchName(name: string): boolean {
  return name === 'elif' || name === 'else' || name === 'pluralize';
}

function closeBlock(endName: string, tag: Span, blocks: BlockTracker, out: MaskBuilder): void {
  const opened = endName.slice(3);
  const top = blocks.top();
  if (top && top.name === opened) {
    blocks.close(tag);
    return;
  }
  out.addError(tag, unknownTagMessage(endName, blocks));
  // Recover like a reader would: if the block is open further out, close everything inside it too.
  if (blocks.openCount(opened) === 0) return;
  let closed = blocks.close(tag);
  while (closed && closed.name !== opened) closed = blocks.close(tag);
}

/** The innermost block, when it is a Jinja block (a Go action block on top hides the Jinja ones). */
function innermostJinja(blocks: BlockTracker): BlockFrame | undefined {
  const top = blocks.top();
  return top && !isGoFrame(top) ? top : undefined;
}

/** The branch tags `frame` still accepts: none once its `else` has begun. */
function branchesLeft(frame: BlockFrame): readonly string[] {
  return frame.branchName === 'else' ? [] : BRANCHES[frame.name] ?? [];
}

function expectedTags(frame: BlockFrame): string {
  return [...branchesLeft(frame), `end${frame.name}`].map((t) => `'${t}'`).join(' or ');
}

function unknownTagMessage(name: string, blocks: BlockTracker): string {
  const top = innermostJinja(blocks);
  if (!top) return `Encountered unknown tag '${name}'.`;
  return `Encountered unknown tag '${name}'. Jinja was looking for the following tags: ${expectedTags(top)}. The innermost block that needs to be closed is '${top.name}'.`;
}
