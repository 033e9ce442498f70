#!/usr/bin/python3
"""Oracle for test/catalog/oslo-values.test.ts: oslo.config's own value types.

Reads one JSON object on stdin and answers in one process (starting Python
is slow):

  {"cases": [{"id": 1, "value": "maybe",
              "spec": {"type": "boolean", "min": null, "max": null, "choices": null},
              "real": ["oslo_messaging_rabbit", "ssl"] or null}, ...]}

For each case the value is converted by an oslo_config.types object: the
type object of the installed oslo.messaging option named by "real" (so the
catalog's description of that option is checked too), or else one built
from "spec" (types.Boolean(), types.Integer(min=, max=), types.Float(...),
types.Port(...), types.String(choices=...), types.List(), types.MultiString()).

Output: {"results": [{"id": 1, "ok": false, "message": "Unexpected boolean value 'maybe'"}
                      | {"id": 2, "ok": true, "value": <encoded>}
                      | {"id": 3, "missing": true}, ...],
         "options": [every installed oslo.messaging option, described]}
Values are encoded so JSON loses nothing: {"none": true}, {"bool": b},
{"int": "<digits>"}, {"float": repr(x)}, {"str": s}, {"list": [s, ...]}.

Run with /usr/bin/python3 (Debian's python3-oslo.config and
python3-oslo.messaging live there) and PYTHONUTF8=1.
"""
import json
import sys

from oslo_config import cfg, types


def installed_options():
    """(group, opt) for every option oslo.messaging registers, listed or not."""
    from oslo_messaging import opts
    found = [(group or 'DEFAULT', opt) for group, group_opts in opts.list_opts() for opt in group_opts]
    # Registered on import, never listed by list_opts().
    from oslo_messaging._metrics import client as metrics
    from oslo_messaging.notify import _impl_routing as routing
    found += [('oslo_messaging_metrics', opt) for opt in metrics.oslo_messaging_metrics]
    found.append(('oslo_messaging_notifications', routing.router_config))
    return found


def type_from_spec(spec):
    kind = spec['type']
    bounds = {k: spec[k] for k in ('min', 'max') if spec.get(k) is not None}
    if kind == 'boolean':
        return types.Boolean()
    if kind == 'integer':
        return types.Integer(**bounds)
    if kind == 'port':
        return types.Port(**bounds)
    if kind == 'float':
        return types.Float(**bounds)
    if kind == 'string':
        return types.String(choices=spec.get('choices'))
    if kind == 'list':
        return types.List()
    if kind == 'multi':
        return types.MultiString()
    raise SystemExit('oslo_types.py: no type for spec %r' % (spec,))


def encode(value):
    if value is None:
        return {'none': True}
    if isinstance(value, bool):
        return {'bool': value}
    if isinstance(value, int):
        return {'int': str(value)}
    if isinstance(value, float):
        return {'float': repr(value)}
    if isinstance(value, str):
        return {'str': value}
    if isinstance(value, list):
        return {'list': [str(v) for v in value]}
    raise SystemExit('oslo_types.py: cannot encode %r' % (value,))


def describe(group, opt):
    typ = opt.type
    choices = getattr(typ, 'choices', None)
    return {
        'group': group,
        'name': opt.name,
        'class': type(opt).__name__,
        'type_name': typ.type_name,
        'default': opt.default,
        'min': getattr(typ, 'min', None),
        'max': getattr(typ, 'max', None),
        'choices': list(choices) if choices else None,
        'ignore_case': getattr(typ, 'ignore_case', False),
        'secret': opt.secret,
        'deprecated_for_removal': opt.deprecated_for_removal,
        'deprecated_opts': [[d.group or group, d.name or opt.name] for d in opt.deprecated_opts],
    }


def main():
    request = json.load(sys.stdin)
    options = installed_options()
    by_name = {(group, opt.name): opt for group, opt in options}
    results = []
    for case in request['cases']:
        real = case.get('real')
        if real:
            opt = by_name.get(tuple(real))
            if opt is None:
                results.append({'id': case['id'], 'missing': True})
                continue
            convert = opt.type
        else:
            convert = type_from_spec(case['spec'])
        try:
            value = convert(case['value'])
        except ValueError as e:
            results.append({'id': case['id'], 'ok': False, 'message': str(e)})
        else:
            results.append({'id': case['id'], 'ok': True, 'value': encode(value)})
    json.dump({'results': results, 'options': [describe(g, o) for g, o in options]},
              sys.stdout, default=repr)


if __name__ == '__main__':
    main()
