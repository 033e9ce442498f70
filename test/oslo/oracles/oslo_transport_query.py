#!/usr/bin/python3
"""Oracle for test/oslo/transport-query.test.ts: does the installed
oslo.messaging start a transport for a URL, or refuse its query?

Reads a JSON list of transport URLs on stdin and, for each one in this one
process, creates the RPC transport as a service does at start
(oslo_messaging.get_rpc_transport with a fresh ConfigOpts; the driver
registers its options and checks the URL query, no broker is contacted).
Prints a JSON list, one answer per URL:

  {"version": "14.0.3", "answers": [
     {"parsed": false, "error": "ValueError", "message": "..."}   # TransportURL.parse refused it
   | {"parsed": true, "ok": true}
   | {"parsed": true, "ok": false, "error": "NoSuchOptError", "option": "sslx", "message": "..."}
   | {"parsed": true, "ok": false, "error": "ValueError", "message": "Unexpected boolean value 'maybe'"}, ...]}

Run with /usr/bin/python3 (Debian's python3-oslo.messaging) and PYTHONUTF8=1.
"""
import importlib.metadata
import json
import logging
import sys

from oslo_config import cfg
import oslo_messaging


def verdict(url):
    conf = cfg.ConfigOpts()
    conf([])
    try:
        oslo_messaging.TransportURL.parse(conf, url)
    except Exception as e:  # any failure to parse is a verdict of its own
        return {'parsed': False, 'error': type(e).__name__, 'message': str(e)}
    try:
        transport = oslo_messaging.get_rpc_transport(conf, url)
    except cfg.NoSuchOptError as e:
        return {'parsed': True, 'ok': False, 'error': 'NoSuchOptError', 'option': e.opt_name, 'message': str(e)}
    except Exception as e:
        return {'parsed': True, 'ok': False, 'error': type(e).__name__, 'message': str(e)}
    transport.cleanup()
    return {'parsed': True, 'ok': True}


def main():
    logging.disable(logging.CRITICAL)
    urls = json.load(sys.stdin)
    json.dump({'version': importlib.metadata.version('oslo.messaging'), 'answers': [verdict(u) for u in urls]}, sys.stdout)


if __name__ == '__main__':
    main()
