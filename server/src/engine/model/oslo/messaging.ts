/**
 * The oslo.messaging model of one service file at one release: whether the
 * file configures messaging at all, and the transports it sets up. Built
 * once per document and release, on first use.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { isMessagingGroup, newestOsloVersion, resolveOsloRelease } from '../../catalog/oslo.js';
import type { IniDocument } from '../../formats/ini/index.js';
import { templateFacts } from '../../languages/support.js';
import { OsloSettings, type PlacedEntry } from './options.js';
import { notificationTransport, rpcTransport, type OsloTransport } from './transport.js';

/** Everything the OSLO and QPID client rules read about a service file. */
export interface OsloMessagingModel {
  readonly settings: OsloSettings;
  /**
   * The file sets up messaging: a `transport_url`, `rpc_backend`, a legacy
   * `rabbit_*`/`kombu_*`/`qpid_*` option, or a setting in an
   * `[oslo_messaging_*]` group. Only then do the transport rules speak:
   * a file without any of these may well be a fragment, or not use messaging.
   */
  readonly configuresMessaging: boolean;
  readonly rpc: OsloTransport;
  /** Present when `[oslo_messaging_notifications] transport_url` gives notifications their own transport. */
  readonly notifications?: OsloTransport;
  /** The RPC transport, then the notification one when it is separate. */
  readonly transports: readonly OsloTransport[];
}

/**
 * The release the rules reason about: the host's `osloRelease` (a series
 * name or a version) resolved against the catalog; the newest release when
 * it is absent or means nothing to us.
 */
export function effectiveRelease(requested: string | undefined): string {
  if (requested === undefined || requested.trim() === '') return newestOsloVersion();
  return resolveOsloRelease(requested) ?? newestOsloVersion();
}

/** Legacy `[DEFAULT]` names that alone show a file sets up messaging. */
const LEGACY_PREFIXES = ['rabbit_', 'kombu_', 'qpid_'];

/** `[oslo_messaging_notifications] driver = noop`: notifications switched off, no transport used for them. */
function switchesNotificationsOff(group: string, key: string, value: string): boolean {
  return group === 'oslo_messaging_notifications' && key === 'driver' && (value.trim() === 'noop' || value.trim() === '');
}

function configuresMessaging(settings: OsloSettings): boolean {
  for (const { entry, section } of settings.entries()) {
    if (switchesNotificationsOff(section.group, entry.key, entry.value)) continue;
    if (isMessagingGroup(section.group)) return true;
    if (section.group !== 'DEFAULT') continue;
    if (entry.key === 'transport_url' || entry.key === 'rpc_backend') return true;
    if (LEGACY_PREFIXES.some((p) => entry.key.startsWith(p)) && settings.lookup('DEFAULT', entry.key).status !== 'unknown') return true;
  }
  return false;
}

/**
 * The models of the document analysed last: the rules of one analysis ask
 * for it many times, then the next document comes. (A WeakMap keyed by
 * document kept every model alive through young-generation collections and
 * got it promoted: most of what a workspace scan promoted to the old space.)
 */
let cachedDoc: AnalyzedDocument | undefined;
let cachedByRelease = new Map<string, OsloMessagingModel>();

/** Builds the model of an oslo-config document (undefined for other languages). */
export function osloMessagingModel(doc: AnalyzedDocument, requestedRelease?: string): OsloMessagingModel | undefined {
  if (doc.language !== 'oslo-config') return undefined;
  const release = effectiveRelease(requestedRelease);
  if (cachedDoc !== doc) {
    cachedDoc = doc;
    cachedByRelease = new Map();
  }
  const byRelease = cachedByRelease;
  const cached = byRelease.get(release);
  if (cached) return cached;
  const settings = new OsloSettings(doc.tree as IniDocument, templateFacts(doc.template), release);
  const rpc = rpcTransport(settings);
  const notifications = notificationTransport(settings);
  const model: OsloMessagingModel = {
    settings,
    configuresMessaging: configuresMessaging(settings),
    rpc,
    ...(notifications ? { notifications } : {}),
    transports: notifications ? [rpc, notifications] : [rpc],
  };
  byRelease.set(release, model);
  return model;
}

export type { PlacedEntry };
