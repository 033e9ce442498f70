/**
 * Reading why a RabbitMQ node failed to boot from what it printed.
 *
 * RabbitMQ 3.10 logs `2026-01-02 03:04:05.123456+00:00 [error] <0.132.0> text`.
 * A configuration error (cuttlefish's "unknown variable", a bad value, an
 * unparsable advanced.config) is logged at error level, on stdout, before the
 * file logger exists, and then a "BOOT FAILED" banner. The lines before that
 * banner are the reason; the crash reports after it are noise.
 */

/** One parsed log line. */
export interface LogLine {
  readonly level: string;
  readonly message: string;
}

// Anchored, no nested quantifiers: linear on any input.
const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+[+-]\d\d:\d\d \[([a-z]+)\] <[0-9.]+> ?(.*)$/;

export function parseLogLine(line: string): LogLine | undefined {
  const m = LOG_LINE.exec(line);
  return m ? { level: m[1], message: m[2] } : undefined;
}

const MAX_REASON_LINES = 40;

/** Error-level messages that precede the first "BOOT FAILED" banner, trimmed and de-duplicated. */
function errorsBeforeBanner(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = parseLogLine(raw);
    if (!line || line.level !== 'error') continue;
    const message = line.message.trim();
    if (message === 'BOOT FAILED') break;
    if (message === '' || message === out[out.length - 1]) continue;
    out.push(message);
    if (out.length === MAX_REASON_LINES) break;
  }
  return out;
}

/** Lines the Erlang VM prints when it gives up, whatever the log settings. */
function lastWords(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const startup = lines.filter((l) => l.startsWith('Error during startup:'));
  const kernel = lines.filter((l) => l.startsWith('Kernel pid terminated'));
  if (startup.length + kernel.length > 0) return [...new Set([...startup, ...kernel])];
  return lines.filter((l) => l !== '').slice(-15);
}

/**
 * The reason a node did not boot, from its stdout and log files (in that
 * order of preference): the error lines before "BOOT FAILED", or failing
 * those the VM's last words.
 */
export function bootErrorFromLogs(texts: readonly string[]): string {
  for (const text of texts) {
    const errors = errorsBeforeBanner(text);
    if (errors.length > 0) return errors.join('\n');
  }
  for (const text of texts) {
    const words = lastWords(text);
    if (words.length > 0) return words.join('\n');
  }
  return 'the node exited without printing a reason';
}
