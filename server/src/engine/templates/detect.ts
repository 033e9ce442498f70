/**
 * Is this file a template, and in which dialect?
 *
 * First by extension (`nova.conf.j2`, `rabbitmq.config.epp`, also with a
 * `__tag` appended: `rabbitmq.config.j2__2018`), then by content — charms
 * name their Jinja templates like the rendered file (`rabbitmq.config`).
 *
 * Content detection must never fire on a plain file of our formats, where
 * braces and percent signs are ordinary: in Erlang terms `{{a, b}, c}` and
 * `}}` are nested tuples, `#{` opens a map and `%` a comment; in INI files
 * `%` and `{` are value characters. So only unambiguous tags count.
 */
import { hasPlaceholders } from './placeholder/mask-placeholder.js';
import { ForwardSearch, identifierEnd, isIdentifierPart, isIdentifierStart, isWhitespace, lineEndFrom, skipWhitespace } from './scan.js';
import type { TemplateDialect } from './types.js';

/** The syntax family of the file underneath: Erlang terms, or a line-based format (INI, rabbitmq.conf, env files). */
export type FormatHint = 'erlang' | 'line';

const DIALECT_BY_EXTENSION: Readonly<Record<string, TemplateDialect>> = {
  j2: 'jinja',
  jinja: 'jinja',
  jinja2: 'jinja',
  tmpl: 'jinja',
  tpl: 'jinja',
  erb: 'erb',
  epp: 'erb',
};

const ERLANG_EXTENSIONS = new Set(['config', 'erl', 'hrl', 'schema', 'partial', 'app', 'src', 'escript', 'term', 'terms']);

/** Jinja statement names that may open a `{% … %}` tag. */
const JINJA_STATEMENTS = new Set([
  'if', 'elif', 'else', 'endif', 'for', 'endfor', 'set', 'endset', 'raw', 'endraw', 'macro', 'endmacro', 'call',
  'endcall', 'include', 'import', 'from', 'block', 'endblock', 'extends', 'with', 'endwith', 'filter', 'endfilter',
  'autoescape', 'endautoescape', 'trans', 'pluralize', 'endtrans', 'do', 'break', 'continue',
]);

/** A `{{ … }}` longer than this is not looked into: real expressions are short. */
const MAX_EXPRESSION_LENGTH = 256;

/**
 * The template dialect of a file, or undefined for a plain file.
 * `formatHint` says what the file underneath is; without it, it is guessed
 * from the name and the first significant character.
 */
export function detectTemplateDialect(fileName: string, text: string, formatHint?: FormatHint): TemplateDialect | undefined {
  const format = formatHint ?? guessFormat(fileName, text);
  // `@` cannot appear in Erlang outside quotes, so `@NAME@` there can only be a placeholder.
  const placeholder = format === 'erlang' && hasPlaceholders(text) ? 'placeholder' : undefined;
  return dialectFromFileName(fileName) ?? dialectFromContent(text, format) ?? placeholder;
}

/** By extension alone; `name.ext__anything` counts as `name.ext`. */
export function dialectFromFileName(fileName: string): TemplateDialect | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const candidates = [base];
  for (let i = base.indexOf('__'); i > 0; i = base.indexOf('__', i + 2)) candidates.push(base.slice(0, i));
  for (const name of candidates) {
    const dialect = DIALECT_BY_EXTENSION[extensionOf(name)];
    if (dialect) return dialect;
  }
  return undefined;
}

/** By unambiguous template tags in the text. */
export function dialectFromContent(text: string, format: FormatHint): TemplateDialect | undefined {
  if (text.startsWith('#jinja2:')) return 'jinja';
  const search = new ForwardSearch(text);
  const statementEnds = new CloserOnLine(text, '%}');
  const expressionEnds = new CloserOnLine(text, '}}');
  // Only `{` and `<` can open a tag: jump from one to the next with the native search
  // (every plain file of every analysis is scanned here), in document order.
  let brace = text.indexOf('{');
  let angle = text.indexOf('<');
  while (brace >= 0 || angle >= 0) {
    if (angle < 0 || (brace >= 0 && brace < angle)) {
      const next = text[brace + 1];
      if (next === '%' && isJinjaStatement(text, brace, statementEnds)) return 'jinja';
      if (next === '#' && isJinjaComment(text, brace, search)) return 'jinja';
      if (next === '{' && isJinjaExpression(text, brace, format, expressionEnds)) return 'jinja';
      brace = text.indexOf('{', brace + 1);
    } else {
      if (text[angle + 1] === '%' && isErbTag(text, angle, search)) return 'erb';
      angle = text.indexOf('<', angle + 1);
    }
  }
  return undefined;
}

/** Erlang terms or a line format, from the extension, else from the first significant character. */
export function guessFormat(fileName: string, text: string): FormatHint {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  for (const part of base.split('__')) if (ERLANG_EXTENSIONS.has(extensionOf(part))) return 'erlang';
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    const c = text[i];
    // Comment lines in either family: Erlang `%`, INI `#` and `;`.
    if (c === '%' || c === '#' || c === ';') i = lineEndFrom(text, i);
    else break;
  }
  if (text[i] === '{') return 'erlang';
  if (text[i] === '[') {
    const next = text[skipWhitespace(text, i + 1)];
    if (next === '{' || next === ']' || next === undefined) return 'erlang';
  }
  return 'line';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** `{%` + optional `-`/`+` + a Jinja statement name, closed by `%}` on the same line. */
function isJinjaStatement(text: string, open: number, ends: CloserOnLine): boolean {
  let i = open + 2;
  if (text[i] === '-' || text[i] === '+') i++;
  i = skipWhitespace(text, i);
  const end = identifierEnd(text, i);
  if (!JINJA_STATEMENTS.has(text.slice(i, end))) return false;
  return ends.find(end) >= 0;
}

/** `{#` + whitespace or `-`, closed by `#}` later: Erlang never writes `#}` outside strings and comments. */
function isJinjaComment(text: string, open: number, search: ForwardSearch): boolean {
  const after = text.charCodeAt(open + 2);
  if (!isWhitespace(after) && text[open + 2] !== '-') return false;
  return search.indexOf('#}', open + 2) >= 0;
}

/** `<%` followed by `=`, `-`, `#` or whitespace, and a `%>` later. */
function isErbTag(text: string, open: number, search: ForwardSearch): boolean {
  const third = text[open + 2];
  if (third !== '=' && third !== '-' && third !== '#' && !isWhitespace(text.charCodeAt(open + 2))) return false;
  return search.indexOf('%>', open + 2) >= 0;
}

/**
 * `{{ … }}` on one line whose inside cannot be read as Erlang terms or
 * Python format text: it has a filter `|` (outside a list), a call `(`, a
 * dotted name (`a.b`, Go's `.Values`), a trim sign before a name
 * (`{{- x`); or, outside Erlang files, it is a lone name with spaces around
 * (`{{ var }}`), which in Erlang would be a tuple holding an atom.
 */
function isJinjaExpression(text: string, open: number, format: FormatHint, ends: CloserOnLine): boolean {
  const close = ends.find(open + 2);
  if (close < 0 || close - open > MAX_EXPRESSION_LENGTH) return false;
  let from = open + 2;
  let to = close;
  if (text[from] === '-' && isWhitespaceOrNameStart(text.charCodeAt(from + 1))) {
    const afterSign = skipWhitespace(text, from + 1, to);
    if (isIdentifierStart(text.charCodeAt(afterSign))) return true;
  }
  if (text[from] === '-' || text[from] === '+') from++;
  if (text[to - 1] === '-') to--;
  if (hasNonErlangSyntax(text, from, to)) return true;
  if (format === 'erlang') return false;
  const nameStart = skipWhitespace(text, from, to);
  const nameEnd = identifierEnd(text, nameStart, to);
  return nameStart > from && nameEnd > nameStart && skipWhitespace(text, nameEnd, to) === to && nameEnd < to;
}

function isWhitespaceOrNameStart(code: number): boolean {
  return isWhitespace(code) || isIdentifierStart(code);
}

/** A `|` outside brackets, a `(`, or a dot between name characters, outside quotes. */
function hasNonErlangSyntax(text: string, from: number, to: number): boolean {
  let quote = 0;
  let squareDepth = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i];
    if (quote !== 0) {
      if (code === 0x5c) i++;
      else if (code === quote) quote = 0;
    } else if (ch === "'" || ch === '"') {
      quote = code;
    } else if (ch === '[') {
      squareDepth++;
    } else if (ch === ']') {
      squareDepth = Math.max(0, squareDepth - 1);
    } else if ((ch === '|' && squareDepth === 0) || ch === '(') {
      return true;
    } else if (ch === '.' && isIdentifierStart(text.charCodeAt(i + 1)) && (i === from || isIdentifierPart(text.charCodeAt(i - 1)) || isWhitespace(text.charCodeAt(i - 1)))) {
      return true;
    }
  }
  return false;
}

/**
 * Finds a closing delimiter on the same line as an offset. Asked for
 * increasing offsets, it remembers its last answers (the next closer and the
 * next line break never move backwards), so a line of many openers is still
 * read once.
 */
class CloserOnLine {
  private closeFrom = -1;
  private close = -1;
  private breakFrom = -1;
  private lineBreak = -1;

  constructor(
    private readonly text: string,
    private readonly closer: string,
  ) {}

  find(from: number): number {
    if (this.closeFrom < 0 || from < this.closeFrom || (this.close >= 0 && this.close < from)) {
      this.closeFrom = from;
      this.close = this.text.indexOf(this.closer, from);
    }
    if (this.breakFrom < 0 || from < this.breakFrom || this.lineBreak < from) {
      this.breakFrom = from;
      this.lineBreak = lineEndFrom(this.text, from);
    }
    return this.close >= 0 && this.close < this.lineBreak ? this.close : -1;
  }
}
