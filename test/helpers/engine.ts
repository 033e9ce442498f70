import { analyze, type AnalysisResult, type EngineOptions } from '../../server/src/engine/analysis/analyze.js';
import type { WorkspaceHost } from '../../server/src/engine/analysis/workspace.js';

/** An in-memory workspace: path → text. */
export function memoryHost(files: Record<string, string>): WorkspaceHost {
  return {
    readFile: (path) => files[path],
    listDirectory(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

/** Analyses `path` within an in-memory workspace (siblings included). */
export function analyzeIn(files: Record<string, string>, path: string, options: EngineOptions = {}): AnalysisResult {
  const r = analyze({ path, text: files[path] }, { host: memoryHost(files), ...options });
  if (!r) throw new Error(`${path} is not recognised`);
  return r;
}

export function codesOf(r: AnalysisResult): string[] {
  return [...new Set(r.diagnostics.map((d) => d.code))].sort();
}
