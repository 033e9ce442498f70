/**
 * Prints every regular expression in server/src with the structural
 * review's verdict (test/hostile/regex-risk.ts) as a Markdown table. The
 * test in test/hostile/regexes.test.ts requires every flagged pattern to be
 * explained there; this is the list to read.
 *
 *   node --import tsx scripts/regex-review.ts
 */
import { join } from 'node:path';
import { findRegexes } from '../test/hostile/regex-inventory.js';
import { regexRisks } from '../test/hostile/regex-risk.js';

const root = join(__dirname, '..');
const found = findRegexes(root, join(root, 'server', 'src'));
const cell = (s: string) => s.replace(/\|/g, '\\|');
console.log('| where | pattern | verdict |');
console.log('| --- | --- | --- |');
for (const r of found) {
  const risks = regexRisks(r.source, r.flags);
  const verdict = r.constructed ? 'built at run time: read it' : risks.length === 0 ? 'linear' : `flagged (${risks.map((x) => x.why).join('; ')}): see REVIEWED_SAFE in test/hostile/regexes.test.ts`;
  console.log(`| \`${r.file.replace('server/src/', '')}:${r.line}\` | \`/${cell(r.source)}/${r.flags}\` | ${verdict} |`);
}
console.log(`\n${found.length} regular expressions.`);
