import { abbreviate } from '../../core/abbreviate.js';
import type { Finding, SpanEdit } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import { breakingCharacter, encodeCredential, readAuthority, valueSpanOf, type PlacedEntry } from '../../model/oslo/index.js';
import type { Rule } from '../rule.js';
import { withoutInlineComment } from './inline-comment.js';
import { messagingModel } from './support.js';

/** One credential of a URL that oslo.messaging cannot read, by offsets into the entry's value. */
interface Breaking {
  readonly part: 'user' | 'password';
  readonly span: Span;
  readonly text: string;
  readonly character: string;
  readonly host: string;
}

function breakingCredentials(value: string): Breaking[] {
  const authority = readAuthority(withoutInlineComment(value));
  if (!authority) return [];
  const out: Breaking[] = [];
  for (const login of authority.logins) {
    const host = value.slice(login.host.start, login.host.end) || 'localhost';
    if (login.password) {
      const text = value.slice(login.password.start, login.password.end);
      const character = breakingCharacter(text);
      if (character) out.push({ part: 'password', span: login.password, text, character, host });
    }
    // A user name without a password may be a path with an '@' in it: only judge real credentials.
    if (login.user && login.password) {
      const text = value.slice(login.user.start, login.user.end);
      const character = breakingCharacter(text);
      if (character) out.push({ part: 'user', span: login.user, text, character, host });
    }
  }
  return out;
}

/** The transport_url assignments that decide a transport. */
function urlEntries(transports: readonly { urlEntry?: PlacedEntry }[]): PlacedEntry[] {
  return transports.flatMap((t) => (t.urlEntry ? [t.urlEntry] : []));
}

export const urlNeedsEncoding: Rule = {
  code: 'OSLO203',
  name: 'url-needs-encoding',
  defaultSeverity: 'error',
  summary: 'A transport_url password holds a character that must be percent-encoded.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    for (const { entry } of urlEntries(model.transports)) {
      if (model.settings.facts.touchesTemplate(entry.span)) continue;
      const broken = breakingCredentials(entry.value);
      if (broken.length === 0) continue;
      const first = broken[0];
      const edits: SpanEdit[] = broken.map((b) => ({ span: valueSpanOf(entry, b.span), newText: encodeCredential(b.text) }));
      const hosts = abbreviate([...new Set(broken.map((b) => b.host))].join(', '));
      yield {
        span: valueSpanOf(entry, first.span),
        message: `The ${first.part} for ${hosts} in ${entry.key} contains an unencoded '${first.character}': oslo.messaging then misreads the URL; percent-encode it (${encodeCredential(first.character)})`,
        // Safe: it makes the URL say what was written, which is the only reading a person can have meant.
        fixes: [{ title: `Percent-encode the ${first.part}${broken.length > 1 ? 's' : ''} in ${entry.key}`, edits, safe: true, preferred: true }],
      };
    }
  },
};
