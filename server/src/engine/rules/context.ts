import type { EngineOptions } from '../analysis/analyze.js';
import type { AnalyzedDocument } from '../analysis/document.js';
import type { Span } from '../core/text.js';
import type { Origin, RabbitModel } from '../model/rabbitmq/types.js';
import type { AccountProvider } from '../workspace/index.js';

/** What a rule sees: the document, and the models built for it on demand. */
export interface RuleContext {
  readonly doc: AnalyzedDocument;
  /** The host's options (rule severities, `osloRelease`, …). */
  readonly options: EngineOptions;
  /**
   * The RabbitMQ model of the configuration this document belongs to
   * (merged with its sibling files), for RabbitMQ documents; built once, on
   * first use.
   */
  rabbit(): RabbitModel | undefined;
  /** The span of `origin` when it lies in this document; undefined when it is in a sibling file. */
  here(origin: Origin | undefined): Span | undefined;
  /** Broker accounts used by the other service files of the workspace (OSLO202), when the host indexed them. */
  readonly accounts?: AccountProvider;
}
