/**
 * cuttlefish datatypes and RabbitMQ's validators: which values RabbitMQ
 * refuses at boot, and the message it logs. Expected behaviour follows
 * cuttlefish_datatypes.erl, cuttlefish_error.erl and the validators in
 * rabbit.schema (the Erlang built-ins involved are checked against `erl` in
 * erlang-oracle.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestConfValue, validateConfValue } from '../../server/src/engine/formats/cuttlefish/index.js';
import { findConfSetting } from '../../server/src/engine/catalog/rabbitmq.js';
import type { ConfDatatype, ConfSetting } from '../../server/src/engine/catalog/rabbitmq.js';

function setting(datatype: ConfDatatype[], extra: Partial<ConfSetting> = {}): ConfSetting {
  return { key: 'test.key', target: 'app.key', schema: 'app', datatype, versions: ['main'], ...extra };
}

/** Asserts each value is accepted. */
function accepts(s: ConfSetting, ...values: string[]): void {
  for (const v of values) assert.equal(validateConfValue(s, v), undefined, `${JSON.stringify(v)} should be accepted by ${JSON.stringify(s.datatype)}`);
}

/** Asserts the value is refused with exactly this message. */
function refuses(s: ConfSetting, value: string, message: string | RegExp): void {
  const got = validateConfValue(s, value);
  assert.ok(got !== undefined, `${JSON.stringify(value)} should be refused by ${JSON.stringify(s.datatype)}`);
  if (typeof message === 'string') assert.equal(got, message);
  else assert.match(got, message);
}

test('integer: an optional sign and digits, nothing else', () => {
  const s = setting([{ t: 'integer' }]);
  accepts(s, '5672', '-1', '+5', '007', '123456789012345678901234567890');
  refuses(s, 'five', '"five" cannot be converted to a(n) integer');
  for (const bad of ['', ' 5', '5 ', '1_000', '0x10', '1e3', '1.0']) refuses(s, bad, /cannot be converted to a\(n\) integer$/);
});

test('bounded integers (cuttlefish 3.8+): first failing bound is reported', () => {
  const s = setting([{ t: 'integer', constraints: [{ op: 'min', value: 1 }, { op: 'max', value: 65535 }] }]);
  accepts(s, '1', '65535');
  refuses(s, '0', '0 is below the minimum allowed value of 1');
  refuses(s, '65536', '65536 exceeds the maximum allowed value of 65535');
  refuses(s, 'x', '"x" cannot be converted to a(n) integer');
  const positive = setting([{ t: 'integer', constraints: [{ op: 'positive' }] }]);
  refuses(positive, '0', '0 is below the minimum allowed value of 1');
  const nonNegative = setting([{ t: 'integer', constraints: [{ op: 'non_negative' }] }]);
  accepts(nonNegative, '0');
  refuses(nonNegative, '-1', '-1 is below the minimum allowed value of 0');
  const strict = setting([{ t: 'integer', constraints: [{ op: 'gt', value: 0 }, { op: 'lt', value: 10 }] }]);
  refuses(strict, '0', '0 must be strictly greater than 0');
  refuses(strict, '10', '10 must be strictly less than 10');
});

test('byte and port are bounded integers', () => {
  refuses(setting([{ t: 'byte' }]), '256', '256 exceeds the maximum allowed value of 255');
  accepts(setting([{ t: 'byte' }]), '0', '255');
  accepts(setting([{ t: 'port' }]), '0', '65535');
  refuses(setting([{ t: 'port' }]), '65536', '65536 exceeds the maximum allowed value of 65535');
  refuses(setting([{ t: 'port' }]), 'http', '"http" cannot be converted to a(n) integer');
});

test('float: Erlang floats only (a dot with digits on both sides)', () => {
  const s = setting([{ t: 'float' }]);
  accepts(s, '0.4', '-1.5', '1.5e3', '2.0E-3');
  for (const bad of ['1', '1.', '.5', '1e3', '0.4 ']) refuses(s, bad, /cannot be converted to a\(n\) float$/);
  const ratio = setting([{ t: 'float', constraints: [{ op: 'gt', value: 0 }, { op: 'lt', value: 1 }] }]);
  accepts(ratio, '0.5');
  refuses(ratio, '1.0', '1.0 must be strictly less than 1');
  const positive = setting([{ t: 'float', constraints: [{ op: 'positive' }] }]);
  refuses(positive, '0.0', '0.0 must be strictly greater than 0.0');
  refuses(setting([{ t: 'float', constraints: [{ op: 'max', value: 1, float: true }] }]), '1000.0', '1.0e3 exceeds the maximum allowed value of 1.0');
});

test('boolean: exactly true or false', () => {
  const s = setting([{ t: 'boolean' }]);
  accepts(s, 'true', 'false');
  for (const bad of ['True', 'TRUE', 'yes', 'on', '1']) refuses(s, bad, `${JSON.stringify(bad)} cannot be converted to a(n) boolean`);
  // Erlang prints the empty string as the empty list.
  refuses(s, '', '[] cannot be converted to a(n) boolean');
});

test('enum, and the enum behind flag', () => {
  const s = setting([{ t: 'enum', values: ['verify_peer', 'verify_none'] }]);
  accepts(s, 'verify_peer', 'verify_none');
  refuses(s, 'verify_pee', '"verify_pee" is not a valid enum value, acceptable values are: verify_peer, verify_none');
  refuses(s, 'VERIFY_PEER', /not a valid enum value/);
  accepts(setting([{ t: 'flag' }]), 'on', 'off');
  refuses(setting([{ t: 'flag' }]), 'true', '"true" is not a valid enum value, acceptable values are: on, off');
  accepts(setting([{ t: 'flag', on: 'enabled', off: 'disabled' }]), 'enabled');
});

test('ip: ADDRESS:PORT split at the last colon; IPv6 without brackets', () => {
  const s = setting([{ t: 'ip' }]);
  accepts(s, '127.0.0.1:5672', '0.0.0.0:5671', '::1:5672', ':::5672', 'fe80::1:5672', '::ffff:10.0.0.1:5671', '10.0.0.1:99999');
  for (const bad of ['[::1]:5672', 'localhost:5672', '5672', '127.0.0.1', '127.0.0.1:-1', '127.0.0.1:', '256.1.1.1:5672', 'example.com:80']) {
    refuses(s, bad, `${JSON.stringify(bad)} cannot be converted to a(n) IP`);
  }
});

test('domain_socket: local: or unix: path and port 0', () => {
  const s = setting([{ t: 'domain_socket' }]);
  accepts(s, 'unix:/var/run/rabbit.sock:0', 'local:/tmp/r.sock:0');
  for (const bad of ['unix:/var/run/rabbit.sock:5672', '/var/run/rabbit.sock:0', 'tcp:/x:0', 'unix:/a:b.sock:0']) {
    refuses(s, bad, `${JSON.stringify(bad)} cannot be converted to a(n) UDS`);
  }
});

test('fqdn: labels and a port, lowercase last label not all digits', () => {
  const s = setting([{ t: 'fqdn' }]);
  accepts(s, 'rabbit.example.com:5672', 'a.b:1', 'host.example.com.:80');
  for (const bad of ['localhost:5672', 'rabbit.example.COM:5672', '10.0.0.1:80', 'a.b', 'a .b:1', `${'x'.repeat(64)}.com:1`]) {
    refuses(s, bad, /cannot be converted to a\(n\) FQDN$/);
  }
  accepts(s, `${'x'.repeat(63)}.com:1`);
});

test('a datatype list accepts any member; all failures are listed in order', () => {
  const listener = setting([{ t: 'integer' }, { t: 'ip' }, { t: 'domain_socket' }]);
  accepts(listener, '5671', '127.0.0.1:5671', 'unix:/tmp/s:0');
  refuses(listener, 'all', '"all" cannot be converted to a(n) integer; "all" cannot be converted to a(n) IP; "all" cannot be converted to a(n) UDS');
  const noneOrIp = setting([{ t: 'enum', values: ['none'] }, { t: 'ip' }]);
  accepts(noneOrIp, 'none', '0.0.0.0:15692');
});

test('extended datatypes ({atom, infinity}) accept exactly that value', () => {
  const s = setting([{ t: 'exact', of: 'atom', value: 'infinity' }, { t: 'integer' }]);
  accepts(s, 'infinity', '1000');
  refuses(s, 'unlimited', '"unlimited" is not accepted value: infinity; "unlimited" cannot be converted to a(n) integer');
  accepts(setting([{ t: 'exact', of: 'integer', value: '5' }]), '5', '05');
});

test('bytesize: a number with KB/MB/GB or kb/mb/gb', () => {
  const s = setting([{ t: 'bytesize' }]);
  accepts(s, '1024', '10KB', '128MB', '2GB', '1.5gb', '.5MB');
  for (const bad of ['10 MB', '10Kb', '10KiB', '1TB', 'lots']) refuses(s, bad, `Error converting value ${JSON.stringify(bad)} to a number of bytes`);
});

test('duration: amount-unit pairs, case-insensitive, no bare numbers', () => {
  const s = setting([{ t: 'duration', unit: 'ms' }]);
  accepts(s, '10s', '1h30m', '500ms', '1.5d', '2W', '1f', '.5s');
  for (const bad of ['10', '0s', '10 s', '5min', 's']) refuses(s, bad, `Invalid duration value: ${bad}`);
});

test('percent: the last character is dropped unchecked, 0-100', () => {
  const s = setting([{ t: 'percent', of: 'integer' }]);
  accepts(s, '50%', '0%', '100%');
  refuses(s, '110%', "110% can't be outside the range 0 - 100%");
  refuses(s, 'half', 'Caught exception converting to {percent,integer}: error:badarg');
});

test('tagged values: tag:value with a non-empty value; plain binary takes anything', () => {
  const password = setting([{ t: 'tagged_binary' }, { t: 'binary' }]);
  accepts(password, 'encrypted:bG9sCg==', 'plain text', '');
  const tagged = setting([{ t: 'tagged_binary' }]);
  accepts(tagged, 'encrypted:x', 'a:b:c');
  for (const bad of ['encrypted:', ':x', 'no tag', 'en-crypted:x']) refuses(tagged, bad, /cannot be converted to a\(n\) tagged binary$/);
});

test('string, atom, file, directory and list types', () => {
  accepts(setting([{ t: 'string' }]), '', 'anything at all');
  accepts(setting([{ t: 'atom' }]), 'tlsv1.2');
  refuses(setting([{ t: 'atom' }]), 'a'.repeat(256), 'Caught exception converting to atom: error:system_limit');
  const list = setting([{ t: 'list', of: { t: 'integer' } }]);
  accepts(list, '1, 2,3');
  refuses(list, '1, two', '"two" cannot be converted to a(n) integer');
});

test('$(…) substitutions are resolved at boot, so they are not judged', () => {
  assert.equal(validateConfValue(setting([{ t: 'integer' }]), '$(other.key)'), undefined);
});

// --- the real catalog: datatypes and validators of RabbitMQ's schemas -----------

function real(key: string): ConfSetting {
  const s = findConfSetting(key);
  assert.ok(s, `${key} is in the catalog`);
  return s;
}

test('real keys: ssl_options.verify, fail_if_no_peer_cert, depth, versions, password', () => {
  refuses(real('ssl_options.verify'), 'verify_pee', '"verify_pee" is not a valid enum value, acceptable values are: verify_peer, verify_none');
  refuses(real('ssl_options.fail_if_no_peer_cert'), 'True', '"True" cannot be converted to a(n) boolean');
  refuses(real('ssl_options.depth'), '300', '300 exceeds the maximum allowed value of 255');
  accepts(real('ssl_options.versions.1'), 'tlsv1.2', 'tlsv1.1');
  accepts(real('ssl_options.password'), 'encrypted:abc', 'plain');
  accepts(real('listeners.tcp'), 'none');
  refuses(real('listeners.tcp'), 'off', '"off" is not a valid enum value, acceptable values are: none');
});

test('validators run on keys without $ segments and print "KEY invalid, DESCRIPTION"', () => {
  const watermark = real('vm_memory_high_watermark.absolute');
  accepts(watermark, '2GB', '1024MiB', '2000000000', '500mb');
  refuses(watermark, '2 GB', 'vm_memory_high_watermark.absolute invalid, supported formats: 500MB, 500MiB, 10GB, 10GiB, 2TB, 2TiB, 10000000000');
  refuses(watermark, 'lots', /invalid, supported formats/);
  const port = setting([{ t: 'integer' }], { key: 'x.port', validators: ['port'] });
  accepts(port, '1', '65534');
  refuses(port, '65535', 'x.port invalid, Invalid port number');
  refuses(port, '0', 'x.port invalid, Invalid port number');
  const ip = setting([{ t: 'string' }], { key: 'x.ip', validators: ['is_ip'] });
  accepts(ip, '127.0.0.1', '::');
  refuses(ip, 'localhost', 'x.ip invalid, value should be a valid IP address');
  const limit = setting([{ t: 'exact', of: 'atom', value: 'infinity' }, { t: 'integer' }], { key: 'x.limit', validators: ['non_negative_integer'] });
  accepts(limit, 'infinity', '0');
  refuses(limit, '-1', 'x.limit invalid, number should be greater or equal to zero');
});

test('validators are skipped for $ patterns, as cuttlefish skips them', () => {
  const s = setting([{ t: 'integer' }], { key: 'x.$name.port', validators: ['port'] });
  accepts(s, '70000');
});

test('file-system validators are never applied: files live on the broker host', () => {
  const cert = real('ssl_options.certfile');
  assert.ok(cert.validators?.includes('pem_file'));
  accepts(cert, '/nonexistent/path/cert.pem');
  accepts(real('load_definitions'), '/nonexistent/definitions.json');
});

test('suggested fixes: the accepted name in another case, or the value without trailing blanks', () => {
  assert.equal(suggestConfValue(real('ssl_options.fail_if_no_peer_cert'), 'True'), 'true');
  assert.equal(suggestConfValue(real('ssl_options.verify'), 'VERIFY_PEER'), 'verify_peer');
  assert.equal(suggestConfValue(real('listeners.tcp'), 'None'), 'none');
  assert.equal(suggestConfValue(setting([{ t: 'integer' }]), '5672   '), '5672');
  assert.equal(suggestConfValue(real('ssl_options.verify'), 'verify_peer'), undefined, 'valid values need no fix');
  assert.equal(suggestConfValue(real('ssl_options.verify'), 'yes'), undefined, 'no obvious fix');
});
