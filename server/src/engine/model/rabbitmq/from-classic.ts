/**
 * Classic front-end: reads `[{App, [{Key, Value}, ...]}, ...].` into the
 * application environment.
 */
import type { Span } from '../../core/text.js';
import type { ErlangDocument, ErlangNode } from '../../formats/erlang/ast.js';
import { LazyAppConfig, type AppEnvironment, type ConfigNode, type ListItem, type ListenerValue } from './tree.js';
import type { Maybe, Origin, SettingSource } from './types.js';

/** Template facts about the file, as the language analysers have them. */
export interface TemplateFacts {
  touchesTemplate(span: Span): boolean;
  isConditional(span: Span): boolean;
}

const UNKNOWN = { known: false } as const;
function known<T>(value: T): Maybe<T> {
  return { known: true, value };
}

class ClassicReader {
  constructor(
    private readonly path: string,
    private readonly facts: TemplateFacts,
    private readonly fileText: string,
  ) {}

  /** A term as the file writes it (decimal digits are not recomputed from a bigint: that is slow for a long one). */
  written(n: ErlangNode): string {
    return this.fileText.slice(n.span.start, n.span.end);
  }

  origin(span: Span): Origin {
    return { path: this.path, span };
  }

  source(tuple: ErlangNode, key: ErlangNode, value: ErlangNode): SettingSource {
    return {
      origin: this.origin(tuple.span),
      keyOrigin: this.origin(key.span),
      valueOrigin: this.origin(value.span),
      conditional: this.facts.isConditional(tuple.span),
    };
  }

  /** A string, charlist or binary as text; undefined for anything else. */
  text(n: ErlangNode): string | undefined {
    if (n.kind === 'string') return n.value;
    if (n.kind === 'list' && n.elements.length === 0 && n.tail === null) return '';
    if (n.kind === 'binary' && n.bits && n.bits.bitLength % 8 === 0) return Buffer.from(n.bits.bytes).toString('utf8');
    return undefined;
  }

  isPair(e: ErlangNode): boolean {
    return e.kind === 'tuple' && e.elements.length === 2 && e.elements[0].kind === 'atom' && !this.facts.touchesTemplate(e.elements[0].span);
  }

  /** A list of `{atom, Value}` pairs, possibly with elements a template writes. */
  isProplist(n: ErlangNode): boolean {
    if (n.kind !== 'list') return false;
    const pairs = n.elements.filter((e) => this.isPair(e)).length;
    return pairs > 0 && n.elements.every((e) => this.isPair(e) || this.facts.touchesTemplate(e.span));
  }

  /** Elements that are not `{atom, Value}` pairs but template expressions: keys we cannot see. */
  hasTemplatedElements(n: ErlangNode): boolean {
    return n.kind === 'list' && (n.elements.some((e) => !this.isPair(e) && this.facts.touchesTemplate(e.span)) || (n.tail !== null && this.facts.touchesTemplate(n.tail.span)));
  }

  /** `5672`, `{"0.0.0.0", 5672}`, `{{10,0,0,1}, 5672}` as a listener. */
  listener(n: ErlangNode): Maybe<ListenerValue> | undefined {
    if (this.facts.touchesTemplate(n.span)) return UNKNOWN;
    if (n.kind === 'integer') return known({ address: known(undefined), port: known(Number(n.value)), portText: this.written(n) });
    if (n.kind === 'tuple' && n.elements.length === 2) {
      const [a, p] = n.elements;
      const readable = p.kind === 'integer' && !this.facts.touchesTemplate(p.span);
      const port: Maybe<number> = readable ? known(Number(p.value)) : UNKNOWN;
      const text = this.text(a);
      let address: Maybe<string | undefined> = UNKNOWN;
      if (text !== undefined && !this.facts.touchesTemplate(a.span)) address = known(text);
      else if (a.kind === 'tuple' && a.elements.every((x) => x.kind === 'integer')) {
        address = known(a.elements.map((x) => (x.kind === 'integer' ? x.value.toString() : '')).join(a.elements.length === 4 ? '.' : ':'));
      }
      return known({ address, port, ...(readable ? { portText: this.written(p) } : {}) });
    }
    return undefined;
  }

  item(n: ErlangNode, listenerList: boolean): ListItem {
    const conditional = this.facts.isConditional(n.span);
    const origin = this.origin(n.span);
    if (this.facts.touchesTemplate(n.span)) return { value: UNKNOWN, origin, conditional };
    if (listenerList) {
      const l = this.listener(n);
      if (l) return { value: l.known ? known(l.value) : UNKNOWN, origin, conditional };
    }
    if (n.kind === 'atom') return { value: known(n.name), origin, conditional };
    if (n.kind === 'integer') return { value: known(Number(n.value)), origin, conditional };
    const t = this.text(n);
    return { value: t !== undefined ? known(t) : UNKNOWN, origin, conditional };
  }

  node(key: string, tuple: ErlangNode, keyNode: ErlangNode, value: ErlangNode): ConfigNode {
    const source = this.source(tuple, keyNode, value);
    if (this.facts.touchesTemplate(value.span) && value.kind !== 'list') return { kind: 'opaque', source };
    if (this.isProplist(value) && value.kind === 'list') {
      return { kind: 'proplist', entries: this.entries(value), source, anchor: this.origin(value.span), openEnded: this.hasTemplatedElements(value) };
    }
    if (value.kind === 'list') {
      const listenerList = key.endsWith('listeners');
      return { kind: 'list', items: value.elements.map((e) => this.item(e, listenerList)), partial: value.tail !== null, source };
    }
    if (value.kind === 'atom') {
      if (value.name === 'true' || value.name === 'false') return { kind: 'scalar', type: 'boolean', value: known(value.name === 'true'), source };
      return { kind: 'scalar', type: 'atom', value: known(value.name), source };
    }
    if (value.kind === 'integer') return { kind: 'scalar', type: 'integer', value: known(Number(value.value)), written: this.written(value), source };
    const t = this.text(value);
    if (t !== undefined) return { kind: 'scalar', type: 'string', value: known(t), source };
    return { kind: 'opaque', source };
  }

  /** The `{Key, Value}` elements of a proplist; a later key replaces an earlier one (application:set_env order). */
  entries(list: ErlangNode): Map<string, ConfigNode> {
    const out = new Map<string, ConfigNode>();
    if (list.kind !== 'list') return out;
    for (const el of list.elements) {
      if (el.kind !== 'tuple' || el.elements.length !== 2 || el.elements[0].kind !== 'atom') continue;
      const [k, v] = el.elements;
      if (k.kind !== 'atom') continue;
      out.set(k.name, this.node(k.name, el, k, v));
    }
    return out;
  }
}

/** The application environment a classic file sets; each application's settings are read when first asked for. */
export function classicEnvironment(path: string, doc: ErlangDocument, facts: TemplateFacts, text: string): AppEnvironment {
  const reader = new ClassicReader(path, facts, text);
  const apps = new Map<string, { lists: ErlangNode[]; anchor: Origin; openEnded: boolean }>();
  for (const form of doc.forms) {
    const top = form.term;
    if (top?.kind !== 'list') continue;
    for (const el of top.elements) {
      if (el.kind !== 'tuple' || el.elements.length !== 2) continue;
      const [appNode, settings] = el.elements;
      if (appNode.kind !== 'atom') continue;
      const openEnded = facts.touchesTemplate(settings.span) && settings.kind !== 'list' ? true : reader.hasTemplatedElements(settings);
      const seen = apps.get(appNode.name);
      if (seen) {
        // The same application twice: its later settings win, key by key.
        seen.lists.push(settings);
        seen.openEnded = seen.openEnded || openEnded;
      } else apps.set(appNode.name, { lists: [settings], anchor: reader.origin(settings.span), openEnded });
    }
  }
  const env: AppEnvironment = new Map();
  for (const [name, app] of apps) {
    const entries = (): Map<string, ConfigNode> => {
      const out = new Map<string, ConfigNode>();
      for (const list of app.lists) for (const [k, v] of reader.entries(list)) out.set(k, v);
      return out;
    };
    env.set(name, new LazyAppConfig(entries, app.anchor, app.openEnded));
  }
  return env;
}
