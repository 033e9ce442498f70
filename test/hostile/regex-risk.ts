/**
 * A small static review of a regular expression for backtracking that can
 * grow faster than the input:
 * - exponential: an unbounded quantifier inside another (`(a+)+`,
 *   `(%[^\n]*\n\s*)*`), the classic catastrophic case when the two can
 *   match the same text;
 * - quadratic: a pattern that is not anchored at its start, begins with an
 *   unbounded quantifier and then needs more (`/ +$/`, `/0+$/`,
 *   `/[0-9]+[a-z]{1,3}$/`): on a long run it fails, is retried from the
 *   next offset, and rescans the run each time. Likewise `^X*…` with the `m`
 *   flag when X matches a line break (`/^(\s*)#/gm` over blank lines).
 * It reads the pattern's structure, not its meaning, so a flagged pattern
 * may still be safe: the review list says why.
 */

interface Quantifier {
  readonly min: number;
  readonly unbounded: boolean;
}

/** One element of a sequence: a character, a class, a group, an anchor, with its quantifier. */
interface Term {
  readonly kind: 'char' | 'class' | 'group' | 'anchor-start' | 'anchor-end' | 'lookaround';
  /** The element as written (without its quantifier). */
  readonly text: string;
  /** For groups: the alternatives, each a sequence. */
  readonly alternatives?: readonly (readonly Term[])[];
  readonly quantifier?: Quantifier;
}

class PatternReader {
  private i = 0;
  constructor(private readonly source: string) {}

  alternatives(): Term[][] {
    const alts: Term[][] = [[]];
    while (this.i < this.source.length) {
      const c = this.source[this.i];
      if (c === ')') return alts;
      if (c === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const term = this.term();
      alts[alts.length - 1].push(term);
    }
    return alts;
  }

  private term(): Term {
    const start = this.i;
    const c = this.source[this.i];
    let kind: Term['kind'];
    let alternatives: Term[][] | undefined;
    if (c === '\\') {
      this.i += 2;
      kind = 'char';
    } else if (c === '[') {
      this.i++;
      while (this.i < this.source.length && this.source[this.i] !== ']') this.i += this.source[this.i] === '\\' ? 2 : 1;
      this.i++;
      kind = 'class';
    } else if (c === '(') {
      this.i++;
      const look = /^\?<?[=!]/.test(this.source.slice(this.i, this.i + 3));
      if (this.source[this.i] === '?') this.i += this.source[this.i + 1] === '<' && /[=!]/.test(this.source[this.i + 2]) ? 3 : this.source[this.i + 1] === '<' ? this.source.indexOf('>', this.i) + 1 - this.i : 2;
      alternatives = this.alternatives();
      this.i++;
      kind = look ? 'lookaround' : 'group';
    } else if (c === '^') {
      this.i++;
      kind = 'anchor-start';
    } else if (c === '$') {
      this.i++;
      kind = 'anchor-end';
    } else {
      this.i++;
      kind = 'char';
    }
    const text = this.source.slice(start, this.i);
    const quantifier = this.quantifier();
    return { kind, text, ...(alternatives ? { alternatives } : {}), ...(quantifier ? { quantifier } : {}) };
  }

  private quantifier(): Quantifier | undefined {
    const c = this.source[this.i];
    let q: Quantifier | undefined;
    if (c === '*') q = { min: 0, unbounded: true };
    else if (c === '+') q = { min: 1, unbounded: true };
    else if (c === '?') q = { min: 0, unbounded: false };
    else if (c === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.source.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length - 1;
      q = { min: Number(m[1] || 0), unbounded: m[2] === ',' && m[3] === '' };
    }
    if (!q) return undefined;
    this.i++;
    if (this.source[this.i] === '?' || this.source[this.i] === '+') this.i++;
    return q;
  }
}

function unbounded(t: Term): boolean {
  return t.quantifier?.unbounded === true;
}

/** Whether some unbounded quantifier sits inside another. */
function nestedUnbounded(terms: readonly Term[], insideUnbounded: boolean): boolean {
  for (const t of terms) {
    if (insideUnbounded && unbounded(t)) return true;
    for (const alt of t.alternatives ?? []) if (nestedUnbounded(alt, insideUnbounded || unbounded(t))) return true;
  }
  return false;
}

/** Whether the element can match a line break. */
function matchesLineBreak(t: Term): boolean {
  if (t.kind === 'class') return t.text.startsWith('[^') ? !/\\n/.test(t.text) : /\\n|\\s|\\S|\\r/.test(t.text);
  if (t.kind === 'group') return (t.alternatives ?? []).some((alt) => alt.some(matchesLineBreak));
  return t.text === '\\s' || t.text === '\\S' || t.text === '\\n' || t.text === '\\W' || t.text === '\\D';
}

/** The element a term starts with: itself, or the first element of a plain group around one sequence. */
function leading(t: Term): Term {
  if (t.kind === 'group' && !t.quantifier && t.alternatives?.length === 1 && t.alternatives[0].length > 0) return leading(t.alternatives[0][0]);
  return t;
}

/** Whether the sequence goes on after its leading element (inside a group or after it). */
function needsMore(alt: readonly Term[], first: Term): boolean {
  if (alt.length > 1) return true;
  const only = alt[0];
  return only !== first && only.kind === 'group' && (only.alternatives?.[0].length ?? 0) > 1;
}

export interface RegexRisk {
  readonly kind: 'exponential' | 'quadratic';
  readonly why: string;
}

/** What this review finds risky in `/source/flags`, or nothing. */
export function regexRisks(source: string, flags: string): RegexRisk[] {
  const risks: RegexRisk[] = [];
  const top = new PatternReader(source).alternatives();
  if (nestedUnbounded(top.flat(), false) || top.some((alt) => nestedUnbounded(alt, false))) {
    risks.push({ kind: 'exponential', why: 'an unbounded quantifier inside another' });
  }
  const sticky = flags.includes('y');
  for (const alt of top) {
    if (alt.length === 0 || sticky) continue;
    const first = leading(alt[0]);
    // A leading unbounded element that needs something after it is retried from every offset.
    if (first.kind !== 'anchor-start' && unbounded(first) && needsMore(alt, first)) {
      risks.push({ kind: 'quadratic', why: `not anchored, starts with ${first.text}${first.quantifier?.min ? '+' : '*'} and needs more after it` });
    }
    const second = alt[1] ? leading(alt[1]) : undefined;
    if (alt[0].kind === 'anchor-start' && flags.includes('m') && second && unbounded(second) && matchesLineBreak(second) && alt.length > 2) {
      risks.push({ kind: 'quadratic', why: `^ with the m flag, then ${second.text}* which crosses line breaks` });
    }
  }
  return risks;
}
