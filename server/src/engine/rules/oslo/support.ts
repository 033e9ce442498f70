/**
 * What the OSLO and QPID client rules share: the model of the file at the
 * host's release, where a "missing setting" finding goes, release labels,
 * and which settings are oslo.messaging's own.
 */
import { isMessagingGroup, osloCatalog, releaseIncludes } from '../../catalog/oslo.js';
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { Span } from '../../core/text.js';
import type { IniEntry } from '../../formats/ini/index.js';
import { osloMessagingModel, type OsloMessagingModel, type OsloSettings, type PlacedEntry } from '../../model/oslo/index.js';
import { hasSyntaxErrorFinding } from '../cfg/syntax-error.js';
import type { RuleContext } from '../context.js';
import type { IniEditTarget } from './ini-edits.js';

/**
 * The model of the rule's document at the host's release; undefined for
 * other languages, and for a file oslo.config would refuse to read (the
 * service does not start: CFG001 comes first, as for the broker rules).
 */
export function osloModel(ctx: RuleContext): OsloMessagingModel | undefined {
  if (hasSyntaxErrorFinding(ctx.doc)) return undefined;
  return osloMessagingModel(ctx.doc, ctx.options?.osloRelease);
}

/** The model, only when the file sets up messaging (the transport rules stay silent otherwise). */
export function messagingModel(ctx: RuleContext): OsloMessagingModel | undefined {
  const model = osloModel(ctx);
  return model?.configuresMessaging ? model : undefined;
}

/** What fixes of this document edit. */
export function editTarget(ctx: RuleContext, model: OsloMessagingModel): IniEditTarget {
  return { settings: model.settings, text: ctx.doc.source.text, template: ctx.doc.template !== undefined };
}

/** The document's first line (where a setting goes that has no section to go to). */
export function firstLine(doc: AnalyzedDocument): Span {
  return { start: 0, end: doc.lines.lineEnd(0) };
}

/** The place a missing setting of `group` belongs: the group's first header, else the first line. */
export function missingSpan(doc: AnalyzedDocument, settings: OsloSettings, group: string): Span {
  const section = settings.sections(group)[0];
  return section ? section.headerSpan : firstLine(doc);
}

/** A range to show for an entry's value: the value, or the key when the value is empty. */
export function valueOrKey(entry: IniEntry): Span {
  return entry.valueSpan.end > entry.valueSpan.start ? { start: entry.valueSpan.start, end: entry.span.end } : entry.keySpan;
}

/** "9.0.0 (Stein)": a version with the OpenStack series that first shipped it. */
export function releaseLabel(version: string): string {
  let label = LABELS.get(version);
  if (label === undefined) {
    label = computeReleaseLabel(version);
    LABELS.set(version, label);
  }
  return label;
}

const LABELS = new Map<string, string>();

function computeReleaseLabel(version: string): string {
  const series = osloCatalog().releases.find((r) => releaseIncludes(r.version, version));
  if (!series) return version;
  const [first, second] = series.names;
  const name = second ? `${first} ${capitalize(second)}` : capitalize(first);
  return `${version} (${name === 'Master' ? 'master' : name})`;
}

function capitalize(s: string): string {
  return /^[a-z]/.test(s) ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Options whose values are never quoted in messages. */
export function isSecretSetting(settings: OsloSettings, group: string, key: string): boolean {
  const found = settings.lookup(group, key);
  return found.option?.secret === true || /password|transport_url|secret/i.test(key);
}

/**
 * Whether an assignment is one of oslo.messaging's settings: in one of its
 * groups, or a name the catalog knows at some release. A service's own
 * options (nova's `my_ip`, glance's `rabbit_notification_exchange`) are not.
 */
export function isMessagingSetting(settings: OsloSettings, placed: PlacedEntry): boolean {
  const group = placed.section.group;
  if (isMessagingGroup(group)) return true;
  return settings.lookup(group, placed.entry.key).status !== 'unknown' || isOldMessagingName(settings, group, placed.entry.key);
}

/** A name the catalog knows, even if only a later or earlier release reads it. */
function isOldMessagingName(settings: OsloSettings, group: string, key: string): boolean {
  const found = settings.lookup(group, key);
  return found.introducedIn !== undefined;
}

/** ` (RPC)`, ` (notifications)`…: which transports a finding is about, when the file has two; '' otherwise. */
export function roleScope(model: OsloMessagingModel, roles: readonly ('rpc' | 'notifications')[]): string {
  return model.notifications ? ` (${roleLabel(roles)})` : '';
}

/** The words for a transport in messages. */
export function roleLabel(roles: readonly ('rpc' | 'notifications')[]): string {
  const set = new Set(roles);
  if (set.size === 2) return 'RPC and notifications';
  return set.has('notifications') ? 'notifications' : 'RPC';
}
