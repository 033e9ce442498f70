// Known gaps found by the fuzzing in code owned elsewhere, reported to the
// owners: fix bugs (known-bugs.ts). These `todo` tests hold the strict
// reading, so they start passing once the code is fixed. They report; they
// do not fail the run. (The Erlang span gaps once listed here are fixed:
// they are normal tests in test/erlang/spans.test.ts, and the fuzz property
// in invariants/erlang.ts checks the strict reading.)
import { test } from 'node:test';
import { checkFixes } from './fix-properties.js';
import { KNOWN_FIX_BUGS } from './known-bugs.js';

// Fix bugs found by fixes.test.ts (known-bugs.ts has what, where and the proposed change).
// None is open: the last ones are normal tests now (test/engine/fix-policy.test.ts)
// and cases in test/fuzz-regressions/cases/.
for (const bug of KNOWN_FIX_BUGS) {
  test(`fixes: ${bug.id} (known-bugs.ts)`, { todo: 'known bug, reported' }, () => {
    checkFixes(bug.reproduction.path, bug.reproduction.text, { strict: true });
  });
}
