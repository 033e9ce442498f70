import type { Finding, FixProposal, SpanEdit } from '../../core/findings.js';
import type { OsloOptionRef } from '../../catalog/oslo.js';
import { canonicalOption, type OsloMessagingModel, type PlacedEntry } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { addSettings, removeEntry } from './ini-edits.js';
import { mayBreakPoolBounds } from './pool-bounds.js';
import { editTarget, osloModel, releaseLabel } from './support.js';

/** An old name in the file: ignored by the release (`renamed`) or still read but deprecated. */
interface OldName {
  readonly placed: PlacedEntry;
  readonly current: OsloOptionRef;
  readonly ignored: boolean;
  /** The first release that ignores it. */
  readonly until?: string;
  /** Why it is ignored, when it never was read there (not a plain rename). */
  readonly note?: string;
}

function oldNameOf(model: OsloMessagingModel, placed: PlacedEntry): OldName | undefined {
  const found = model.settings.lookup(placed.section.group, placed.entry.key);
  if (!found.replacement) return undefined;
  if (found.status === 'renamed') {
    return { placed, current: found.replacement, ignored: true, ...(found.changedIn ? { until: found.changedIn } : {}), ...(found.note ? { note: found.note } : {}) };
  }
  if (found.status === 'known' && found.deprecatedAlias) {
    const until = found.deprecatedAlias.stopsWorkingIn;
    return { placed, current: found.replacement, ignored: false, ...(until ? { until } : {}) };
  }
  return undefined;
}

/** The old name whose value the fix keeps: first in oslo's order of old names, last assignment of it. */
function chosen(olds: readonly OldName[]): OldName {
  const option = canonicalOption(olds[0].current.group, olds[0].current.name);
  for (const alias of option?.aliases ?? []) {
    const of = olds.filter((o) => o.placed.section.group === alias.group && o.placed.entry.key === alias.name);
    if (of.length > 0) return of[of.length - 1];
  }
  return olds[olds.length - 1];
}

/**
 * One fix for every old name of an option: keep one value under the current
 * name (renamed in place, or moved to the current group), delete the rest;
 * when the current name is already set, delete them all (it wins anyway).
 * Safe: the release reads the current name, so this keeps or restores what
 * the file says. Undefined when a move would take a setting out of a
 * template's `{% if %}`.
 */
function fixFor(ctx: RuleContext, model: OsloMessagingModel, olds: readonly OldName[]): FixProposal | undefined {
  const current = olds[0].current;
  const removeAll = (except?: OldName): SpanEdit[] => olds.filter((o) => o !== except).map((o) => removeEntry(o.placed.entry));
  if (model.settings.assignments(current.group, current.name).length > 0) {
    return { title: `Remove the old name${olds.length > 1 ? 's' : ''} (${current.name} is already set)`, edits: removeAll(), safe: true, preferred: true };
  }
  const keep = chosen(olds);
  const { entry, section } = keep.placed;
  // An ignored pool size brought back could stop the driver from starting.
  const safe = !keep.ignored || !mayBreakPoolBounds(model, current, entry.value);
  if (section.group === current.group) {
    return {
      title: `Rename '${entry.key}' to '${current.name}'`,
      edits: [{ span: entry.keySpan, newText: current.name }, ...removeAll(keep)],
      safe,
      preferred: true,
    };
  }
  if (model.settings.unknownBecause(entry.span) === 'conditional') return undefined;
  const text = ctx.doc.source.text;
  const value = text.slice(entry.rawValueSpan.start, Math.max(entry.rawValueSpan.end, entry.span.end));
  const line = `${current.name} = ${value}`.trimEnd();
  return {
    title: `Move '${entry.key}' to [${current.group}] ${current.name}`,
    edits: [...removeAll(), addSettings(editTarget(ctx, model), current.group, [line])],
    safe,
    preferred: true,
  };
}

function message(old: OldName): string {
  const { entry, section } = old.placed;
  const where = old.current.group === section.group ? `'${old.current.name}'` : `[${old.current.group}] ${old.current.name}`;
  if (old.ignored && old.note) {
    return `'${entry.key}' is ignored in [${section.group}] (${old.note}): ${old.current.name} keeps its default; use ${where}`;
  }
  if (old.ignored) {
    const since = old.until ? ` since oslo.messaging ${releaseLabel(old.until)}` : '';
    return `'${entry.key}' is no longer read${since}: it is ignored and ${old.current.name} keeps its default; use ${where}`;
  }
  const until = old.until ? `oslo.messaging ${releaseLabel(old.until)} stops reading it` : 'a later oslo.messaging stops reading it';
  return `'${entry.key}' is a deprecated name: ${until}; use ${where}`;
}

export const renamedOption: Rule = {
  code: 'OSLO302',
  name: 'renamed-option',
  defaultSeverity: 'error',
  summary: 'An old option name that oslo.messaging no longer reads (or soon will not).',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = osloModel(ctx);
    if (!model) return;
    const olds: OldName[] = [];
    for (const placed of model.settings.entries()) {
      if (model.settings.facts.touchesTemplate(placed.entry.keySpan)) continue;
      const old = oldNameOf(model, placed);
      if (old) olds.push(old);
    }
    // One fix per option, shared by the findings on its old names (a file may repeat them thousands of times).
    const families = new Map<string, OldName[]>();
    for (const old of olds) {
      const k = `${old.current.group}\u0000${old.current.name}`;
      const family = families.get(k);
      if (family) family.push(old);
      else families.set(k, [old]);
    }
    const fixes = new Map<OldName[], FixProposal | undefined>();
    for (const family of families.values()) fixes.set(family, fixFor(ctx, model, family));
    for (const old of olds) {
      const family = families.get(`${old.current.group}\u0000${old.current.name}`)!;
      const fix = fixes.get(family);
      yield {
        span: old.placed.entry.keySpan,
        message: message(old),
        fixes: fix ? [fix] : [],
        // Still read by this release: a heads-up for the upgrade, not a broken setting.
        ...(old.ignored ? {} : { severity: 'information' as const }),
      };
    }
  },
};
