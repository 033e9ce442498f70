/**
 * Runs a recursive-descent parser without using the JavaScript call stack
 * for its recursion, so that 100,000 nested brackets cannot overflow it.
 *
 * Each grammar rule is a generator function. To parse a sub-rule it does not
 * call it but *yields* it (`const e = yield expr(p)`); the driver keeps the
 * pending rules on a heap-allocated stack, runs the sub-rule, and sends its
 * result back as the value of the `yield`. The rules read like ordinary
 * recursive code.
 */

/** A rule in progress: yields sub-rules, receives their results, returns its own. */
export type Rule<Result, SubResult = Result> = Generator<Rule<SubResult, SubResult>, Result, SubResult>;

/** Thrown by `runRule` when more than `maxDepth` rules are pending at once. */
export class TooDeep extends Error {
  constructor(readonly maxDepth: number) {
    super(`more than ${maxDepth} nested rules`);
  }
}

/**
 * Runs `root` to completion and returns its result. `maxDepth` bounds the
 * pending rules (each costs a few hundred bytes): past it, `TooDeep` is
 * thrown instead of exhausting memory.
 */
export function runRule<R, S>(root: Rule<R, S>, maxDepth = Infinity): R {
  const pending: Rule<unknown, unknown>[] = [root as Rule<unknown, unknown>];
  let input: unknown = undefined;
  for (;;) {
    const top = pending[pending.length - 1];
    const step = top.next(input);
    if (step.done) {
      pending.pop();
      input = step.value;
      if (pending.length === 0) return input as R;
    } else {
      if (pending.length >= maxDepth) throw new TooDeep(maxDepth);
      pending.push(step.value);
      input = undefined;
    }
  }
}
