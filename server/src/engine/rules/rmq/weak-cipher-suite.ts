import { abbreviate } from '../../core/abbreviate.js';
import type { Finding, SpanEdit } from '../../core/findings.js';
import type { TlsEndpoint, TlsListItem } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { RABBIT_LANGUAGES, tlsName } from './common.js';
import { RabbitFixer } from './fixer.js';

/** OpenSSL and IANA names of suites without encryption, export-grade, anonymous, RC4, DES/3DES or MD5. */
const WEAK = /(^|[-_])(NULL|EXP|EXPORT|EXPORT1024|ADH|AECDH|ANON|RC4|RC2|DES|3DES|DES40|IDEA|MD5|SEED)(?=[-_]|$)/;

export function isWeakCipher(name: string): boolean {
  return WEAK.test(name.toUpperCase());
}

function removeWeak(ctx: RuleContext, e: TlsEndpoint, items: readonly TlsListItem[]): SpanEdit[] | undefined {
  const weak = items.filter((i) => i.value.known && isWeakCipher(i.value.value));
  // With nothing left, `ciphers` would mean something else entirely: a human decides.
  if (weak.length === items.length) return undefined;
  return new RabbitFixer(ctx).removeListItems(e.options.get('ciphers')!.source.valueOrigin, weak.map((i) => i.origin));
}

export const weakCipherSuite: Rule = {
  code: 'RMQ109',
  name: 'weak-cipher-suite',
  defaultSeverity: 'warning',
  summary: 'ciphers lists NULL, EXPORT, anonymous, RC4, DES, 3DES or MD5 suites.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const e of m.tls) {
      const v = e.options.get('ciphers')?.value;
      if (!v?.known || !Array.isArray(v.value)) continue;
      const items = v.value as TlsListItem[];
      const edits = items.some((i) => i.value.known && isWeakCipher(i.value.value)) ? removeWeak(ctx, e, items) : undefined;
      for (const item of items) {
        if (!item.value.known || !isWeakCipher(item.value.value)) continue;
        const span = ctx.here(item.origin);
        if (!span) continue;
        yield {
          span,
          message: `${tlsName(e)} offers the weak cipher suite ${abbreviate(item.value.value)}`,
          fixes: edits ? [{ title: 'Remove the weak cipher suites', edits, safe: true, preferred: true }] : [],
        };
      }
    }
  },
};
