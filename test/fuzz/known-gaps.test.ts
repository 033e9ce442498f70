// Known gaps found by the fuzzing in code owned elsewhere, reported to the
// owners: places where the Erlang parser's spans do not yet keep ast.ts's
// word (the parser property tolerates exactly these, see "KNOWN GAP" in
// invariants/erlang.ts) and fix bugs (known-bugs.ts). These `todo` tests
// hold the strict reading, so they start passing — and the tolerance can
// go — once the code is fixed. They report; they do not fail the run.
import { test } from 'node:test';
import { parseErlangTerms } from '../../server/src/engine/formats/erlang/index.js';
import { checkFixes } from './fix-properties.js';
import { checkErlang } from './invariants/erlang.js';
import { KNOWN_FIX_BUGS } from './known-bugs.js';

const GAPS: readonly (readonly [string, string])[] = [
  ['a form without its dot spans to its last token (parse.ts toForm ends it at the last expression)', 'verify>>:'],
  ['a trailing comma of a form without its dot is in the form', '[a],'],
  ['a form that could not be parsed does not overlap the next one (toForm reads cursor.end after the whole range)', '= [a].'],
  ['the placeholder of a missing operand lies inside its parent (cursor.missing puts it at the next token)', 'a + ,'],
  ['an operator whose operand is missing ends inside its list', '[+ .'],
];

for (const [promise, input] of GAPS) {
  test(`erlang spans: ${promise}: ${JSON.stringify(input)}`, { todo: 'known gap, reported to the parser author' }, () => {
    checkErlang(input, parseErlangTerms(input), { strict: true });
  });
}

// Fix bugs found by fixes.test.ts (known-bugs.ts has what, where and the proposed change).
for (const bug of KNOWN_FIX_BUGS) {
  test(`fixes: ${bug.id} (known-bugs.ts)`, { todo: 'known bug, reported' }, () => {
    checkFixes(bug.reproduction.path, bug.reproduction.text, { strict: true });
  });
}
