/**
 * The syntax tree of an Erlang-term file (classic rabbitmq.config,
 * advanced.config, inter_node_tls.config).
 *
 * The tree is an *expression* tree: it can hold anything Erlang's
 * expression grammar allows, because broken configs contain variables,
 * operators and calls. Only some nodes are terms (what file:consult/1
 * returns): atoms, numbers, strings, lists, tuples, maps, binaries and
 * `fun M:F/A`. Everything else is reported as `bad term` (or, with
 * `allowCalls`, calls and funs are accepted as opaque values).
 *
 * Every node carries the span of its text (parentheses around a node are not
 * part of it, as in Erlang's own abstract format).
 */
import type { SyntaxError } from '../../core/parse.js';
import type { Span } from '../../core/text.js';

// ---- terms ----------------------------------------------------------------

export interface AtomNode {
  readonly kind: 'atom';
  readonly span: Span;
  readonly name: string;
  /** Written as `'…'` in the source. */
  readonly quoted: boolean;
}

/**
 * An integer: decimal (`5671`, `1_000`), based (`16#FF`) or a character
 * literal (`$a` is 97). Erlang integers are unbounded, hence `bigint`.
 */
export interface IntegerNode {
  readonly kind: 'integer';
  readonly span: Span;
  readonly value: bigint;
  readonly notation: 'decimal' | 'based' | 'char';
  /** A sign written in front of the literal (`-1`, `- 1`, `+$a`); `value` includes it. */
  readonly sign: '-' | '+' | null;
}

export interface FloatNode {
  readonly kind: 'float';
  readonly span: Span;
  readonly value: number;
  readonly sign: '-' | '+' | null;
}

/**
 * A string literal, possibly several adjacent ones (`"a" "b"` is `"ab"`).
 * In Erlang a string *is* a list of character codes; see the accessors.
 */
export interface StringNode {
  readonly kind: 'string';
  readonly span: Span;
  /** The decoded characters (escapes resolved). */
  readonly value: string;
  /** The span of each adjacent literal, quotes included. */
  readonly pieces: readonly Span[];
}

/** `[a, b]`, `[]`, or with a tail: `[a | T]`. */
export interface ListNode {
  readonly kind: 'list';
  readonly span: Span;
  readonly elements: readonly ErlangNode[];
  /** The node after `|`, or null for a plain list. */
  readonly tail: ErlangNode | null;
}

export interface TupleNode {
  readonly kind: 'tuple';
  readonly span: Span;
  readonly elements: readonly ErlangNode[];
}

export interface MapEntry {
  readonly span: Span;
  readonly key: ErlangNode;
  readonly value: ErlangNode;
  /** `=>` builds a map; `:=` (update an existing key) is not allowed in a term. */
  readonly operator: '=>' | ':=';
}

/** `#{k => v}`, or a map update `Base#{…}` (never a term). */
export interface MapNode {
  readonly kind: 'map';
  readonly span: Span;
  readonly base: ErlangNode | null;
  readonly entries: readonly MapEntry[];
}

/** A bit syntax type specifier: `utf8`, `little`, `unit:8`. */
export interface TypeSpecifier {
  readonly span: Span;
  readonly name: string;
  /** The integer after `:` (`unit:8`), or null. */
  readonly value: bigint | null;
}

/** One segment of a binary: `Value:Size/Type-Specifiers`. */
export interface BinarySegment {
  readonly span: Span;
  readonly value: ErlangNode;
  readonly size: ErlangNode | null;
  readonly types: readonly TypeSpecifier[];
}

/** A sequence of bits; `bitLength` may not be a multiple of 8. */
export interface BitString {
  /** Big-endian bit order; the last byte holds the trailing bits in its high end. */
  readonly bytes: Uint8Array;
  readonly bitLength: number;
}

/** `<<"guest">>`, `<<1,2>>`, `<<"é"/utf8>>`. */
export interface BinaryNode {
  readonly kind: 'binary';
  readonly span: Span;
  readonly segments: readonly BinarySegment[];
  /**
   * The bits it builds, filled in when the whole term is valid; undefined
   * when the segments cannot be built (a `bad term`).
   */
  readonly bits?: BitString;
}

/**
 * A fun: `fun mod:name/1` (`form: 'external'`, the only fun that is a term),
 * `fun name/1` (`'local'`) or `fun (…) -> … end` (`'clauses'`).
 */
export interface FunNode {
  readonly kind: 'fun';
  readonly span: Span;
  readonly form: 'external' | 'local' | 'clauses';
  /** For `external`/`local`: the module (external only), name and arity nodes. */
  readonly module: ErlangNode | null;
  readonly name: ErlangNode | null;
  readonly arity: ErlangNode | null;
}

// ---- expressions that are never terms ----------------------------------

export interface VarNode {
  readonly kind: 'var';
  readonly span: Span;
  readonly name: string;
}

/** A function call `f(…)`, `m:f(…)`. Only accepted with `allowCalls`. */
export interface CallNode {
  readonly kind: 'call';
  readonly span: Span;
  /** An atom, a `remote` node (`m:f`), or any other expression. */
  readonly callee: ErlangNode;
  readonly args: readonly ErlangNode[];
}

/** `m:f` without a call. */
export interface RemoteNode {
  readonly kind: 'remote';
  readonly span: Span;
  readonly module: ErlangNode;
  readonly function: ErlangNode;
}

/** A prefix operator: `-X`, `not X`, `catch X`. (A sign on a number literal is folded into it.) */
export interface PrefixNode {
  readonly kind: 'prefix';
  readonly span: Span;
  readonly operator: string;
  readonly operand: ErlangNode;
}

/** A binary operator, including match `=` and send `!`. */
export interface InfixNode {
  readonly kind: 'infix';
  readonly span: Span;
  readonly operator: string;
  readonly left: ErlangNode;
  readonly right: ErlangNode;
}

/**
 * Any other Erlang construct: records, blocks, `case`, `if`, `receive`,
 * `try`, comprehensions. Kept so that the rest of a broken file still has a
 * tree; `children` are its sub-expressions in source order.
 */
export interface OtherExpressionNode {
  readonly kind: 'expression';
  readonly span: Span;
  readonly form: ExpressionForm;
  readonly children: readonly ErlangNode[];
}

export type ExpressionForm =
  | 'record' | 'record_index' | 'record_field'
  | 'block' | 'if' | 'case' | 'receive' | 'try'
  | 'list_comprehension' | 'binary_comprehension';

/** Where the parser expected an expression and found none (only in a file with errors). */
export interface ErrorNode {
  readonly kind: 'error';
  readonly span: Span;
}

export type ErlangNode =
  | AtomNode | IntegerNode | FloatNode | StringNode | ListNode | TupleNode | MapNode | BinaryNode | FunNode
  | VarNode | CallNode | RemoteNode | PrefixNode | InfixNode | OtherExpressionNode | ErrorNode;

// ---- the document ----------------------------------------------------------

/** A `%` comment, up to (not including) the end of its line. */
export interface ErlangComment {
  readonly span: Span;
  /** The text after the `%` signs and leading blanks. */
  readonly text: string;
}

/** One term of the file, terminated by a dot (`[…].`). */
export interface ErlangForm {
  /** From the first token to the dot (or the last token when the dot is missing). */
  readonly span: Span;
  /** The term; null when the form is empty or nothing could be parsed. */
  readonly term: ErlangNode | null;
  /**
   * All comma-separated expressions of the form. A valid form has exactly
   * one; `a, b.` is a `bad term` whose second expression is kept here.
   */
  readonly expressions: readonly ErlangNode[];
  /** The terminating dot, or null when the file ends without one. */
  readonly dot: Span | null;
}

export interface ErlangDocument {
  readonly forms: readonly ErlangForm[];
  readonly comments: readonly ErlangComment[];
}

/**
 * A syntax error as file:consult/1 reports it.
 *
 * `span` points at the culprit. For most errors it lies on the line Erlang
 * reports; for `bad term` Erlang reports the line where the whole term
 * *starts* while `span` marks the offending variable, call or operator, and
 * for a missing final dot `span` is the point after the last token. `line`
 * is always Erlang's line.
 */
export interface ErlangSyntaxError extends SyntaxError {
  /** The 1-based line file:consult/1 reports (lines counted by `\n`, as Erlang does). */
  readonly line: number;
  /** The Erlang module that reports it: the scanner or the parser. */
  readonly module: 'erl_scan' | 'erl_parse';
}

export interface ErlangParseOptions {
  /**
   * Accept function calls and funs (as `call` / `fun` nodes) instead of
   * reporting `bad term`: for `inter_node_tls.config`, which Erlang reads
   * with `-ssl_dist_optfile` by evaluating the expression.
   */
  readonly allowCalls?: boolean;
}
