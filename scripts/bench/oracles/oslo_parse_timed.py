#!/usr/bin/python3
"""Times oslo.config reading one INI file, the way ConfigOpts reads a
--config-file: a cfg.ConfigParser filling the raw and the normalised
sections (oslo_config/iniparser.py does the parsing).

Usage: /usr/bin/python3 oslo_parse_timed.py FILE
Prints two numbers of milliseconds: the parse of the text already read
(iniparser over an in-memory file), and the parse with the file reading
included, as oslo does it.
"""
import io
import sys
import time

from oslo_config import cfg


def fresh_parser(path):
    sections = {}
    normalized = {}
    parser = cfg.ConfigParser(path, sections)
    parser._add_normalized(normalized)
    return parser


def main():
    path = sys.argv[1]
    with open(path) as f:
        text = f.read()
    parser = fresh_parser(path)
    start = time.perf_counter()
    # ConfigParser.parse only opens the file and hands it to iniparser's parse.
    super(cfg.ConfigParser, parser).parse(io.StringIO(text))
    parse_only = time.perf_counter() - start
    parser = fresh_parser(path)
    start = time.perf_counter()
    parser.parse()
    with_read = time.perf_counter() - start
    print('%.4f %.4f' % (parse_only * 1000, with_read * 1000))


if __name__ == '__main__':
    main()
