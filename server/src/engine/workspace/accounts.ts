/**
 * The broker accounts an analysed service file uses, for the workspace
 * index: the users of its transports, as written. Users a template or a
 * `$` reference decides are unknown and left out (two unknowns are not the
 * same user); guest is OSLO201's and left out too.
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import { osloMessagingModel, serviceOfPath, type OsloMessagingModel } from '../model/oslo/index.js';
import type { BrokerAccount, FileAccounts } from './account-index.js';

/** Users that identify no one service. */
const NOT_AN_ACCOUNT = new Set(['', 'guest']);

/** The accounts of a model's transports, one per user and transport. */
export function accountsOfModel(model: OsloMessagingModel): BrokerAccount[] {
  if (!model.configuresMessaging) return [];
  const out: BrokerAccount[] = [];
  for (const transport of model.transports) {
    const byUser = new Map<string, { hosts: string[]; span?: BrokerAccount['span'] }>();
    for (const login of transport.logins ?? []) {
      if (login.user.state !== 'given' || NOT_AN_ACCOUNT.has(login.user.value)) continue;
      const seen = byUser.get(login.user.value) ?? { hosts: [] };
      seen.hosts.push(login.host ?? 'localhost');
      if (!seen.span && login.userSpan) seen.span = login.userSpan;
      byUser.set(login.user.value, seen);
    }
    for (const [user, { hosts, span }] of byUser) out.push({ user, hosts, role: transport.role, ...(span ? { span } : {}) });
  }
  return out;
}

/** What the index keeps of a document: its path, service and accounts (none for other languages). */
export function accountsOfDocument(doc: AnalyzedDocument, release?: string): FileAccounts {
  const model = osloMessagingModel(doc, release);
  return { path: doc.source.path, service: serviceOfPath(doc.source.path), accounts: model ? accountsOfModel(model) : [] };
}
