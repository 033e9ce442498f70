/**
 * Debian's chromium driven by playwright-core. playwright-core is loaded from
 * the tool cache (or the project, once it is a devDependency), so the
 * repository typechecks without it: the few calls the suite makes are typed
 * here by hand.
 */
import { createRequire } from 'node:module';
import { chromiumPath, resolveTool } from './config.js';

export type WaitState = 'attached' | 'detached' | 'visible' | 'hidden';

/**
 * What `evaluateAll` callbacks may read of a DOM element (they run in the
 * page; the repository compiles without the DOM lib). Keep such callbacks
 * free of named inner functions: the TypeScript loader may wrap those in
 * helpers that do not exist in the page.
 */
export interface DomElement {
  readonly innerText: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
}

/** The subset of playwright's Locator the suite uses. */
export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  filter(options: { hasText?: string | RegExp }): Locator;
  waitFor(options?: { state?: WaitState; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  click(options?: { position?: { x: number; y: number }; timeout?: number }): Promise<void>;
  fill(value: string): Promise<void>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Runs `fn` in the page on every matching element at once (one consistent read of a list). */
  evaluateAll<R>(fn: (elements: DomElement[]) => R): Promise<R>;
}

/** The subset of playwright's Page the suite uses. */
export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  readonly keyboard: {
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
    insertText(text: string): Promise<void>;
  };
  readonly mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
  screenshot(options: { path: string }): Promise<unknown>;
  setDefaultTimeout(ms: number): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
}

export interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}

interface PlaywrightCore {
  chromium: { launch(options: { executablePath: string; headless: boolean; args: string[]; env: NodeJS.ProcessEnv }): Promise<Browser> };
}

/**
 * Headless chromium with nothing that reaches out to the network by itself.
 * `env` should point HOME and the XDG dirs into the run's work dir: chromium
 * writes crash-report settings and dconf files there otherwise.
 */
export async function launchChromium(env: NodeJS.ProcessEnv): Promise<Browser> {
  const load = createRequire(resolveTool('playwright-core/package.json'));
  const playwright = load('playwright-core') as PlaywrightCore;
  return playwright.chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    env,
    args: [
      '--no-sandbox', // root in containers
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
