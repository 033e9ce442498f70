/**
 * `mq-harden check`: two passes over the files, one file in memory at a time.
 *
 * 1. The walk reads each file once to find the ones to check, and indexes
 *    the broker accounts of the OpenStack service files (OSLO202 compares a
 *    file's accounts with every other file's, so the index must be complete
 *    before the first file is checked). Only the index entries are kept.
 * 2. Each file is read again, fixed (`--fix`), analysed, and its report
 *    written out at once; only the counts the exit code needs are kept.
 */
import { writeFileSync } from 'node:fs';
import { analyze, buildDocument, type AnalysisResult, type EngineOptions } from '../engine/analysis/analyze.js';
import { fixAll } from '../engine/analysis/fix-all.js';
import { SEVERITY_RANK } from '../engine/core/findings.js';
import type { DetectedLanguage } from '../engine/languages/detect.js';
import { sharedBrokerAccount } from '../engine/rules/oslo/shared-broker-account.js';
import { AccountIndex, accountsOfDocument } from '../engine/workspace/index.js';
import { byteOrderMarkRejectedBy, textToWrite } from '../host/byte-order-mark.js';
import { collectFiles, describeIoError, isProblem, readCandidate, type CandidateFile, type FileProblem, type FileRead } from '../host/files.js';
import type { CheckCommand } from './args.js';
import { reportKeptMark } from './byte-order-mark.js';
import type { FileReport, ReportWriter, Sink } from './report/model.js';
import { jsonReport } from './report/json.js';
import { sarifReport } from './report/sarif.js';
import { textReport } from './report/text.js';

/** Where the CLI writes: the report to `out`, problems and notices to `err`. */
export interface Io {
  out: Sink;
  err: Sink;
}

/** What the report and the exit code need besides the command. */
export interface CheckContext {
  readonly options: EngineOptions;
  readonly version: string;
  readonly docsBaseUrl: string;
}

function reportWriter(cmd: CheckCommand, io: Io, ctx: CheckContext): ReportWriter {
  if (cmd.format === 'json') return jsonReport(io.out);
  if (cmd.format === 'sarif') return sarifReport(io.out, ctx.version, ctx.docsBaseUrl);
  return textReport(io.out);
}

/** The language a file is read as: `--language`, or what the walk detected. */
function languageOf(file: CandidateFile, cmd: CheckCommand): DetectedLanguage | undefined {
  return cmd.language ? { language: cmd.language, reason: 'override' } : file.detected;
}

/** Pass 1: a service file's broker accounts into the index (the document itself is dropped). */
function indexAccounts(index: AccountIndex, read: FileRead, cmd: CheckCommand, options: EngineOptions): void {
  const detected = languageOf(read.file, cmd);
  if (detected?.language !== 'oslo-config') return;
  index.set(accountsOfDocument(buildDocument({ path: read.file.path, text: read.text }, detected, options), options.osloRelease));
}

/** Pass 2 for one file: fix, analyse, and what the report shows; undefined when there is nothing to report. */
function checkFile(file: CandidateFile, cmd: CheckCommand, options: EngineOptions, io: Io, problems: FileProblem[]): FileReport | undefined {
  const language = languageOf(file, cmd)?.language;
  const read = readCandidate(file.path, language);
  if (isProblem(read)) {
    problems.push(read); // changed since the walk read it
    return undefined;
  }
  // The language is known: the engine must not detect it again on a text that kept a byte order mark.
  const fileOptions: EngineOptions = language ? { ...options, language } : options;
  let text = read.text;
  let applied: FileReport['applied'];
  let analysed: AnalysisResult | undefined;
  if (cmd.fix) {
    const fixed = fixAll({ path: file.path, text }, fileOptions);
    if (fixed.text !== text) {
      try {
        writeFileSync(file.path, textToWrite(fixed.text, read.bom));
      } catch (e) {
        problems.push({ path: file.path, message: `cannot write fixes: ${describeIoError(e)}` });
        return undefined;
      }
      text = fixed.text;
    }
    applied = fixed.applied;
    analysed = fixed.analysis;
  }
  const result = analysed ?? analyze({ path: file.path, text }, fileOptions);
  if (!result) {
    if (file.explicit) io.err(`mq-harden: ${file.path}: not a file mq-harden recognises (use --language to force one)\n`);
    return undefined;
  }
  for (const e of result.internalErrors) io.err(`mq-harden: internal error in rule ${e.code} on ${file.path}: ${String(e.error)}\n`);
  const rejectedBy = read.bom === 'kept' ? byteOrderMarkRejectedBy(result.document.language) : undefined;
  const shown = rejectedBy ? reportKeptMark(result, rejectedBy) : result;
  return {
    path: file.path,
    language: result.document.language,
    diagnostics: shown.diagnostics,
    ...(applied ? { applied } : {}),
    ...(cmd.reportSuppressions ? { suppressed: shown.suppressed } : {}),
  };
}

/** Runs a check command; returns the exit code. */
export function runCheck(cmd: CheckCommand, io: Io, ctx: CheckContext): number {
  const index = new AccountIndex();
  // Only OSLO202 reads the index: with the rule off, the first pass only finds the files.
  const indexing = ctx.options.rules?.[sharedBrokerAccount.code] !== 'off';
  const { files, problems } = collectFiles(cmd.paths, {
    ...(cmd.language ? { language: cmd.language } : {}),
    ...(indexing ? { onRead: (read: FileRead) => indexAccounts(index, read, cmd, ctx.options) } : {}),
  });
  const options: EngineOptions = { ...ctx.options, accounts: index };
  const writer = reportWriter(cmd, io, ctx);
  const threshold = SEVERITY_RANK[cmd.failOn];
  let failing = false;
  for (const file of files) {
    const report = checkFile(file, cmd, options, io, problems);
    if (!report) continue;
    writer.add(report);
    failing ||= report.diagnostics.some((d) => SEVERITY_RANK[d.severity] <= threshold);
  }
  for (const p of problems) io.err(`mq-harden: ${p.path}: ${p.message}\n`);
  writer.finish();

  if (problems.length > 0) return 2;
  if (cmd.exitZero) return 0;
  return failing ? 1 : 0;
}
