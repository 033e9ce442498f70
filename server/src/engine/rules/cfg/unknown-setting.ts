import type { Finding } from '../../core/findings.js';
import { LANGUAGE_IDS } from '../../languages/ids.js';
import type { Rule } from '../rule.js';

export const unknownSetting: Rule = {
  code: 'CFG002',
  name: 'unknown-setting',
  defaultSeverity: 'warning',
  summary: 'A key that the real software does not know.',
  languages: LANGUAGE_IDS,
  *check({ doc }): Iterable<Finding> {
    for (const s of doc.settings) {
      if (!s.unknown || s.templated) continue;
      const [best] = s.unknown.suggestions;
      yield {
        span: s.keySpan,
        message: best ? `${s.unknown.message}; did you mean '${best}'?` : s.unknown.message,
        fixes: s.unknown.suggestions.slice(0, 3).map((name, i) => ({
          title: `Rename to '${name}'`,
          edits: [{ span: s.keySpan, newText: name }],
          safe: false, // a guess at what was meant: offered, never applied by fix-all
          preferred: i === 0 && s.unknown!.suggestions.length === 1,
        })),
      };
    }
  },
};
