/**
 * Masks a Jinja2 template (Ansible roles, kolla, charms), and the Go
 * text/template actions of Helm charts that share its `{{ … }}` delimiters.
 *
 * The lexer follows Jinja's: the earliest `{{`, `{%` or `{#` opens a tag;
 * `{% raw %}…{% endraw %}` keeps its contents as text; inside a tag, strings
 * and brackets are skipped when looking for its end. Ansible's
 * `#jinja2: …` first line (environment overrides, removed before
 * rendering) counts as a comment.
 */
import type { Span } from '../../core/text.js';
import { BlockTracker } from '../block-tracker.js';
import { MaskBuilder } from '../mask-builder.js';
import { ForwardSearch, identifierEnd, isLineBreak, isWhitespace, lineEndFrom, skipWhitespace } from '../scan.js';
import type { MaskedDocument, TemplateSpanKind } from '../types.js';
import { applyJinjaStatement, isGoBlockOpen, isGoFrame, reportUnclosedJinjaBlocks } from './blocks.js';
import { goCommentEnd, readGoAction, type GoAction } from './go-actions.js';
import { scanJinjaTagEnd } from './tag-end.js';

/** Ansible reads template options from a first line starting with this, and drops the line. */
const ANSIBLE_HEADER = '#jinja2:';

export function maskJinja(text: string): MaskedDocument {
  return new JinjaMasker(text).run();
}

class JinjaMasker {
  private readonly out: MaskBuilder;
  private readonly blocks = new BlockTracker();
  private readonly search: ForwardSearch;
  /**
   * Whether tag ends are found by skipping strings and brackets. After the
   * first malformed tag (where Jinja itself would stop) plain delimiter
   * search takes over: it cannot rescan the rest of the text for every
   * later tag, which keeps broken files linear too.
   */
  private tokenAware = true;
  private pos = 0;
  /** No `{% endraw %}` stands at or after this offset (learnt from a raw block left open). */
  private endrawAbsentFrom = Infinity;

  constructor(private readonly text: string) {
    this.out = new MaskBuilder(text, 'jinja');
    this.search = new ForwardSearch(text);
  }

  run(): MaskedDocument {
    if (this.text.startsWith(ANSIBLE_HEADER)) {
      const end = lineEndFrom(this.text, 0);
      this.out.addTag({ start: 0, end }, 'comment');
      this.pos = end;
    }
    for (let open = this.nextOpening(); open >= 0; open = this.nextOpening()) {
      const kind = this.text[open + 1];
      if (kind === '#') this.comment(open);
      else if (kind === '%') this.statement(open);
      else this.expression(open);
    }
    reportUnclosedJinjaBlocks(this.blocks.finish(this.text.length), this.out);
    return this.out.build(this.blocks);
  }

  /** Offset of the next `{{`, `{%` or `{#` at or after `pos`, or -1. */
  private nextOpening(): number {
    for (let i = this.search.indexOf('{', this.pos); i >= 0; i = this.search.indexOf('{', i + 1)) {
      const next = this.text[i + 1];
      if (next === '{' || next === '%' || next === '#') return i;
    }
    return -1;
  }

  private comment(open: number): void {
    const close = this.search.indexOf('#}', open + 2);
    let end = close + 2;
    if (close < 0) {
      // Jinja's lexer lets an opener that ends the text pass silently.
      const atTextEnd = endsText(this.text, open + 2 + trimMarkerLength(this.text, open + 2));
      end = atTextEnd ? this.text.length : this.unclosed(open, '{#', 'comment');
    }
    this.addTag({ start: open, end }, 'comment');
  }

  private statement(open: number): void {
    const rawEnd = rawTagEnd(this.text, open, 'raw');
    if (rawEnd !== undefined) {
      this.rawBlock({ start: open, end: rawEnd });
      return;
    }
    const { end, closed } = this.tagEnd(open, '%}');
    const tag = { start: open, end };
    this.addTag(tag, 'statement');
    // A tag with no end is reported once; reading it as a block would only add knock-on errors.
    if (!closed) return;
    const nameStart = skipWhitespace(this.text, open + 2 + trimMarkerLength(this.text, open + 2), end);
    const name = this.text.slice(nameStart, identifierEnd(this.text, nameStart, end));
    const setBlock = name === 'set' && !hasAssignment(this.text, nameStart, end);
    applyJinjaStatement({ name, setBlock }, tag, this.blocks, this.out);
  }

  private expression(open: number): void {
    const commentEnd = goCommentEnd(this.text, open, this.search);
    if (commentEnd !== undefined) {
      this.addTag({ start: open, end: commentEnd }, 'comment');
      return;
    }
    const { end, closed } = this.tagEnd(open, '}}');
    const tag = { start: open, end };
    const inner = { start: open + 2, end: closed ? end - 2 : end };
    const action = closed ? readGoAction(this.text, inner, isGoBlockOpen(this.blocks)) : undefined;
    this.addTag(tag, action === undefined ? 'expression' : 'statement');
    if (action) this.applyGoAction(action, tag);
  }

  private applyGoAction(action: GoAction, tag: Span): void {
    const top = this.blocks.top();
    if (action.kind === 'open') this.blocks.open(action.name, action.conditional, tag);
    else if (action.kind === 'branch' && top && isGoFrame(top)) this.blocks.branch(tag);
    else if (action.kind === 'close' && top && isGoFrame(top)) this.blocks.close(tag);
  }

  /** `{% raw %}…{% endraw %}`: both tags are statements, the text between stays as it is. */
  private rawBlock(rawTag: Span): void {
    this.addTag(rawTag, 'statement');
    // Jinja stops at the first raw block left open: later ones are not reported again
    // (a file of many `{% raw %}` would otherwise get one error each).
    if (rawTag.end >= this.endrawAbsentFrom) return;
    for (let i = this.search.indexOf('{%', rawTag.end); i >= 0; i = this.search.indexOf('{%', i + 2)) {
      const end = rawTagEnd(this.text, i, 'endraw');
      if (end !== undefined) {
        this.addTag({ start: i, end }, 'statement');
        return;
      }
    }
    this.endrawAbsentFrom = rawTag.end;
    // As with comments, Jinja lets a raw tag that ends the text (bar the whitespace `-%}` eats) pass.
    const trimsAfter = this.text[rawTag.end - 3] === '-';
    const rest = trimsAfter ? skipWhitespace(this.text, rawTag.end) : rawTag.end;
    if (!endsText(this.text, rest)) this.out.addError(rawTag, `unclosed Jinja raw block: no '{% endraw %}' follows`);
  }

  /**
   * End of the `{{`/`{%` tag opened at `open`; reports and recovers from a
   * malformed one. `closed`: the tag ends with its closing delimiter.
   */
  private tagEnd(open: number, closer: '}}' | '%}'): { end: number; closed: boolean } {
    const opener = closer === '}}' ? '{{' : '{%';
    if (!this.tokenAware) {
      const close = this.search.indexOf(closer, open + 2);
      return close >= 0 ? { end: close + 2, closed: true } : { end: this.unclosed(open, opener, 'tag'), closed: false };
    }
    const scan = scanJinjaTagEnd(this.text, open + 2, closer);
    if (scan.ok) return { end: scan.end, closed: true };
    this.tokenAware = false;
    // Jinja stops at such a tag; the reader most likely meant it to end on its own line.
    const lineEnd = lineEndFrom(this.text, open);
    const close = this.text.slice(open + 2, lineEnd).indexOf(closer);
    if (close < 0) return { end: this.unclosed(open, opener, 'tag'), closed: false };
    this.out.addError(this.openerSpan(open), `${scan.message} '${opener}'`);
    return { end: open + 2 + close + 2, closed: true };
  }

  /** Reports a tag with no end and treats it as running to the end of its line. */
  private unclosed(open: number, opener: string, what: 'tag' | 'comment'): number {
    this.out.addError(this.openerSpan(open), `unclosed Jinja ${what} '${opener}'`);
    return lineEndFrom(this.text, open);
  }

  /** The opening delimiter with its whitespace-control sign (`{{-`, `{%+`). */
  private openerSpan(open: number): Span {
    return { start: open, end: open + 2 + trimMarkerLength(this.text, open + 2) };
  }

  private addTag(span: Span, kind: TemplateSpanKind): void {
    this.out.addTag(span, kind);
    this.pos = span.end;
  }
}

/** Nothing but one final line break follows `at` (Jinja drops that line break before lexing). */
function endsText(text: string, at: number): boolean {
  const rest = text.length - at;
  if (rest === 0) return true;
  if (rest === 1) return isLineBreak(text.charCodeAt(at));
  return rest === 2 && text[at] === '\r' && text[at + 1] === '\n';
}

/** 1 when a whitespace-control sign (`-` or `+`) stands at `at`. */
function trimMarkerLength(text: string, at: number): number {
  return text[at] === '-' || text[at] === '+' ? 1 : 0;
}

/**
 * If `{%[-+] <word> [-+]%}` (any whitespace around the word) starts at
 * `open`, returns the offset just past it.
 */
function rawTagEnd(text: string, open: number, word: 'raw' | 'endraw'): number | undefined {
  let i = skipWhitespace(text, open + 2 + trimMarkerLength(text, open + 2));
  if (!text.startsWith(word, i)) return undefined;
  i += word.length;
  if (!isWhitespace(text.charCodeAt(i)) && text[i] !== '-' && text[i] !== '+' && text[i] !== '%') return undefined;
  i = skipWhitespace(text, i);
  i += trimMarkerLength(text, i);
  return text.startsWith('%}', i) ? i + 2 : undefined;
}

/** Whether an `=` stands in `[from, to)` outside quotes: `{% set x = 1 %}` rather than `{% set x %}`. */
function hasAssignment(text: string, from: number, to: number): boolean {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === 0x5c) i++;
      else if (code === quote) quote = 0;
    } else if (code === 0x27 || code === 0x22) {
      quote = code;
    } else if (code === 0x3d /* = */) {
      return true;
    }
  }
  return false;
}
