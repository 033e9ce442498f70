/**
 * What every suite is given: the bundled engine, a scratch directory, how
 * many runs to make, and a way to say what it is doing.
 */
import type { Engine } from '../engine-bundle.js';

export interface SuiteContext {
  readonly engine: Engine;
  /** A fresh temporary directory for generated inputs. */
  readonly workDir: string;
  /** Runs per figure (each figure is the median of these). */
  readonly runs: number;
  /** Progress, to stderr. */
  log(message: string): void;
}
