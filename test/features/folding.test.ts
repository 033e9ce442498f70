/** Folding ranges of each format. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldingRanges } from '../../server/src/engine/features/folding.js';
import { analyzed } from './support.js';

const folds = (path: string, text: string) => foldingRanges(analyzed(path, text).document).map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`);

test('Erlang terms: multi-line terms fold with their closing bracket left visible; comment blocks', () => {
  const text = [
    '%% RabbitMQ', //             0
    '%% production', //           1
    '[{rabbit, [', //             2
    '  {tcp_listeners, []},', //  3
    '  {ssl_options, [', //       4
    '    {verify, verify_peer}', // 5
    '  ]}', //                    6
    ']}].', //                    7
    '',
  ].join('\n');
  // Closing brackets that start their line stay visible: the top list folds to line 6, ssl_options
  // (tuple and list, one range per start line) to line 5.
  assert.deepEqual(folds('/etc/rabbitmq/rabbitmq.config', text), ['0-1 comment', '2-6', '4-5']);
  // A term closed at the end of a line with content folds through that line.
  assert.deepEqual(folds('/etc/rabbitmq/rabbitmq.config', '[{rabbit, [\n  {tcp_listeners, []}]}].\n'), ['0-1']);
});

test('oslo INI: sections, multi-line values, comment blocks (column 0 only)', () => {
  const text = [
    '# nova', //                    0
    '# messaging', //               1
    '[DEFAULT]', //                 2
    'transport_url = rabbit://', // 3
    '', //                          4
    '[oslo_messaging_rabbit]', //   5
    'ssl = true', //                6
    'ciphers = a', //               7
    '  b', //                       8
    '  c', //                       9
    '[empty]', //                   10
    '',
  ].join('\n');
  assert.deepEqual(folds('/etc/nova/nova.conf', text), ['0-1 comment', '2-3', '5-9', '7-9']);
});

test("rabbitmq.conf: multi-line ''' values, comment blocks; template blocks as regions", () => {
  const text = [
    '# one', //                        0
    '# two', //                        1
    'listeners.tcp = none', //         2
    '{% if tls %}', //                 3
    'listeners.ssl.default = 5671', // 4
    'ssl_options.verify = verify_peer', // 5
    '{% endif %}', //                  6
    "log.file = '''a", //              7
    "b'''", //                         8
    '',
  ].join('\n');
  assert.deepEqual(folds('/srv/templates/rabbitmq.conf.j2', text), ['0-1 comment', '3-5 region', '7-8']);
});

test('qpidd.conf: sections up to their last option', () => {
  assert.deepEqual(folds('/etc/qpid/qpidd.conf', 'auth=yes\n[cluster]\nname=c1\nsize=3\n\n'), ['1-3']);
});
