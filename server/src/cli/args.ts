import { SEVERITY_RANK, type Severity } from '../engine/core/findings.js';
import { resolveOsloRelease } from '../engine/catalog/oslo.js';
import { isLanguageId, LANGUAGE_IDS, type LanguageId } from '../engine/languages/ids.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** A parsed `mq-harden check` command line. */
export interface CheckCommand {
  readonly kind: 'check';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly fix: boolean;
  readonly language?: LanguageId;
  readonly failOn: Severity;
  /** Stat the key/cert/CA files named by RabbitMQ configurations (RMQ111/RMQ112). */
  readonly checkFiles: boolean;
  readonly osloRelease?: string;
  /** List the findings that suppression comments silenced. */
  readonly reportSuppressions: boolean;
  /** Exit 0 whatever is found (usage and I/O errors still exit 2). */
  readonly exitZero: boolean;
  /** `--config FILE` instead of ./.mq-harden.json. */
  readonly configFile?: string;
  /** Whether --check-files was given (a project file may turn the checks on too). */
  readonly checkFilesFlag: boolean;
  /** Refuse suppression comments: every finding is reported, and each comment too (CFG005). */
  readonly inlineSuppressions: boolean;
}

export type Command = CheckCommand | { readonly kind: 'help' } | { readonly kind: 'version' };

/** A command line that cannot be run: exit code 2 with this message. */
export class UsageError extends Error {}

export const USAGE = `Usage: mq-harden check [options] PATH...

Checks message-queue configuration files (RabbitMQ rabbitmq.config, advanced.config,
rabbitmq.conf; oslo.messaging sections of OpenStack service files; qpidd.conf; and
their Jinja2/ERB/EPP templates). Directories are searched recursively.

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply every safe fix in place and report what changed
  --language ID              read every file as ${LANGUAGE_IDS.join(' | ')}
  --fail-on LEVEL            exit 1 when a finding at or above LEVEL remains:
                             error | warning | information | hint (default: warning)
  --config FILE              read settings from FILE instead of ./.mq-harden.json
                             ({"rules": {"RMQ103": "off"}, "osloRelease": "zed",
                              "checkFilePermissions": true}); flags win
  --exit-zero                exit 0 whatever is found (for reports; usage and I/O
                             errors still exit 2)
  --report-suppressions      also list the findings that suppression comments silenced
  --no-inline-suppressions   ignore mq-harden-disable-… comments (a CI policy): report
                             every finding, and each such comment
  --check-files              check the key/certificate/CA files a RabbitMQ configuration
                             names, on this machine (permissions, existence)
  --oslo-release RELEASE     the deployment's oslo.messaging release (e.g. zed, 2024.1,
                             14.0): decides which options are deprecated or removed
                             (default: the newest known)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or I/O error.`;

function takeValue(argv: readonly string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return v;
}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('no command given (try: mq-harden check PATH...)');
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { kind: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { kind: 'version' };
  if (argv[0] !== 'check') throw new UsageError(`unknown command '${argv[0]}' (try: mq-harden check PATH...)`);

  const paths: string[] = [];
  let format: OutputFormat = 'text';
  let fix = false;
  let language: LanguageId | undefined;
  let failOn: Severity = 'warning';
  let checkFiles = false;
  let reportSuppressions = false;
  let exitZero = false;
  let configFile: string | undefined;
  let inlineSuppressions = true;
  let osloRelease: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = takeValue(argv, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${v}'`);
        format = v;
        break;
      }
      case '--fix':
        fix = true;
        break;
      case '--check-files':
        checkFiles = true;
        break;
      case '--report-suppressions':
        reportSuppressions = true;
        break;
      case '--exit-zero':
        exitZero = true;
        break;
      case '--config':
        configFile = value();
        break;
      case '--no-inline-suppressions':
        inlineSuppressions = false;
        break;
      case '--oslo-release': {
        const v = value();
        if (!resolveOsloRelease(v)) throw new UsageError(`--oslo-release: unknown oslo.messaging release '${v}' (a series name like zed or 2024.1, or a version like 14.0)`);
        osloRelease = v;
        break;
      }
      case '--language': {
        const v = value();
        if (!isLanguageId(v)) throw new UsageError(`--language must be one of ${LANGUAGE_IDS.join(', ')}, not '${v}'`);
        language = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!(v in SEVERITY_RANK)) throw new UsageError(`--fail-on must be error, warning, information or hint, not '${v}'`);
        failOn = v as Severity;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option '${flag}'`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('no PATH given');
  return { kind: 'check', paths, format, fix, language, failOn, checkFiles, checkFilesFlag: checkFiles, reportSuppressions, inlineSuppressions, exitZero, ...(configFile ? { configFile } : {}), ...(osloRelease ? { osloRelease } : {}) };
}
