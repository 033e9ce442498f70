/**
 * The Qpid driver's options in an OpenStack service file (`qpid_hostname`,
 * `qpid_protocol`, … in `[DEFAULT]` before Kilo, `[oslo_messaging_qpid]`
 * after), and whether the file selects that driver.
 */
import type { Span } from '../../core/text.js';
import type { AnalyzedDocument } from '../../analysis/document.js';
import { canonicalOption, legacyWinner, type OsloMessagingModel, type PlacedEntry } from '../../model/oslo/index.js';
import { firstLine } from '../oslo/support.js';

export const QPID_GROUP = 'oslo_messaging_qpid';

/** What the QPID client rules read. */
export interface QpidClient {
  /** Every assignment of a Qpid driver option, in document order. */
  readonly options: readonly PlacedEntry[];
  /** `rpc_backend = qpid` or a `qpid://` transport_url: the service talks to a Qpid broker. */
  readonly selected: boolean;
  /** The group the file keeps its Qpid options in (where new ones go). */
  readonly group: string;
  /** Where a missing Qpid option belongs: that group's header, else the first line. */
  readonly home: Span;
}

/** Whether an assignment is one of the Qpid driver's options. */
export function isQpidOption(placed: PlacedEntry): boolean {
  // Every option of the driver is named qpid_*: a cheap test first.
  if (!placed.entry.key.startsWith('qpid_')) return false;
  return canonicalOption(placed.section.group, placed.entry.key)?.group === QPID_GROUP;
}

export function qpidClient(doc: AnalyzedDocument, model: OsloMessagingModel): QpidClient {
  const options = [...model.settings.entries()].filter(isQpidOption);
  const selected = model.transports.some((t) => t.driver === 'qpid');
  const group = options[0]?.section.group ?? (model.settings.sections(QPID_GROUP).length > 0 ? QPID_GROUP : 'DEFAULT');
  const section = model.settings.sections(group)[0];
  return { options, selected, group, home: section ? section.headerSpan : firstLine(doc) };
}

/** The assignment a Qpid-era release read for a Qpid option (its `[oslo_messaging_qpid]` name or the old `[DEFAULT]` one). */
export function qpidSetting(model: OsloMessagingModel, name: string): PlacedEntry | undefined {
  return legacyWinner(model.settings, name, QPID_GROUP);
}
