/**
 * The OSLO and QPID rules inside the engine's own pipeline (runRules:
 * severities, LSP ranges, fix conversion; fixAll), as they will run once
 * the engine lists them in ALL_RULES. Until then this file adds them to the
 * list for its own process (each test file runs in a process of its own).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analysis/analyze.js';
import { fixAll } from '../../server/src/engine/analysis/fix-all.js';
import { ALL_RULES, findRule } from '../../server/src/engine/rules/index.js';
import { OSLO_RULES } from '../../server/src/engine/rules/oslo/index.js';
import { QPID_RULES } from '../../server/src/engine/rules/qpid/index.js';
import type { Rule } from '../../server/src/engine/rules/rule.js';
import { ROOT, SHARED_DIR, sharedAvailable } from '../helpers/paths.js';

if (!findRule('OSLO101')) (ALL_RULES as Rule[]).push(...OSLO_RULES, ...QPID_RULES);

const EXAMPLES = ['openstack/queens-legacy/nova.conf', 'openstack/half-hardened/neutron.conf', 'openstack/qpid-era/cinder.conf', 'qpid/qpidd.conf'];

test('every OSLO and QPID code of rules.md is registered exactly once, with its page', (t) => {
  if (!sharedAvailable()) {
    if (process.env.CI === 'true') throw new Error(`shared/ missing at ${SHARED_DIR}`);
    return t.skip(`SHARED MISSING at ${SHARED_DIR}`);
  }
  const rulesMd = readFileSync(join(SHARED_DIR, 'rules.md'), 'utf8');
  const listed = [...rulesMd.matchAll(/^\| ((?:OSLO|QPID)\d{3}) \| ([a-z0-9-]+) \| (\w+) \|/gm)];
  assert.ok(listed.length >= 20);
  for (const [, code, name, severity] of listed) {
    const rules = ALL_RULES.filter((r) => r.code === code);
    assert.equal(rules.length, 1, code);
    assert.equal(rules[0].name, name, code);
    assert.equal(rules[0].defaultSeverity, severity, code);
    const page = readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${code} — ${name}\n`), `${code}.md title`);
  }
});

test('the engine pipeline reports our findings with LSP ranges, links and fixes', () => {
  const path = join(ROOT, 'examples', EXAMPLES[0]);
  const result = analyze({ path, text: readFileSync(path, 'utf8') });
  assert.ok(result);
  assert.deepEqual(result.internalErrors, []);
  const oslo = result.diagnostics.filter((d) => d.code.startsWith('OSLO'));
  assert.ok(oslo.length > 0);
  for (const d of oslo) {
    assert.equal(d.codeDescription.href, `docs/rules/${d.code}.md`);
    assert.equal(result.document.lines.offsetAt(d.range.start), d.span.start);
    assert.ok(!d.message.includes('\n'), d.message);
    assert.ok(!d.message.includes('RABBIT_PASS'), d.message);
  }
  // Severity overrides and `off` apply to our rules like to any other.
  const quiet = analyze({ path, text: readFileSync(path, 'utf8') }, { rules: { OSLO301: 'off', OSLO101: 'hint' } });
  assert.ok(quiet);
  assert.ok(!quiet.diagnostics.some((d) => d.code === 'OSLO301'));
  assert.ok(quiet.diagnostics.filter((d) => d.code === 'OSLO101').every((d) => d.severity === 'hint'));
});

test('the engine fix-all applies only safe fixes and settles', () => {
  for (const rel of EXAMPLES) {
    const path = join(ROOT, 'examples', rel);
    const text = readFileSync(path, 'utf8');
    const once = fixAll({ path, text });
    for (const a of once.applied) {
      const rule = findRule(a.code);
      assert.ok(rule, a.code);
    }
    assert.equal(fixAll({ path, text: once.text }).text, once.text, rel);
    const after = analyze({ path, text: once.text });
    assert.ok(after);
    for (const d of after.diagnostics) assert.ok(!d.fixes.some((f) => f.safe), `${rel}: ${d.code} still has a safe fix`);
  }
});
