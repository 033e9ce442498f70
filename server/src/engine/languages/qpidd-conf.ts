import type { SettingOccurrence } from '../analysis/document.js';
import { abbreviate } from '../core/abbreviate.js';
import { parseQpiddConf, type QpiddDocument, type QpiddEntry } from '../formats/qpidd/index.js';
import type { FormatAnalysis, FormatInput } from './format-analysis.js';

/** boost::program_options reads these qpidd options as booleans. */
const BOOLEAN_OPTIONS = new Set(['auth', 'require-encryption', 'ssl-require-client-authentication', 'daemon', 'trace']);
const PORT_OPTIONS = new Set(['port', 'ssl-port']);
/** Spellings boost's bool parser accepts. */
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0']);

function invalidValue(e: QpiddEntry): SettingOccurrence['invalid'] {
  const v = e.value.trim();
  if (BOOLEAN_OPTIONS.has(e.name) && !BOOLEAN_WORDS.has(v.toLowerCase())) {
    return { message: `'${abbreviate(v)}' is not a valid value for the boolean option '${e.name}' (use yes or no)` };
  }
  if (PORT_OPTIONS.has(e.name) && !(/^\d{1,5}$/.test(v) && Number(v) <= 65535)) {
    return { message: `'${abbreviate(v)}' is not a valid port for '${e.name}' (0–65535)` };
  }
  return undefined;
}

/** qpidd.conf: `key=value` lines, the options qpidd takes on its command line. */
export function analyzeQpiddConf(input: FormatInput): FormatAnalysis<QpiddDocument> {
  const { tree, errors } = parseQpiddConf(input.text);
  const settings: SettingOccurrence[] = tree.entries.map((e) => ({
    scope: e.section ?? '',
    key: e.name,
    keySpan: e.keySpan,
    valueText: e.value,
    valueSpan: e.valueSpan,
    removalSpan: e.lineSpan,
    templated: input.touchesTemplate(e.span),
    conditional: input.isConditional(e.span),
    invalid: invalidValue(e),
  }));
  return { tree, syntaxErrors: errors, settings };
}
