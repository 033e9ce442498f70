/**
 * Builds the normalized RabbitMQ model from the analysed files of one node:
 * rabbitmq.conf, its conf.d files, and advanced.config (or a lone classic
 * rabbitmq.config), merged the way RabbitMQ merges them.
 */
import type { AnalyzedDocument } from '../../analysis/document.js';
import type { ConfDocument } from '../../formats/cuttlefish/ast.js';
import type { ErlangDocument } from '../../formats/erlang/ast.js';
import { templateFacts } from '../../languages/support.js';
import { buildRabbitModel } from './build.js';
import { classicEnvironment } from './from-classic.js';
import { confEnvironment } from './from-conf.js';
import { overlay, type AppEnvironment } from './tree.js';
import type { RabbitModel } from './types.js';

export type * from './types.js';
export { RABBIT_DEFAULTS } from './build.js';

/**
 * The model of the configuration formed by `docs`. Conf files are read in the
 * order given (rabbitmq.conf, then conf.d in name order); classic files are
 * overlaid after them (advanced.config wins). Inter-node TLS files are not
 * part of the node's application environment and are ignored.
 */
export function rabbitModelOf(docs: readonly AnalyzedDocument[]): RabbitModel {
  const conf = docs.filter((d) => d.language === 'rabbitmq-conf');
  const classic = docs.filter((d) => d.language === 'rabbitmq-config' && d.variant !== 'inter-node-tls');
  let env: AppEnvironment = confEnvironment(
    conf.map((d) => ({ path: d.source.path, doc: d.tree as ConfDocument, facts: templateFacts(d.template), length: d.source.text.length })),
  );
  for (const d of classic) env = overlay(env, classicEnvironment(d.source.path, d.tree as ErlangDocument, templateFacts(d.template), d.source.text));
  // advanced.config without the rabbitmq.conf it complements: what it leaves out is set elsewhere, or not — unknown.
  if (conf.length === 0 && classic.length > 0 && classic.every((d) => d.variant === 'advanced')) {
    const anchor = { path: classic[0].source.path, span: { start: 0, end: 0 } };
    env.set('*', { entries: new Map(), anchor, openEnded: true });
  }
  const main = docs[0];
  const fallback = { path: main?.source.path ?? '', span: { start: 0, end: 0 } };
  return buildRabbitModel(env, docs.map((d) => d.source.path), fallback);
}
