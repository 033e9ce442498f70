/**
 * The committed RabbitMQ catalogs are exactly what the generator makes now
 * from the schemas in ../shared (read by Erlang through escript). When a
 * schema or the generator changes, run `npm run catalogs` and commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracleMissing } from '../helpers/oracle.js';
import { ROOT, SHARED_DIR, sharedAvailable } from '../helpers/paths.js';
import { generateRabbitmqCatalogs } from '../../scripts/catalogs/rabbitmq.js';

const COMMITTED = join(ROOT, 'server', 'src', 'engine', 'catalog', 'data');

test('data/rabbitmq-conf.json and data/rabbitmq-classic.json match a fresh generation', async (t) => {
  if (!sharedAvailable()) return oracleMissing(t, `the shared reference folder (${SHARED_DIR}) with RabbitMQ's schemas`);
  if (spawnSync('escript', ['-s', join(ROOT, 'scripts', 'catalogs', 'cuttlefish-schema-to-json.escript')]).status !== 0) {
    return oracleMissing(t, 'escript (Erlang), which reads the schemas');
  }
  const out = mkdtempSync(join(tmpdir(), 'mq-harden-rabbitmq-catalog-'));
  await generateRabbitmqCatalogs(SHARED_DIR, out);
  for (const file of ['rabbitmq-conf.json', 'rabbitmq-classic.json']) {
    const fresh = readFileSync(join(out, file), 'utf8');
    const committed = readFileSync(join(COMMITTED, file), 'utf8');
    assert.ok(fresh === committed, `${file} is stale: run \`npm run catalogs\` and commit the result`);
  }
});
