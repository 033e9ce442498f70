/**
 * The VS Code side: starts the language server over node IPC for our four
 * languages (and again after a crash, within a budget), and adds what only
 * the editor can do — commands, a status bar item, running the one
 * file-system command a fix may ask for (chmod 0600 on a key file, trusted
 * workspaces only). Findings and fixes come from the server.
 */
import { chmod } from 'node:fs/promises';
import * as path from 'node:path';
import {
  commands,
  env,
  languages,
  ProgressLocation,
  StatusBarAlignment,
  Uri,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type OutputChannel,
  type StatusBarItem,
} from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const LANGUAGES = ['rabbitmq-config', 'rabbitmq-conf', 'oslo-config', 'qpidd-conf'];
/** Fix commands that change files outside the editor: never in untrusted workspaces. */
const TRUSTED_ONLY_COMMANDS = new Set(['mq-harden.chmod600']);

/** Crashes tolerated within RESTART_WINDOW_MS; one more and the server stays stopped (vscode-languageclient's default budget). */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** The client now serving the editor: replaced by a fresh one after each crash. */
let client: LanguageClient | undefined;
/** Its state listener, which goes with it. */
let clientStateListener: Disposable | undefined;
/** What every client is made of, fixed at activation. */
let launch: { readonly serverOptions: ServerOptions; readonly clientOptions: LanguageClientOptions } | undefined;
let status: StatusBarItem | undefined;
/** One channel for every client, so a crash and the restart that follows read as one story. */
let output: OutputChannel | undefined;
/** When the server crashed within the last RESTART_WINDOW_MS (Date.now() values). */
let recentCrashes: number[] = [];
/** Set once the budget is spent: the server stays stopped until the user asks for a restart. */
let gaveUp = false;
let deactivating = false;

async function chmod600(file: unknown): Promise<void> {
  if (!workspace.isTrusted) {
    void window.showWarningMessage('MQ Harden changes file modes only in trusted workspaces.');
    return;
  }
  if (typeof file !== 'string') return;
  try {
    await chmod(file, 0o600);
    void window.showInformationMessage(`MQ Harden: ${file} is now 0600.`);
  } catch (e) {
    void window.showErrorMessage(`MQ Harden: cannot chmod ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Opens a rule's page (a file shipped with the extension, or a web page). */
async function showDocumentation(href: unknown): Promise<void> {
  if (typeof href !== 'string') return;
  const uri = Uri.parse(href);
  if (uri.scheme === 'file') await commands.executeCommand('markdown.showPreview', uri);
  else await env.openExternal(uri);
}

async function checkWorkspace(): Promise<void> {
  if (!client) return;
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'MQ Harden: checking the workspace', cancellable: false },
    () => client!.sendRequest<{ files: number; findings: number }>('mq-harden/checkWorkspace'),
  );
  void window.showInformationMessage(`MQ Harden: ${result.files} files checked, ${result.findings} findings (see the Problems panel).`);
}

async function applyAllSafeFixes(): Promise<void> {
  await commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.mq-harden', apply: 'first' });
}

/** The status bar shows the server's state and the active file's findings, for our languages only. */
function updateStatus(): void {
  if (!status) return;
  const editor = window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    status.hide();
    return;
  }
  const state = gaveUp ? 'crashed' : client?.state === State.Running ? 'running' : client?.state === State.Starting ? 'starting' : 'stopped';
  const findings = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'mq-harden').length;
  status.text = state === 'running' ? `$(shield) MQ Harden: ${findings}` : `$(shield) MQ Harden (${state})`;
  status.tooltip = gaveUp
    ? `MQ Harden language server: crashed ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes, not restarted (see the MQ Harden output).`
    : `MQ Harden language server: ${state}. ${findings} finding(s) in this file. Click to check the workspace.`;
  status.show();
}

/**
 * What the client does when the server's connection breaks (the server
 * crashed or was killed). vscode-languageclient 9.0.1 can restart a server
 * in place, but that restart disposes the didOpen event its pull-diagnostics
 * feature listens to: documents opened afterwards would never get findings.
 * So the broken client is told not to restart, and a fresh client replaces it.
 */
const errorHandler: ErrorHandler = {
  // As the library's default: a few read/write errors are tolerated, then the client stops.
  error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
  closed(): CloseHandlerResult {
    if (deactivating) return { action: CloseAction.DoNotRestart, handled: true };
    const now = Date.now();
    recentCrashes = [...recentCrashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (recentCrashes.length > MAX_RESTARTS) {
      gaveUp = true;
      void offerRestart();
      return { action: CloseAction.DoNotRestart, handled: true, message: `The MQ Harden language server crashed ${recentCrashes.length} times within ${RESTART_WINDOW_MS / 60_000} minutes; it is not restarted.` };
    }
    // After the broken client has finished handling the close (it disposes its connection and features).
    setTimeout(() => void replaceClient(), 0);
    return {
      action: CloseAction.DoNotRestart,
      handled: true, // a line in the output channel, no notification: the restart is the answer
      message: `The MQ Harden language server stopped unexpectedly; starting a new one (restart ${recentCrashes.length} of at most ${MAX_RESTARTS} within ${RESTART_WINDOW_MS / 60_000} minutes).`,
    };
  },
};

/** Starts a client (and with it a server) that serves the editor from now on. */
async function startClient(): Promise<void> {
  if (!launch) return;
  const fresh = new LanguageClient('mq-harden', 'MQ Harden', launch.serverOptions, launch.clientOptions);
  client = fresh;
  clientStateListener = fresh.onDidChangeState(updateStatus);
  await fresh.start();
}

/** Swaps the stopped client for a fresh one, which opens the editor's documents with a new server. */
async function replaceClient(): Promise<void> {
  if (deactivating) return;
  const broken = client;
  client = undefined;
  clientStateListener?.dispose();
  await broken?.dispose().catch(() => undefined); // it is stopped already: this only releases it
  try {
    await startClient();
  } catch (e) {
    output?.appendLine(`MQ Harden: cannot restart the language server: ${e instanceof Error ? e.message : String(e)}`);
  }
  updateStatus();
}

/** The budget is spent: say so, and let the user start the server again. */
async function offerRestart(): Promise<void> {
  updateStatus();
  const choice = await window.showErrorMessage(
    `MQ Harden: the language server crashed ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes and was not restarted.`,
    'Restart',
    'Show Output',
  );
  if (choice === 'Show Output') output?.show();
  if (choice !== 'Restart') return;
  recentCrashes = [];
  gaveUp = false;
  await replaceClient();
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  output = window.createOutputChannel('MQ Harden');
  // Service files anywhere in the workspace feed the account index (OSLO202).
  const serviceFiles = workspace.createFileSystemWatcher('**/*.{conf,ini,j2}');
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'mq-harden', fileEvents: serviceFiles },
    outputChannel: output,
    errorHandler,
    middleware: {
      // Offer commands that touch the file system only where the user trusts the workspace.
      async provideCodeActions(document, range, ctx, token, next) {
        const actions = (await next(document, range, ctx, token)) ?? [];
        if (workspace.isTrusted) return actions;
        return actions.filter((a) => !('command' in a && a.command && typeof a.command === 'object' && TRUSTED_ONLY_COMMANDS.has(a.command.command)));
      },
    },
  };
  status = window.createStatusBarItem(StatusBarAlignment.Right, 100);
  status.command = 'mq-harden.checkWorkspace';
  context.subscriptions.push(
    output,
    serviceFiles,
    status,
    commands.registerCommand('mq-harden.chmod600', chmod600),
    commands.registerCommand('mq-harden.showDocumentation', showDocumentation),
    commands.registerCommand('mq-harden.checkWorkspace', checkWorkspace),
    commands.registerCommand('mq-harden.applyAllSafeFixes', applyAllSafeFixes),
    window.onDidChangeActiveTextEditor(updateStatus),
    languages.onDidChangeDiagnostics(updateStatus),
  );
  launch = { serverOptions, clientOptions };
  await startClient();
  updateStatus();
}

export async function deactivate(): Promise<void> {
  deactivating = true;
  clientStateListener?.dispose();
  await client?.stop();
}
