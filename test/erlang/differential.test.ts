// Differential test: every fixture in test/fixtures/erlang/ goes through our
// parser and through Erlang's own file:consult/1 (one escript run for all),
// and the two must agree: same accept/reject, the same terms when accepted,
// the same first error line, module and message when rejected.
//
// Fixture folders: valid/ (Erlang accepts), invalid/ (Erlang rejects),
// calls/ (inter_node_tls.config style: Erlang's file:consult rejects the
// calls, our parser must match it by default and accept them with allowCalls).
//
// The one accepted difference: `a; f() -> b.` makes OTP 25's
// file:consult/1 crash (a case_clause inside erl_parse:parse_term/1) instead
// of returning an error. A crash rejects the file just the same; we report
// it as `bad term` (invalid/crash-clauses.config).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseErlangTerms } from '../../server/src/engine/formats/erlang/index.js';
import { assertAgrees, containsCallOrFun } from './agreement.js';
import { consult, oracleAvailable, requireOracle } from './oracle.js';

const ROOT = resolve('test/fixtures/erlang');
const FOLDERS = ['valid', 'invalid', 'calls'] as const;

const fixtures = FOLDERS.flatMap((folder) =>
  readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.config')).sort().map((f) => ({ folder, name: f, path: join(ROOT, folder, f) })),
);

test('there are at least 90 fixtures, in every folder', () => {
  assert.ok(fixtures.length >= 90, `${fixtures.length} fixtures`);
  for (const folder of FOLDERS) assert.ok(fixtures.some((f) => f.folder === folder), folder);
});

if (!oracleAvailable()) {
  test('differential test against file:consult/1', (t) => {
    requireOracle(t);
  });
} else {
  const verdicts = consult(fixtures.map((f) => f.path));
  fixtures.forEach((fixture, k) => {
    const verdict = verdicts[k];
    const text = readFileSync(fixture.path, 'utf8');
    test(`${fixture.folder}/${fixture.name}`, () => {
      if (fixture.folder === 'valid') assert.ok(verdict.ok, `erl rejects a valid/ fixture: ${JSON.stringify(verdict)}`);
      else assert.ok(!verdict.ok, 'erl accepts an invalid/ or calls/ fixture');
      assertAgrees(text, verdict, false);
      if (fixture.folder === 'valid') {
        assertAgrees(text, verdict, true); // allowCalls only widens what is accepted
      }
      if (fixture.folder === 'calls') {
        assert.ok('line' in verdict && verdict.message === 'bad term');
        const outcome = parseErlangTerms(text, { allowCalls: true });
        assert.deepEqual(outcome.errors, []);
        assert.ok(outcome.tree.forms.length === 1 && containsCallOrFun(outcome.tree.forms[0].term!));
      }
    });
  });
}
