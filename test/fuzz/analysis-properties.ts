/**
 * The whole analysis (template masking, parse, model, every rule) on fuzzed
 * files: it never throws, no rule fails, and every diagnostic lies inside
 * the document.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analysis/analyze.js';

/** File names that route a fuzz target's inputs to each language (and template dialect). */
export const ANALYSIS_ROUTES: readonly (readonly [target: string, path: string])[] = [
  ['erlang', '/fuzz/rabbitmq.config'],
  ['erlang', '/fuzz/advanced.config'],
  ['erlang', '/fuzz/inter_node_tls.config'],
  ['cuttlefish', '/fuzz/rabbitmq.conf'],
  ['oslo-ini', '/fuzz/nova.conf'],
  ['qpidd', '/fuzz/qpidd.conf'],
  ['template-jinja', '/fuzz/nova.conf.j2'],
  ['template-jinja', '/fuzz/rabbitmq.config.j2'],
  ['template-erb', '/fuzz/rabbitmq.conf.erb'],
  ['template-placeholder', '/fuzz/rabbitmq.config'],
];

export function checkAnalysis(path: string, text: string): void {
  const result = analyze({ path, text });
  assert.ok(result, `${path} is not recognised`);
  assert.deepEqual(result.internalErrors.map((e) => `${e.code}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`), [], 'a rule failed');
  for (const d of result.diagnostics) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} span ${d.span.start}-${d.span.end} outside ${text.length}`);
  }
}
