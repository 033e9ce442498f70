/**
 * The open documents as the engine sees them: their analyses (one per
 * version), where they are on the disk, and the workspace host that lets an
 * editor's unsaved buffer stand in for the file on disk.
 *
 * Everything here answers in time independent of how many documents are
 * open: opening N documents must cost O(N), not O(N²) (each analysis of a
 * RabbitMQ file asks for its directory's files).
 */
import { dirname, normalize, parse, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult, type EngineOptions } from '../engine/analysis/analyze.js';
import type { WorkspaceHost } from '../engine/analysis/workspace.js';
import { isLanguageId } from '../engine/languages/ids.js';
import { fileSystemHost, readConfigText } from '../host/fs-host.js';
import { uriToPath } from './uri.js';

/**
 * Analyses open documents, one result per document version: a code-action
 * request, a pull-diagnostics request and a push for the same version share
 * one analysis.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; generation: number; options: EngineOptions; result: AnalysisResult | undefined }>();
  /** Bumped when a document changes that other documents' findings depend on (a RabbitMQ file's siblings). */
  private generation = 0;

  invalidateAll(): void {
    this.generation++;
  }

  get(doc: TextDocument, options: EngineOptions): AnalysisResult | undefined {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === this.generation && cached.options === options) return cached.result;
    const language = isLanguageId(doc.languageId) ? doc.languageId : undefined;
    // The version being replaced gives its tree up: after an edit, the parser re-reads only what changed.
    const earlier = cached?.result?.document;
    const source = { path: uriToPath(doc.uri), text: doc.getText(), ...(earlier ? { earlier } : {}) };
    const result = analyze(source, { ...options, language: language ?? options.language });
    this.entries.set(doc.uri, { version: doc.version, generation: this.generation, options, result });
    return result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A path as a map key: `/` and `\` are one separator on Windows (the engine joins with `/`), no trailing separator. */
function pathKey(path: string): string {
  const n = normalize(path);
  return n.endsWith(sep) && n !== parse(n).root ? n.slice(0, -1) : n;
}

/**
 * Where the open documents are: their paths (one URI conversion per
 * document, when it opens), the document at a path, and the names each
 * directory holds because of them (a file opened before it is saved, and
 * the directories above it).
 */
export class OpenDocumentPaths {
  private readonly pathOfUri = new Map<string, string>();
  private readonly uriAtPath = new Map<string, string>();
  /** Directory → the names in it that open documents account for, with how many documents account for each. */
  private readonly childNames = new Map<string, Map<string, number>>();
  /** Directory → the URIs of the open documents directly in it. */
  private readonly urisInDirectory = new Map<string, Set<string>>();

  add(uri: string): void {
    if (this.pathOfUri.has(uri)) return;
    const path = pathKey(uriToPath(uri));
    this.pathOfUri.set(uri, path);
    this.uriAtPath.set(path, uri);
    let set = this.urisInDirectory.get(dirname(path));
    if (!set) this.urisInDirectory.set(dirname(path), (set = new Set()));
    set.add(uri);
    this.forEachAncestor(path, (dir, name) => {
      let names = this.childNames.get(dir);
      if (!names) this.childNames.set(dir, (names = new Map()));
      names.set(name, (names.get(name) ?? 0) + 1);
    });
  }

  remove(uri: string): void {
    const path = this.pathOfUri.get(uri);
    if (path === undefined) return;
    this.pathOfUri.delete(uri);
    if (this.uriAtPath.get(path) === uri) this.uriAtPath.delete(path);
    const set = this.urisInDirectory.get(dirname(path));
    set?.delete(uri);
    if (set?.size === 0) this.urisInDirectory.delete(dirname(path));
    this.forEachAncestor(path, (dir, name) => {
      const names = this.childNames.get(dir);
      const count = (names?.get(name) ?? 0) - 1;
      if (count > 0) names!.set(name, count);
      else names?.delete(name);
      if (names?.size === 0) this.childNames.delete(dir);
    });
  }

  /** The path of an open document (its URI converted when it was opened). */
  pathOf(uri: string): string {
    return this.pathOfUri.get(uri) ?? uriToPath(uri);
  }

  /** The URI of the open document at `path`, if one is open. */
  uriAt(path: string): string | undefined {
    return this.uriAtPath.get(pathKey(path));
  }

  /** The names in `dir` that open documents account for. */
  namesIn(dir: string): Iterable<string> {
    return this.childNames.get(pathKey(dir))?.keys() ?? [];
  }

  /** The URIs of the open documents directly in `dir`. */
  urisIn(dir: string): Iterable<string> {
    return this.urisInDirectory.get(pathKey(dir)) ?? [];
  }

  /** Each directory above `path` with the name, in it, of the next step down (the file itself, then its directories). */
  private forEachAncestor(path: string, visit: (dir: string, name: string) => void): void {
    let child = path;
    let dir = dirname(child);
    while (dir !== child) {
      visit(dir, child.slice(dir.length + (dir.endsWith(sep) ? 0 : 1)));
      child = dir;
      dir = dirname(child);
    }
  }
}

/**
 * Directory listings of the disk, each read at most once per pass of work:
 * the cache empties itself as soon as the current task ends (a file created
 * meanwhile is seen by the next pass; the editor does not tell us about
 * every file, only about the ones it watches), and when the editor reports
 * file changes.
 */
export class DirectoryListings {
  private readonly listings = new Map<string, readonly string[] | undefined>();
  private clearing = false;

  constructor(private readonly disk: WorkspaceHost = fileSystemHost({ byteOrderMark: 'as-shown-by-editors' })) {}

  list(dir: string): readonly string[] | undefined {
    const key = pathKey(dir);
    if (this.listings.has(key)) return this.listings.get(key);
    const names = this.disk.listDirectory(dir);
    this.listings.set(key, names);
    if (!this.clearing) {
      this.clearing = true;
      setImmediate(() => this.clear());
    }
    return names;
  }

  clear(): void {
    this.listings.clear();
    this.clearing = false;
  }
}

/** What the editor host needs of the open documents. */
export interface OpenTexts {
  /** The current text of an open document. */
  textOf(uri: string): string | undefined;
}

/**
 * The workspace as the language server shows it to the engine: open
 * editors first (unsaved changes count, and a file opened before it is
 * saved exists), then the disk as an editor would show it (without a byte
 * order mark).
 */
export function editorHost(open: OpenDocumentPaths, texts: OpenTexts, listings: DirectoryListings): WorkspaceHost {
  return {
    readFile(path) {
      const uri = open.uriAt(path);
      const text = uri === undefined ? undefined : texts.textOf(uri);
      return text ?? readConfigText(path, 'as-shown-by-editors');
    },
    listDirectory(path) {
      const names = new Set(listings.list(path) ?? []);
      for (const name of open.namesIn(path)) names.add(name);
      return names.size > 0 ? [...names] : undefined;
    },
    stat: (path) => fileSystemHost().stat?.(path),
  };
}
