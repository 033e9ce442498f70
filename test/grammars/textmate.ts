/**
 * Tokenizing text with our grammars through vscode-textmate and
 * vscode-oniguruma — the engine VS Code itself uses. Both are loaded from
 * the grammar test tool's own dependencies, so no other package is needed.
 */
import { readFileSync } from 'node:fs';
import type { GrammarFile } from './grammar-files.js';
import type { GrammarTool } from './tool.js';

/** One token of a line, as vscode-textmate reports it. */
export interface Token {
  readonly startIndex: number;
  readonly endIndex: number;
  /** Outermost first; the first one is the grammar's scope name. */
  readonly scopes: readonly string[];
}

/** A whole text, tokenized line by line. */
export interface TokenizedText {
  readonly lines: readonly (readonly Token[])[];
  /**
   * Whether the text ends with no rule still open. A begin/end rule that
   * never ends (an unclosed string or template tag) would colour everything
   * after it.
   */
  readonly endsAtTopLevel: boolean;
}

export interface Tokenizer {
  tokenize(scopeName: string, text: string): Promise<TokenizedText>;
}

// The few parts of vscode-textmate's API used here.
interface RuleStack {
  readonly depth: number;
}
interface LineResult {
  readonly tokens: Token[];
  readonly ruleStack: RuleStack;
}
interface Grammar {
  tokenizeLine(line: string, previous: RuleStack | null): LineResult;
}
interface Registry {
  loadGrammar(scopeName: string): Promise<Grammar | null>;
}
interface TextMate {
  Registry: new (options: object) => Registry;
  parseRawGrammar(content: string, filePath: string): object;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => object;
  OnigString: new (text: string) => object;
}

export function createTokenizer(tool: GrammarTool, grammars: readonly GrammarFile[]): Tokenizer {
  const textmate = tool.require('vscode-textmate') as TextMate;
  const oniguruma = tool.require('vscode-oniguruma') as Oniguruma;
  const wasm = readFileSync(tool.require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
  const pathOf = new Map(grammars.map((g) => [g.scopeName, g.path]));
  const registry = new textmate.Registry({
    onigLib,
    loadGrammar: async (scopeName: string) => {
      const path = pathOf.get(scopeName);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
  });
  const loaded = new Map<string, Promise<Grammar | null>>();

  return {
    async tokenize(scopeName, text) {
      if (!loaded.has(scopeName)) loaded.set(scopeName, registry.loadGrammar(scopeName));
      const grammar = await loaded.get(scopeName);
      if (!grammar) throw new Error(`no grammar for ${scopeName}`);
      const lines: Token[][] = [];
      let state: RuleStack | null = null;
      for (const line of text.split(/\r?\n/)) {
        const result = grammar.tokenizeLine(line, state);
        lines.push(result.tokens);
        state = result.ruleStack;
      }
      return { lines, endsAtTopLevel: state === null || state.depth === 1 };
    },
  };
}
