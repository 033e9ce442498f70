/**
 * The assignment being read: oslo.config keeps a `key = value` open while
 * indented lines follow, and files it only at the next blank or unindented
 * line. Until then only offsets are kept; the {@link IniEntry}, its strings
 * and its spans are made once, when the assignment is complete.
 *
 * One instance serves a whole parse (the reader reuses it for every
 * assignment), so an open assignment costs no allocation.
 */
import type { Span } from '../../core/text.js';
import type { IniContinuationLine, IniEntry } from './ast.js';

/** What `continuations` holds for the (many) entries without any. Frozen: it is shared. */
const NO_CONTINUATIONS: readonly IniContinuationLine[] = Object.freeze([]);

const EQUALS = 0x3d;

/** A quote character, or the empty string for none (a string either way keeps the field's type stable). */
type Quote = '"' | "'" | '';

/** The open assignment, as offsets; see the top of this file. */
export class PendingEntry {
  /** Whether an assignment is open; the other fields mean nothing otherwise. */
  open = false;
  private keyStart = 0;
  private keyEnd = 0;
  /** Offset of the `=` or `:`. */
  private separator = 0;
  /** The first line's value as written, quotes included. */
  private rawStart = 0;
  private rawEnd = 0;
  /** The quote wrapping the first line's value, or the empty string for none. */
  private quote: Quote = '';
  /** Start of the key's physical line. */
  private linesStart = 0;
  /** End of the text read so far (key line, then each continuation line). */
  private end = 0;
  /** End of the last physical line read, its line break included. */
  private linesEnd = 0;
  /** Created on the first continuation line only. */
  private continuations: IniContinuationLine[] | null = null;

  constructor(private readonly text: string) {}

  /**
   * Opens the assignment `key <separator> raw` on the line
   * `[lineStart, lineBreakEnd)`, whose text ends at `rawEnd`.
   */
  begin(keyStart: number, keyEnd: number, separator: number, rawStart: number, rawEnd: number, lineStart: number, lineBreakEnd: number): void {
    this.open = true;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
    this.separator = separator;
    this.rawStart = rawStart;
    this.rawEnd = rawEnd;
    this.quote = surroundingQuote(this.text, rawStart, rawEnd);
    this.linesStart = lineStart;
    this.end = rawEnd;
    this.linesEnd = lineBreakEnd;
    this.continuations = null;
  }

  /** Appends the indented line whose text (blanks stripped) is `[start, end)`. */
  continueWith(start: number, end: number, lineBreakEnd: number): void {
    const line: IniContinuationLine = { span: { start, end }, text: this.text.slice(start, end) };
    if (this.continuations === null) this.continuations = [line];
    else this.continuations.push(line);
    this.end = end;
    this.linesEnd = lineBreakEnd;
  }

  /** Closes the assignment and returns it as filed under `group` (null before any section). */
  finish(group: string | null): IniEntry {
    this.open = false;
    const text = this.text;
    const rawValueSpan = { start: this.rawStart, end: this.rawEnd };
    const valueSpan = this.quote === '' ? rawValueSpan : insideQuotes(this.rawStart, this.rawEnd);
    const continuations = this.continuations ?? NO_CONTINUATIONS;
    this.continuations = null;
    return {
      key: text.slice(this.keyStart, this.keyEnd),
      keySpan: { start: this.keyStart, end: this.keyEnd },
      separator: text.charCodeAt(this.separator) === EQUALS ? '=' : ':',
      separatorSpan: { start: this.separator, end: this.separator + 1 },
      value: joinedValue(text.slice(valueSpan.start, valueSpan.end), continuations),
      valueSpan,
      rawValueSpan,
      quote: this.quote === '' ? null : this.quote,
      continuations,
      span: { start: this.keyStart, end: this.end },
      linesSpan: { start: this.linesStart, end: this.linesEnd },
      group,
    };
  }
}

/** The quote character when `text[start, end)` is wrapped in one matching pair of `"` or `'`; else the empty string. */
function surroundingQuote(text: string, start: number, end: number): Quote {
  if (end <= start) return '';
  const q = text.charCodeAt(start);
  if ((q === 0x22 || q === 0x27) && text.charCodeAt(end - 1) === q) return q === 0x22 ? '"' : "'";
  return '';
}

/** The part of a quoted value between its quotes (empty for a lone `"`). */
function insideQuotes(start: number, end: number): Span {
  const inner = Math.min(start + 1, end);
  return { start: inner, end: Math.max(inner, end - 1) };
}

/** oslo.config's value: the first line, then each continuation line, joined with "\n". */
function joinedValue(firstLine: string, continuations: readonly IniContinuationLine[]): string {
  let value = firstLine;
  for (let k = 0; k < continuations.length; k++) value += '\n' + continuations[k].text;
  return value;
}
