import type { Finding, SpanEdit } from '../../core/findings.js';
import { RABBIT_GROUP, type Effective, type RabbitTls } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { addSettings, replaceValue, type IniEditTarget } from './ini-edits.js';
import { onePerSpan, placeholderPaths, tlsTransports } from './rabbit-tls.js';
import { editTarget, messagingModel, missingSpan, roleScope } from './support.js';

/** An option that is empty or absent (never one a template or the query may set). */
function isMissing(value: Effective<string>): boolean {
  return value.state !== 'unknown' && value.value.trim() === '';
}

/** The client certificate options a transport lacks. */
function missingOptions(tls: RabbitTls): { name: 'ssl_cert_file' | 'ssl_key_file'; value: Effective<string> }[] {
  const out: { name: 'ssl_cert_file' | 'ssl_key_file'; value: Effective<string> }[] = [];
  if (isMissing(tls.certFile)) out.push({ name: 'ssl_cert_file', value: tls.certFile });
  if (isMissing(tls.keyFile)) out.push({ name: 'ssl_key_file', value: tls.keyFile });
  return out;
}

function fixEdits(target: IniEditTarget, missing: ReturnType<typeof missingOptions>, paths: { cert: string; key: string }): SpanEdit[] | undefined {
  const edits: SpanEdit[] = [];
  const lines: string[] = [];
  for (const m of missing) {
    const path = m.name === 'ssl_cert_file' ? paths.cert : paths.key;
    if (m.value.state === 'set' && m.value.source === 'url') return undefined;
    if (m.value.state === 'set') edits.push(replaceValue(m.value.entry, path));
    else lines.push(`${m.name} = ${path}`);
  }
  if (lines.length > 0) edits.push(addSettings(target, RABBIT_GROUP, lines));
  return edits;
}

export const noClientCertificate: Rule = {
  code: 'OSLO103',
  name: 'no-client-certificate',
  defaultSeverity: 'warning',
  summary: 'TLS to RabbitMQ without a client certificate (ssl_cert_file and ssl_key_file).',
  languages: ['oslo-config'],
  *check(ctx: RuleContext): Iterable<Finding> {
    const model = messagingModel(ctx);
    if (!model) return;
    const lacking = tlsTransports(model)
      .map((tls) => ({ tls, missing: missingOptions(tls) }))
      .filter((x) => x.missing.length > 0);
    const groups = onePerSpan(lacking, ({ missing }) => {
      const set = missing.find((m) => m.value.state === 'set');
      return set && set.value.state === 'set' ? set.value.entry.keySpan : missingSpan(ctx.doc, model.settings, RABBIT_GROUP);
    });
    const paths = placeholderPaths(ctx.doc.source.path);
    for (const { span, items } of groups) {
      const missing = items[0].missing;
      const names = missing.map((m) => m.name).join(' and ');
      const edits = fixEdits(editTarget(ctx, model), missing, paths);
      yield {
        span,
        message: `TLS to RabbitMQ${roleScope(model, items.map((x) => x.tls.transport.role))} presents no client certificate: ${names} ${missing.length > 1 ? 'are' : 'is'} not set`,
        // Placeholder paths: the service cannot connect until real files are there, so a human applies it.
        fixes: edits ? [{ title: `Set ${names} (placeholder paths under /etc/.../ssl/)`, edits, safe: true, preferred: true }] : [],
      };
    }
  },
};
