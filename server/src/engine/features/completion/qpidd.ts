/**
 * Completion in qpidd.conf: the broker options that decide its security,
 * with yes/no values. (No catalog of qpidd's options ships with mq-harden;
 * these few are the ones the QPID rules read.)
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { ItemKind, type CompletionItem } from '../shared/lsp.js';
import { choicePlaceholder, completionItem, lineContext, rangeOf } from './items.js';
import { valueItems } from './values.js';

interface QpiddOption {
  readonly name: string;
  readonly doc: string;
  /** yes/no options */
  readonly boolean?: true;
  readonly recommended?: string;
}

export const QPIDD_OPTIONS: readonly QpiddOption[] = [
  { name: 'auth', doc: 'Require SASL authentication of every client.', boolean: true, recommended: 'yes' },
  { name: 'require-encryption', doc: 'Refuse connections that are not encrypted (TLS or a SASL security layer).', boolean: true, recommended: 'yes' },
  { name: 'ssl-require-client-authentication', doc: 'Require TLS clients to present a certificate.', boolean: true, recommended: 'yes' },
  { name: 'ssl-cert-db', doc: "Directory of the NSS database holding the broker's certificate and key." },
  { name: 'ssl-cert-name', doc: "Name (nickname) of the broker's certificate in the NSS database." },
  { name: 'ssl-cert-password-file', doc: 'File holding the password of the NSS database.' },
  { name: 'ssl-port', doc: 'Port of the TLS listener (5671 by convention).' },
  { name: 'port', doc: 'Port of the plain AMQP listener (5672).' },
  { name: 'sasl-config', doc: 'Directory of the Cyrus SASL configuration (qpidd.conf of SASL).' },
  { name: 'realm', doc: 'SASL realm of the broker users.' },
];

/** Completion in a qpidd.conf at `offset`. */
export function qpiddCompletions(doc: AnalyzedDocument, offset: number): CompletionItem[] {
  const ctx = lineContext(doc, offset);
  const trimmed = ctx.before.trimStart();
  if (trimmed.startsWith('#') || trimmed.startsWith(';') || trimmed.startsWith('[') || ctx.before.includes('#')) return [];
  const eq = ctx.before.indexOf('=');
  const indent = ctx.before.length - trimmed.length;
  if (eq < 0) {
    if (/\s/.test(trimmed)) return [];
    let end = ctx.offset;
    while (end < ctx.lineEnd && /[\w-]/.test(ctx.text[end])) end++;
    const range = rangeOf(doc, { start: ctx.lineStart + indent, end });
    const withValue = !ctx.after.includes('=');
    return QPIDD_OPTIONS.map((o) =>
      completionItem(
        {
          label: o.name,
          kind: ItemKind.Property,
          // qpidd reads `key=value` without blanks around `=` (a blank makes it another key).
          newText: withValue ? `${o.name}=${o.boolean ? choicePlaceholder(1, o.recommended === 'yes' ? ['yes', 'no'] : ['no', 'yes']) : '$1'}` : o.name,
          snippet: withValue,
          detail: o.boolean ? 'yes or no' : undefined,
          documentation: o.doc,
        },
        range,
      ),
    );
  }
  const name = ctx.before.slice(0, eq).trim();
  const option = QPIDD_OPTIONS.find((o) => o.name === name);
  if (!option?.boolean) return [];
  let end = ctx.offset;
  while (end < ctx.lineEnd && !/[\s#]/.test(ctx.text[end])) end++;
  return valueItems({ leaf: name, values: ['yes', 'no'] }, rangeOf(doc, { start: ctx.lineStart + eq + 1, end }));
}
