/**
 * The VS Code side: starts the language server over node IPC for our four
 * languages, and adds what only the editor can do — commands, a status bar
 * item, running the one file-system command a fix may ask for (chmod 0600 on
 * a key file, trusted workspaces only). Findings and fixes come from the server.
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
  type ExtensionContext,
  type StatusBarItem,
} from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGES = ['rabbitmq-config', 'rabbitmq-conf', 'oslo-config', 'qpidd-conf'];
/** Fix commands that change files outside the editor: never in untrusted workspaces. */
const TRUSTED_ONLY_COMMANDS = new Set(['mq-harden.chmod600']);

let client: LanguageClient | undefined;
let status: StatusBarItem | undefined;

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
  const state = client?.state === State.Running ? 'running' : client?.state === State.Starting ? 'starting' : 'stopped';
  const findings = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'mq-harden').length;
  status.text = state === 'running' ? `$(shield) MQ Harden: ${findings}` : `$(shield) MQ Harden (${state})`;
  status.tooltip = `MQ Harden language server: ${state}. ${findings} finding(s) in this file. Click to check the workspace.`;
  status.show();
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // Service files anywhere in the workspace feed the account index (OSLO202).
    synchronize: { configurationSection: 'mq-harden', fileEvents: workspace.createFileSystemWatcher('**/*.{conf,ini,j2}') },
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
    status,
    commands.registerCommand('mq-harden.chmod600', chmod600),
    commands.registerCommand('mq-harden.showDocumentation', showDocumentation),
    commands.registerCommand('mq-harden.checkWorkspace', checkWorkspace),
    commands.registerCommand('mq-harden.applyAllSafeFixes', applyAllSafeFixes),
    window.onDidChangeActiveTextEditor(updateStatus),
    languages.onDidChangeDiagnostics(updateStatus),
  );
  client = new LanguageClient('mq-harden', 'MQ Harden', serverOptions, clientOptions);
  context.subscriptions.push(client.onDidChangeState(updateStatus));
  await client.start();
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
