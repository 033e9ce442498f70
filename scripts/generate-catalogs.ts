/**
 * `npm run catalogs`: regenerates the committed catalogs under
 * server/src/engine/catalog/data/ from the real upstream definitions in
 * ../shared (RabbitMQ's cuttlefish schemas, oslo-config-generator output).
 * Building and testing never need ../shared; only this script does.
 */
import { resolve } from 'node:path';
import { generateOsloCatalogs } from './catalogs/oslo.js';
import { generateRabbitmqCatalogs } from './catalogs/rabbitmq.js';

const root = resolve(__dirname, '..');
const shared = process.env.MQ_HARDEN_SHARED ?? resolve(root, '..', 'shared');
const out = resolve(root, 'server', 'src', 'engine', 'catalog', 'data');

async function main(): Promise<void> {
  await generateRabbitmqCatalogs(shared, out);
  await generateOsloCatalogs(shared, out);
  console.log(`catalogs written to ${out}`);
}

main().catch((e) => {
  console.error(`generate-catalogs: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
