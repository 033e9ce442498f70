import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, type Span } from '../../server/src/engine/core/text.js';
import { parseOsloIni, type IniDocument, type IniEntry } from '../../server/src/engine/formats/ini/index.js';

function at(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function allEntries(doc: IniDocument): IniEntry[] {
  return doc.sections.flatMap((s) => s.entries);
}

/** Parses text oslo.config accepts, failing the test on any error. */
function parseClean(text: string): IniDocument {
  const { tree, errors } = parseOsloIni(text);
  assert.deepEqual(errors, []);
  return tree;
}

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1);
  return items[0];
}

test('a section header and an assignment, with every span', () => {
  const text = '[DEFAULT]\ncontrol_exchange = nova\n';
  const doc = parseClean(text);
  const section = only(doc.sections);
  assert.equal(section.name, 'DEFAULT');
  assert.equal(section.group, 'DEFAULT');
  assert.equal(section.valid, true);
  assert.equal(at(text, section.headerSpan), '[DEFAULT]');
  assert.equal(at(text, section.nameSpan), 'DEFAULT');
  const e = only(section.entries);
  assert.equal(e.key, 'control_exchange');
  assert.equal(at(text, e.keySpan), 'control_exchange');
  assert.equal(e.separator, '=');
  assert.equal(at(text, e.separatorSpan), '=');
  assert.equal(e.value, 'nova');
  assert.equal(at(text, e.valueSpan), 'nova');
  assert.equal(at(text, e.rawValueSpan), 'nova');
  assert.equal(e.quote, null);
  assert.equal(at(text, e.span), 'control_exchange = nova');
  assert.equal(at(text, e.linesSpan), 'control_exchange = nova\n');
  assert.equal(e.group, 'DEFAULT');
  assert.equal(at(text, section.span), '[DEFAULT]\ncontrol_exchange = nova');
});

test('inline # and ; are part of the value, not comments', () => {
  const doc = parseClean('[DEFAULT]\ntransport_url = rabbit://h:5672/ # inline\nx = a ; b\n');
  assert.deepEqual(
    allEntries(doc).map((e) => e.value),
    ['rabbit://h:5672/ # inline', 'a ; b'],
  );
  assert.equal(doc.comments.length, 0);
});

test('column-0 # and ; lines are comments, with their text left-stripped', () => {
  const text = '#  hash comment  \n[DEFAULT]\n;semi\n#\n';
  const doc = parseClean(text);
  assert.deepEqual(
    doc.comments.map((c) => [c.marker, c.text, at(text, c.span)]),
    [
      ['#', 'hash comment', '#  hash comment'],
      [';', 'semi', ';semi'],
      ['#', '', '#'],
    ],
  );
  assert.equal(allEntries(doc).length, 0);
});

test('indented lines continue the value, joined with newlines, each with its span', () => {
  const text = '[DEFAULT]\nhosts = a,\n    b,\n\t c  \nnext = 1\n';
  const doc = parseClean(text);
  const [hosts, next] = allEntries(doc);
  assert.equal(hosts.value, 'a,\nb,\nc');
  assert.deepEqual(
    hosts.continuations.map((c) => [c.text, at(text, c.span)]),
    [
      ['b,', 'b,'],
      ['c', 'c'],
    ],
  );
  assert.equal(at(text, hosts.span), 'hosts = a,\n    b,\n\t c');
  assert.equal(at(text, hosts.linesSpan), 'hosts = a,\n    b,\n\t c  \n');
  assert.equal(next.value, '1');
});

test('an indented comment after an assignment is appended to its value', () => {
  const doc = parseClean('[oslo_messaging_rabbit]\nssl_cert_file = /a.crt\n  # indented comment\n');
  assert.equal(only(allEntries(doc)).value, '/a.crt\n# indented comment');
  assert.equal(doc.comments.length, 0);
});

test('a blank (or whitespace-only) line ends a multi-line value', () => {
  const text = '[DEFAULT]\na = 1\n  two\n \t \n  three\n';
  const { tree, errors } = parseOsloIni(text);
  assert.equal(only(allEntries(tree)).value, '1\ntwo');
  const err = only(errors);
  assert.equal(err.message, "Unexpected continuation line: '  three'");
  assert.equal(err.osloLine, 5);
  assert.equal(at(text, err.span), 'three');
});

test('a column-0 comment ends a multi-line value', () => {
  const { tree, errors } = parseOsloIni('[DEFAULT]\na = 1\n# note\n  orphan\n');
  assert.equal(only(allEntries(tree)).value, '1');
  assert.equal(only(errors).osloLine, 4);
});

test('key: value is accepted, and the first of = and : splits the line', () => {
  const text = '[DEFAULT]\ncontrol_exchange: nova\ntransport_url=rabbit://u:p@h/\nurl: rabbit://u:p@h/?a=b\n';
  const doc = parseClean(text);
  assert.deepEqual(
    allEntries(doc).map((e) => [e.key, e.separator, e.value]),
    [
      ['control_exchange', ':', 'nova'],
      ['transport_url', '=', 'rabbit://u:p@h/'],
      ['url', ':', 'rabbit://u:p@h/?a=b'],
    ],
  );
  assert.equal(at(text, allEntries(doc)[0].separatorSpan), ':');
});

test('one pair of matching surrounding quotes is removed; the spans tell inside from outside', () => {
  const text = `[DEFAULT]\na = "/etc/quoted.crt"\nb = 'single'\nc = ""\nd = "\n`;
  const [a, b, c, d] = allEntries(parseClean(text));
  assert.equal(a.value, '/etc/quoted.crt');
  assert.equal(a.quote, '"');
  assert.equal(at(text, a.valueSpan), '/etc/quoted.crt');
  assert.equal(at(text, a.rawValueSpan), '"/etc/quoted.crt"');
  assert.equal(b.value, 'single');
  assert.equal(b.quote, "'");
  assert.equal(c.value, '');
  // A lone quote is its own first and last character: Python's '"'[1:-1] is ''.
  assert.equal(d.value, '');
  assert.equal(at(text, d.rawValueSpan), '"');
});

test('mismatched quotes are kept, and quotes are only looked for on the first line', () => {
  const text = `[DEFAULT]\nm = "nova'\nopen = "a\n  b"\nfirst = "a"\n  "b"\n`;
  const [m, open, first] = allEntries(parseClean(text));
  assert.equal(m.value, `"nova'`);
  assert.equal(m.quote, null);
  assert.equal(open.value, '"a\nb"');
  assert.equal(first.value, 'a\n"b"');
});

test('whitespace around the key and the value is stripped, inner whitespace kept', () => {
  const text = '[DEFAULT]\n  \n my key \t=\t  two  words  \n';
  // The line " my key ..." starts with a space: a continuation line, so it is an error...
  assert.equal(parseOsloIni(text).errors.length, 1);
  // ...while after a non-blank start, whitespace around key and value is simply stripped.
  const doc = parseClean('[DEFAULT]\nmy key \t=\t  two  words  \n');
  const e = only(allEntries(doc));
  assert.equal(e.key, 'my key');
  assert.equal(e.value, 'two  words');
});

test('an empty value is the empty string, with an empty span right after the separator', () => {
  const text = '[DEFAULT]\nssl_ca_file =\nssl_cert_file:   \n';
  const [a, b] = allEntries(parseClean(text));
  assert.equal(a.value, '');
  assert.deepEqual(a.valueSpan, { start: a.separatorSpan.end, end: a.separatorSpan.end });
  assert.equal(b.value, '');
  assert.equal(b.valueSpan.start, b.valueSpan.end);
});

test('repeated keys and repeated sections are all kept, in order', () => {
  const text = '[n]\ndriver = a\ndriver = b\n[o]\nx = 1\n[n]\ndriver = c\n';
  const doc = parseClean(text);
  assert.deepEqual(
    doc.sections.map((s) => [s.name, s.entries.map((e) => e.value)]),
    [
      ['n', ['a', 'b']],
      ['o', ['1']],
      ['n', ['c']],
    ],
  );
});

test('[DEFAULT] keeps its case; every other group name is lower-cased; names are not trimmed', () => {
  const doc = parseClean('[DEFAULT]\n[default]\n[Oslo_Messaging_Rabbit]\n[ DEFAULT ]\n');
  assert.deepEqual(
    doc.sections.map((s) => [s.name, s.group]),
    [
      ['DEFAULT', 'DEFAULT'],
      ['default', 'default'],
      ['Oslo_Messaging_Rabbit', 'oslo_messaging_rabbit'],
      [' DEFAULT ', ' default '],
    ],
  );
});

test('$ in values is kept as written (interpolation happens when the option is read)', () => {
  const doc = parseClean('[DEFAULT]\nurl = rabbit://u:pa$word@h/\nx = pa$$x\n');
  assert.deepEqual(
    allEntries(doc).map((e) => e.value),
    ['rabbit://u:pa$word@h/', 'pa$$x'],
  );
});

test('error: assignment before any section, reported where oslo completes it', () => {
  const text = 'a = 1\n  more\n\n[DEFAULT]\nb = 2\n';
  const { tree, errors } = parseOsloIni(text);
  const err = only(errors);
  assert.equal(err.message, 'Section must be started before assignment');
  assert.equal(at(text, err.span), 'a = 1\n  more');
  // oslo files the assignment when it reads the blank line 3.
  assert.equal(err.osloLine, 3);
  const orphan = only(tree.preamble);
  assert.equal(orphan.value, '1\nmore');
  assert.equal(orphan.group, null);
  assert.equal(only(allEntries(tree)).key, 'b');
});

test('error: an assignment before any section at the end of the file is reported at the last line', () => {
  const { errors } = parseOsloIni('# c\nonly = 1');
  assert.equal(only(errors).osloLine, 2);
});

test('error: unterminated section header; the section is still read', () => {
  const text = '[DEFAULT]\na = 1\n\n[oslo_messaging_rabbit\nssl = true\n';
  const { tree, errors } = parseOsloIni(text);
  const err = only(errors);
  assert.equal(err.message, "Invalid section (must end with ]): '[oslo_messaging_rabbit'");
  assert.equal(err.osloLine, 4);
  assert.equal(at(text, err.span), '[oslo_messaging_rabbit');
  const broken = tree.sections[1];
  assert.equal(broken.valid, false);
  assert.equal(broken.group, 'oslo_messaging_rabbit');
  assert.equal(only(broken.entries).key, 'ssl');
});

test('error: text after the closing bracket makes the header invalid', () => {
  const { errors } = parseOsloIni('[DEFAULT] # note\n');
  assert.equal(only(errors).message, "Invalid section (must end with ]): '[DEFAULT] # note'");
});

test('error: empty section name', () => {
  const text = '[DEFAULT]\n[]\nb = 2\n';
  const { tree, errors } = parseOsloIni(text);
  const err = only(errors);
  assert.equal(err.message, "Empty section name: '[]'");
  assert.equal(err.osloLine, 2);
  assert.equal(at(text, err.span), '[]');
  assert.equal(tree.sections[1].valid, false);
});

test('error: an indented line right after a header is an unexpected continuation; its followers are not re-reported', () => {
  const text = '[oslo_messaging_rabbit]\n  ssl = true\n  ssl_ca_file = /ca\nok = 1\n';
  const { tree, errors } = parseOsloIni(text);
  const err = only(errors);
  assert.equal(err.message, "Unexpected continuation line: '  ssl = true'");
  assert.equal(err.osloLine, 2);
  assert.equal(at(text, err.span), 'ssl = true');
  assert.deepEqual(
    allEntries(tree).map((e) => e.key),
    ['ok'],
  );
});

test("error: a line with neither '=' nor ':'", () => {
  const text = '[DEFAULT]\njust words\n';
  const err = only(parseOsloIni(text).errors);
  assert.equal(err.message, "No ':' or '=' found in assignment: 'just words'");
  assert.equal(err.osloLine, 2);
  assert.equal(at(text, err.span), 'just words');
});

test('error: empty key', () => {
  const a = only(parseOsloIni('[DEFAULT]\n= value\n').errors);
  assert.equal(a.message, "Key cannot be empty: '= value'");
  const b = only(parseOsloIni('[DEFAULT]\n:value\n').errors);
  assert.equal(b.message, "Key cannot be empty: ':value'");
  assert.equal(b.osloLine, 2);
});

test('after an error the rest of the file is still parsed and later errors are listed in order', () => {
  const text = 'orphan = 1\n[x\n  cont\nwords\n[ok]\nk = v\n';
  const { tree, errors } = parseOsloIni(text);
  assert.deepEqual(
    errors.map((e) => e.message.split(':')[0]),
    [
      'Section must be started before assignment',
      'Invalid section (must end with ])',
      'Unexpected continuation line',
      "No '",
    ],
  );
  assert.deepEqual(
    errors.map((e) => e.osloLine),
    [2, 2, 3, 4],
  );
  const starts = errors.map((e) => e.span.start);
  assert.deepEqual(starts, [...starts].sort((p, q) => p - q));
  assert.equal(tree.sections.at(-1)!.entries[0].value, 'v');
});

test('CRLF and lone CR line endings: values and positions are right', () => {
  for (const nl of ['\r\n', '\r']) {
    const text = ['[DEFAULT]', 'a = 1', '  two', '', '[x]', 'b = 2', ''].join(nl);
    const doc = parseClean(text);
    const [a, b] = allEntries(doc);
    assert.equal(a.value, '1\ntwo');
    assert.equal(at(text, a.span), `a = 1${nl}  two`);
    assert.equal(at(text, a.linesSpan), `a = 1${nl}  two${nl}`);
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(b.valueSpan.start), { line: 5, character: 4 });
  }
});

test('a tab at the start of a line makes it a continuation line, like a space', () => {
  const text = '[DEFAULT]\na = 1\n\tb\n[x]\n\tc = 2\n';
  const { tree, errors } = parseOsloIni(text);
  assert.equal(allEntries(tree)[0].value, '1\nb');
  assert.equal(only(errors).message, "Unexpected continuation line: '\\tc = 2'");
});

test('Python whitespace: no-break and other Unicode spaces are stripped but do not make a continuation line', () => {
  const text = '[DEFAULT]\n\u00a0key\u00a0=\u00a0value\u3000\n\fx = 1\n';
  const [key, x] = allEntries(parseClean(text));
  assert.equal(key.key, 'key');
  assert.equal(key.value, 'value');
  assert.equal(x.key, 'x');
});

test('Unicode text: UTF-16 spans around characters outside the BMP; non-ASCII group names lower-cased', () => {
  const text = '[ΣΑΣ]\nemoji = 🐇🔐 rabbit\n';
  const doc = parseClean(text);
  assert.equal(doc.sections[0].group, 'σας');
  const e = only(allEntries(doc));
  assert.equal(at(text, e.valueSpan), '🐇🔐 rabbit');
  assert.equal(e.valueSpan.end - e.valueSpan.start, '🐇🔐 rabbit'.length);
});

test('messages quote the line the way Python repr() does', () => {
  const cases: [string, string][] = [
    ["it's", `No ':' or '=' found in assignment: "it's"`],
    [`say "it's"`, `No ':' or '=' found in assignment: 'say "it\\'s"'`],
    ['back\\slash\x07', `No ':' or '=' found in assignment: 'back\\\\slash\\x07'`],
    ['zero\u200bwidth é', `No ':' or '=' found in assignment: 'zero\\u200bwidth é'`],
  ];
  for (const [line, message] of cases) {
    assert.equal(only(parseOsloIni(`[DEFAULT]\n${line}\n`).errors).message, message);
  }
});

test('an empty file and a comments-only file are valid and empty', () => {
  for (const text of ['', '# a\n; b\n\n']) {
    const doc = parseClean(text);
    assert.equal(doc.sections.length + doc.preamble.length, 0);
  }
});

test('a 1 MB file with long lines and long multi-line values parses completely', () => {
  const chunks = ['[DEFAULT]\n'];
  for (let i = 0; i < 8000; i++) chunks.push(`key_${i} = ${'v'.repeat(40)}\n  ${'c'.repeat(40)}\n`);
  chunks.push('long = ' + '='.repeat(200_000) + '\n', '[' + 'x'.repeat(200_000) + '\n');
  const text = chunks.join('');
  assert.ok(text.length > 1_000_000);
  const { tree, errors } = parseOsloIni(text);
  assert.equal(allEntries(tree).length, 8001);
  assert.equal(errors.length, 1);
});
