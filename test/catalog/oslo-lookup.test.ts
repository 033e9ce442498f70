/**
 * The oslo.messaging catalog loader: which names each release reads, what
 * became of the others, group-name rules, release names and suggestions.
 * Expectations come from facts/oslo.md and rules.md (OSLO301/OSLO302).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isMessagingGroup,
  listOsloOptions,
  lookupOsloOption,
  newestOsloVersion,
  normalizeOsloGroup,
  osloGroupsHaving,
  osloNamesElsewhere,
  resolveOsloRelease,
  suggestOsloOptions,
  validateOsloValue,
} from '../../server/src/engine/catalog/oslo.js';
import { compareVersions, releaseIncludes } from '../../server/src/engine/catalog/oslo-releases.js';
import { editDistance } from '../../server/src/engine/catalog/oslo-suggest.js';

const RABBIT = 'oslo_messaging_rabbit';

test('release names and versions resolve to oslo.messaging series', () => {
  // facts/oslo.md §3 release map.
  assert.equal(resolveOsloRelease('zed'), '14.0');
  assert.equal(resolveOsloRelease('Zed'), '14.0');
  assert.equal(resolveOsloRelease('2023.1'), '14.2');
  assert.equal(resolveOsloRelease('Antelope'), '14.2');
  assert.equal(resolveOsloRelease('2023.1 Antelope'), '14.2');
  assert.equal(resolveOsloRelease('stable/2024.1'), '14.7');
  assert.equal(resolveOsloRelease('epoxy'), '16.1');
  assert.equal(resolveOsloRelease('ocata'), '5.17');
  assert.equal(resolveOsloRelease('master'), '18');
  assert.equal(resolveOsloRelease('14.0'), '14.0');
  assert.equal(resolveOsloRelease('14.0.x'), '14.0');
  assert.equal(resolveOsloRelease(' 14.0.3 '), '14.0.3');
  assert.equal(resolveOsloRelease('14.0.3-0+deb12u1'), '14.0.3');
  assert.equal(resolveOsloRelease('bogus'), undefined);
  assert.equal(resolveOsloRelease(''), undefined);
  assert.equal(newestOsloVersion(), '18.1.0');
  assert.throws(() => lookupOsloOption(RABBIT, 'ssl', 'bogus'), RangeError);
});

test('a series includes its later point releases; versions order numerically', () => {
  assert.ok(releaseIncludes('14.2', '14.2.4'));
  assert.ok(releaseIncludes('14.2.4', '14.2.4'));
  assert.ok(!releaseIncludes('14.2.3', '14.2.4'));
  assert.ok(!releaseIncludes('14.0', '14.2.4'));
  assert.ok(releaseIncludes('18', '16.0.0'));
  assert.ok(!releaseIncludes('9.5', '16.0.0'));
  assert.ok(releaseIncludes('10.2', '9.0.0'));
  assert.ok(compareVersions('9.0.0', '14.2.4') < 0);
  assert.ok(compareVersions('16.0', '16.0.0') === 0);
});

test('group names are normalised as oslo.config does', () => {
  assert.equal(normalizeOsloGroup('DEFAULT'), 'DEFAULT');
  assert.equal(normalizeOsloGroup('default'), 'default');
  assert.equal(normalizeOsloGroup('Oslo_Messaging_Rabbit'), RABBIT);
  assert.ok(isMessagingGroup('oslo_messaging_rabbit'));
  assert.ok(isMessagingGroup('OSLO_MESSAGING_NOTIFICATIONS'));
  assert.ok(isMessagingGroup('oslo_messaging_kafka'));
  assert.ok(isMessagingGroup('oslo_messaging_qpid'));
  assert.ok(isMessagingGroup('oslo_messaging_amqp'));
  assert.ok(!isMessagingGroup('DEFAULT'), '[DEFAULT] is shared with the service');
  assert.ok(!isMessagingGroup('database'));
  assert.ok(!isMessagingGroup('keystone_authtoken'));

  // facts §2.10: other groups match in any case at run time; [default] is not [DEFAULT].
  assert.equal(lookupOsloOption('Oslo_Messaging_Rabbit', 'ssl').status, 'known');
  assert.equal(lookupOsloOption('default', 'transport_url').status, 'unknown');
  assert.equal(lookupOsloOption('DEFAULT', 'transport_url').status, 'known');
  // Option names are case-sensitive.
  assert.equal(lookupOsloOption('DEFAULT', 'Transport_URL').status, 'unknown');
});

test('the renamed TLS options: aliases until 16.0.0, renamed (OSLO302) from then on', () => {
  const renames: [string, string][] = [
    ['rabbit_use_ssl', 'ssl'],
    ['kombu_ssl_version', 'ssl_version'],
    ['kombu_ssl_keyfile', 'ssl_key_file'],
    ['kombu_ssl_certfile', 'ssl_cert_file'],
    ['kombu_ssl_ca_certs', 'ssl_ca_file'],
  ];
  for (const [old, current] of renames) {
    const now = lookupOsloOption(RABBIT, old);
    assert.equal(now.status, 'renamed', old);
    assert.deepEqual(now.replacement, { group: RABBIT, name: current });
    assert.equal(now.changedIn, '16.0.0');
    assert.equal(now.option?.name, current);

    for (const release of ['2024.2', 'zed', 'pike', '5.18.0']) {
      const then = lookupOsloOption(RABBIT, old, release);
      assert.equal(then.status, 'known', `${old} @${release}`);
      assert.equal(then.option?.name, current);
      assert.deepEqual(then.replacement, { group: RABBIT, name: current });
      assert.equal(then.deprecatedAlias?.stopsWorkingIn, '16.0.0');
    }
    // Before the rename (5.18.0, Pike) the old name was the option itself.
    const before = lookupOsloOption(RABBIT, old, 'ocata');
    assert.equal(before.status, 'known');
    assert.equal(before.option?.name, old);
    assert.equal(before.deprecatedAlias, undefined);
  }
});

test('removed rabbit_* connection options (OSLO301) point at transport_url', () => {
  for (const name of ['rabbit_host', 'rabbit_port', 'rabbit_hosts', 'rabbit_userid', 'rabbit_password', 'rabbit_virtual_host']) {
    for (const group of [RABBIT, 'DEFAULT']) {
      const now = lookupOsloOption(group, name);
      assert.equal(now.status, 'removed', `[${group}] ${name}`);
      assert.equal(now.changedIn, '9.0.0');
      assert.deepEqual(now.replacement, { group: 'DEFAULT', name: 'transport_url' });
      // Rocky (8.1) still read them, with a deprecation warning.
      const rocky = lookupOsloOption(group, name, 'rocky');
      assert.equal(rocky.status, 'known', `[${group}] ${name} @rocky`);
      assert.equal(rocky.deprecatedForRemoval?.removedIn, '9.0.0');
    }
  }
  assert.equal(lookupOsloOption(RABBIT, 'rabbit_port').option?.default, 5672);
  assert.equal(lookupOsloOption(RABBIT, 'rabbit_userid').option?.default, 'guest');
  assert.equal(lookupOsloOption(RABBIT, 'rabbit_password').option?.secret, true);
  assert.equal(lookupOsloOption('DEFAULT', 'rpc_backend').status, 'removed');
  assert.equal(lookupOsloOption('DEFAULT', 'rpc_backend', 'stein').status, 'removed');
  assert.equal(lookupOsloOption('DEFAULT', 'rpc_backend', 'queens').status, 'known');
});

test('heartbeat_in_pthread: deprecated from 14.9.0, removed in 18.0.0', () => {
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_in_pthread').status, 'removed');
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_in_pthread').changedIn, '18.0.0');
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_in_pthread', '2026.1').status, 'known');
  assert.ok(lookupOsloOption(RABBIT, 'heartbeat_in_pthread', '2024.2').deprecatedForRemoval);
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_in_pthread', 'zed').deprecatedForRemoval, undefined);
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_in_pthread', 'zed').option?.deprecatedForRemoval, undefined);
});

test('pool options: read in [oslo_messaging_rabbit] all along; [DEFAULT] rpc_conn_pool_size an alias until 16.0.0, the others never read there', () => {
  for (const name of ['rpc_conn_pool_size', 'conn_pool_min_size', 'conn_pool_ttl']) {
    for (const release of ['queens', 'zed', '2025.1', undefined]) {
      const r = lookupOsloOption(RABBIT, name, release);
      assert.equal(r.status, 'known', `${name} @${release}`);
      assert.equal(r.deprecatedAlias, undefined);
    }
  }
  // deprecated_group='DEFAULT' until 16.0.0 dropped it.
  const zed = lookupOsloOption('DEFAULT', 'rpc_conn_pool_size', 'zed');
  assert.equal(zed.status, 'known');
  assert.deepEqual(zed.replacement, { group: RABBIT, name: 'rpc_conn_pool_size' });
  assert.equal(zed.deprecatedAlias?.stopsWorkingIn, '16.0.0');
  const epoxy = lookupOsloOption('DEFAULT', 'rpc_conn_pool_size', '2025.1');
  assert.equal(epoxy.status, 'renamed');
  assert.equal(epoxy.changedIn, '16.0.0');
  assert.equal(epoxy.note, undefined);
  // The sample config's [DEFAULT] spelling: ignored at every release that has the option, and the lookup says why.
  for (const name of ['conn_pool_min_size', 'conn_pool_ttl']) {
    for (const release of ['newton', 'queens', 'zed', undefined]) {
      const r = lookupOsloOption('DEFAULT', name, release);
      assert.equal(r.status, 'renamed', `[DEFAULT] ${name} @${release}`);
      assert.deepEqual(r.replacement, { group: RABBIT, name });
      assert.match(r.note ?? '', /reads it only in \[oslo_messaging_rabbit\]/);
    }
  }
});

test('rabbit_durable_queues: a [DEFAULT] name only, never one of [oslo_messaging_rabbit]', () => {
  assert.equal(lookupOsloOption('DEFAULT', 'rabbit_durable_queues', 'rocky').status, 'known');
  assert.equal(lookupOsloOption('DEFAULT', 'rabbit_durable_queues').status, 'renamed');
  assert.equal(lookupOsloOption('DEFAULT', 'rabbit_durable_queues').changedIn, '9.0.0');
  for (const release of ['kilo', 'rocky', undefined]) assert.equal(lookupOsloOption(RABBIT, 'rabbit_durable_queues', release).status, 'unknown');
  const elsewhere = osloNamesElsewhere(RABBIT, 'rabbit_durable_queues');
  assert.deepEqual(
    elsewhere.map((e) => [e.option.name, e.alias.group, e.alias.until]),
    [['amqp_durable_queues', 'DEFAULT', '9.0.0']],
  );
  // An option's own name in its own group is never "elsewhere".
  assert.deepEqual(osloNamesElsewhere(RABBIT, 'conn_pool_min_size'), []);
  assert.deepEqual(osloNamesElsewhere(RABBIT, 'no_such_option'), []);
});

test('listing follows renames: a release lists the name it registers', () => {
  const names = (release: string) => listOsloOptions(RABBIT, release).map((o) => o.name);
  assert.ok(names('zed').includes('rabbit_quroum_max_memory_length'));
  assert.ok(!names('zed').includes('rabbit_quorum_max_memory_length'));
  assert.ok(names('2024.1').includes('rabbit_quorum_max_memory_length'));
  assert.ok(!names('2024.1').includes('rabbit_quroum_max_memory_length'), 'a deprecated alias is not listed');
  for (const release of ['zed', '2025.1']) assert.ok(names(release).includes('conn_pool_min_size'), release);
  assert.ok(!listOsloOptions('DEFAULT', 'zed').some((o) => o.name === 'conn_pool_min_size'));
});

test('the rabbit_quroum_* typo: the only name before 14.2.4, an alias until 17.0.0', () => {
  const old = 'rabbit_quroum_max_memory_length';
  assert.equal(lookupOsloOption(RABBIT, old, 'zed').status, 'known');
  assert.equal(lookupOsloOption(RABBIT, old, 'zed').deprecatedAlias, undefined);
  assert.ok(lookupOsloOption(RABBIT, old, '2023.1').deprecatedAlias);
  assert.equal(lookupOsloOption(RABBIT, old).status, 'renamed');
  assert.equal(lookupOsloOption(RABBIT, old).changedIn, '17.0.0');
  assert.equal(lookupOsloOption(RABBIT, 'rabbit_quorum_max_memory_length', 'zed').status, 'unknown');
  assert.equal(lookupOsloOption(RABBIT, 'rabbit_quorum_max_memory_length', '2023.1').status, 'known');
});

test('notification aliases in [DEFAULT] stopped in 16.0.0', () => {
  const pairs: [string, string][] = [
    ['notification_driver', 'driver'],
    ['notification_transport_url', 'transport_url'],
    ['notification_topics', 'topics'],
  ];
  for (const [old, current] of pairs) {
    const zed = lookupOsloOption('DEFAULT', old, 'zed');
    assert.equal(zed.status, 'known');
    assert.deepEqual(zed.replacement, { group: 'oslo_messaging_notifications', name: current });
    const now = lookupOsloOption('DEFAULT', old);
    assert.equal(now.status, 'renamed');
    assert.equal(now.changedIn, '16.0.0');
  }
  // rpc_thread_pool_size is still read by the newest release.
  const pool = lookupOsloOption('DEFAULT', 'rpc_thread_pool_size');
  assert.equal(pool.status, 'known');
  assert.equal(pool.option?.name, 'executor_thread_pool_size');
  assert.ok(pool.deprecatedAlias);
  assert.equal(pool.deprecatedAlias.stopsWorkingIn, undefined);
});

test('whole drivers: AMQP 1.0 gone in 15.0.0, Qpid in 3.1.0, ZeroMQ in 9.0.0', () => {
  assert.equal(lookupOsloOption('oslo_messaging_amqp', 'ssl', 'zed').status, 'known');
  assert.equal(lookupOsloOption('oslo_messaging_amqp', 'ssl').status, 'removed');
  assert.equal(lookupOsloOption('oslo_messaging_amqp', 'ssl').changedIn, '15.0.0');
  assert.equal(lookupOsloOption('amqp1', 'ssl_ca_file', 'zed').status, 'known');
  assert.equal(lookupOsloOption('amqp1', 'ssl_ca_file', 'zed').option?.name, 'ssl_ca_file');
  // A typo in a live group is unknown; in a removed group everything is removed.
  assert.equal(lookupOsloOption('oslo_messaging_amqp', 'ssl_typo', 'zed').status, 'unknown');
  assert.equal(lookupOsloOption('oslo_messaging_amqp', 'ssl_typo').status, 'removed');

  assert.equal(lookupOsloOption('oslo_messaging_qpid', 'qpid_protocol', 'kilo').status, 'known');
  assert.equal(lookupOsloOption('DEFAULT', 'qpid_protocol', 'kilo').status, 'known');
  for (const group of ['oslo_messaging_qpid', 'DEFAULT']) {
    const now = lookupOsloOption(group, 'qpid_protocol');
    assert.equal(now.status, 'removed');
    assert.equal(now.changedIn, '3.1.0');
  }
  const zmq = lookupOsloOption('oslo_messaging_zmq', 'rpc_zmq_host');
  assert.equal(zmq.status, 'removed');
  assert.equal(zmq.changedIn, '9.0.0');
  assert.ok(zmq.note);
  assert.equal(lookupOsloOption('oslo_messaging_zmq', 'rpc_zmq_host', 'rocky').status, 'unknown');
});

test('a name in [DEFAULT] that oslo.messaging does not own is merely unknown', () => {
  const r = lookupOsloOption('DEFAULT', 'my_ip');
  assert.equal(r.status, 'unknown');
  assert.equal(r.option, undefined);
  assert.equal(r.changedIn, undefined);
});

test('traits follow the release: defaults, bounds and choices', () => {
  // ssl_enforce_hostname_verification: False on stable/Debian, True and deprecated in 18.1.0 (facts §3).
  assert.equal(lookupOsloOption(RABBIT, 'ssl_enforce_hostname_verification', 'zed').option?.default, false);
  assert.equal(lookupOsloOption(RABBIT, 'ssl_enforce_hostname_verification', 'zed').deprecatedForRemoval, undefined);
  assert.equal(lookupOsloOption(RABBIT, 'ssl_enforce_hostname_verification').option?.default, true);
  assert.ok(lookupOsloOption(RABBIT, 'ssl_enforce_hostname_verification').deprecatedForRemoval);
  // heartbeat_rate default 2 → 3.
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_rate', 'zed').option?.default, 2);
  assert.equal(lookupOsloOption(RABBIT, 'heartbeat_rate').option?.default, 3);
  // rabbit_retry_interval = 0: accepted by Zed, rejected since its min=1.
  const zed = lookupOsloOption(RABBIT, 'rabbit_retry_interval', 'zed').option!;
  const now = lookupOsloOption(RABBIT, 'rabbit_retry_interval').option!;
  assert.equal(validateOsloValue(zed, '0'), undefined);
  assert.equal(validateOsloValue(now, '0'), 'Should be greater than or equal to 1');
  // EXTERNAL login only from 12.14.0 on.
  const yoga = lookupOsloOption(RABBIT, 'rabbit_login_method', 'yoga').option!;
  assert.match(validateOsloValue(yoga, 'EXTERNAL') ?? '', /^Valid values are \[PLAIN, AMQPLAIN, RABBIT-CR-DEMO\]/);
  assert.equal(validateOsloValue(lookupOsloOption(RABBIT, 'rabbit_login_method', 'zed').option!, 'EXTERNAL'), undefined);
});

test('the messages of facts/oslo.md §1, in oslo.config\'s words', () => {
  const opt = (group: string, name: string) => lookupOsloOption(group, name, 'zed').option!;
  assert.equal(validateOsloValue(opt(RABBIT, 'ssl'), 'maybe'), "Unexpected boolean value 'maybe'");
  assert.equal(validateOsloValue(opt(RABBIT, 'ssl'), ''), "Unexpected boolean value ''");
  assert.equal(validateOsloValue(opt(RABBIT, 'heartbeat_timeout_threshold'), 'sixty'), "invalid literal for int() with base 10: 'sixty'");
  assert.equal(
    validateOsloValue(opt(RABBIT, 'kombu_failover_strategy'), 'random'),
    "Valid values are [round-robin, shuffle], but found 'random'",
  );
  assert.equal(validateOsloValue(opt(RABBIT, 'rabbit_transient_queues_ttl'), '0'), 'Should be greater than or equal to 1');
  assert.equal(
    validateOsloValue(opt(RABBIT, 'heartbeat_timeout_threshold'), '60\ncontinued'),
    "invalid literal for int() with base 10: '60\\ncontinued'",
  );
  for (const yes of ['true', 'TRUE', 'On', 'yes', '1']) assert.equal(validateOsloValue(opt(RABBIT, 'ssl'), yes), undefined);
});

test('listing options of a group follows the release', () => {
  const names = (release?: string) => listOsloOptions(RABBIT, release).map((o) => o.name);
  assert.ok(names().includes('rabbit_stream_fanout'));
  assert.ok(!names('zed').includes('rabbit_stream_fanout'));
  assert.ok(names('zed').includes('heartbeat_in_pthread'));
  assert.ok(!names().includes('heartbeat_in_pthread'));
  assert.ok(!names().includes('rabbit_host'));
  assert.deepEqual(osloGroupsHaving('transport_url').sort(), ['DEFAULT', 'oslo_messaging_notifications']);
  assert.deepEqual(osloGroupsHaving('ssl'), [RABBIT]);
  assert.deepEqual(osloGroupsHaving('ssl', 'zed').sort(), ['oslo_messaging_amqp', RABBIT]);
});

test('suggestions: close current names of the group, old aliases offering the new name', () => {
  assert.deepEqual(suggestOsloOptions(RABBIT, 'ssl_verson'), ['ssl_version']);
  assert.deepEqual(suggestOsloOptions(RABBIT, 'SSL'), ['ssl']);
  assert.deepEqual(suggestOsloOptions(RABBIT, 'ssl_ca_fille'), ['ssl_ca_file']);
  assert.deepEqual(suggestOsloOptions(RABBIT, 'hearbeat_timeout_threshold'), ['heartbeat_timeout_threshold']);
  assert.deepEqual(suggestOsloOptions('oslo_messaging_kafka', 'security_protocl'), ['security_protocol']);
  // A near miss of an old alias offers the current name.
  assert.deepEqual(suggestOsloOptions(RABBIT, 'kombu_ssl_ca_cert', 'zed'), ['ssl_ca_file']);
  // Removed options are never offered; far-off names get nothing.
  assert.ok(!suggestOsloOptions(RABBIT, 'rabbit_hosst').includes('rabbit_host'));
  assert.deepEqual(suggestOsloOptions(RABBIT, 'completely_unrelated_setting'), []);
  assert.ok(suggestOsloOptions(RABBIT, 'ssl_').length <= 3);
  // Release-aware: the quorum spelling is not offered to Zed.
  assert.ok(!suggestOsloOptions(RABBIT, 'rabbit_quorum_max_memory_lenght', 'zed').includes('rabbit_quorum_max_memory_length'));
});

test('edit distance counts swaps as one edit and gives up past its limit', () => {
  assert.equal(editDistance('ssl', 'ssl', 2), 0);
  assert.equal(editDistance('slso', 'ssl', 3), 2);
  assert.equal(editDistance('ssl_verison', 'ssl_version', 3), 1);
  assert.equal(editDistance('abc', 'xyz', 3), 3);
  assert.equal(editDistance('a'.repeat(100), 'b'.repeat(100), 3), 4);
});
