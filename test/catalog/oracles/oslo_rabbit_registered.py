#!/usr/bin/python3
"""Oracle for test/catalog/oslo-installed.test.ts: what the installed
oslo.messaging's RabbitMQ driver registers and reads.

Reads a JSON object on stdin:

  {"probes": [{"group": "DEFAULT", "name": "conn_pool_min_size", "value": "7"}, ...]}

and prints one JSON object:

  {"version": "14.0.3",
   "registered": {"ssl": [["oslo_messaging_rabbit", "rabbit_use_ssl"]], ...},
   "listed": {"DEFAULT": [...names], "oslo_messaging_rabbit": [...names]},
   "probes": [{"group": ..., "name": ..., "reaches": "conn_pool_min_size" | null}, ...]}

- registered: every option the driver registers in [oslo_messaging_rabbit]
  when a transport is created (RabbitDriver.__init__; no broker is
  contacted), with the (group, name) spellings oslo.config also reads for it
  (its deprecated opts, None filled in as oslo.config does);
- listed: what oslo_messaging.opts.list_opts() (oslo-config-generator's
  source) says for [DEFAULT] and [oslo_messaging_rabbit];
- probes: for each `[group] name = value` written alone in a config file,
  which registered option of the driver takes that value (null: none).

Run with /usr/bin/python3 (Debian's python3-oslo.messaging) and PYTHONUTF8=1.
"""
import importlib.metadata
import json
import logging
import os
import sys
import tempfile

from oslo_config import cfg
import oslo_messaging
from oslo_messaging import opts

GROUP = 'oslo_messaging_rabbit'
URL = 'rabbit://u:p@localhost:5672/'


def driver_conf(config_file=None):
    """A fresh ConfigOpts with the rabbit driver's options registered by the driver itself."""
    conf = cfg.ConfigOpts()
    conf(['--config-file', config_file] if config_file else [])
    transport = oslo_messaging.get_rpc_transport(conf, URL)
    transport.cleanup()
    return conf


def registered(conf):
    out = {}
    for name, info in conf._groups[GROUP]._opts.items():
        opt = info['opt']
        out[name] = [[d.group or GROUP, d.name or name] for d in opt.deprecated_opts]
    return out


def listed():
    out = {}
    for group, group_opts in opts.list_opts():
        out[group or 'DEFAULT'] = [o.name for o in group_opts]
    return {'DEFAULT': out.get('DEFAULT', []), GROUP: out.get(GROUP, [])}


def probe(request, base):
    with tempfile.NamedTemporaryFile('w', suffix='.conf', delete=False) as f:
        f.write('[%s]\n%s = %s\n' % (request['group'], request['name'], request['value']))
    try:
        conf = driver_conf(f.name)
        reaches = [n for n in sorted(base) if conf[GROUP][n] != base[n]]
    finally:
        os.unlink(f.name)
    return {'group': request['group'], 'name': request['name'], 'reaches': reaches[0] if reaches else None}


def main():
    # Deprecation warnings go to the log; keep stdout for the answer.
    logging.disable(logging.CRITICAL)
    request = json.load(sys.stdin)
    conf = driver_conf()
    names = registered(conf)
    base = {n: conf[GROUP][n] for n in names}
    json.dump({
        'version': importlib.metadata.version('oslo.messaging'),
        'registered': names,
        'listed': listed(),
        'probes': [probe(p, base) for p in request.get('probes', [])],
    }, sys.stdout)


if __name__ == '__main__':
    main()
