import { abbreviate } from '../../core/abbreviate.js';
import type { Finding, FixProposal } from '../../core/findings.js';
import type { Span } from '../../core/text.js';
import type { IniEntry } from '../../formats/ini/index.js';
import type { OsloMessagingModel, PlacedEntry } from '../../model/oslo/index.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { findInlineComment } from './inline-comment.js';
import { lineBreakOf } from './ini-edits.js';
import { isMessagingSetting, isSecretSetting, osloModel } from './support.js';

/** A comment oslo.config reads as part of a value. */
interface InlineComment {
  readonly span: Span;
  readonly fix?: FixProposal;
}

/** `key = value # text` on the assignment's first line. */
function onFirstLine(ctx: RuleContext, entry: IniEntry): InlineComment | undefined {
  const text = ctx.doc.source.text;
  const raw = text.slice(entry.rawValueSpan.start, entry.rawValueSpan.end);
  const found = findInlineComment(raw);
  if (!found) return undefined;
  const span = { start: entry.rawValueSpan.start + found.marker, end: entry.rawValueSpan.end };
  const comment = text.slice(span.start, span.end);
  // Moving it would leave an empty value, which is not what the comment's author had either.
  if (found.cut === 0) return { span };
  const eol = lineBreakOf(text);
  const lineStart = entry.linesSpan.start;
  return {
    span,
    fix: {
      title: 'Move the comment to its own line above',
      edits: [
        { span: { start: lineStart, end: lineStart }, newText: comment + eol },
        { span: { start: entry.rawValueSpan.start + found.cut, end: entry.rawValueSpan.end }, newText: '' },
      ],
      safe: true,
      preferred: true,
    },
  };
}

/** An indented `# text` line under an assignment: joined to the value as another line of it. */
function onContinuation(ctx: RuleContext, entry: IniEntry): InlineComment | undefined {
  const i = entry.continuations.findIndex((c) => c.text.startsWith('#') || c.text.startsWith(';'));
  if (i < 0) return undefined;
  const line = entry.continuations[i];
  // Unindenting it ends the value there: only right when no value line follows.
  if (i !== entry.continuations.length - 1) return { span: line.span };
  const text = ctx.doc.source.text;
  let lineStart = line.span.start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  return {
    span: line.span,
    fix: { title: 'Unindent the comment', edits: [{ span: { start: lineStart, end: line.span.start }, newText: '' }], safe: true, preferred: true },
  };
}

function check(ctx: RuleContext, model: OsloMessagingModel, placed: PlacedEntry): InlineComment | undefined {
  if (!isMessagingSetting(model.settings, placed)) return undefined;
  const { entry } = placed;
  const found = onFirstLine(ctx, entry) ?? onContinuation(ctx, entry);
  if (!found || model.settings.facts.touchesTemplate(found.span)) return undefined;
  return found;
}

export const inlineCommentInValue: Rule = {
  code: 'OSLO303',
  name: 'inline-comment-in-value',
  defaultSeverity: 'warning',
  summary: 'A comment after a value, which oslo.config reads as part of the value.',
  languages: ['oslo-config'],
  *check(ctx): Iterable<Finding> {
    const model = osloModel(ctx);
    if (!model) return;
    for (const placed of model.settings.entries()) {
      const found = check(ctx, model, placed);
      if (!found) continue;
      const { entry, section } = placed;
      const quoted = isSecretSetting(model.settings, section.group, entry.key) ? '' : ` '${abbreviate(ctx.doc.source.text.slice(found.span.start, found.span.end))}'`;
      yield {
        span: found.span,
        message: `oslo.config reads the comment${quoted} as part of the value of ${entry.key}: comments must be on their own line, starting in the first column`,
        fixes: found.fix ? [found.fix] : [],
      };
    }
  },
};
