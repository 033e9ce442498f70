"""Jinja2's own lexer and parser as an oracle for the template masker tests.

Reads one JSON request on stdin and writes one JSON answer on stdout:

  {"spans": [path, ...]}     -> [{"path", "ok", "spans": [[start, end, kind], ...]} | {"path", "ok": false, "error"}]
  {"lex": [source, ...]}     -> the same as "spans", for sources given inline
  {"parse": [source, ...]}   -> [{"ok": true} | {"ok": false, "error"}]
  {"conditional": [path, ...]} -> [{"path", "ok", "flags": [bool, ...]} | {"path", "ok": false, "error"}]
  {"conditionalSources": [source, ...]} -> the same, for sources given inline

`flags` has one entry per {{ }} expression, in document order, from the
parsed template: true when the expression sits in the body of an if/elif/
else, a for loop (or its else), a macro, a call block or a set block, i.e.
where it may render zero or several times.

Span offsets are UTF-16 code units (JavaScript string offsets). `kind` is
"expression" for {{ }}, "statement" for {% %} (raw and endraw included),
"comment" for {# #}. Like Ansible, a first line starting with "#jinja2:"
is removed before lexing and reported as a comment span.

Positions come from the token stream: tokens inside a tag are exact slices
of the source, so a cursor advanced by their lengths stays exact; text and
comment tokens may have been trimmed by whitespace control, so each
delimiter after them is searched for from the cursor (text never contains
an opening delimiter, and a comment never contains its closer).
"""
import json
import sys

import jinja2

ANSIBLE_HEADER = "#jinja2:"
KIND = {"variable": "expression", "block": "statement", "raw": "statement", "comment": "comment"}
BEGIN = {"variable_begin": "variable", "block_begin": "block", "raw_begin": "raw", "comment_begin": "comment"}
END = {"variable_end", "block_end", "comment_end"}


def environment():
    return jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])


def utf16_offsets(text):
    """Maps a code-point index to a UTF-16 offset."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    table = [0]
    for c in text:
        table.append(table[-1] + (2 if ord(c) >= 0x10000 else 1))
    return lambda i: table[i]


def tag_spans(env, source):
    spans = []
    cursor = 0
    open_at = None
    open_kind = None
    for _, token, value in env.lexer.tokeniter(source, "oracle"):
        if token in BEGIN:
            delimiter = value.rstrip()
            open_at = source.index(delimiter, cursor)
            open_kind = BEGIN[token]
            cursor = open_at + len(value)
            if token == "raw_begin":
                spans.append((open_at, open_at + len(delimiter), "statement"))
                open_at = None
        elif token == "raw_end":
            delimiter = value.rstrip()
            at = source.index(delimiter, cursor)
            spans.append((at, at + len(delimiter), "statement"))
            cursor = at + len(value)
        elif token in END:
            delimiter = value.rstrip()
            at = source.index(delimiter, cursor)
            spans.append((open_at, at + len(delimiter), KIND[open_kind]))
            cursor = at + len(value)
            open_at = None
        else:
            cursor += len(value)
    if open_at is not None:
        # The lexer stops quietly at the end of the text. An opened comment
        # stays unreported (and runs to the end); Jinja's parser reports an
        # opened {{ or {% as an unexpected end of template.
        if open_kind != "comment":
            raise jinja2.TemplateSyntaxError("unexpected end of template inside a tag", 1)
        spans.append((open_at, len(source), "comment"))
    return spans


def lex_file(env, path):
    with open(path, encoding="utf-8", newline="") as f:
        return dict(lex_text(env, f.read()), path=path)


def lex_text(env, text):
    if "\r" in text:
        return {"ok": False, "error": "oracle does not map offsets through Jinja's newline normalisation"}
    shift = 0
    spans = []
    source = text
    if text.startswith(ANSIBLE_HEADER):
        eol = text.find("\n")
        eol = len(text) if eol < 0 else eol
        spans.append((0, eol, "comment"))
        shift = eol + 1
        source = text[shift:]
    try:
        spans += [(s + shift, e + shift, k) for s, e, k in tag_spans(env, source)]
    except jinja2.TemplateSyntaxError as e:
        return {"ok": False, "error": str(e)}
    to16 = utf16_offsets(text)
    return {"ok": True, "spans": [[to16(s), to16(e), k] for s, e, k in spans]}


CONDITIONAL_BODIES = (jinja2.nodes.If, jinja2.nodes.For, jinja2.nodes.Macro, jinja2.nodes.CallBlock,
                      jinja2.nodes.AssignBlock)


def expression_flags(node, inside, flags):
    """Appends, in source order, whether each printed expression is inside a conditional body."""
    if isinstance(node, jinja2.nodes.Output):
        for child in node.nodes:
            if not isinstance(child, jinja2.nodes.TemplateData):
                flags.append(inside)
        return
    body_fields = ("body", "elif_", "else_") if isinstance(node, CONDITIONAL_BODIES) else ()
    for field in node.fields:
        value = getattr(node, field, None)
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, jinja2.nodes.Node):
                expression_flags(child, inside or field in body_fields, flags)


def conditional_file(env, path):
    with open(path, encoding="utf-8", newline="") as f:
        return dict(conditional_text(env, f.read()), path=path)


def conditional_text(env, text):
    if text.startswith(ANSIBLE_HEADER):
        text = text[text.find("\n") + 1:]
    try:
        tree = env.parse(text)
    except jinja2.TemplateSyntaxError as e:
        return {"ok": False, "error": str(e)}
    flags = []
    expression_flags(tree, False, flags)
    return {"ok": True, "flags": flags}


def parse_source(env, source):
    try:
        env.parse(source)
        return {"ok": True}
    except jinja2.TemplateSyntaxError as e:
        return {"ok": False, "error": str(e)}


def main():
    request = json.load(sys.stdin)
    env = environment()
    if "spans" in request:
        answer = [lex_file(env, p) for p in request["spans"]]
    elif "lex" in request:
        answer = [lex_text(env, t) for t in request["lex"]]
    elif "conditional" in request:
        answer = [conditional_file(env, p) for p in request["conditional"]]
    elif "conditionalSources" in request:
        answer = [conditional_text(env, t) for t in request["conditionalSources"]]
    else:
        answer = [parse_source(env, s) for s in request["parse"]]
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
