/**
 * rabbitmq.conf: a 20,000-line file, parsed alone and analysed in full
 * (parse, schema validation of every value, the RabbitMQ model, all rules).
 * The issue sets no target here; the figures show where the time goes.
 */
import { figure, type Figure } from '../figures.js';
import { rabbitmqConf } from '../generate/conf.js';
import { writeInput } from '../inputs.js';
import { summarize, timeOnce, warmUp } from '../stats.js';
import type { SuiteContext } from './context.js';

const GROUP = 'rabbitmq_conf';
const LINES = 20_000;

export function rabbitmqConfSuite(ctx: SuiteContext): Figure[] {
  const text = rabbitmqConf(LINES);
  const file = writeInput(ctx.workDir, 'conf/rabbitmq.conf', text);
  const note = `${LINES} lines, ${(text.length / 1024).toFixed(0)} KiB generated (seeded)`;
  const { engine } = ctx;
  ctx.log(`rabbitmq.conf: ${note}, ${ctx.runs} rounds`);
  const errors = engine.parseCuttlefish(text).errors;
  if (errors.length > 0) throw new Error(`the generated rabbitmq.conf does not parse: ${errors[0].message}`);
  warmUp(() => engine.analyze({ path: file, text }));

  const parse: number[] = [];
  const analysis: number[] = [];
  for (let k = 0; k < ctx.runs; k++) {
    parse.push(timeOnce(() => engine.parseCuttlefish(text)));
    analysis.push(timeOnce(() => engine.analyze({ path: file, text })));
  }
  return [
    figure(GROUP, 'parse', 'parse (parseCuttlefish), in process', 'ms', summarize(parse), { note }),
    figure(GROUP, 'analysis', 'parse + schema validation + model + rules, in process', 'ms', summarize(analysis)),
  ];
}
