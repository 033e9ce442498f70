/**
 * A UTF-8 byte order mark at the start of a file, read from the disk.
 *
 * Editors hide it, and so the positions the CLI prints are those of the text
 * without it. But the software that reads a file does not always skip it:
 * cuttlefish (rabbitmq.conf) does; oslo.config refuses the file
 * ("No ':' or '=' found in assignment: '\ufeff[DEFAULT]'") and so does
 * Erlang's file:consult/1 ({1,erl_scan,{illegal,character}}), which RabbitMQ
 * reads rabbitmq.config and advanced.config with. For those formats the mark
 * stays in the text the engine reads, so that our parsers see what the real
 * ones see and report it.
 *
 * qpidd refuses it too (qpid/Options.cpp: the first line's key then starts
 * with the mark, and qpidd's final parse of the file throws "Bad argument"
 * for any unknown key), but our qpidd parser does not model that check, so
 * the mark is removed there as for rabbitmq.conf.
 */
import { detectLanguage } from '../engine/languages/detect.js';
import type { LanguageId } from '../engine/languages/ids.js';

export const BYTE_ORDER_MARK = '\ufeff';

/** What happened to a leading byte order mark when a file's text was read. */
export type ByteOrderMark =
  /** There was none. */
  | 'none'
  /** Removed from the text: the file's software skips it (and editors hide it). */
  | 'stripped'
  /** Left at offset 0 of the text: the file's software rejects it. */
  | 'kept';

/** A file's text as the engine should read it. */
export interface DecodedText {
  readonly text: string;
  readonly bom: ByteOrderMark;
}

/** The software that refuses a file starting with a byte order mark, by the file's language. */
const REJECTED_BY: Partial<Record<LanguageId, string>> = {
  'rabbitmq-config': "RabbitMQ (Erlang's file:consult/1)",
  'oslo-config': 'oslo.config',
};

/** The software that refuses a file of `language` starting with a byte order mark; undefined when it skips the mark. */
export function byteOrderMarkRejectedBy(language: LanguageId | undefined): string | undefined {
  return language ? REJECTED_BY[language] : undefined;
}

/**
 * A file's decoded text, with a leading byte order mark removed unless the
 * file's software rejects it. `language` is the file's language when the
 * caller knows it (a forced `--language`, or already detected); otherwise it
 * is detected from the path and the text without the mark.
 */
export function withByteOrderMarkPolicy(path: string, raw: string, language?: LanguageId): DecodedText {
  if (raw.charCodeAt(0) !== 0xfeff) return { text: raw, bom: 'none' };
  const text = raw.slice(1);
  const lang = language ?? detectLanguage(path, text)?.language;
  return byteOrderMarkRejectedBy(lang) ? { text: raw, bom: 'kept' } : { text, bom: 'stripped' };
}

/** The bytes to write back for a text read with `bom`: a stripped mark is restored. */
export function textToWrite(text: string, bom: ByteOrderMark): string {
  return bom === 'stripped' ? BYTE_ORDER_MARK + text : text;
}
