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
 * One pass over the text, no backtracking. Speed comes from allocating
 * little: no object per line (lines.ts), comments kept as offsets until they
 * are read (comment-list.ts), an open assignment kept as offsets until it is
 * complete (pending-entry.ts).
 */
import type { ParseOutcome } from '../../core/parse.js';
import type { Span } from '../../core/text.js';
import type { IniDocument, IniEntry, IniSection, IniSyntaxError } from './ast.js';
import { CommentList } from './comment-list.js';
import { LineCursor, type PhysicalLine } from './lines.js';
import { normalizeGroupName } from './lookup.js';
import { lineErrorMessage, OSLO_MESSAGES, type OsloMessageKind } from './messages.js';
import { PendingEntry } from './pending-entry.js';
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
const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

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
  private readonly comments: CommentList;
  private readonly errors: IniSyntaxError[] = [];
  private section: SectionDraft | null = null;
  private readonly pending: PendingEntry;
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
  ) {
    this.comments = new CommentList(text);
    this.pending = new PendingEntry(text);
  }

  read(): IniParseOutcome {
    const line = new LineCursor(this.text);
    while (line.advance()) {
      this.lineNumber++;
      this.readLine(line);
    }
    this.completePending();
    this.closeSection();
    this.comments.trim();
    const comments = this.comments;
    return {
      tree: {
        preamble: this.preamble,
        sections: this.sections,
        // Built on first read (see comment-list.ts); still an own, enumerable property like the others.
        get comments() {
          return comments.toArray();
        },
      },
      errors: this.errors,
    };
  }

  private readLine(line: PhysicalLine): void {
    const text = this.text;
    const end = rstripEnd(text, line.start, line.end);
    const start = this.isTemplate ? this.contentStart(line.start, end) : line.start;
    if (start >= end || (this.isTemplate && this.isAllTemplate(start, end))) {
      this.endOfAssignment();
      return;
    }
    const first = text.charCodeAt(start);
    if (first === SPACE || first === TAB) {
      this.readContinuation(line, start, end);
      return;
    }
    this.endOfAssignment();
    if (first === HASH || first === SEMICOLON) this.comments.add(start, end);
    else if (first === OPEN_BRACKET) this.readHeader(line, start, end);
    else this.readAssignment(line, start, end);
  }

  /** A blank or unindented line: the open assignment, if any, is complete, and so is any skipping. */
  private endOfAssignment(): void {
    if (this.pending.open) this.completePending();
    this.skippingContinuations = false;
  }

  /** Where the line's text starts once blanks left by masked template tags are skipped. */
  private contentStart(lineStart: number, end: number): number {
    const isTemplate = this.isTemplate!;
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
    const isTemplate = this.isTemplate!;
    for (let p = start; p < end; p++) {
      const c = this.text.charCodeAt(p);
      if (c !== SPACE && c !== TAB && !isTemplate(p)) return false;
    }
    return true;
  }

  private readContinuation(line: PhysicalLine, start: number, end: number): void {
    if (this.pending.open) {
      this.pending.continueWith(lstripStart(this.text, start, end), end, line.breakEnd);
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
    if (this.text.charCodeAt(end - 1) !== CLOSE_BRACKET) {
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

  private readAssignment(line: PhysicalLine, start: number, end: number): void {
    const text = this.text;
    const sep = this.findSeparator(start, end);
    if (sep < 0) {
      this.lineError('noSeparator', line, { start, end });
      this.skippingContinuations = true;
      return;
    }
    const keyStart = lstripStart(text, start, sep);
    const keyEnd = rstripEnd(text, keyStart, sep);
    if (keyStart === keyEnd) {
      this.lineError('emptyKey', line, { start, end });
      this.skippingContinuations = true;
      return;
    }
    this.pending.begin(keyStart, keyEnd, sep, lstripStart(text, sep + 1, end), end, line.start, line.breakEnd);
  }

  /** The first `=` or `:`, whichever comes first. */
  private findSeparator(start: number, end: number): number {
    for (let p = start; p < end; p++) {
      const c = this.text.charCodeAt(p);
      if (c === EQUALS || c === COLON) return p;
    }
    return -1;
  }

  /** The pending assignment is complete: file it under the current section. */
  private completePending(): void {
    if (!this.pending.open) return;
    const section = this.section;
    const entry = this.pending.finish(section ? section.group : null);
    if (section) {
      section.entries.push(entry);
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
    const last = s.entries.length > 0 ? s.entries[s.entries.length - 1] : undefined;
    const end = last ? Math.max(last.span.end, s.headerSpan.end) : s.headerSpan.end;
    this.sections.push({
      headerSpan: s.headerSpan,
      name: s.name,
      nameSpan: s.nameSpan,
      group: s.group,
      valid: s.valid,
      entries: s.entries,
      span: { start: s.headerSpan.start, end },
    });
  }

  private lineError(kind: OsloMessageKind, line: PhysicalLine, span: Span): void {
    const lineText = this.text.slice(line.start, rstripEnd(this.text, line.start, line.end));
    this.errors.push({ span, message: lineErrorMessage(kind, lineText), osloLine: this.lineNumber });
  }
}
