/** oslo.config INI files: parser, tree and lookups. */
export type {
  IniComment,
  IniContinuationLine,
  IniDocument,
  IniEntry,
  IniSection,
  IniSyntaxError,
} from './ast.js';
export { parseOsloIni, type IniParseOutcome, type OsloIniParseOptions } from './parser.js';
export { getEffectiveEntry, getSections, getValues, normalizeGroupName } from './lookup.js';
export { OSLO_MESSAGES } from './messages.js';
