/**
 * Text edits on oslo.config INI files that keep the file's layout: new
 * settings go at the end of their section (right after the header in
 * templates, where the section's end may sit inside an `{% if %}`), a
 * missing section is created, line breaks follow the file's own style, and
 * nothing is ever set twice.
 */
import type { SpanEdit } from '../../core/findings.js';
import { lineStartOf } from '../../core/text.js';
import type { IniEntry, IniSection } from '../../formats/ini/index.js';
import type { OsloSettings } from '../../model/oslo/index.js';

/** The file's line break: CRLF when it uses it, LF otherwise. */
export function lineBreakOf(text: string): string {
  // Many fixes of one document ask; scanning a large file each time would add up.
  if (text !== lastText) {
    lastText = text;
    lastBreak = text.includes('\r\n') ? '\r\n' : '\n';
  }
  return lastBreak;
}

let lastText = '';
let lastBreak = '\n';

/** Offset just past the line break of the line holding `offset` (the text's end on the last line). */
export function endOfLine(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const cr = text.indexOf('\r', offset);
  if (lf < 0 && cr < 0) return text.length;
  if (cr >= 0 && (lf < 0 || cr < lf)) return text[cr + 1] === '\n' ? cr + 2 : cr + 1;
  return lf + 1;
}

/** An insertion of whole lines at a line boundary (`at` is a line start or the text's end). */
function insertLines(text: string, at: number, lines: readonly string[]): SpanEdit {
  const eol = lineBreakOf(text);
  const needsBreak = at === text.length && at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r';
  return { span: { start: at, end: at }, newText: (needsBreak ? eol : '') + lines.map((l) => l + eol).join('') };
}

/** The file a fix edits: its text, how oslo reads it, and whether it is a template. */
export interface IniEditTarget {
  readonly settings: OsloSettings;
  readonly text: string;
  /** In a template a section's end may lie inside an `{% if %}`: insert right after headers then. */
  readonly template: boolean;
}

/** Where new settings go in a section. */
function insertionPoint(target: IniEditTarget, section: IniSection): number {
  const last = section.entries[section.entries.length - 1];
  if (!last || target.template) return endOfLine(target.text, section.headerSpan.end);
  return last.linesSpan.end;
}

/** Whether the text ends with an empty line (or is empty). */
function endsWithBlankLine(text: string): boolean {
  return text.length === 0 || /(\r\n|\n|\r)[ \t]*(\r\n|\n|\r)$/.test(text);
}

/**
 * Adds `key = value` lines to `group`: at the end of its first section, or in
 * a new section (`[DEFAULT]` at the top of the file, others at the end).
 */
export function addSettings(target: IniEditTarget, group: string, lines: readonly string[]): SpanEdit {
  const { settings, text } = target;
  const section = settings.sections(group)[0];
  if (section) return insertLines(text, insertionPoint(target, section), lines);
  const eol = lineBreakOf(text);
  const block = [`[${group}]`, ...lines].map((l) => l + eol).join('');
  if (group === 'DEFAULT' && settings.doc.sections.length > 0) {
    const at = lineStartOf(text, settings.doc.sections[0].headerSpan.start);
    return { span: { start: at, end: at }, newText: block + eol };
  }
  const endsWithBreak = /[\r\n]$/.test(text);
  const lead = text.length === 0 ? '' : (endsWithBreak ? '' : eol) + (endsWithBlankLine(text) ? '' : eol);
  return { span: { start: text.length, end: text.length }, newText: lead + block };
}

/** Replaces an entry's whole value (its first line as written, quotes included, and its continuation lines). */
export function replaceValue(entry: IniEntry, value: string): SpanEdit {
  // `key =` with nothing after it: keep the usual blank after the separator.
  const gap = entry.rawValueSpan.start === entry.separatorSpan.end ? ' ' : '';
  return { span: { start: entry.rawValueSpan.start, end: Math.max(entry.rawValueSpan.end, entry.span.end) }, newText: gap + value };
}

/** Deletes an entry's lines (continuation lines included). */
export function removeEntry(entry: IniEntry): SpanEdit {
  return { span: entry.linesSpan, newText: '' };
}

/**
 * Sets `[group] key = value`: replaces the value of the assignment that wins
 * (the last one), or adds the setting.
 */
export function setSetting(target: IniEditTarget, group: string, key: string, value: string): SpanEdit {
  const found = target.settings.assignments(group, key);
  const last = found[found.length - 1];
  if (last) return replaceValue(last.entry, value);
  return addSettings(target, group, [`${key} = ${value}`]);
}
