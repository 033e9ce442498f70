import type { Finding } from '../../core/findings.js';
import { LANGUAGE_IDS } from '../../languages/ids.js';
import type { Rule } from '../rule.js';

export const invalidValue: Rule = {
  code: 'CFG003',
  name: 'invalid-value',
  defaultSeverity: 'error',
  summary: 'A value the software rejects or misreads.',
  languages: LANGUAGE_IDS,
  *check({ doc }): Iterable<Finding> {
    for (const s of doc.settings) {
      if (!s.invalid || s.templated) continue;
      const span = s.valueSpan ?? s.keySpan;
      const replacement = s.invalid.replacement;
      yield {
        span,
        message: s.invalid.message,
        fixes:
          replacement !== undefined && s.valueSpan
            ? [{ title: `Replace with '${replacement}'`, edits: [{ span: s.valueSpan, newText: replacement }], safe: true, preferred: true }]
            : [],
      };
    }
  },
};
