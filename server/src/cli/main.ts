/**
 * `mq-harden` — the command-line checker. It drives the engine exactly as the
 * language server does: analyse each file, print the diagnostics, optionally
 * apply the safe fixes (see check.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileSystemHost } from '../host/fs-host.js';
import { parseArgs, USAGE, UsageError } from './args.js';
import { runCheck, type Io } from './check.js';
import { readProjectConfig } from './project-config.js';

declare const MQ_HARDEN_VERSION: string | undefined;
const VERSION = typeof MQ_HARDEN_VERSION === 'string' ? MQ_HARDEN_VERSION : '0.0.0-dev';

/** The rule pages ship beside the bundle: `<package>/docs/rules/`. */
function docsBaseUrl(): string {
  const packageRoot = typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd();
  return pathToFileURL(join(packageRoot, 'docs', 'rules')).href + '/';
}

/** Runs the CLI; returns the exit code. Never throws for a user's mistake. */
export function main(argv: readonly string[], io: Io): number {
  try {
    const cmd = parseArgs(argv);
    if (cmd.kind === 'help') {
      io.out(USAGE + '\n');
      return 0;
    }
    if (cmd.kind === 'version') {
      io.out(VERSION + '\n');
      return 0;
    }
    const project = readProjectConfig(cmd.configFile);
    const docs = docsBaseUrl();
    const options = {
      language: cmd.language,
      docsBaseUrl: docs,
      host: fileSystemHost(),
      rules: project.rules,
      checkFiles: cmd.checkFilesFlag || project.checkFilePermissions === true,
      osloRelease: cmd.osloRelease ?? project.osloRelease,
      inlineSuppressions: cmd.inlineSuppressions,
    };
    return runCheck(cmd, io, { options, version: VERSION, docsBaseUrl: docs });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mq-harden: ${e.message}\n`);
      return 2;
    }
    io.err(`mq-harden: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // A reader that stops early (`mq-harden check … | head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
