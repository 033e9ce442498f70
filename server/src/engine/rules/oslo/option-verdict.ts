/**
 * What a release of oslo.messaging makes of one `[group] name` of a service
 * file, in the validator's three words, plus "not ours": the verdict behind
 * CFG002 (unknown in a messaging group), OSLO301 (removed), OSLO302 (renamed
 * and ignored, or deprecated and still read).
 */
import { isMessagingGroup } from '../../catalog/oslo.js';
import type { OsloSettings } from '../../model/oslo/index.js';

/**
 * - `fine`: read by the release under this name;
 * - `deprecated`: read, through an old name a later release drops;
 * - `unknown`: not read: removed, renamed, or never an option of a messaging group;
 * - `not-messaging`: a `[DEFAULT]` (or other shared group) name that is not
 *   oslo.messaging's: the service's own option, never judged.
 */
export type OptionVerdict = 'fine' | 'deprecated' | 'unknown' | 'not-messaging';

export function optionVerdict(settings: OsloSettings, group: string, name: string): OptionVerdict {
  const found = settings.lookup(group, name);
  switch (found.status) {
    case 'known':
      return found.deprecatedAlias ? 'deprecated' : 'fine';
    case 'renamed':
    case 'removed':
      return 'unknown';
    case 'unknown':
      return isMessagingGroup(group) ? 'unknown' : 'not-messaging';
  }
}
