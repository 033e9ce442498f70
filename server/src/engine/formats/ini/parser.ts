/**
 * The oslo.config INI parser (oslo_config/iniparser.py + cfg.ConfigParser),
 * rule for rule, on offsets so that every piece keeps its span.
 *
 * How oslo reads a line (after stripping trailing whitespace):
 * - empty: ends the pending multi-line value;
 * - starts with a space or tab: continues the pending value (joined with
 *   "\n"), or is an "Unexpected continuation line" when none is pending;
 * - otherwise the pending value is complete, and the line is a `[section]`
 *   header, a `#`/`;` comment, or `key = value` / `key: value` (split at the
 *   first `=` or `:`, so `#` later on the line is part of the value).
 *
 * oslo stops at its first error; we record it and read on, so the editor
 * sees the rest of the file. The first error is always the one oslo reports.
 * One pass over the text, no backtracking.
 */
import type { ParseOutcome } from '../../core/parse.js';
import type { Span } from '../../core/text.js';
import type { IniComment, IniContinuationLine, IniDocument, IniEntry, IniSection, IniSyntaxError } from './ast.js';
import { LineCursor, type PhysicalLine } from './lines.js';
import { normalizeGroupName } from './lookup.js';
import { lineErrorMessage, OSLO_MESSAGES, type OsloMessageKind } from './messages.js';
import { lstripStart, rstripEnd } from './python-text.js';

export interface OsloIniParseOptions {
  /**
   * For masked templates: whether `offset` was inside a template tag. Masked
   * statement tags are blanks, and must not make a line look indented (a
   * continuation line) or non-blank.
   */
  readonly isTemplate?: (offset: number) => boolean;
}

/** The outcome of {@link parseOsloIni}: errors also carry oslo.config's own line number. */
export interface IniParseOutcome extends ParseOutcome<IniDocument> {
  readonly errors: readonly IniSyntaxError[];
}

/** Parses an oslo.config INI file (or a masked template of one). */
export function parseOsloIni(text: string, options: OsloIniParseOptions = {}): IniParseOutcome {
  return new OsloIniReader(text, options.isTemplate).read();
}

const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;
const COLON = 0x3a;

/** An assignment whose value may still grow by continuation lines. */
interface PendingEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly separator: '=' | ':';
  readonly separatorSpan: Span;
  readonly valueSpan: Span;
  readonly rawValueSpan: Span;
  readonly quote: '"' | "'" | null;
  readonly continuations: IniContinuationLine[];
  readonly linesStart: number;
  /** End of the text read so far (key line, then each continuation line). */
  end: number;
  /** End of the last physical line read, its line break included. */
  linesEnd: number;
}

/** A section while its entries are being collected. */
interface SectionDraft {
  readonly headerSpan: Span;
  readonly name: string;
  readonly nameSpan: Span;
  readonly group: string;
  readonly valid: boolean;
  readonly entries: IniEntry[];
}

class OsloIniReader {
  private readonly preamble: IniEntry[] = [];
  private readonly sections: IniSection[] = [];
  private readonly comments: IniComment[] = [];
  private readonly errors: IniSyntaxError[] = [];
  private section: SectionDraft | null = null;
  private pending: PendingEntry | null = null;
  /**
   * Set after a line oslo would reject: its indented follow-up lines are
   * skipped quietly rather than each reported as a continuation error.
   */
  private skippingContinuations = false;
  /** 1-based number of the line being read (oslo's `lineno`). */
  private lineNumber = 0;

  constructor(
    private readonly text: string,
    private readonly isTemplate: ((offset: number) => boolean) | undefined,
  ) {}

  read(): IniParseOutcome {
    const line = new LineCursor(this.text);
    while (line.advance()) {
      this.lineNumber++;
      this.readLine(line);
    }
    this.completePending();
    this.closeSection();
    return {
      tree: { preamble: this.preamble, sections: this.sections, comments: this.comments },
      errors: this.errors,
    };
  }

  private readLine(line: PhysicalLine): void {
    const end = rstripEnd(this.text, line.start, line.end);
    const start = this.contentStart(line.start, end);
    if (start >= end || this.isAllTemplate(start, end)) {
      this.completePending();
      this.skippingContinuations = false;
      return;
    }
    const first = this.text.charCodeAt(start);
    if (first === SPACE || first === TAB) {
      this.readContinuation(line, start, end);
      return;
    }
    this.completePending();
    this.skippingContinuations = false;
    const c = this.text[start];
    if (c === '[') this.readHeader(line, start, end);
    else if (c === '#' || c === ';') this.readComment(start, end);
    else this.readAssignment(line, start, end);
  }

  /** Where the line's text starts once blanks left by masked template tags are skipped. */
  private contentStart(lineStart: number, end: number): number {
    const isTemplate = this.isTemplate;
    if (!isTemplate) return lineStart;
    let p = lineStart;
    while (p < end && isTemplate(p)) {
      const c = this.text.charCodeAt(p);
      if (c !== SPACE && c !== TAB) break;
      p++;
    }
    return p;
  }

  /** A line made only of template tags (and blanks) renders as nothing we can read: it counts as blank. */
  private isAllTemplate(start: number, end: number): boolean {
    const isTemplate = this.isTemplate;
    if (!isTemplate) return false;
    for (let p = start; p < end; p++) {
      const c = this.text.charCodeAt(p);
      if (c !== SPACE && c !== TAB && !isTemplate(p)) return false;
    }
    return true;
  }

  private readContinuation(line: PhysicalLine, start: number, end: number): void {
    const pending = this.pending;
    if (pending) {
      const textStart = lstripStart(this.text, start, end);
      pending.continuations.push({ span: { start: textStart, end }, text: this.text.slice(textStart, end) });
      pending.end = end;
      pending.linesEnd = line.breakEnd;
      return;
    }
    if (this.skippingContinuations) return;
    this.lineError('unexpectedContinuation', line, { start: lstripStart(this.text, start, end), end });
    this.skippingContinuations = true;
  }

  private readHeader(line: PhysicalLine, start: number, end: number): void {
    const headerSpan = { start, end };
    let nameSpan: Span;
    let valid = false;
    if (this.text[end - 1] !== ']') {
      this.lineError('noSectionEnd', line, headerSpan);
      nameSpan = { start: start + 1, end };
    } else if (end - start <= 2) {
      this.lineError('emptySectionName', line, headerSpan);
      nameSpan = { start: start + 1, end: end - 1 };
    } else {
      nameSpan = { start: start + 1, end: end - 1 };
      valid = true;
    }
    this.closeSection();
    const name = this.text.slice(nameSpan.start, nameSpan.end);
    this.section = { headerSpan, name, nameSpan, group: normalizeGroupName(name), valid, entries: [] };
  }

  private readComment(start: number, end: number): void {
    const textStart = lstripStart(this.text, start + 1, end);
    this.comments.push({
      span: { start, end },
      marker: this.text.charCodeAt(start) === 0x23 /* # */ ? '#' : ';',
      text: this.text.slice(textStart, end),
    });
  }

  private readAssignment(line: PhysicalLine, start: number, end: number): void {
    const sep = this.findSeparator(start, end);
    if (sep < 0) {
      this.lineError('noSeparator', line, { start, end });
      this.skippingContinuations = true;
      return;
    }
    const keyStart = lstripStart(this.text, start, sep);
    const keyEnd = rstripEnd(this.text, keyStart, sep);
    if (keyStart === keyEnd) {
      this.lineError('emptyKey', line, { start, end });
      this.skippingContinuations = true;
      return;
    }
    const rawValueSpan = { start: lstripStart(this.text, sep + 1, end), end };
    const quote = this.surroundingQuote(rawValueSpan);
    this.pending = {
      key: this.text.slice(keyStart, keyEnd),
      keySpan: { start: keyStart, end: keyEnd },
      separator: this.text[sep] === '=' ? '=' : ':',
      separatorSpan: { start: sep, end: sep + 1 },
      valueSpan: quote ? insideQuotes(rawValueSpan) : rawValueSpan,
      rawValueSpan,
      quote,
      continuations: [],
      linesStart: line.start,
      end,
      linesEnd: line.breakEnd,
    };
  }

  /** The first `=` or `:`, whichever comes first. */
  private findSeparator(start: number, end: number): number {
    for (let p = start; p < end; p++) {
      const c = this.text.charCodeAt(p);
      if (c === EQUALS || c === COLON) return p;
    }
    return -1;
  }

  /** The quote character when the value is wrapped in one matching pair of `"` or `'`. */
  private surroundingQuote(value: Span): '"' | "'" | null {
    if (value.end <= value.start) return null;
    const q = this.text[value.start];
    if ((q === '"' || q === "'") && this.text[value.end - 1] === q) return q;
    return null;
  }

  /** The pending assignment is complete: file it under the current section. */
  private completePending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const firstLine = this.text.slice(p.valueSpan.start, p.valueSpan.end);
    const entry: IniEntry = {
      key: p.key,
      keySpan: p.keySpan,
      separator: p.separator,
      separatorSpan: p.separatorSpan,
      value: p.continuations.length === 0 ? firstLine : [firstLine, ...p.continuations.map((c) => c.text)].join('\n'),
      valueSpan: p.valueSpan,
      rawValueSpan: p.rawValueSpan,
      quote: p.quote,
      continuations: p.continuations,
      span: { start: p.keySpan.start, end: p.end },
      linesSpan: { start: p.linesStart, end: p.linesEnd },
      group: this.section ? this.section.group : null,
    };
    if (this.section) {
      this.section.entries.push(entry);
      return;
    }
    this.preamble.push(entry);
    // oslo raises this when it files the assignment, i.e. at the line being read now.
    this.errors.push({ span: entry.span, message: OSLO_MESSAGES.noSection, osloLine: this.lineNumber });
  }

  private closeSection(): void {
    const s = this.section;
    if (!s) return;
    this.section = null;
    const last = s.entries[s.entries.length - 1];
    const end = last ? Math.max(last.span.end, s.headerSpan.end) : s.headerSpan.end;
    this.sections.push({ ...s, span: { start: s.headerSpan.start, end } });
  }

  private lineError(kind: OsloMessageKind, line: PhysicalLine, span: Span): void {
    const lineText = this.text.slice(line.start, rstripEnd(this.text, line.start, line.end));
    this.errors.push({ span, message: lineErrorMessage(kind, lineText), osloLine: this.lineNumber });
  }
}

/** The part of a quoted value between its quotes (empty for a lone `"`). */
function insideQuotes(value: Span): Span {
  const start = Math.min(value.start + 1, value.end);
  return { start, end: Math.max(start, value.end - 1) };
}

