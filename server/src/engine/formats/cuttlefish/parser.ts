/**
 * The `rabbitmq.conf` parser: cuttlefish's grammar (conf_parse.peg), read
 * line by line with the same ordered choices, so that what it accepts, what
 * values it yields and where it stops match cuttlefish.
 *
 *   line    <- ((setting / include / comment / ws+) (crlf / eof)) / crlf
 *   setting <- ws* key ws* "=" ws* (multiline / quoted / plain) ws* comment?
 *   include <- ws* "include" ws+ [A-Za-z0-9-_.*\/]+ comment?
 *
 * A PEG commits to the first alternative that matches: `a = 'x' y` does not
 * fall back to a plain value once the quoted one matched, and the line fails.
 * cuttlefish stops at the first line it cannot read; this parser records the
 * error and goes on with the next line, so that later lines still get a tree.
 */
import type { ParseOutcome, SyntaxError } from '../../core/parse.js';
import type { Span } from '../../core/text.js';
import type { ConfComment, ConfDocument, ConfEntry, ConfInclude, ConfItem, ConfKeySegment, ConfValueStyle } from './ast.js';
import {
  isBlank,
  isIncludePathChar,
  isWordChar,
  lineBreakAt,
  lineContentEnd,
  nextLineStart,
  scanComment,
  scanPlainValue,
  scanWord,
  skipBlanks,
  trimMultiline,
  unescapeDots,
} from './lexical.js';
import { reasons, syntaxErrorMessage } from './messages.js';

export interface ParseCuttlefishOptions {
  /**
   * Whether the character at `offset` was produced by masking a template tag
   * (see templates/types.ts). Lines made only of such characters are kept as
   * template lines instead of errors, and masked blanks at the very end of a
   * file are not counted into a value.
   */
  readonly isTemplate?: (offset: number) => boolean;
}

/** Parses a `rabbitmq.conf` (or a masked template of one). Never throws. */
export function parseCuttlefish(text: string, options: ParseCuttlefishOptions = {}): ParseOutcome<ConfDocument> {
  return new ConfParser(text, options.isTemplate ?? (() => false)).parse();
}

/** A line that matched, and where the next one starts. */
interface LineMatch {
  readonly item?: ConfItem;
  readonly next: number;
}

/** A line that did not match, and why. */
interface LineFailure {
  readonly reason: string;
}

type LineResult = LineMatch | LineFailure;

function failed<T extends object>(r: T | LineFailure): r is LineFailure {
  return 'reason' in r;
}

/** A setting as far as the grammar's `setting` rule goes (its line break is checked by the caller). */
interface SettingMatch {
  readonly segments: ConfKeySegment[];
  readonly keySpan: Span;
  readonly value: string;
  readonly valueSpan: Span;
  readonly valueStyle: ConfValueStyle;
  readonly comment?: ConfComment;
  readonly end: number;
}
type SettingResult = SettingMatch | LineFailure;

interface IncludeMatch {
  readonly path: string;
  readonly pathSpan: Span;
  readonly comment?: ConfComment;
  readonly end: number;
}
type IncludeResult = IncludeMatch | LineFailure | undefined;

class ConfParser {
  private readonly items: ConfItem[] = [];
  private readonly errors: SyntaxError[] = [];
  /** cuttlefish counts lines by `\n` only. */
  private line = 1;
  /** Offsets from which a search for `'` / `'''` already found none: no need to search again. */
  private noQuoteFrom = Infinity;
  private noTripleQuoteFrom = Infinity;

  constructor(
    private readonly text: string,
    private readonly isTemplate: (offset: number) => boolean,
  ) {}

  parse(): ParseOutcome<ConfDocument> {
    const text = this.text;
    // cuttlefish strips a byte order mark before parsing.
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (pos < text.length) {
      const result = this.parseLine(pos);
      const next = failed(result) ? this.recover(pos, result.reason) : result.next;
      if (!failed(result) && result.item) this.items.push(result.item);
      this.line += countNewlines(text, pos, next);
      pos = next;
    }
    return { tree: buildDocument(this.items), errors: this.errors };
  }

  /** Records the failed line (or keeps it as template text) and skips to the next physical line. */
  private recover(start: number, reason: string): number {
    const text = this.text;
    const next = nextLineStart(text, start);
    const span = { start, end: lineContentEnd(text, start) };
    const extent = { start, end: next };
    if (this.onlyTemplateText(span)) {
      this.items.push({ kind: 'template', span, extent });
      return next;
    }
    const first = skipBlanks(text, start);
    this.errors.push({
      span: { start: Math.min(first, span.end), end: span.end },
      message: syntaxErrorMessage(this.line, reason),
    });
    this.items.push({ kind: 'invalid', span, extent });
    return next;
  }

  private onlyTemplateText(span: Span): boolean {
    let sawTemplate = false;
    for (let i = span.start; i < span.end; i++) {
      if (isBlank(this.text.charCodeAt(i))) continue;
      if (!this.isTemplate(i)) return false;
      sawTemplate = true;
    }
    return sawTemplate;
  }

  private parseLine(start: number): LineResult {
    const text = this.text;
    const blankLine = lineBreakAt(text, start);
    const setting = this.matchSetting(start);
    if (!failed(setting)) return this.finishSetting(start, setting);
    const include = this.matchInclude(start);
    if (include !== undefined) return failed<IncludeMatch>(include) ? include : this.finishInclude(start, include);
    const comment = scanComment(text, start);
    if (comment) return this.finishComment(comment);
    const afterBlanks = skipBlanks(text, start);
    if (afterBlanks > start && this.lineEndAt(afterBlanks) >= 0) return { next: this.lineEndAt(afterBlanks) };
    if (blankLine > 0) return { next: start + blankLine };
    return setting;
  }

  /** `crlf / eof` at `p`: where the next line starts, or -1. */
  private lineEndAt(p: number): number {
    if (p >= this.text.length) return p;
    const n = lineBreakAt(this.text, p);
    return n > 0 ? p + n : -1;
  }

  private finishSetting(start: number, m: SettingMatch): LineResult {
    const next = this.lineEndAt(m.end);
    if (next < 0) {
      const opensMultiline = this.text.startsWith("'''", m.valueSpan.start) && m.valueStyle === 'quoted';
      return { reason: opensMultiline ? reasons.unclosedMultiline() : reasons.afterQuoted() };
    }
    const key = this.text.slice(m.keySpan.start, m.keySpan.end);
    const entry: ConfEntry = {
      kind: 'entry',
      key,
      keySpan: m.keySpan,
      segments: m.segments,
      value: m.value,
      valueSpan: m.valueSpan,
      valueStyle: m.valueStyle,
      ...(m.comment ? { comment: m.comment } : {}),
      span: { start, end: m.end },
      extent: { start, end: next },
      keyTemplated: this.touchesTemplate(m.keySpan),
      valueTemplated: this.touchesTemplate(m.valueSpan),
    };
    return { item: entry, next };
  }

  private touchesTemplate(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) if (this.isTemplate(i)) return true;
    return false;
  }

  private finishInclude(start: number, m: IncludeMatch): LineResult {
    const next = this.lineEndAt(m.end);
    if (next < 0) {
      const c = this.text.charCodeAt(m.end);
      return { reason: isBlank(c) ? reasons.includeTrailing() : reasons.includeBadChar(this.charAt(m.end)) };
    }
    const include: ConfInclude = {
      kind: 'include',
      path: m.path,
      pathSpan: m.pathSpan,
      ...(m.comment ? { comment: m.comment } : {}),
      span: { start, end: m.end },
      extent: { start, end: next },
    };
    return { item: include, next };
  }

  private finishComment(c: { hash: number; end: number }): LineResult {
    // A comment runs to its line break, so `crlf / eof` always follows.
    return { item: this.comment(c), next: this.lineEndAt(c.end) };
  }

  private comment(c: { hash: number; end: number }): ConfComment {
    return { kind: 'comment', span: { start: c.hash, end: c.end }, text: this.text.slice(c.hash + 1, c.end) };
  }

  // --- setting <- ws* key ws* "=" ws* value ws* comment? ------------------

  private matchSetting(start: number): SettingResult {
    const text = this.text;
    const keyStart = skipBlanks(text, start);
    const key = this.matchKey(keyStart);
    if (failed(key)) return key;
    const eq = skipBlanks(text, key.end);
    if (text.charCodeAt(eq) !== 61 /* = */) return { reason: this.whyNoEquals(key.end, text.slice(keyStart, key.end)) };
    const valueStart = skipBlanks(text, eq + 1);
    const value = this.matchValue(valueStart);
    if (!value) return { reason: reasons.noValue(text.slice(keyStart, key.end)) };
    const afterValue = skipBlanks(text, value.end);
    const comment = scanComment(text, afterValue);
    return {
      segments: key.segments,
      keySpan: { start: keyStart, end: key.end },
      value: value.value,
      valueSpan: { start: valueStart, end: value.end },
      valueStyle: value.style,
      ...(comment ? { comment: this.comment(comment) } : {}),
      end: comment ? comment.end : afterValue,
    };
  }

  /** `key <- word ("." word)*` */
  private matchKey(p: number): { segments: ConfKeySegment[]; end: number } | LineFailure {
    const text = this.text;
    const segments: ConfKeySegment[] = [];
    let at = p;
    for (;;) {
      const end = scanWord(text, at);
      if (end === at) break;
      const raw = text.slice(at, end);
      segments.push({ text: unescapeDots(raw), raw, span: { start: at, end } });
      if (text.charCodeAt(end) !== 46 /* . */ || scanWord(text, end + 1) === end + 1) return { segments, end };
      at = end + 1;
    }
    return { reason: reasons.noKey(this.charAt(p)) };
  }

  private whyNoEquals(keyEnd: number, key: string): string {
    const text = this.text;
    const c = text.charCodeAt(keyEnd);
    if (c === 46 /* . */) {
      const after = text.charCodeAt(keyEnd + 1);
      const ordinary = Number.isNaN(after) || isBlank(after) || after === 46 || after === 61 || lineBreakAt(text, keyEnd + 1) > 0;
      return ordinary ? reasons.danglingDot() : reasons.badKeyChar(this.charAt(keyEnd + 1));
    }
    if (isBlank(c) || Number.isNaN(c) || lineBreakAt(text, keyEnd) > 0 || isWordChar(c)) return reasons.noEquals(key);
    return reasons.badKeyChar(this.charAt(keyEnd));
  }

  /** The character at `p` (a whole surrogate pair), or '' at the end of a line. */
  private charAt(p: number): string {
    if (p >= this.text.length || lineBreakAt(this.text, p) > 0) return '';
    return String.fromCodePoint(this.text.codePointAt(p)!);
  }

  /** `multiline_value / escaped_value / unescaped_value`, in that order. */
  private matchValue(p: number): { value: string; style: ConfValueStyle; end: number } | undefined {
    const text = this.text;
    if (text.startsWith("'''", p)) {
      const close = this.findTripleQuote(p + 3);
      if (close >= 0) return { value: trimMultiline(text.slice(p, close + 3)), style: 'multiline', end: close + 3 };
    }
    if (text.charCodeAt(p) === 39 /* ' */) {
      const close = this.findQuote(p + 1);
      if (close >= 0) return { value: text.slice(p + 1, close), style: 'quoted', end: close + 1 };
    }
    let end = scanPlainValue(text, p);
    if (end >= text.length) end = this.dropMaskedTrailingBlanks(p, end);
    return end > p ? { value: text.slice(p, end), style: 'plain', end } : undefined;
  }

  /**
   * At the end of the text cuttlefish keeps trailing blanks in a plain value;
   * blanks that stand for a masked template tag are not the file's own.
   */
  private dropMaskedTrailingBlanks(start: number, end: number): number {
    while (end > start && isBlank(this.text.charCodeAt(end - 1)) && this.isTemplate(end - 1)) end--;
    return end;
  }

  private findQuote(from: number): number {
    if (from >= this.noQuoteFrom) return -1;
    const at = this.text.indexOf("'", from);
    if (at < 0) this.noQuoteFrom = from;
    return at;
  }

  private findTripleQuote(from: number): number {
    if (from >= this.noTripleQuoteFrom) return -1;
    const at = this.text.indexOf("'''", from);
    if (at < 0) this.noTripleQuoteFrom = from;
    return at;
  }

  // --- include <- ws* "include" ws+ path comment? -------------------------

  /** undefined when the line is no include at all (then the setting's error is the one to report). */
  private matchInclude(start: number): IncludeResult {
    const text = this.text;
    const word = skipBlanks(text, start);
    if (!text.startsWith('include', word)) return undefined;
    const pathStart = skipBlanks(text, word + 7);
    if (pathStart === word + 7) return undefined;
    let pathEnd = pathStart;
    while (pathEnd < text.length && isIncludePathChar(text.charCodeAt(pathEnd))) pathEnd++;
    if (pathEnd === pathStart) {
      const found = this.charAt(pathStart);
      return { reason: found === '' ? reasons.includeNoPath() : reasons.includeBadChar(found) };
    }
    const comment = scanComment(text, pathEnd);
    return {
      path: text.slice(pathStart, pathEnd),
      pathSpan: { start: pathStart, end: pathEnd },
      ...(comment ? { comment: this.comment(comment) } : {}),
      end: comment ? comment.end : pathEnd,
    };
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function buildDocument(items: ConfItem[]): ConfDocument {
  const entries: ConfEntry[] = [];
  const comments: ConfComment[] = [];
  const includes: ConfInclude[] = [];
  for (const item of items) {
    if (item.kind === 'entry') {
      entries.push(item);
      if (item.comment) comments.push(item.comment);
    } else if (item.kind === 'comment') {
      comments.push(item);
    } else if (item.kind === 'include') {
      includes.push(item);
      if (item.comment) comments.push(item.comment);
    }
  }
  return { items, entries, comments, includes };
}
