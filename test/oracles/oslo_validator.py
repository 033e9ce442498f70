#!/usr/bin/python3
"""Oracle for test/oslo/validator.test.ts: oslo-config-validator's verdicts.

Reads a JSON list on stdin:

  [{"path": "/tmp/x/nova.conf", "exclude_groups": ["database", "api"]}, ...]

and runs, for each file in this one process, exactly what
`oslo-config-validator --namespace oslo.messaging --input-file PATH
--exclude-group G ...` runs (oslo_config.validator._validate with a fresh
ConfigOpts). Prints a JSON list, one answer per file:

  {"path": ..., "exit": 0|1,
   "unknown": [["DEFAULT", "rpc_backend"], ...],      # "... is not part of the sample config"
   "deprecated": [["oslo_messaging_rabbit", "rabbit_use_ssl"], ...]}
  {"path": ..., "error": "ParseError: ..."}             # the file does not parse

Run with /usr/bin/python3 (Debian's python3-oslo.config and
python3-oslo.messaging live there) and PYTHONUTF8=1.
"""
import json
import logging
import re
import sys

from oslo_config import cfg
from oslo_config import validator

UNKNOWN = re.compile(r'^(.*)/([^/]*) is not part of the sample config$')
DEPRECATED = re.compile(r'^Deprecated opt (.*)/([^/]*) found$')


class Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def validate(request):
    args = ['--namespace', 'oslo.messaging', '--input-file', request['path']]
    for group in request.get('exclude_groups', []):
        args += ['--exclude-group', group]
    conf = cfg.ConfigOpts()
    validator._register_cli_opts(conf)
    conf(args)
    collector = Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        code = validator._validate(conf)
    except cfg.ParseError as e:
        return {'path': request['path'], 'error': 'ParseError: %s' % e}
    finally:
        root.removeHandler(collector)
    unknown = [list(m.groups()) for m in map(UNKNOWN.match, collector.messages) if m]
    deprecated = [list(m.groups()) for m in map(DEPRECATED.match, collector.messages) if m]
    return {'path': request['path'], 'exit': code, 'unknown': unknown, 'deprecated': deprecated}


def main():
    logging.getLogger().setLevel(logging.INFO)
    requests = json.load(sys.stdin)
    json.dump([validate(r) for r in requests], sys.stdout)


if __name__ == '__main__':
    main()
