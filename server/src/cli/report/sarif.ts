import { pathToFileURL } from 'node:url';
import type { EngineDiagnostic, Severity } from '../../engine/core/findings.js';
import type { Range } from '../../engine/core/text.js';
import { ALL_RULES } from '../../engine/rules/index.js';
import { nestedJson, suppressionReason, type FileReport, type ReportWriter, type Sink } from './model.js';

/** SARIF has no "hint"; both information and hint become notes. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function artifactUri(path: string): string {
  if (path.startsWith('/')) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF regions are 1-based; columns count UTF-16 code units (SARIF's default columnKind). */
function region(r: Range): Record<string, number> {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** The rules of the tool's driver, with the index each result refers to them by. */
function driverRules(docsBaseUrl: string) {
  const rules = ALL_RULES.map((r) => ({
    id: r.code,
    name: r.name,
    shortDescription: { text: r.summary },
    helpUri: `${docsBaseUrl}${r.code}.md`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  return { rules, ruleIndex: new Map(rules.map((r, i) => [r.id, i])) };
}

/** One SARIF result; `justification` marks a finding silenced by a suppression comment. */
function sarifResult(path: string, d: EngineDiagnostic, justification: string | undefined, ruleIndex: ReadonlyMap<string, number>) {
  const location = { artifactLocation: { uri: artifactUri(path) }, region: region(d.range) };
  return {
    ruleId: d.code,
    ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: location }],
    // SARIF's own way to carry a finding silenced in the source, with the comment's reason.
    ...(justification !== undefined ? { suppressions: [{ kind: 'inSource', justification }] } : {}),
    ...(d.fixes.length > 0
      ? {
          fixes: d.fixes.map((f) => ({
            description: { text: f.title },
            artifactChanges: [
              {
                artifactLocation: location.artifactLocation,
                replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
              },
            ],
          })),
        }
      : {}),
  };
}

/** The results of one file: its findings, then the ones a comment silenced. */
function fileResults(report: FileReport, ruleIndex: ReadonlyMap<string, number>) {
  return [
    ...report.diagnostics.map((d) => sarifResult(report.path, d, undefined, ruleIndex)),
    ...(report.suppressed ?? []).map((s) => sarifResult(report.path, s.diagnostic, suppressionReason(s), ruleIndex)),
  ];
}

const EMPTY_RESULTS = '"results": []';

/**
 * A SARIF 2.1.0 log with one run, printed with two-space indentation and
 * written one file's results at a time: the log is printed with no results,
 * then the results are written where its empty list was.
 */
export function sarifReport(out: Sink, version: string, docsBaseUrl: string): ReportWriter {
  const { rules, ruleIndex } = driverRules(docsBaseUrl);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mq-harden', version, semanticVersion: version, informationUri: docsBaseUrl.replace(/rules\/$/, ''), rules } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const empty = JSON.stringify(log, null, 2);
  // `results` is the run's last property, so its empty list is the last one in the text.
  const at = empty.lastIndexOf(EMPTY_RESULTS);
  const head = empty.slice(0, at + EMPTY_RESULTS.length - 1);
  const tail = empty.slice(at + EMPTY_RESULTS.length - 1);
  let results = 0;
  return {
    add(report) {
      for (const result of fileResults(report, ruleIndex)) {
        // Results sit four levels deep: log → runs → run → results.
        out(`${results === 0 ? `${head}\n` : ',\n'}${nestedJson(result, 4)}`);
        results++;
      }
    },
    finish() {
      out(results === 0 ? `${empty}\n` : `\n      ${tail}\n`);
    },
  };
}
