/**
 * One end-to-end session: tools from the cache, the packaged .vsix and the
 * probe installed into an isolated code-server, chromium on the workbench.
 * `openSession` cleans up whatever it started when a later part fails;
 * `closeSession` ends everything, in the reverse order.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type Browser, type Page } from './browser.js';
import { installExtensions, isolatedEnv, prepareWorkDir, removeWorkDir, startCodeServer, type RunningCodeServer, type WorkDir } from './code-server.js';
import { outputDir, ROOT } from './config.js';
import { ApiDiagnostics } from './diagnostics.js';
import { CLASSIC_INSECURE, EMPTY_CONF, RESTART_CONFIG } from './expectations.js';
import { buildProbeVsix } from './probe-extension/build.js';
import { onAbruptExit, run, stopAll } from './processes.js';
import { ensureTools } from './setup.js';
import { Workbench } from './workbench.js';

/** Window size: tall enough for the Problems panel to render every row of the examples at once. */
const VIEWPORT = { width: 1400, height: 1050 };

/** Names of the files the suite writes into the output dir. */
export const ARTIFACT = /^(step\d.*|failure-.*|logs|timings\.json)$/;

export interface Session {
  readonly work: WorkDir;
  readonly codeServer: RunningCodeServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly workbench: Workbench;
  readonly api: ApiDiagnostics;
  /** Where code-server unpacked the product extension (its dist/cli.js is the shipped CLI). */
  readonly productDir: string;
  /** Artifacts: screenshots, logs, dumps. */
  readonly out: string;
  /** Seconds each phase of the start took. */
  readonly timings: Readonly<Record<string, number>>;
  /** Drops the work dir's abrupt-exit cleanup once the session removed it itself. */
  readonly forgetWorkDir: () => void;
}

/** Packages the product with scripts/package.mjs, unless MQ_HARDEN_E2E_VSIX names a ready one. */
async function productVsix(work: WorkDir): Promise<string> {
  if (process.env.MQ_HARDEN_E2E_VSIX) return process.env.MQ_HARDEN_E2E_VSIX;
  const vsix = join(work.root, 'mq-harden.vsix');
  await run(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT });
  return vsix;
}

function installedProductDir(work: WorkDir): string {
  const dir = readdirSync(join(work.root, 'extensions')).find((d) => d.startsWith('mq-harden.mq-harden-'));
  if (!dir) throw new Error('the product extension is not in the extensions dir after --install-extension');
  return join(work.root, 'extensions', dir);
}

export async function openSession(log: (s: string) => void): Promise<Session> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timings[name] = (Date.now() - t) / 1000;
    log(`${name}: ${timings[name].toFixed(1)} s`);
    t = Date.now();
  };
  const out = outputDir();
  mkdirSync(out, { recursive: true });
  // Artifacts of an earlier run must not pass for this run's (only ours: the dir may be user-chosen).
  for (const name of readdirSync(out)) if (ARTIFACT.test(name)) rmSync(join(out, name), { recursive: true, force: true });
  await ensureTools(log);
  lap('tools');
  const examples = join(ROOT, 'examples');
  const work = prepareWorkDir(examples, { [EMPTY_CONF]: '', [RESTART_CONFIG]: readFileSync(join(examples, CLASSIC_INSECURE), 'utf8') });
  const forgetWorkDir = onAbruptExit(() => removeWorkDir(work));
  let browser: Browser | undefined;
  try {
    const [vsix, probe] = await Promise.all([productVsix(work), buildProbeVsix(join(work.root, 'probe'))]);
    lap('package');
    await installExtensions(work, [vsix, probe]);
    const productDir = installedProductDir(work);
    lap('install');
    const codeServer = await startCodeServer(work);
    lap('code-server');
    browser = await launchChromium(isolatedEnv(work));
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const workbench = await Workbench.open(page, codeServer.url, work.workspace, out, 'rabbitmq');
    lap('workbench');
    return { work, codeServer, browser, page, workbench, api: new ApiDiagnostics(workbench, work.dumpFile), productDir, out, timings, forgetWorkDir };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await stopAll();
    keepLogs(work, out);
    removeWorkDir(work);
    forgetWorkDir();
    throw e;
  }
}

/** code-server's and the extension host's logs go with the artifacts (the work dir is removed). */
function keepLogs(work: WorkDir, out: string): void {
  const logs = join(out, 'logs');
  mkdirSync(logs, { recursive: true });
  if (existsSync(work.logFile)) cpSync(work.logFile, join(logs, 'code-server.log'));
  const userLogs = join(work.root, 'user-data', 'logs');
  if (existsSync(userLogs)) cpSync(userLogs, join(logs, 'vscode'), { recursive: true });
}

export async function closeSession(s: Session): Promise<void> {
  await s.browser.close().catch(() => undefined);
  await s.codeServer.group.stop();
  keepLogs(s.work, s.out);
  removeWorkDir(s.work);
  s.forgetWorkDir();
}
