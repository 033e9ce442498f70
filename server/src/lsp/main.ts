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
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { analyze, type EngineOptions } from '../engine/analysis/analyze.js';
import { collectFiles } from '../host/files.js';
import { rabbitConfigurationFiles, type WorkspaceHost } from '../engine/analysis/workspace.js';
import { fileSystemHost, MAX_FILE_BYTES } from '../host/fs-host.js';
import { fixAll } from '../engine/analysis/fix-all.js';
import { toLspDiagnostic, toQuickFixes } from './convert.js';
import { WorkspaceAccounts } from './accounts.js';
import { AnalysisCache } from './documents.js';
import { EDITOR_FEATURE_CAPABILITIES, registerEditorFeatures, suppressionCodeActions } from './features/index.js';
import { minimalEdit } from './minimal-edit.js';
import { readSettings, type ServerSettings } from './settings.js';
import { uriToPath } from './uri.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mq-harden`;

const connection = createConnection(ProposedFeatures.all);
// A failed request to the client must never take the server down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`mq-harden: ${reason instanceof Error ? reason.stack : String(reason)}`));
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();

let usePull = false;
let supportsConfiguration = false;
let settings: ServerSettings = readSettings(undefined);
const timers = new Map<string, NodeJS.Timeout>();

/** Sibling files come from open editors first (unsaved changes count), then from the disk. */
const host: WorkspaceHost = {
  readFile(path) {
    const open = documents.all().find((d) => uriToPath(d.uri) === path);
    if (open) return open.getText();
    const disk = fileSystemHost();
    return disk.readFile(path);
  },
  // Open editors count as files even before they are saved.
  listDirectory(path) {
    const names = new Set(fileSystemHost().listDirectory(path) ?? []);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const d of documents.all()) {
      const p = uriToPath(d.uri);
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return names.size > 0 ? [...names] : undefined;
  },
  stat: (path) => fileSystemHost().stat?.(path),
};


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

connection.onInitialized(() => {
  // OSLO202 needs every service file's accounts: index the workspace once, off the first request's path.
  setImmediate(() => {
    const n = accounts.scan(workspaceFolders, engineOptions);
    if (n > 0) republishServiceFiles();
  });
  void refreshSettings().catch((e) => connection.console.error(`mq-harden: cannot read settings: ${String(e)}`));
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

/** Open RabbitMQ documents of the same configuration as `doc` (rabbitmq.conf, conf.d, advanced.config). */
function siblingsOf(doc: TextDocument): TextDocument[] {
  // Only RabbitMQ files have siblings; asking for the others would cost a directory scan per open document.
  if (doc.languageId !== 'rabbitmq-conf' && doc.languageId !== 'rabbitmq-config') return [];
  const path = uriToPath(doc.uri);
  return documents.all().filter((d) => d.uri !== doc.uri && rabbitConfigurationFiles(uriToPath(d.uri), host).includes(path));
}

function schedule(doc: TextDocument): void {
  cache.invalidateAll();
  if (usePull) {
    // Pull clients ask again for every open document; siblings' findings may have changed.
    if (siblingsOf(doc).length > 0) connection.languages.diagnostics.refresh();
    return;
  }
  const pending = timers.get(doc.uri);
  if (pending) clearTimeout(pending);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) {
        publish(current);
        for (const sibling of siblingsOf(current)) publish(sibling);
      }
    }, settings.debounceMs),
  );
}

documents.onDidOpen((e) => {
  if (!usePull) publish(e.document); // no wait on open: the user is looking at it now
});
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidSave((e) => {
  if (accounts.update(uriToPath(e.document.uri), e.document.getText(), engineOptions)) republishServiceFiles();
});
connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (change.type === FileChangeType.Deleted) accounts.remove(path);
    else {
      try {
        accounts.update(path, readFileSync(path, 'utf8'), engineOptions);
      } catch {
        accounts.remove(path);
      }
    }
  }
  republishServiceFiles();
});
documents.onDidClose((e) => {
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
    const result = analyze({ path: file.path, text: file.text }, engineOptions);
    if (!result) continue;
    findings += result.diagnostics.length;
    void connection.sendDiagnostics({ uri, diagnostics: result.diagnostics.map(toLspDiagnostic) });
  }
  return { files: files.length, findings };
});

documents.listen(connection);
connection.listen();
