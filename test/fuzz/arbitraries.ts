/**
 * The inputs of the fuzz properties: random texts made of a format's tokens
 * and of any UTF-16 code units, and real files mutated (cut, spliced,
 * duplicated, their line breaks changed).
 */
import fc from 'fast-check';
import type { FuzzTarget } from './targets.js';

/** Any single UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** One piece of a random text: mostly the format's tokens, sometimes any character. */
export function piece(target: FuzzTarget): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...target.tokens) },
    { weight: 1, arbitrary: codeUnit },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  );
}

/** A random text of up to `maxPieces` pieces. */
export function randomText(target: FuzzTarget, maxPieces = 80): fc.Arbitrary<string> {
  return fc.array(piece(target), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** An edit of a real file; offsets are taken modulo the text's length when applied. */
type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'line-breaks'; readonly to: string };

function mutation(target: FuzzTarget): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at, text: piece(target) }),
    fc.record({ kind: fc.constant('insert' as const), at, text: randomText(target, 6) }),
    fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('line-breaks' as const), to: fc.constantFrom('\r\n', '\r', '\n\n') }),
  );
}

function apply(text: string, m: Mutation): string {
  const n = text.length + 1;
  switch (m.kind) {
    case 'delete': {
      const at = m.at % n;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % n;
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate': {
      const at = m.at % n;
      return text.slice(0, at + m.length) + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % n);
    case 'line-breaks':
      return text.split('\n').join(m.to);
  }
}

/** A real file of the target's format with a few mutations. */
export function mutatedSeed(target: FuzzTarget, maxMutations = 6): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...target.seeds()), fc.array(mutation(target), { minLength: 1, maxLength: maxMutations }))
    .map(([seed, mutations]) => mutations.reduce(apply, seed));
}

/** Everything the properties feed a target: random texts and mutated files, half and half. */
export function fuzzInput(target: FuzzTarget): fc.Arbitrary<string> {
  return fc.oneof(randomText(target), mutatedSeed(target));
}

/** A short stretch of text to repeat, with what comes before and after the repetition. */
export function repeatedUnit(target: FuzzTarget): fc.Arbitrary<{ prefix: string; unit: string; suffix: string }> {
  return fc.record({
    prefix: randomText(target, 4),
    unit: randomText(target, 8).filter((u) => u.length > 0),
    suffix: randomText(target, 4),
  });
}
