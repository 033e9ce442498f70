import { pathToFileURL } from 'node:url';
import type { Severity } from '../../engine/core/findings.js';
import type { Range } from '../../engine/core/text.js';
import { ALL_RULES } from '../../engine/rules/index.js';
import { suppressionReason, type FileReport } from './model.js';

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

/** A SARIF 2.1.0 log with one run. */
export function formatSarif(reports: readonly FileReport[], version: string, docsBaseUrl: string): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.code,
    name: r.name,
    shortDescription: { text: r.summary },
    helpUri: `${docsBaseUrl}${r.code}.md`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) =>
    [
      ...report.diagnostics.map((d) => ({ d, justification: undefined as string | undefined })),
      ...(report.suppressed ?? []).map((s) => ({ d: s.diagnostic, justification: suppressionReason(s) })),
    ].map(({ d, justification }) => {
      const location = { artifactLocation: { uri: artifactUri(report.path) }, region: region(d.range) };
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
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mq-harden', version, semanticVersion: version, informationUri: docsBaseUrl.replace(/rules\/$/, ''), rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
