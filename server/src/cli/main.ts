/**
 * `mq-harden` — the command-line checker. It drives the engine exactly as the
 * language server does: analyse each file, print the diagnostics, optionally
 * apply the safe fixes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, buildDocument, type EngineOptions } from '../engine/analysis/analyze.js';
import { detectLanguage } from '../engine/languages/detect.js';
import { AccountIndex, accountsOfDocument } from '../engine/workspace/index.js';
import { fixAll } from '../engine/analysis/fix-all.js';
import { SEVERITY_RANK } from '../engine/core/findings.js';
import { parseArgs, USAGE, UsageError, type CheckCommand } from './args.js';
import { collectFiles, describeIoError, type CandidateFile } from '../host/files.js';
import { fileSystemHost } from '../host/fs-host.js';
import { readProjectConfig } from './project-config.js';
import type { FileReport } from './report/model.js';
import { formatJson } from './report/json.js';
import { formatSarif } from './report/sarif.js';
import { formatText } from './report/text.js';

declare const MQ_HARDEN_VERSION: string | undefined;
const VERSION = typeof MQ_HARDEN_VERSION === 'string' ? MQ_HARDEN_VERSION : '0.0.0-dev';

/** The rule pages ship beside the bundle: `<package>/docs/rules/`. */
function docsBaseUrl(): string {
  const packageRoot = typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd();
  return pathToFileURL(join(packageRoot, 'docs', 'rules')).href + '/';
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/**
 * The broker accounts of every OpenStack service file given, so that OSLO202
 * can tell when two services share one (the index is built before any file
 * is checked).
 */
function indexAccounts(files: readonly CandidateFile[], options: EngineOptions): AccountIndex {
  const index = new AccountIndex();
  for (const file of files) {
    const detected = options.language ? { language: options.language, reason: 'override' as const } : detectLanguage(file.path, file.text);
    if (detected?.language !== 'oslo-config') continue;
    index.set(accountsOfDocument(buildDocument({ path: file.path, text: file.text }, detected, options), options.osloRelease));
  }
  return index;
}

function checkFiles(cmd: CheckCommand, io: Io): number {
  const { files, problems } = collectFiles(cmd.paths);
  const project = readProjectConfig(cmd.configFile);
  const options: EngineOptions = {
    language: cmd.language,
    docsBaseUrl: docsBaseUrl(),
    host: fileSystemHost(),
    rules: project.rules,
    checkFiles: cmd.checkFilesFlag || project.checkFilePermissions === true,
    osloRelease: cmd.osloRelease ?? project.osloRelease,
    inlineSuppressions: cmd.inlineSuppressions,
  };
  const withAccounts: EngineOptions = { ...options, accounts: indexAccounts(files, options) };
  const reports: FileReport[] = [];
  for (const file of files) {
    let text = file.text;
    let applied: FileReport['applied'];
    if (cmd.fix) {
      const fixed = fixAll({ path: file.path, text }, withAccounts);
      if (fixed.text !== text) {
        try {
          writeFileSync(file.path, (file.bom ? '\ufeff' : '') + fixed.text);
        } catch (e) {
          problems.push({ path: file.path, message: `cannot write fixes: ${describeIoError(e)}` });
          continue;
        }
        text = fixed.text;
      }
      applied = fixed.applied;
    }
    const result = analyze({ path: file.path, text }, withAccounts);
    if (!result) {
      if (file.explicit) io.err(`mq-harden: ${file.path}: not a file mq-harden recognises (use --language to force one)\n`);
      continue;
    }
    for (const e of result.internalErrors) io.err(`mq-harden: internal error in rule ${e.code} on ${file.path}: ${String(e.error)}\n`);
    reports.push({
      path: file.path,
      language: result.document.language,
      diagnostics: result.diagnostics,
      ...(applied ? { applied } : {}),
      ...(cmd.reportSuppressions ? { suppressed: result.suppressed } : {}),
    });
  }
  for (const p of problems) io.err(`mq-harden: ${p.path}: ${p.message}\n`);

  if (cmd.format === 'json') io.out(formatJson(reports));
  else if (cmd.format === 'sarif') io.out(formatSarif(reports, VERSION, docsBaseUrl()));
  else io.out(formatText(reports));

  if (problems.length > 0) return 2;
  if (cmd.exitZero) return 0;
  const threshold = SEVERITY_RANK[cmd.failOn];
  const failing = reports.some((r) => r.diagnostics.some((d) => SEVERITY_RANK[d.severity] <= threshold));
  return failing ? 1 : 0;
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
    return checkFiles(cmd, io);
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
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
