import type { AnalyzedDocument, SourceDocument } from '../analysis/document.js';
import { firstEndingAfter, type LineIndex } from '../core/text.js';
import { detectTemplateDialect, maskTemplate } from '../templates/index.js';
import type { MaskedDocument } from '../templates/types.js';
import type { DetectedLanguage } from './detect.js';
import type { FormatAnalysis, FormatInput } from './format-analysis.js';
import type { LanguageId } from './ids.js';
import { analyzeOsloConfig } from './oslo-config.js';
import { analyzeQpiddConf } from './qpidd-conf.js';
import { analyzeRabbitmqConf } from './rabbitmq-conf.js';
import { analyzeRabbitmqConfig } from './rabbitmq-config.js';

const ANALYZERS: Record<LanguageId, (input: FormatInput) => FormatAnalysis<unknown>> = {
  'rabbitmq-config': analyzeRabbitmqConfig,
  'rabbitmq-conf': analyzeRabbitmqConf,
  'oslo-config': analyzeOsloConfig,
  'qpidd-conf': analyzeQpiddConf,
};

/**
 * Which occurrence of a repeated key takes effect. RabbitMQ applies classic
 * settings in order (application:set_env), cuttlefish keeps the last value of
 * a key, oslo.config reads the last value of a single-valued option.
 */
export function duplicateWinner(_language: LanguageId): 'first' | 'last' {
  return 'last';
}

/** What the format analysers and the models ask about template tags. */
export type TemplateFacts = Pick<FormatInput, 'isTemplate' | 'touchesTemplate' | 'isConditional'>;

const PLAIN_FILE: TemplateFacts = { isTemplate: () => false, touchesTemplate: () => false, isConditional: () => false };

/** Template facts by binary search over the sorted tags. */
export function templateFacts(masked: MaskedDocument | undefined): TemplateFacts {
  if (!masked || masked.spans.length === 0) return PLAIN_FILE;
  const spans = masked.spans;
  const expressions = spans.filter((s) => s.kind === 'expression');
  return {
    isTemplate(offset) {
      const i = firstEndingAfter(spans, offset);
      return i < spans.length && spans[i].start <= offset;
    },
    // Only expressions make content unknown; a statement tag next to a setting renders as nothing.
    touchesTemplate(span) {
      const i = firstEndingAfter(expressions, span.start - 1);
      return i < expressions.length && expressions[i].start <= span.end;
    },
    // Regions are sorted and disjoint: only the two around the span's start can contain it.
    isConditional(span) {
      const i = firstEndingAfter(masked.conditional, span.start - 1);
      return [masked.conditional[i], masked.conditional[i + 1]].some((c) => c !== undefined && c.start <= span.start && span.end <= c.end);
    },
  };
}

function templateInput(path: string, masked: MaskedDocument | undefined, text: string, variant: FormatInput['variant']): FormatInput {
  return { path, text: masked ? masked.text : text, variant, ...templateFacts(masked) };
}

/** The earlier version's tree, when the parser can take it over: same language, and no template on either side. */
function reusable(source: SourceDocument, detected: DetectedLanguage, template: MaskedDocument | undefined): Pick<FormatInput, 'earlier'> {
  const earlier = source.earlier;
  if (!earlier || earlier.language !== detected.language || earlier.variant !== detected.variant || earlier.template || template) return {};
  return { earlier: { text: earlier.source.text, tree: earlier.tree } };
}

/** Masks a template (when the file is one), parses it with its language, and collects the settings. */
export function analyzeWithLanguage(source: SourceDocument, detected: DetectedLanguage, lines: LineIndex, osloRelease?: string): AnalyzedDocument {
  const dialect = detectTemplateDialect(source.path, source.text, detected.language === 'rabbitmq-config' ? 'erlang' : 'line');
  const masked = dialect ? maskTemplate(source.text, dialect) : undefined;
  const template = masked && (masked.spans.length > 0 || masked.errors.length > 0) ? masked : undefined;
  const input = {
    ...templateInput(source.path, template, source.text, detected.variant),
    ...(osloRelease ? { osloRelease } : {}),
    ...reusable(source, detected, template),
  };
  const analysis = ANALYZERS[detected.language](input);
  return {
    // Without `earlier`: a document must not keep every version before it alive.
    source: source.earlier ? { path: source.path, text: source.text } : source,
    language: detected.language,
    variant: detected.variant,
    lines,
    template,
    syntaxErrors: analysis.syntaxErrors,
    settings: analysis.settings,
    tree: analysis.tree,
  };
}
