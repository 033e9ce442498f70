// Real configuration files written by others (../shared/corpus/rabbitmq):
// every plain (non-template) Erlang-term config goes through our parser and
// through Erlang's file:consult/1, and they must agree. Files with calls
// (inter_node_tls.config, an advanced.config with a match_fun) are rejected
// by file:consult/1; we must reject them the same way by default and accept
// them with allowCalls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseErlangTerms } from '../../server/src/engine/formats/erlang/index.js';
import { assertAgrees, containsCallOrFun } from './agreement.js';
import { consult, oracleAvailable, requireOracle } from './oracle.js';
import { sameTagged, toTagged } from './tagged.js';

const CORPUS = resolve('../shared/corpus/rabbitmq');

/** Erlang-term configs by name: `*.config`, `*.config.example`, `*.config__variant`. */
const CONFIG_NAME = /\.config($|[._])/;
/** Jinja2, ERB and EPP tags: those files are templates, handled elsewhere. */
const TEMPLATE_TAG = /\{\{|\{%|<%/;

function plainConfigs(): string[] {
  const found: string[] = [];
  for (const dir of readdirSync(CORPUS)) {
    const path = join(CORPUS, dir);
    if (!statSync(path).isDirectory()) continue;
    for (const name of readdirSync(path).sort()) {
      if (CONFIG_NAME.test(name) && !TEMPLATE_TAG.test(readFileSync(join(path, name), 'utf8'))) found.push(join(path, name));
    }
  }
  return found;
}

const files = plainConfigs();
const names = files.map((f) => relative(CORPUS, f));

test('the corpus files named in the task are all found', () => {
  for (const expected of [
    'rabbitmq-website-docs/management-https.classic.config',
    'rabbitmq-website-docs/ssl-03-basic-listener.classic.config',
    'rabbitmq-website-docs/ssl-05-key-password.classic.config',
    'rabbitmq-website-docs/ssl-07-depth.classic.config',
    'rabbitmq-website-docs/ssl-10-ciphers.classic.config',
    'rabbitmq-website-docs/ssl-11-honor-cipher-order.classic.config',
    'rabbitmq-website-docs/clustering-ssl-inter_node_tls.config',
    'upstream/rabbitmq.config.example__classic-2019',
    'upstream/rabbit__advanced.config.example',
    'upstream/rabbitmq_prelaunch__test__rabbit_prelaunch_file_SUITE_data__advanced.config',
    'upstream/rabbitmq_auth_backend_oauth2__demo__rsa_docker__rabbitmq__rabbitmq.config',
    'kolla-ansible/rabbitmq.config__2015-docker-common',
    'cluster-operator/mtls-inter-node__inter_node_tls.config',
  ]) {
    assert.ok(names.includes(expected), `${expected} not found among ${names.join(', ')}`);
  }
});

if (!oracleAvailable()) {
  test('corpus against file:consult/1', (t) => {
    requireOracle(t);
  });
} else {
  const verdicts = consult(files);
  files.forEach((file, k) => {
    const verdict = verdicts[k];
    const text = readFileSync(file, 'utf8');
    test(names[k], () => {
      assertAgrees(text, verdict, false);
      const withCalls = parseErlangTerms(text, { allowCalls: true });
      if (verdict.ok) {
        assert.deepEqual(withCalls.errors, []);
        assert.ok(sameTagged(withCalls.tree.forms.map((f) => toTagged(f.term!)), verdict.terms));
      } else if ('line' in verdict && verdict.message === 'bad term') {
        // The corpus's only non-terms are calls: accepted with allowCalls.
        assert.deepEqual(withCalls.errors, []);
        assert.ok(containsCallOrFun(withCalls.tree.forms[0].term!));
      } else {
        assertAgrees(text, verdict, true); // a syntax error stays one
      }
    });
  });
}
