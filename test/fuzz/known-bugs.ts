/**
 * Bugs the fix fuzzing found in code outside this folder, reported to its
 * owners. The fix properties leave out exactly the cases each one describes
 * (so that the rest stays checked), and known-gaps.test.ts replays each
 * reproduction as a `todo` test: it starts passing once the bug is fixed,
 * and then the entry here should go.
 */
import type { AnalysisResult } from '../../server/src/engine/analysis/analyze.js';
import type { Fix } from '../../server/src/engine/core/findings.js';

export interface KnownFixBug {
  readonly id: string;
  /** What goes wrong, where, and the proposed change. */
  readonly description: string;
  /** A file that shows it: applying its fixes (or fix-all twice) breaks a fix property. */
  readonly reproduction: { readonly path: string; readonly text: string };
  /** True for a fix (or, without `fix`, a whole analysed document) this bug may affect. */
  affects(result: AnalysisResult, fix?: Fix): boolean;
}

export const KNOWN_FIX_BUGS: readonly KnownFixBug[] = [
  {
    id: 'rmq-insert-into-empty-list',
    description:
      'RMQ102 on a classic config whose rabbit list is empty (`[{rabbit, []}].`) inserts `{ssl_listeners, [5671]}{ssl_options, …}`: '
      + 'two elements without a comma between them, a syntax error (rules/rmq fix builder for insertions into an empty proplist).',
    reproduction: { path: '/tmp/known-bug/rabbitmq.config', text: '[{rabbit, []}].\n' },
    // Two tuples side by side never belong in an inserted list element.
    affects: (_result, fix) => fix !== undefined && fix.edits.some((e) => e.newText.includes('}{')),
  },
  {
    id: 'fixes-on-broken-template',
    description:
      'In a template with control flow, syntax errors of the masked text are not reported (they may be rendering artefacts), '
      + 'but the rules still run on the recovered tree: RMQ101 then offers "Set {tcp_listeners, []}" placed after the closing `]` '
      + 'of the document, and fix-all applies it 8 times without converging. Proposed: no edit fixes (or at least no safe ones) '
      + 'when the document has any syntax error, reported or not (analysis/analyze.ts ruleContext / rules/rmq/fixer.ts); '
      + 'fix-all could also stop when a pass offers the same edits as the previous one.',
    reproduction: {
      path: '/tmp/known-bug/rabbitmq.config.j2',
      text: '[\n  {kernel, [\n  {kernel, [{inet_dist_listen_min, 25672}]},\n{% if x %}\n  {rabbit, [{hipe_compile, true}]}\n{% endif %}\n].\n',
    },
    affects: (result) => result.document.template !== undefined && result.document.syntaxErrors.length > 0,
  },
];

/** The known bug that explains a failure here, if any. */
export function knownFixBug(result: AnalysisResult, fix?: Fix): KnownFixBug | undefined {
  return KNOWN_FIX_BUGS.find((b) => b.affects(result, fix));
}
