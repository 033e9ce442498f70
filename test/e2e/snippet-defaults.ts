/**
 * What a VS Code snippet inserts when the user accepts every placeholder as
 * it is: the text the e2e expects on disk after inserting a snippet and
 * saving. Covers the snippet syntax VS Code documents: `$1`, `${1}`,
 * `${1:default}` (nested), `${1|a,b|}` (first choice), mirrors of a tab stop
 * defined elsewhere, `$NAME` / `${NAME:default}` variables, `\` escapes.
 * Transformations (`${1/re/fmt/}`) are refused: none of our snippets use them.
 */

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly placeholder: readonly Node[] | undefined }
  | { readonly kind: 'variable'; readonly name: string; readonly fallback: readonly Node[] | undefined };

/** Values for the variables a snippet may use (TM_FILENAME, …); unknown ones insert their own name, as VS Code does. */
export type SnippetVariables = Readonly<Record<string, string>>;

class SnippetParser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.sequence(new Set());
    if (this.at < this.src.length) throw new Error(`snippet: unexpected '${this.src[this.at]}' at ${this.at}`);
    return nodes;
  }

  /** Text and elements until one of `stops` (unescaped) or the end. */
  private sequence(stops: ReadonlySet<string>): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.src.length) {
      const c = this.src[this.at];
      if (stops.has(c)) break;
      if (c === '\\' && this.at + 1 < this.src.length && '$}\\,|'.includes(this.src[this.at + 1])) {
        text += this.src[this.at + 1];
        this.at += 2;
      } else if (c === '$') {
        const element = this.element();
        if (element) {
          flush();
          nodes.push(element);
        } else {
          text += '$';
          this.at++;
        }
      } else {
        text += c;
        this.at++;
      }
    }
    flush();
    return nodes;
  }

  private digits(): string {
    const start = this.at;
    while (this.at < this.src.length && this.src[this.at] >= '0' && this.src[this.at] <= '9') this.at++;
    return this.src.slice(start, this.at);
  }

  private name(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.at, this.at + 64));
    this.at += m ? m[0].length : 0;
    return m ? m[0] : '';
  }

  /** `$…` at `this.at`; undefined (position unchanged) when it is a literal `$`. */
  private element(): Node | undefined {
    const start = this.at;
    this.at++;
    if (this.src[this.at] !== '{') {
      const digits = this.digits();
      if (digits) return { kind: 'tabstop', index: Number(digits), placeholder: undefined };
      const name = this.name();
      if (name) return { kind: 'variable', name, fallback: undefined };
      this.at = start;
      return undefined;
    }
    this.at++;
    const digits = this.digits();
    const name = digits ? '' : this.name();
    if (!digits && !name) {
      this.at = start;
      return undefined;
    }
    const next = this.src[this.at];
    let inner: Node[] | undefined;
    if (next === ':') {
      this.at++;
      inner = this.sequence(new Set(['}']));
    } else if (next === '|' && digits) {
      this.at++;
      inner = [{ kind: 'text', text: this.firstChoice() }];
    } else if (next === '/') {
      throw new Error(`snippet: transformations are not supported (at ${this.at})`);
    }
    if (this.src[this.at] !== '}') throw new Error(`snippet: '}' expected at ${this.at}`);
    this.at++;
    return digits ? { kind: 'tabstop', index: Number(digits), placeholder: inner } : { kind: 'variable', name, fallback: inner };
  }

  /** `a,b,c|` → "a" (the choice VS Code preselects); consumes through the closing `|`. */
  private firstChoice(): string {
    const choices: string[] = [''];
    while (this.at < this.src.length && this.src[this.at] !== '|') {
      const c = this.src[this.at];
      if (c === '\\' && this.at + 1 < this.src.length) {
        choices[choices.length - 1] += this.src[this.at + 1];
        this.at += 2;
      } else {
        if (c === ',') choices.push('');
        else choices[choices.length - 1] += c;
        this.at++;
      }
    }
    if (this.src[this.at] !== '|') throw new Error('snippet: unterminated choice');
    this.at++;
    return choices[0];
  }
}

/** The first placeholder given for each tab stop: its mirrors elsewhere show the same text. */
function placeholders(nodes: readonly Node[], found = new Map<number, readonly Node[]>()): Map<number, readonly Node[]> {
  for (const n of nodes) {
    if (n.kind === 'tabstop' && n.placeholder) {
      if (!found.has(n.index)) found.set(n.index, n.placeholder);
      placeholders(n.placeholder, found);
    } else if (n.kind === 'variable' && n.fallback) placeholders(n.fallback, found);
  }
  return found;
}

function render(nodes: readonly Node[], defaults: Map<number, readonly Node[]>, variables: SnippetVariables): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'tabstop') out += render(defaults.get(n.index) ?? [], defaults, variables);
    else if (variables[n.name] !== undefined) out += variables[n.name];
    else out += n.fallback ? render(n.fallback, defaults, variables) : n.name;
  }
  return out;
}

/** The text a snippet body (a string, or lines joined with `\n`) inserts with every placeholder accepted. */
export function expandWithDefaults(body: string | readonly string[], variables: SnippetVariables = {}): string {
  const nodes = new SnippetParser(typeof body === 'string' ? body : body.join('\n')).parse();
  return render(nodes, placeholders(nodes), variables);
}
