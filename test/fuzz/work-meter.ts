/**
 * A deterministic measure of how much work a function does, for asserting
 * that parsing time grows linearly with the input without timing anything.
 *
 * While `measureWork` runs its function, the string, array, regular
 * expression and generator built-ins are wrapped so that each call adds to a
 * counter what it costs: one for a character read (`charCodeAt`), the
 * distance scanned for a search (`indexOf`), the length of the copy for a
 * `slice`, the array's length for an iteration (`map`, `some`, `indexOf`…),
 * one per generator step (the Erlang parser's rules are generators). The
 * same input always gives the same count, on any machine, under any load.
 *
 * What it cannot see: plain loops over `text[i]` or array indexing, and the
 * backtracking inside a regular expression (counted by its input's length
 * only; test/hostile reviews the regexes themselves). The parsers read their
 * text through `charCodeAt`, `codePointAt`, `indexOf` and `slice`, so a loop
 * that rescans the text shows up here.
 */

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

interface Patch {
  readonly owner: object;
  readonly name: string;
  readonly original: AnyFunction;
}

let counter = 0;
let active = false;

/** Cost of a string search from `from` that found `at` (or nothing). */
function searchCost(length: number, from: unknown, at: number): number {
  const start = typeof from === 'number' && from > 0 ? Math.min(from, length) : 0;
  return 1 + (at >= 0 ? Math.max(0, at - start) : length - start);
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : 0;
}

/** How each wrapped built-in is charged, given `this`, its arguments and its result. */
const STRING_COSTS: Record<string, (self: string, args: unknown[], result: unknown) => number> = {
  charCodeAt: () => 1,
  codePointAt: () => 1,
  charAt: () => 1,
  at: () => 1,
  indexOf: (self, args, result) => searchCost(self.length, args[1], result as number),
  includes: (self, args) => searchCost(self.length, args[1], -1),
  lastIndexOf: (self) => 1 + self.length,
  startsWith: (_self, args) => 1 + lengthOf(args[0]),
  endsWith: (_self, args) => 1 + lengthOf(args[0]),
  slice: (_self, _args, result) => 1 + lengthOf(result),
  substring: (_self, _args, result) => 1 + lengthOf(result),
  trim: (self) => 1 + self.length,
  trimStart: (self) => 1 + self.length,
  trimEnd: (self) => 1 + self.length,
  split: (self) => 1 + self.length,
  toLowerCase: (self) => 1 + self.length,
  toUpperCase: (self) => 1 + self.length,
  replace: (self) => 1 + self.length,
  replaceAll: (self) => 1 + self.length,
  repeat: (_self, _args, result) => 1 + lengthOf(result),
  padStart: (_self, _args, result) => 1 + lengthOf(result),
  padEnd: (_self, _args, result) => 1 + lengthOf(result),
  concat: (_self, _args, result) => 1 + lengthOf(result),
  normalize: (self) => 1 + self.length,
  localeCompare: () => 1,
};

const byLength = (self: unknown[]) => 1 + self.length;
const ARRAY_COSTS: Record<string, (self: unknown[], args: unknown[], result: unknown) => number> = {
  push: (_self, args) => 1 + args.length,
  unshift: byLength,
  shift: byLength,
  splice: byLength,
  indexOf: byLength,
  lastIndexOf: byLength,
  includes: byLength,
  find: byLength,
  findIndex: byLength,
  findLast: byLength,
  findLastIndex: byLength,
  some: byLength,
  every: byLength,
  filter: byLength,
  map: byLength,
  flatMap: byLength,
  flat: byLength,
  forEach: byLength,
  reduce: byLength,
  reduceRight: byLength,
  slice: (_self, _args, result) => 1 + lengthOf(result),
  concat: (_self, _args, result) => 1 + lengthOf(result),
  join: byLength,
  reverse: byLength,
  fill: byLength,
  sort: (self) => 1 + self.length * Math.max(1, Math.ceil(Math.log2(self.length + 1))),
};

const REGEXP_COSTS: Record<string, (self: RegExp, args: unknown[]) => number> = {
  exec: (_self, args) => 1 + lengthOf(args[0]),
  test: (_self, args) => 1 + lengthOf(args[0]),
};

const GeneratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())) as object;

function wrap(owner: object, name: string, cost: (self: never, args: unknown[], result: unknown) => number): Patch | undefined {
  const original = (owner as Record<string, unknown>)[name];
  if (typeof original !== 'function') return undefined;
  const fn = original as AnyFunction;
  (owner as Record<string, unknown>)[name] = function measured(this: unknown, ...args: unknown[]): unknown {
    const result = fn.apply(this, args);
    // The cost functions themselves call no wrapped built-in while `active` is off.
    if (active) {
      active = false;
      try {
        counter += cost(this as never, args, result);
      } finally {
        active = true;
      }
    }
    return result;
  };
  return { owner, name, original: fn };
}

function install(): Patch[] {
  const patches: (Patch | undefined)[] = [];
  for (const [name, cost] of Object.entries(STRING_COSTS)) patches.push(wrap(String.prototype, name, cost));
  for (const [name, cost] of Object.entries(ARRAY_COSTS)) patches.push(wrap(Array.prototype, name, cost));
  for (const [name, cost] of Object.entries(REGEXP_COSTS)) patches.push(wrap(RegExp.prototype, name, cost));
  patches.push(wrap(GeneratorPrototype, 'next', () => 1));
  return patches.filter((p): p is Patch => p !== undefined);
}

function uninstall(patches: readonly Patch[]): void {
  for (const p of patches) (p.owner as Record<string, unknown>)[p.name] = p.original;
}

/** Runs `fn` and returns its result with the work it did (see the module comment for what counts). */
export function measureWork<T>(fn: () => T): { readonly result: T; readonly work: number } {
  if (active) throw new Error('measureWork does not nest');
  const patches = install();
  counter = 0;
  active = true;
  try {
    const result = fn();
    return { result, work: counter };
  } finally {
    active = false;
    uninstall(patches);
  }
}
