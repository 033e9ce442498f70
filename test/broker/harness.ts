/**
 * The real-RabbitMQ proof harness: everything a broker test needs, from one
 * import.
 *
 *   if (!requireBroker(t)) return;               // skip loudly, or fail under CI
 *   const certs = await makeCertificates(dir);
 *   const node = await startBroker({ name, rabbitmqConf: pointAtCertificates(text, certs) });
 *   t.after(() => node.stop());
 *   node.bootError / await node.listeners() / plainConnectRefused(5672) /
 *   tlsHandshake({...}) / amqpConnectionStart({...})
 *
 * Only one broker runs at a time on a machine (they share ports 5671/5672);
 * startBroker waits for its turn. Every process started is killed on
 * stop(), on process exit, and by a watchdog if this process is killed.
 */
export { brokerAvailable, brokerMissing, requireBroker, RABBITMQ_BIN_DIR } from './installation.js';
export { makeCertificates, type CertificateFiles, type TestCertificates } from './certificates.js';
export { PLACEHOLDER_PATHS, pointAtCertificates } from './placeholders.js';
export { startBroker, type BrokerListener, type BrokerNode, type CliResult, type NodePids, type StartBrokerOptions } from './broker.js';
export type { BrokerConfigFiles } from './node-layout.js';
export { plainConnectRefused, tlsHandshake, type HandshakeOptions, type HandshakeResult } from './tls-probes.js';
export { amqpConnectionStart, type AmqpStartResult } from './amqp-probe.js';
export type { ProbeFailure, TlsClientOptions } from './tls-client.js';
export type { ConnectionStart, FieldTable, FieldValue } from './amqp-frame.js';
