/**
 * oslo.config INI: a 50,000-line service file, our parse (with every span)
 * against oslo.config's own parser under /usr/bin/python3 and against the
 * npm `ini` package.
 *
 * The target compares the parsers: ours on the text, oslo's iniparser on
 * the same text already read (an in-memory file). A second comparison adds
 * the reading on both sides, as oslo's ConfigParser opens the file itself
 * (ours: readFileSync + parseOsloIni). `ini` gets the text already read, as
 * its API wants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure, missing, type Figure } from '../figures.js';
import { serviceFile } from '../generate/oslo.js';
import { writeInput } from '../inputs.js';
import { ROOT } from '../paths.js';
import { available, runProcess } from '../processes.js';
import { pairedRatios, summarize, timeOnce, warmUp } from '../stats.js';
import type { SuiteContext } from './context.js';

const GROUP = 'oslo_ini';
const LINES = 50_000;
const PYTHON = '/usr/bin/python3';
const ORACLE = join(ROOT, 'scripts', 'bench', 'oracles', 'oslo_parse_timed.py');

type IniParse = (text: string) => unknown;

/** npm `ini`, a development dependency used only here; undefined when it is not installed. */
function loadIni(): IniParse | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('ini') as { parse: IniParse }).parse;
  } catch {
    return undefined;
  }
}

function osloOnce(file: string): { parse: number; inProcess: number; process: number } {
  const run = runProcess(PYTHON, [ORACLE, file], { env: { ...process.env, PYTHONUTF8: '1' } });
  const [parse, withRead] = run.stdout.trim().split(/\s+/).map(Number);
  if (run.status !== 0 || !Number.isFinite(parse) || !Number.isFinite(withRead)) throw new Error(`oslo.config could not parse ${file}: ${run.stderr}`);
  return { parse, inProcess: withRead, process: run.ms };
}

export function osloIniSuite(ctx: SuiteContext): Figure[] {
  const text = serviceFile(LINES);
  const file = writeInput(ctx.workDir, 'oslo/nova.conf', text);
  const note = `${LINES} lines, ${(text.length / 1024).toFixed(0)} KiB generated service file (seeded)`;
  const { engine } = ctx;
  const parseIni = loadIni();
  const haveOslo = available(PYTHON, ['-c', 'import oslo_config.cfg']);
  ctx.log(`oslo INI: ${note}, ${ctx.runs} rounds${haveOslo ? '' : ' (oslo.config missing)'}${parseIni ? '' : ' (npm ini missing)'}`);

  warmUp(() => engine.parseOsloIni(readFileSync(file, 'utf8')));
  warmUp(() => engine.analyze({ path: file, text }));
  if (parseIni) warmUp(() => parseIni(text));

  const oursParse: number[] = [];
  const oursReadParse: number[] = [];
  const oursAnalysis: number[] = [];
  const ini: number[] = [];
  const osloParse: number[] = [];
  const osloInProcess: number[] = [];
  const osloProcess: number[] = [];
  for (let k = 0; k < ctx.runs; k++) {
    oursParse.push(timeOnce(() => engine.parseOsloIni(text)));
    oursReadParse.push(timeOnce(() => engine.parseOsloIni(readFileSync(file, 'utf8'))));
    oursAnalysis.push(timeOnce(() => engine.analyze({ path: file, text })));
    if (parseIni) ini.push(timeOnce(() => parseIni(text)));
    if (haveOslo) {
      const oslo = osloOnce(file);
      osloParse.push(oslo.parse);
      osloInProcess.push(oslo.inProcess);
      osloProcess.push(oslo.process);
    }
  }

  const osloTarget = { atMost: 0.2, text: '≤ 0.2×' };
  const iniTarget = { atMost: 1.0, text: '≤ 1.0×' };
  const figures = [
    figure(GROUP, 'parse', 'our parse (parseOsloIni, every span), in process', 'ms', summarize(oursParse), { note }),
    figure(GROUP, 'read_parse', 'our read + parse, in process', 'ms', summarize(oursReadParse)),
    figure(GROUP, 'analysis', 'our full analysis of the same file, in process', 'ms', summarize(oursAnalysis)),
  ];
  if (haveOslo) {
    figures.push(
      figure(GROUP, 'oslo_parse', "oslo.config's iniparser on the text already read, in Python", 'ms', summarize(osloParse)),
      figure(GROUP, 'oslo', "oslo.config's ConfigParser, read + parse in Python", 'ms', summarize(osloInProcess)),
      figure(GROUP, 'oslo_process', 'oslo.config parse, whole python3 process', 'ms', summarize(osloProcess)),
      figure(GROUP, 'vs_oslo', 'our parse ÷ oslo.config parse', 'ratio', summarize(pairedRatios(oursParse, osloParse)), { target: osloTarget }),
      figure(GROUP, 'vs_oslo_read', 'our read + parse ÷ oslo.config read + parse', 'ratio', summarize(pairedRatios(oursReadParse, osloInProcess))),
    );
  } else {
    figures.push(missing(GROUP, 'vs_oslo', 'our parse ÷ oslo.config parse', 'ratio', '/usr/bin/python3 with oslo.config is not installed', osloTarget));
  }
  if (parseIni) {
    figures.push(
      figure(GROUP, 'ini', 'npm ini parse (no spans), in process', 'ms', summarize(ini)),
      figure(GROUP, 'vs_ini', 'our parse ÷ npm ini parse', 'ratio', summarize(pairedRatios(oursParse, ini)), { target: iniTarget }),
    );
  } else {
    figures.push(missing(GROUP, 'vs_ini', 'our parse ÷ npm ini parse', 'ratio', 'npm ini is not installed (a devDependency to add)', iniTarget));
  }
  return figures;
}
