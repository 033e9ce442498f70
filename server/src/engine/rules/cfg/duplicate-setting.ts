import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import type { AnalyzedDocument, SettingOccurrence } from '../../analysis/document.js';
import { LANGUAGE_IDS } from '../../languages/ids.js';
import { duplicateWinner } from '../../languages/support.js';
import type { Rule } from '../rule.js';

/**
 * The keys set more than once in a scope, each with its occurrences in
 * document order; only concrete keys outside template branches and loops
 * count. (A list is made only for a key seen twice: most keys are not.)
 */
function duplicateGroups(settings: readonly SettingOccurrence[]): SettingOccurrence[][] {
  const byScope = new Map<string, Map<string, SettingOccurrence | SettingOccurrence[]>>();
  const groups: SettingOccurrence[][] = [];
  for (const s of settings) {
    if (s.templated || s.conditional || s.repeatable) continue;
    let keys = byScope.get(s.scope);
    if (!keys) {
      keys = new Map();
      byScope.set(s.scope, keys);
    }
    const found = keys.get(s.key);
    if (found === undefined) keys.set(s.key, s);
    else if (Array.isArray(found)) found.push(s);
    else {
      const list = [found, s];
      keys.set(s.key, list);
      groups.push(list);
    }
  }
  return groups.sort((a, b) => a[0].keySpan.start - b[0].keySpan.start);
}

export const duplicateSetting: Rule = {
  code: 'CFG004',
  name: 'duplicate-setting',
  defaultSeverity: 'warning',
  summary: 'The same key set twice in one scope, where only one wins.',
  languages: LANGUAGE_IDS,
  *check({ doc }): Iterable<Finding> {
    const winnerIsLast = duplicateWinner(doc.language) === 'last';
    for (const list of duplicateGroups(doc.settings)) {
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
