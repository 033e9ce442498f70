/**
 * Erlang terms: a ~1 MB classic rabbitmq.config, our parse and our full
 * analysis against `file:consult/1` — timed inside the Erlang VM (the
 * consult call alone) and as whole processes (`erl` reading the file vs our
 * CLI checking it).
 */
import { join } from 'node:path';
import { figure, missing, type Figure } from '../figures.js';
import { classicConfig } from '../generate/erlang.js';
import { writeInput } from '../inputs.js';
import { ROOT } from '../paths.js';
import { available, runProcess } from '../processes.js';
import { pairedRatios, summarize, timeOnce, warmUp } from '../stats.js';
import type { SuiteContext } from './context.js';

const GROUP = 'erlang';
const SIZE = 1 << 20;

/**
 * Times file:consult/1 inside the VM with timer:tc and prints microseconds.
 * The file comes as a plain argument so that no quoting is involved.
 */
const CONSULT_TIMED = [
  '[F] = init:get_plain_arguments(),',
  '{T, R} = timer:tc(file, consult, [F]),',
  'case R of {ok, _} -> io:format("~b~n", [T]); E -> io:format("failed ~p~n", [E]) end,',
  'halt().',
].join(' ');

/** One erl process: consult time inside the VM (ms) and the process's wall time (ms). */
function consultOnce(file: string): { inVm: number; process: number } {
  const run = runProcess('erl', ['-noshell', '-noinput', '-eval', CONSULT_TIMED, '-extra', file]);
  const micros = Number(run.stdout.trim());
  if (run.status !== 0 || !Number.isFinite(micros)) throw new Error(`erl could not consult ${file}: ${run.stdout}${run.stderr}`);
  return { inVm: micros / 1000, process: run.ms };
}

export function erlangSuite(ctx: SuiteContext): Figure[] {
  const text = classicConfig({ bytes: SIZE });
  const file = writeInput(ctx.workDir, 'erlang/rabbitmq.config', text);
  const sizeNote = `${(text.length / 1024).toFixed(0)} KiB generated classic config (seeded)`;
  const { engine } = ctx;
  const errors = engine.parseErlangTerms(text).errors;
  if (errors.length > 0) throw new Error(`the generated config does not parse: ${errors[0].message}`);

  warmUp(() => engine.analyze({ path: file, text }));

  const parse: number[] = [];
  const analysis: number[] = [];
  const consultInVm: number[] = [];
  const consultProcess: number[] = [];
  const cliProcess: number[] = [];
  const haveErl = available('erl', ['-noshell', '-eval', 'halt().']);
  ctx.log(`erlang: ${sizeNote}, ${ctx.runs} rounds${haveErl ? '' : ' (erl missing)'}`);
  for (let k = 0; k < ctx.runs; k++) {
    parse.push(timeOnce(() => engine.parseErlangTerms(text)));
    analysis.push(timeOnce(() => engine.analyze({ path: file, text })));
    cliProcess.push(runProcess(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', file]).ms);
    if (haveErl) {
      const erl = consultOnce(file);
      consultInVm.push(erl.inVm);
      consultProcess.push(erl.process);
    }
  }

  const target = { atMost: 0.5, text: '≤ 0.5×' };
  const figures = [
    figure(GROUP, 'parse', 'our parse (parseErlangTerms), in process', 'ms', summarize(parse), { note: sizeNote }),
    figure(GROUP, 'analysis', 'our full analysis (parse, model, all rules), in process', 'ms', summarize(analysis)),
    figure(GROUP, 'cli_process', 'our CLI checking the file, whole process', 'ms', summarize(cliProcess)),
  ];
  if (!haveErl) {
    const why = 'erl is not installed';
    return [...figures, missing(GROUP, 'analysis_vs_consult', 'our full analysis ÷ file:consult in the VM', 'ratio', why, target)];
  }
  return [
    ...figures,
    figure(GROUP, 'consult_vm', 'file:consult/1 inside the Erlang VM (timer:tc)', 'ms', summarize(consultInVm)),
    figure(GROUP, 'consult_process', 'erl reading the file with file:consult, whole process', 'ms', summarize(consultProcess)),
    figure(GROUP, 'parse_vs_consult', 'our parse ÷ file:consult in the VM', 'ratio', summarize(pairedRatios(parse, consultInVm))),
    figure(GROUP, 'analysis_vs_consult', 'our full analysis ÷ file:consult in the VM', 'ratio', summarize(pairedRatios(analysis, consultInVm)), { target }),
    figure(GROUP, 'process_vs_process', 'our CLI process ÷ erl process', 'ratio', summarize(pairedRatios(cliProcess, consultProcess))),
  ];
}
