/**
 * What the suite expects, reasoned from the rule catalog (../shared/rules.md)
 * and the example files themselves — not copied from the engine's output.
 */

/** The insecure classic config the first three steps work on (workspace-relative). */
export const CLASSIC_INSECURE = 'rabbitmq/classic-insecure/rabbitmq.config';

/**
 * Its findings, file by file: no `tcp_listeners` (RabbitMQ's default opens
 * 5672 everywhere: RMQ101); TLS on 0.0.0.0 and the management listener on a
 * bare port (RMQ103); `verify_none` (RMQ105); no `fail_if_no_peer_cert`
 * (RMQ106); `tlsv1.1` (RMQ107); the system CA bundle (RMQ110); guest/guest
 * (RMQ201); `{loopback_users, []}` (RMQ202); `{listener, [...]}` without ssl
 * (RMQ301). With key-file checks off (the suite's settings) RMQ111/112 cannot fire.
 */
export const CLASSIC_INSECURE_CODES = ['RMQ101', 'RMQ103', 'RMQ105', 'RMQ106', 'RMQ107', 'RMQ110', 'RMQ201', 'RMQ202', 'RMQ301'];

/** rules.md's RMQ101 fix for classic configs. */
export const RMQ101_FIX = /\{\s*tcp_listeners\s*,\s*\[\s*\]\s*\}/;

/**
 * Findings whose rules.md fix is a plain value change, so fix-all must remove
 * them: RMQ101 (`{tcp_listeners, []}`), RMQ105 (`verify_peer`), RMQ106
 * (`fail_if_no_peer_cert` true), RMQ107 (only tlsv1.3/tlsv1.2), RMQ202
 * (guest back on loopback), RMQ301 (the legacy management listener moved to
 * HTTPS with placeholder certificates).
 */
export const FIXED_BY_FIX_ALL = ['RMQ101', 'RMQ105', 'RMQ106', 'RMQ107', 'RMQ202', 'RMQ301'];

/**
 * Findings fix-all must leave: rules.md gives RMQ103, RMQ110 and RMQ201 no
 * fix (they need a human: an address, the deployment's CA, per-service
 * users); and once verify_peer + fail_if_no_peer_cert make TLS mutual,
 * RMQ204 (EXTERNAL not offered) fires, whose fix is not a safe one.
 */
export const LEFT_BY_FIX_ALL = ['RMQ103', 'RMQ110', 'RMQ201', 'RMQ204'];

/** The oslo file of step 5 and the secret its transport_url carries (percent-encoded in the file). */
export const NOVA_CONF = 'openstack/hardened/nova.conf';

/** The `.conf` file of step 6; RMQ103 there has no fix, so a suppression is the way to silence it. */
export const CONF_INSECURE = 'rabbitmq/conf-insecure/rabbitmq.conf';

/** An empty rabbitmq.conf of its own (no siblings to merge with), for step 4. */
export const EMPTY_CONF = 'e2e-empty/rabbitmq.conf';

/** Codes a snippet may leave: they depend on files of this machine (rules.md RMQ111, RMQ112). */
export const FILE_DEPENDENT_CODES = ['RMQ111', 'RMQ112'];

/**
 * A copy of CLASSIC_INSECURE as the examples ship it (steps 2 and 3 change the
 * original), opened for the first time only after step 7 killed the language
 * server: whatever findings it gets can only come from the restarted server.
 * Alone in its folder, so its findings are CLASSIC_INSECURE_CODES.
 */
export const RESTART_CONFIG = 'e2e-restart/rabbitmq.config';

/**
 * What step 7 types into that copy, as the first entry of the `rabbit`
 * section (before the comment that opens it): rules.md's RMQ101 fix by hand,
 * so RMQ101 must go and nothing else.
 */
export const RESTART_EDIT = '{tcp_listeners, []}, ';
