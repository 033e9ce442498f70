/**
 * Erlang-term files (classic rabbitmq.config, advanced.config,
 * inter_node_tls.config): a parser faithful to Erlang's file:consult/1
 * (OTP 25), and accessors for rule writers.
 */
export { parseErlangTerms, type ErlangParseOutcome } from './parse.js';
export type * from './ast.js';
export * from './access.js';
/** Erlang's own spelling of atoms and strings, for messages that quote config values. */
export { writeAtom, writeString } from './messages.js';
