#!/usr/bin/python3
"""Times oslo.config reading one INI file, the way ConfigOpts reads a
--config-file: a cfg.ConfigParser filling the raw and the normalised
sections (oslo_config/iniparser.py does the parsing).

Usage: /usr/bin/python3 oslo_parse_timed.py FILE
Prints the milliseconds the parse took (file reading included, as in oslo).
"""
import sys
import time

from oslo_config import cfg


def main():
    path = sys.argv[1]
    sections = {}
    normalized = {}
    parser = cfg.ConfigParser(path, sections)
    parser._add_normalized(normalized)
    start = time.perf_counter()
    parser.parse()
    elapsed = time.perf_counter() - start
    print('%.4f' % (elapsed * 1000))


if __name__ == '__main__':
    main()
