/**
 * Is a real RabbitMQ installed here, and the CI rule for when it is not.
 *
 * We call the scripts in /usr/lib/rabbitmq/bin directly: the /usr/sbin
 * wrappers of the Debian package switch to the `rabbitmq` user and read the
 * system configuration, which is exactly what a private test node must avoid.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'node:test';
import { oracleMissing } from '../helpers/oracle.js';

/** Folder holding rabbitmq-server, rabbitmqctl and rabbitmq-diagnostics. */
export const RABBITMQ_BIN_DIR = process.env.MQ_HARDEN_RABBITMQ_BIN ?? '/usr/lib/rabbitmq/bin';

/** The RabbitMQ tools the harness runs, by name. */
export type RabbitmqTool = 'rabbitmq-server' | 'rabbitmqctl' | 'rabbitmq-diagnostics';

export function rabbitmqTool(tool: RabbitmqTool): string {
  return join(RABBITMQ_BIN_DIR, tool);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of a command found on PATH, or undefined. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/**
 * What is missing for the broker tests, in words, or undefined when
 * everything is there: the RabbitMQ scripts, Erlang's epmd, and openssl
 * (for the throwaway certificates).
 */
export function brokerMissing(): string | undefined {
  const missing: string[] = [];
  for (const tool of ['rabbitmq-server', 'rabbitmqctl', 'rabbitmq-diagnostics'] as const) {
    if (!isExecutable(rabbitmqTool(tool))) missing.push(rabbitmqTool(tool));
  }
  if (!findOnPath('epmd')) missing.push('epmd (Erlang)');
  if (!findOnPath('openssl')) missing.push('openssl');
  if (missing.length === 0) return undefined;
  return `RabbitMQ broker (apt-get install rabbitmq-server openssl): missing ${missing.join(', ')}`;
}

/** True when rabbitmq-server and the tools the harness needs are installed. */
export function brokerAvailable(): boolean {
  return brokerMissing() === undefined;
}

/**
 * Call first in every broker test: returns true when the broker is there.
 * Otherwise it skips the test loudly, or fails it under CI=true (via
 * {@link oracleMissing}), and returns false.
 */
export function requireBroker(t: TestContext): boolean {
  const missing = brokerMissing();
  if (missing === undefined) return true;
  oracleMissing(t, missing);
  return false;
}
