/**
 * Masks an ERB (Chef, Puppet `.erb`) or EPP (Puppet `.epp`) template.
 *
 * Tags: `<% code %>`, `<%- code -%>` (whitespace trimming), `<%= expr %>`,
 * `<%== expr %>` (Erubi's unescaped output), `<%# comment %>`, EPP's
 * parameter header `<%- | $a, $b | -%>`. `<%%` renders a literal `<%`, and
 * `%%>` inside a tag is a literal `%>`. As in ERB itself, a tag ends at the
 * first `%>`: the code inside is not tokenized for that.
 */
import type { Span } from '../../core/text.js';
import { BlockTracker } from '../block-tracker.js';
import { MaskBuilder } from '../mask-builder.js';
import { ForwardSearch, lineEndFrom } from '../scan.js';
import type { MaskedDocument, TemplateSpanKind } from '../types.js';
import { RubyBlockReader } from './ruby-blocks.js';

export function maskErb(text: string): MaskedDocument {
  const out = new MaskBuilder(text, 'erb');
  const blocks = new BlockTracker();
  const reader = new RubyBlockReader(blocks);
  const closers = new CloserSearch(text);

  let pos = 0;
  for (let open = text.indexOf('<%', pos); open >= 0; open = text.indexOf('<%', pos)) {
    if (text[open + 2] === '%') {
      // `<%%` renders `<%`: keep those two characters, adjacent to what follows.
      out.addEscape({ start: open, end: open + 3 }, ' <%');
      pos = open + 3;
      continue;
    }
    const opener = readOpener(text, open);
    const codeStart = open + opener.length;
    const close = closers.closeAfter(codeStart);
    let end: number;
    let codeEnd: number;
    if (close < 0) {
      out.addError({ start: open, end: codeStart }, `unclosed ERB tag '${opener.text}'`);
      end = codeEnd = lineEndFrom(text, open);
    } else {
      end = close + 2;
      codeEnd = text[close - 1] === '-' && close - 1 >= codeStart ? close - 1 : close;
    }
    const tag: Span = { start: open, end };
    out.addTag(tag, opener.kind);
    if (opener.kind !== 'comment') reader.readTag(text, { start: codeStart, end: codeEnd }, tag);
    pos = end;
  }
  blocks.finish(text.length);
  return out.build(blocks);
}

interface Opener {
  readonly text: string;
  readonly length: number;
  readonly kind: TemplateSpanKind;
}

/** The opening delimiter at `open` (`<%`, `<%-`, `<%=`, `<%==`, `<%#`) and what it makes of the tag. */
function readOpener(text: string, open: number): Opener {
  const third = text[open + 2];
  if (third === '#') return { text: '<%#', length: 3, kind: 'comment' };
  if (third === '=') {
    return text[open + 3] === '=' ? { text: '<%==', length: 4, kind: 'expression' } : { text: '<%=', length: 3, kind: 'expression' };
  }
  if (third === '-') return { text: '<%-', length: 3, kind: 'statement' };
  return { text: '<%', length: 2, kind: 'statement' };
}

/**
 * Finds the `%>` that closes a tag, skipping the literal `%%>`. Remembers
 * where none is left, so that many unclosed tags do not each rescan the
 * rest of the text.
 */
class CloserSearch {
  private readonly search: ForwardSearch;
  private absentFrom = Infinity;

  constructor(private readonly text: string) {
    this.search = new ForwardSearch(text);
  }

  /** Offset of the closing `%>` for code starting at `from`, or -1. */
  closeAfter(from: number): number {
    if (from >= this.absentFrom) return -1;
    let close = this.search.indexOf('%>', from);
    while (close > from && this.text[close - 1] === '%') close = this.search.indexOf('%>', close + 2);
    if (close < 0) this.absentFrom = from;
    return close;
  }
}
