import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/paths.js';
import { filesUnder } from '../helpers/files.js';

/**
 * Real files that the real parser rejects too, with the reason. Every other
 * corpus file must come through without CFG001.
 */
const KNOWN_BAD: Record<string, string> = {
  'rabbitmq/rabbitmq-website-docs/ssl-11-honor-cipher-order.classic.config':
    "RabbitMQ's docs publish it with a trailing comma before ']' (file:consult rejects it)",
  'rabbitmq/rabbitmq-website-docs/production-checklist-anonymous-login.conf':
    "extracted from the docs with the Markdown fence line still on line 1; cuttlefish stops there",
};

test('every corpus file goes through the engine without throwing and without false syntax errors', (t) => {
  if (!sharedAvailable()) {
    if (process.env.CI === 'true') throw new Error(`corpus missing at ${CORPUS_DIR}`);
    t.skip(`CORPUS MISSING at ${CORPUS_DIR}`);
    return;
  }
  const files = filesUnder(CORPUS_DIR);
  assert.ok(files.length > 50, `only ${files.length} corpus files`);
  const recognised: string[] = [];
  const wrong: string[] = [];
  for (const file of files) {
    const rel = relative(CORPUS_DIR, file);
    const result = analyze({ path: file, text: readFileSync(file, 'utf8') });
    if (!result) continue;
    recognised.push(rel);
    assert.deepEqual(result.internalErrors, [], `${rel}: a rule threw`);
    const syntax = result.diagnostics.filter((d) => d.code === 'CFG001');
    const expectBad = rel in KNOWN_BAD;
    if (expectBad !== syntax.length > 0) {
      wrong.push(`${rel}: ${expectBad ? 'expected CFG001' : syntax.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
    }
  }
  assert.deepEqual(wrong, []);
  // The corpus has files of every format; each must be recognised.
  for (const must of [
    'oslo/historical-plain/neutron/neutron.conf.kilo',
    'oslo/kolla-ansible/nova/nova.conf.j2',
    'rabbitmq/kolla-ansible/rabbitmq.conf.j2',
    'rabbitmq/kolla-ansible/advanced.config.j2',
    'rabbitmq/rabbitmq-website-docs/ssl-01-basic-listener.conf',
    'rabbitmq/upstream/rabbitmq.config.example__classic-2019',
    'rabbitmq/puppet-rabbitmq/rabbitmq.config.erb__2024',
    'rabbitmq/cluster-operator/mtls-inter-node__inter_node_tls.config',
  ]) {
    assert.ok(recognised.includes(must), `${must} not recognised`);
  }
});
