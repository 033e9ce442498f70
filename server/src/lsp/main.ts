/**
 * The language server: a thin host around the engine. It keeps the open
 * documents, asks the engine for diagnostics (pushed after a short debounce,
 * or pulled by clients that support it) and turns the engine's fixes into
 * code actions.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { basename, dirname, join } from 'node:path';
import { analyze, type EngineOptions } from '../engine/analysis/analyze.js';
import { collectFiles } from '../host/files.js';
import { rabbitConfigurationFiles, type WorkspaceHost } from '../engine/analysis/workspace.js';
import { MAX_FILE_BYTES, readConfigText } from '../host/fs-host.js';
import { fixAll } from '../engine/analysis/fix-all.js';
import { toLspDiagnostic, toQuickFixes } from './convert.js';
import { WorkspaceAccounts, type ScanSummary } from './accounts.js';
import { AnalysisCache, DirectoryListings, editorHost, OpenDocumentPaths } from './documents.js';
import { EDITOR_FEATURE_CAPABILITIES, registerEditorFeatures, suppressionCodeActions } from './features/index.js';
import { minimalEdit } from './minimal-edit.js';
import { readSettings, type ServerSettings } from './settings.js';
import { uriToPath } from './uri.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mq-harden`;
/** A request that resolves when the workspace's OSLO202 index is complete (see indexWorkspace). */
export const WORKSPACE_INDEX_REQUEST = 'mq-harden/workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
// A failed request to the client must never take the server down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`mq-harden: ${reason instanceof Error ? reason.stack : String(reason)}`));
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();

let usePull = false;
let supportsConfiguration = false;
let settings: ServerSettings = readSettings(undefined);
const timers = new Map<string, NodeJS.Timeout>();

/** Where the open documents are, so that a lookup by path or directory does not walk them all. */
const openPaths = new OpenDocumentPaths();
const listings = new DirectoryListings();
/** Sibling files come from open editors first (unsaved changes count), then from the disk. */
const host: WorkspaceHost = editorHost(openPaths, { textOf: (uri) => documents.get(uri)?.getText() }, listings);

const accounts = new WorkspaceAccounts();
let workspaceFolders: string[] = [];

function optionsFrom(s: ServerSettings): EngineOptions {
  const docsBaseUrl = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href + '/';
  return { rules: s.rules, docsBaseUrl, host, checkFiles: s.checkFilePermissions, osloRelease: s.osloRelease, accounts: accounts.index };
}

// After `host` and `accounts`: the options carry them.
let engineOptions: EngineOptions = optionsFrom(settings);

/** Re-analyse every open service file: an account changed somewhere. */
function republishServiceFiles(): void {
  cache.invalidateAll();
  if (usePull) {
    connection.languages.diagnostics.refresh();
    return;
  }
  for (const d of documents.all()) if (analyse(d)?.document.language === 'oslo-config') publish(d);
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  usePull = caps.textDocument?.diagnostic !== undefined;
  supportsConfiguration = caps.workspace?.configuration === true;
  const init = params.initializationOptions as { debounceMs?: number } | undefined;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
  if (typeof init?.debounceMs === 'number') settings = { ...settings, debounceMs: init.debounceMs };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      ...(usePull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      ...EDITOR_FEATURE_CAPABILITIES,
    },
    serverInfo: { name: 'mq-harden' },
  };
});

async function refreshSettings(): Promise<void> {
  if (!supportsConfiguration) return;
  const section: unknown = await connection.workspace.getConfiguration('mq-harden');
  settings = { ...readSettings(section), debounceMs: settings.debounceMs };
  engineOptions = optionsFrom(settings);
  cache.clear();
  if (usePull) connection.languages.diagnostics.refresh();
  else for (const doc of documents.all()) publish(doc);
}

/** Starts indexing the workspace folders for OSLO202 (once), off the path of the first requests. */
function indexWorkspace(): Promise<ScanSummary> {
  const started = accounts.whenScanned();
  if (started) return started;
  const scan = accounts.scan(workspaceFolders, () => engineOptions);
  scan.then(
    (summary) => {
      connection.console.log(`mq-harden: indexed the broker accounts of ${summary.indexed} service files (${summary.files} files looked at) in ${Math.round(summary.ms)} ms`);
      if (summary.indexed > 0) republishServiceFiles();
    },
    (e: unknown) => connection.console.error(`mq-harden: cannot index the workspace: ${e instanceof Error ? e.stack : String(e)}`),
  );
  return scan;
}

connection.onInitialized(() => {
  void indexWorkspace();
  void refreshSettings().catch((e) => connection.console.error(`mq-harden: cannot read settings: ${String(e)}`));
});
/**
 * Resolves when the workspace index OSLO202 reads is complete: how many
 * files were looked at and indexed, and how long it took (benchmarks and
 * tests wait on it; editors need not).
 */
connection.onRequest(WORKSPACE_INDEX_REQUEST, async () => {
  const summary = await indexWorkspace();
  return { ...summary, indexSize: accounts.index.size };
});
connection.onDidChangeConfiguration(() => {
  void refreshSettings().catch((e) => connection.console.error(`mq-harden: cannot read settings: ${String(e)}`));
});

/**
 * Documents larger than this are not analysed: no configuration file is this
 * large, and the editor must stay responsive. The CLI's limit is the same.
 */
export const MAX_DOCUMENT_CHARS = MAX_FILE_BYTES;
const declined = new Set<string>();

function analyse(doc: TextDocument) {
  if (doc.getText().length > MAX_DOCUMENT_CHARS) {
    if (!declined.has(doc.uri)) {
      declined.add(doc.uri);
      // A notification, not a request: nothing to wait for, nothing to fail.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `MQ Harden does not analyse ${uriToPath(doc.uri)}: it is larger than ${MAX_DOCUMENT_CHARS / 1024 / 1024} MiB.`,
      });
    }
    return undefined;
  }
  declined.delete(doc.uri);
  const result = cache.get(doc, engineOptions);
  for (const e of result?.internalErrors ?? []) {
    connection.console.error(`mq-harden: rule ${e.code} failed on ${doc.uri}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`);
  }
  return result;
}

function publish(doc: TextDocument): void {
  const result = analyse(doc);
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: (result?.diagnostics ?? []).map(toLspDiagnostic) });
}

function isRabbitDocument(doc: TextDocument): boolean {
  return doc.languageId === 'rabbitmq-conf' || doc.languageId === 'rabbitmq-config';
}

/**
 * Open RabbitMQ documents of the same configuration as `doc` (rabbitmq.conf,
 * conf.d, advanced.config): only documents in its configuration's directory
 * or that directory's conf.d can be, so only those are asked.
 */
function siblingsOf(doc: TextDocument): TextDocument[] {
  // Only RabbitMQ files have siblings.
  if (!isRabbitDocument(doc)) return [];
  const path = openPaths.pathOf(doc.uri);
  const dir = dirname(path);
  const directories = [dir, join(dir, 'conf.d'), ...(basename(dir) === 'conf.d' ? [dirname(dir)] : [])];
  const out: TextDocument[] = [];
  for (const uri of new Set(directories.flatMap((d) => [...openPaths.urisIn(d)]))) {
    const other = uri === doc.uri ? undefined : documents.get(uri);
    if (other && rabbitConfigurationFiles(openPaths.pathOf(uri), host).includes(path)) out.push(other);
  }
  return out;
}

/**
 * After a change (or an open: `opening`, the document is published
 * already), publishes the document after the debounce, and the open
 * documents whose findings depend on it.
 */
function schedule(doc: TextDocument, opening: boolean): void {
  // Only a RabbitMQ file's text changes other documents' findings (their configuration's siblings).
  if (!opening && isRabbitDocument(doc)) cache.invalidateAll();
  if (usePull) {
    // Pull clients ask again for every open document; siblings' findings may have changed.
    if (siblingsOf(doc).length > 0) connection.languages.diagnostics.refresh();
    return;
  }
  if (opening && !isRabbitDocument(doc)) return;
  const pending = timers.get(doc.uri);
  if (pending) clearTimeout(pending);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      if (!opening || current.version !== doc.version) publish(current);
      for (const sibling of siblingsOf(current)) publish(sibling);
    }, settings.debounceMs),
  );
}

/** The document whose open event is being handled: the change event that follows it is that open, not an edit. */
let opened: TextDocument | undefined;
documents.onDidOpen((e) => {
  openPaths.add(e.document.uri);
  opened = e.document;
  // Its siblings' findings may change: an unsaved buffer stands in for the file on disk.
  if (isRabbitDocument(e.document)) cache.invalidateAll();
  if (!usePull) publish(e.document); // no wait on open: the user is looking at it now
});
documents.onDidChangeContent((e) => {
  const opening = e.document === opened;
  opened = undefined;
  schedule(e.document, opening);
});
documents.onDidSave((e) => {
  if (accounts.update(uriToPath(e.document.uri), e.document.getText(), engineOptions)) republishServiceFiles();
});
connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (change.type === FileChangeType.Deleted) accounts.remove(path);
    else accounts.updateFromDisk(path, engineOptions);
  }
  listings.clear();
  republishServiceFiles();
});
documents.onDidClose((e) => {
  openPaths.remove(e.document.uri);
  cache.forget(e.document.uri);
  const pending = timers.get(e.document.uri);
  if (pending) clearTimeout(pending);
  if (!usePull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  const items = doc ? (analyse(doc)?.diagnostics ?? []).map(toLspDiagnostic) : [];
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const result = analyse(doc);
  if (!result) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    for (const d of result.diagnostics) {
      if (d.span.end < start || d.span.start > end) continue;
      actions.push(...toQuickFixes(doc.uri, d, toLspDiagnostic(d)));
    }
    actions.push(...suppressionCodeActions(doc, result, params.range));
  }
  if (wants(CodeActionKind.QuickFix)) {
    // "Show documentation for CODE": once per code under the cursor, after the fixes.
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const codes = new Map<string, string>();
    for (const d of result.diagnostics) if (d.span.end >= start && d.span.start <= end) codes.set(d.code, d.codeDescription.href);
    for (const [code, href] of codes) {
      actions.push({ title: `Show documentation for ${code}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${code}`, command: 'mq-harden.showDocumentation', arguments: [href] } });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const fixed = fixAll({ path: uriToPath(doc.uri), text: doc.getText() }, { ...engineOptions, language: result.document.language });
    if (fixed.applied.length > 0) {
      actions.push({
        title: `Fix all safe mq-harden findings (${fixed.applied.length})`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: [minimalEdit(doc, fixed.text)] } },
      });
    }
  }
  return actions;
});

registerEditorFeatures(connection, documents, analyse, () => engineOptions);
/** "MQ Harden: Check workspace": every recognised file of the workspace folders, open or not. */
connection.onRequest('mq-harden/checkWorkspace', () => {
  const { files } = collectFiles(workspaceFolders);
  let findings = 0;
  for (const file of files) {
    const uri = pathToFileURL(file.path).href;
    if (documents.get(uri)) {
      findings += analyse(documents.get(uri)!)?.diagnostics.length ?? 0;
      continue;
    }
    // As the editor would show it: without a byte order mark.
    const text = readConfigText(file.path, 'as-shown-by-editors');
    const result = text === undefined ? undefined : analyze({ path: file.path, text }, engineOptions);
    if (!result) continue;
    findings += result.diagnostics.length;
    void connection.sendDiagnostics({ uri, diagnostics: result.diagnostics.map(toLspDiagnostic) });
  }
  return { files: files.length, findings };
});

documents.listen(connection);
connection.listen();
