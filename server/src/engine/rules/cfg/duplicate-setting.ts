import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import type { AnalyzedDocument, SettingOccurrence } from '../../analysis/document.js';
import { LANGUAGE_IDS } from '../../languages/ids.js';
import { duplicateWinner } from '../../languages/support.js';
import type { Rule } from '../rule.js';

/** Occurrences that may collide: concrete keys, outside template branches and loops. */
function groupByScopeAndKey(settings: readonly SettingOccurrence[]): Map<string, SettingOccurrence[]> {
  const groups = new Map<string, SettingOccurrence[]>();
  for (const s of settings) {
    if (s.templated || s.conditional || s.repeatable) continue;
    const id = `${s.scope}\u0000${s.key}`;
    const list = groups.get(id);
    if (list) list.push(s);
    else groups.set(id, [s]);
  }
  return groups;
}

export const duplicateSetting: Rule = {
  code: 'CFG004',
  name: 'duplicate-setting',
  defaultSeverity: 'warning',
  summary: 'The same key set twice in one scope, where only one wins.',
  languages: LANGUAGE_IDS,
  *check({ doc }): Iterable<Finding> {
    const winnerIsLast = duplicateWinner(doc.language) === 'last';
    for (const list of groupByScopeAndKey(doc.settings).values()) {
      if (list.length < 2) continue;
      const winner = winnerIsLast ? list[list.length - 1] : list[0];
      const winnerLine = doc.lines.lineOf(winner.keySpan.start) + 1;
      for (const loser of list) {
        if (loser === winner) continue;
        const where = loser.scope ? ` in ${loser.scope}` : '';
        yield {
          span: loser.keySpan,
          message: `'${abbreviate(loser.key)}' is set again${where} on line ${winnerLine}; this occurrence is ignored`,
          fixes: [{ title: `Remove the ignored '${abbreviate(loser.key)}'`, edits: [{ span: loser.removalSpan, newText: '' }], safe: true, preferred: true }],
        };
      }
    }
  },
};
