import { abbreviate } from '../../core/abbreviate.js';
import type { Finding, FixProposal } from '../../core/findings.js';
import { osloCatalog, releaseIncludes } from '../../catalog/oslo.js';
import { driverOfRpcBackend, type OsloMessagingModel, type OsloTransport, type PlacedEntry } from '../../model/oslo/index.js';
import type { Rule } from '../rule.js';
import { removeEntry } from './ini-edits.js';
import type { IniEntry } from '../../formats/ini/index.js';
import { isQpidOption } from '../qpid/client-options.js';
import { legacyConnectionSet, legacyTransportUrlFix } from './legacy-transport-url.js';
import { osloModel, releaseLabel, valueOrKey } from './support.js';



function message(model: OsloMessagingModel, placed: PlacedEntry): string {
  const { entry, section } = placed;
  const found = model.settings.lookup(section.group, entry.key);
  const when = found.changedIn ? ` in oslo.messaging ${releaseLabel(found.changedIn)}` : '';
  if (!found.option && found.note) {
    return `[${section.group}] is no longer read (${found.note}${when}): '${abbreviate(entry.key)}' is ignored`;
  }
  const instead = found.replacement ? `; set [${found.replacement.group}] ${found.replacement.name} instead` : '';
  return `'${entry.key}' was removed${when} and is ignored: the service runs with the default${instead}`;
}

/** Removing a removed option changes nothing for the release that ignores it; an old non-RabbitMQ rpc_backend still needs a migration. */
function removalFix(placed: PlacedEntry): FixProposal {
  const { entry } = placed;
  const otherDriver = entry.key === 'rpc_backend' && driverOfRpcBackend(entry.value) !== 'rabbit';
  return { title: `Remove '${entry.key}'`, edits: [removeEntry(entry)], safe: !otherDriver, preferred: true };
}

function fixesFor(model: OsloMessagingModel, placed: PlacedEntry, legacy: Set<IniEntry>, legacyFix: FixProposal | undefined): FixProposal[] {
  if (model.rpc.origin === 'legacy' && legacy.has(placed.entry)) {
    if (model.rpc.driver === 'rabbit') return legacyFix ? [legacyFix] : [];
    return [removalFix(placed)];
  }
  return [removalFix(placed)];
}

/** Drivers whose removal makes a transport_url unusable (Qpid is QPID103's). */
function removedDriver(model: OsloMessagingModel, transport: OsloTransport): { removedIn: string; note?: string } | undefined {
  if (!transport.driver || transport.driver === 'qpid') return undefined;
  const group = osloCatalog().groups.find((g) => g.name === `oslo_messaging_${transport.driver}`);
  if (!group?.removedIn || !releaseIncludes(model.settings.release, group.removedIn)) return undefined;
  return { removedIn: group.removedIn, ...(group.note ? { note: group.note } : {}) };
}

export const removedOption: Rule = {
  code: 'OSLO301',
  name: 'removed-option',
  defaultSeverity: 'error',
  summary: 'An option oslo.messaging no longer reads: the service silently runs with the default.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = osloModel(ctx);
    if (!model) return;
    let legacy: { set: Set<IniEntry>; fix: FixProposal | undefined } | undefined;
    for (const placed of model.settings.entries()) {
      if (isQpidOption(placed)) continue;
      if (model.settings.facts.touchesTemplate(placed.entry.keySpan)) continue;
      if (model.settings.lookup(placed.section.group, placed.entry.key).status !== 'removed') continue;
      // Built once, shared by every finding it fixes.
      legacy ??= { set: legacyConnectionSet(model), fix: legacyTransportUrlFix(ctx, model) };
      yield { span: placed.entry.keySpan, message: message(model, placed), fixes: fixesFor(model, placed, legacy.set, legacy.fix) };
    }
    for (const transport of model.transports) {
      const gone = removedDriver(model, transport);
      if (!gone || !transport.urlEntry) continue;
      yield {
        span: valueOrKey(transport.urlEntry.entry),
        message: `The ${transport.driver} driver of this transport_url was removed in oslo.messaging ${releaseLabel(gone.removedIn)}: the service cannot start its ${transport.role === 'rpc' ? 'RPC' : 'notification'} transport`,
      };
    }
  },
};
