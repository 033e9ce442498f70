/**
 * The VS Code side: starts the language server over node IPC for our four
 * languages, and runs the one command a fix may ask for (chmod 0600 on a key
 * file) — only in trusted workspaces. Everything else comes from the server.
 */
import { chmod } from 'node:fs/promises';
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGES = ['rabbitmq-config', 'rabbitmq-conf', 'oslo-config', 'qpidd-conf'];
/** Fix commands that change files outside the editor: never in untrusted workspaces. */
const TRUSTED_ONLY_COMMANDS = new Set(['mq-harden.chmod600']);

let client: LanguageClient | undefined;

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
  context.subscriptions.push(commands.registerCommand('mq-harden.chmod600', chmod600));
  client = new LanguageClient('mq-harden', 'MQ Harden', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
