#!/usr/bin/python3
"""Oracle for test/ini/differential.test.ts: oslo.config's own INI parser.

Reads a JSON list of file paths on stdin and prints, for each file, what
oslo.config makes of it -- in one process, because starting Python is slow.
Each file is read exactly as ConfigOpts._parse_file reads a --config-file:
a cfg.ConfigParser filling the raw sections and the normalised ones.

Output: a JSON list, one object per path, in input order:
  {"path": ..., "sections": [[name, [[key, [value, ...]], ...]], ...],
                "normalized": [...same shape, group names normalised...]}
or
  {"path": ..., "error": {"line": N, "message": msg, "display": "msg: 'line'"}}
Pairs are lists, not objects, so that order survives JSON (and names like
"1" are not reordered by JavaScript).

Run with /usr/bin/python3 (Debian's python3-oslo.config lives there) and
PYTHONUTF8=1 so files are decoded as UTF-8 whatever the locale.
"""
import json
import sys

from oslo_config import cfg, iniparser


def as_pairs(sections):
    return [[name, [[key, values] for key, values in keys.items()]]
            for name, keys in sections.items()]


def parse_file(path):
    sections = {}
    normalized = {}
    parser = cfg.ConfigParser(path, sections)
    parser._add_normalized(normalized)
    try:
        parser.parse()
    except iniparser.ParseError as exc:
        display = exc.msg if exc.line is None else '%s: %r' % (exc.msg, exc.line)
        return {'path': path,
                'error': {'line': exc.lineno, 'message': exc.msg, 'display': display}}
    return {'path': path, 'sections': as_pairs(sections),
            'normalized': as_pairs(normalized)}


def main():
    paths = json.load(sys.stdin)
    json.dump([parse_file(p) for p in paths], sys.stdout, ensure_ascii=True)


if __name__ == '__main__':
    main()
