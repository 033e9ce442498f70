/**
 * Edits of Erlang-term files that keep the author's layout: new list
 * elements follow the indentation and comma style of their neighbours, a
 * removed element takes exactly one separating comma with it.
 */
import type { SpanEdit } from '../core/findings.js';
import { lineStartOf, type Span } from '../core/text.js';
import type { ErlangDocument, ErlangNode, ListNode } from '../formats/erlang/ast.js';
import { writeAtom, writeString } from '../formats/erlang/messages.js';

/** Children of a node, for walking the tree without recursion. */
function children(n: ErlangNode): readonly ErlangNode[] {
  switch (n.kind) {
    case 'list':
      return n.tail ? [...n.elements, n.tail] : n.elements;
    case 'tuple':
      return n.elements;
    case 'map':
      return n.entries.flatMap((e) => [e.key, e.value]);
    default:
      return [];
  }
}

/** The list node whose span is exactly `span`. */
export function findListAt(doc: ErlangDocument, span: Span): ListNode | undefined {
  const stack: ErlangNode[] = doc.forms.flatMap((f) => (f.term ? [f.term] : []));
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.span.end <= span.start || n.span.start >= span.end) continue;
    if (n.kind === 'list' && n.span.start === span.start && n.span.end === span.end) return n;
    for (const c of children(n)) stack.push(c);
  }
  return undefined;
}

/** The white space before `offset` on its line, when nothing else precedes it there. */
function leadingIndent(text: string, offset: number): string | undefined {
  const start = lineStartOf(text, offset);
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** True when the comma before `element` starts its line (`, {key, value}` style). */
function leadingCommaStyle(text: string, list: ListNode): boolean {
  if (list.elements.length < 2) return false;
  const a = list.elements[list.elements.length - 2];
  const b = list.elements[list.elements.length - 1];
  const between = text.slice(a.span.end, b.span.start);
  const comma = between.indexOf(',');
  return comma >= 0 && /[\r\n]/.test(between.slice(0, comma));
}

/**
 * Adds `elementText` as the last element of `list`, laid out like the
 * existing elements: on its own line with their indentation when they are
 * one per line, inline otherwise.
 */
export function appendToList(text: string, list: ListNode, elementText: string): SpanEdit {
  const nl = lineBreakOf(text);
  if (list.elements.length === 0) {
    // `[]` or `[ ]`, possibly with a comment inside: put the element right after `[`.
    return { span: { start: list.span.start + 1, end: list.span.start + 1 }, newText: elementText };
  }
  const last = list.elements[list.elements.length - 1];
  const multiline = /[\r\n]/.test(text.slice(list.span.start, last.span.start)) || /[\r\n]/.test(text.slice(last.span.end, list.span.end));
  if (!multiline) return { span: { start: last.span.end, end: last.span.end }, newText: `, ${elementText}` };
  const indent = leadingIndent(text, last.span.start);
  if (leadingCommaStyle(text, list)) {
    const commaIndent = leadingIndent(text, text.lastIndexOf(',', last.span.start)) ?? '';
    return { span: { start: last.span.end, end: last.span.end }, newText: `${nl}${commaIndent}, ${elementText}` };
  }
  const pad = indent ?? ' '.repeat(last.span.start - lineStartOf(text, last.span.start));
  return { span: { start: last.span.end, end: last.span.end }, newText: `,${nl}${pad}${elementText}` };
}

/**
 * Removes element `i` of `list` with one separating comma: the one after it
 * (and its line, when the element stood alone on it), or for the last
 * element the one before it.
 */
export function removeListElement(text: string, list: ListNode, i: number): SpanEdit {
  const el = list.elements[i];
  const next = list.elements[i + 1];
  const prev = list.elements[i - 1];
  if (next) {
    const startLine = leadingIndent(text, el.span.start) !== undefined;
    const nextLine = leadingIndent(text, next.span.start) !== undefined;
    if (startLine && nextLine) return { span: { start: lineStartOf(text, el.span.start), end: lineStartOf(text, next.span.start) }, newText: '' };
    return { span: { start: el.span.start, end: next.span.start }, newText: '' };
  }
  // The last element goes with the comma before it; a comment after it stays.
  if (prev) return { span: { start: prev.span.end, end: el.span.end }, newText: '' };
  return { span: el.span, newText: '' };
}

/** An atom as Erlang writes it (quoted when it must be: `'tlsv1.2'`, reserved words). */
export function erlangAtom(name: string): string {
  return writeAtom(name);
}

/** A string literal as Erlang writes it. */
export function erlangString(s: string): string {
  return writeString(s);
}

/** Adds several elements at the end of `list`, each laid out as `appendToList` lays out one. */
export function appendAllToList(text: string, list: ListNode, elements: readonly string[]): SpanEdit | undefined {
  if (elements.length === 0) return undefined;
  const first = appendToList(text, list, elements[0]);
  if (elements.length === 1) return first;
  if (list.elements.length === 0) return { span: first.span, newText: elements.join(', ') };
  // The separator the first element got (`, ` or `,\n    `), reused for the rest.
  const separator = first.newText.slice(0, first.newText.length - elements[0].length);
  return { span: first.span, newText: elements.map((e) => separator + e).join('') };
}

/** The indentation of the line holding `offset`. */
export function indentOfLine(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/**
 * Removes several elements of `list` (not all of them) with their
 * separating commas: each run of neighbouring elements goes with the comma
 * after it, a run at the end with the comma before it.
 */
export function removeListElements(text: string, list: ListNode, indices: readonly number[]): SpanEdit[] {
  const drop = new Set(indices);
  const edits: SpanEdit[] = [];
  let i = 0;
  while (i < list.elements.length) {
    if (!drop.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (drop.has(j + 1)) j++;
    const next = list.elements[j + 1];
    const prev = list.elements[i - 1];
    if (next) {
      const own = leadingIndent(text, list.elements[i].span.start) !== undefined && leadingIndent(text, next.span.start) !== undefined;
      edits.push({ span: { start: own ? lineStartOf(text, list.elements[i].span.start) : list.elements[i].span.start, end: own ? lineStartOf(text, next.span.start) : next.span.start }, newText: '' });
    } else if (prev) {
      edits.push({ span: { start: prev.span.end, end: list.elements[j].span.end }, newText: '' });
    } else {
      edits.push({ span: { start: list.elements[i].span.start, end: list.elements[j].span.end }, newText: '' });
    }
    i = j + 1;
  }
  return edits;
}
