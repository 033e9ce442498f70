/**
 * The fix for the pre-Stein connection options: one `transport_url` in
 * `[DEFAULT]` saying what `rabbit_host`/`rabbit_hosts`/`rabbit_port`/
 * `rabbit_userid`/`rabbit_password`/`rabbit_virtual_host` said (user and
 * password percent-encoded), with those options and `rpc_backend` removed.
 */
import type { FixProposal, SpanEdit } from '../../core/findings.js';
import { canonicalOption, interpolate, LEGACY_RABBIT_OPTIONS, legacyWinner, pyQuote, type OsloMessagingModel, type PlacedEntry } from '../../model/oslo/index.js';
import type { IniEntry } from '../../formats/ini/index.js';
import type { RuleContext } from '../context.js';
import { addSettings, removeEntry } from './ini-edits.js';
import { editTarget } from './support.js';

const RABBIT_GROUP = 'oslo_messaging_rabbit';

/** Every assignment of a removed connection option, under any of its names, and of `rpc_backend`. */
export function legacyConnectionEntries(model: OsloMessagingModel): PlacedEntry[] {
  const out: PlacedEntry[] = [...model.settings.assignments('DEFAULT', 'rpc_backend')];
  for (const name of LEGACY_RABBIT_OPTIONS) {
    const option = canonicalOption(RABBIT_GROUP, name);
    for (const n of [{ group: RABBIT_GROUP, name }, ...(option?.aliases ?? [])]) for (const a of model.settings.assignments(n.group, n.name)) out.push(a);
  }
  return out.sort((a, b) => a.entry.span.start - b.entry.span.start);
}

/** The entries of legacyConnectionEntries, for membership tests. */
export function legacyConnectionSet(model: OsloMessagingModel): Set<IniEntry> {
  return new Set(legacyConnectionEntries(model).map((p) => p.entry));
}

/** The winning text of a removed option, interpolated; undefined when absent; null when unknown. */
function legacyText(model: OsloMessagingModel, name: string): string | undefined | null {
  const placed = legacyWinner(model.settings, name);
  if (!placed) return undefined;
  if (model.settings.unknownBecause(placed.entry.span)) return null;
  const text = interpolate(placed.entry.value);
  return text.resolved ? text.text : null;
}

/** `host` for a URL: IPv6 addresses in brackets. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The transport_url the legacy options describe, or undefined when some of them are unknown. */
export function legacyTransportUrl(model: OsloMessagingModel): string | undefined {
  const rpc = model.rpc;
  if (rpc.origin !== 'legacy' || rpc.driver !== 'rabbit' || !rpc.logins) return undefined;
  const password = legacyText(model, 'rabbit_password');
  const vhost = legacyText(model, 'rabbit_virtual_host');
  if (password === null || vhost === null) return undefined;
  const parts: string[] = [];
  for (const login of rpc.logins) {
    if (login.user.state === 'unknown') return undefined;
    const user = login.user.state === 'given' ? login.user.value : 'guest';
    parts.push(`${pyQuote(user)}:${pyQuote(password ?? 'guest')}@${urlHost(login.host ?? 'localhost')}:${login.port ?? 5672}`);
  }
  // RabbitMQ's default vhost '/' is what an empty URL path selects.
  const path = vhost === undefined || vhost === '/' || vhost === '' ? '' : pyQuote(vhost);
  return `rabbit://${parts.join(',')}/${path}`;
}

/**
 * The fix: build the transport_url, drop the removed options. Safe: it
 * restores what the file said before oslo.messaging stopped reading it.
 * Undefined when the options hide their values (templates, `$` references).
 */
export function legacyTransportUrlFix(ctx: RuleContext, model: OsloMessagingModel): FixProposal | undefined {
  const rpc = model.rpc;
  if (rpc.origin !== 'legacy' || rpc.driver !== 'rabbit') return undefined;
  const entries = legacyConnectionEntries(model);
  if (entries.some((p) => model.settings.unknownBecause(p.entry.span))) return undefined;
  const hasOptions = entries.some((p) => p.entry.key !== 'rpc_backend');
  const edits: SpanEdit[] = entries.map((p) => removeEntry(p.entry));
  if (!hasOptions) {
    // Only `rpc_backend = rabbit`: the default transport is that very transport.
    return { title: 'Remove rpc_backend (RabbitMQ is the default transport)', edits, safe: true, preferred: true };
  }
  const url = legacyTransportUrl(model);
  if (url === undefined) return undefined;
  edits.push(addSettings(editTarget(ctx, model), 'DEFAULT', [`transport_url = ${url}`]));
  return { title: 'Replace the removed rabbit_* options with an equivalent [DEFAULT] transport_url', edits, safe: true, preferred: true };
}
