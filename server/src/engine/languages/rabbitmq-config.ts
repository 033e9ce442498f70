import type { InvalidValueVerdict, SettingOccurrence, UnknownKeyVerdict } from '../analysis/document.js';
import { classicApps, findClassicSetting, suggestClassicKeys } from '../catalog/rabbitmq.js';
import type { ClassicSetting } from '../catalog/rabbitmq-types.js';
import { abbreviate } from '../core/abbreviate.js';
import type { Span } from '../core/text.js';
import type { ErlangDocument, ErlangNode, ListNode, TupleNode } from '../formats/erlang/ast.js';
import { parseErlangTerms } from '../formats/erlang/index.js';
import type { FormatAnalysis, FormatInput } from './format-analysis.js';

/** A `{key, Value}` element of a proplist, with the atom key. */
interface ProplistEntry {
  readonly key: string;
  readonly keyNode: ErlangNode;
  readonly value: ErlangNode;
  readonly tuple: TupleNode;
  /** The tuple plus one neighbouring comma and the white space up to it: what to delete. */
  readonly removalSpan: Span;
}

/** Nested proplists whose keys are settings of their own (`ssl_options.verify`). */
const NESTED_PROPLISTS = new Set(['ssl_options', 'ssl_config', 'tcp_config', 'listener', 'ssl_opts', 'tcp_listen_options']);

function atomName(n: ErlangNode | undefined): string | undefined {
  return n?.kind === 'atom' ? n.name : undefined;
}

/** The span to delete to remove element `i` of a list: the element and the comma that separates it. */
function elementRemovalSpan(text: string, list: ListNode, i: number): Span {
  const el = list.elements[i];
  const next = list.elements[i + 1];
  const prev = list.elements[i - 1];
  if (next) return { start: lineStartIfBlank(text, el.span.start), end: lineStartIfBlank(text, next.span.start) };
  if (prev) return { start: prev.span.end, end: el.span.end };
  return el.span;
}

/** When only blanks precede `offset` on its line, the start of that line (so whole lines go). */
function lineStartIfBlank(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' ? i : offset;
}

function proplist(text: string, list: ErlangNode): ProplistEntry[] {
  if (list.kind !== 'list') return [];
  const out: ProplistEntry[] = [];
  list.elements.forEach((el, i) => {
    if (el.kind !== 'tuple' || el.elements.length !== 2) return;
    const key = atomName(el.elements[0]);
    if (key === undefined) return;
    out.push({ key, keyNode: el.elements[0], value: el.elements[1], tuple: el, removalSpan: elementRemovalSpan(text, list, i) });
  });
  return out;
}

function invalidValue(setting: ClassicSetting | undefined, key: string, value: ErlangNode): InvalidValueVerdict | undefined {
  const name = atomName(value);
  if (key.endsWith('ssl_options.verify') || key === 'verify') {
    if (name !== undefined && name !== 'verify_peer' && name !== 'verify_none') {
      return { message: `'${abbreviate(name)}' is not a valid verify mode (verify_peer or verify_none)` };
    }
  }
  const types = setting?.datatype ?? [];
  if (types.length === 1 && types[0].t === 'boolean' && value.kind === 'atom' && name !== 'true' && name !== 'false') {
    return { message: `'${abbreviate(String(name))}' is not a boolean (true or false)` };
  }
  if (types.length > 0 && types.every((t) => t.t === 'enum') && name !== undefined) {
    const allowed = types.flatMap((t) => (t.t === 'enum' ? t.values : []));
    if (!allowed.includes(name)) return { message: `'${abbreviate(name)}' is not one of ${allowed.join(', ')}` };
  }
  return undefined;
}

/**
 * The classic catalog only knows keys that some rabbitmq.conf key maps to, so
 * a key missing from it may still be a classic-only setting: it is reported
 * only when it is a near miss of a known key (a typo).
 */
function unknownKey(app: string, key: string, nested: boolean): UnknownKeyVerdict | undefined {
  const suggestions = suggestClassicKeys(app, key).map((k) => k.slice(k.lastIndexOf('.') + 1));
  // The catalog lists only the options RabbitMQ's schemas map: Erlang's ssl and gen_tcp take more
  // (`customize_hostname_check`, `packet`), so only a near miss of a known key is reported.
  if (suggestions.length === 0) return undefined;
  const leaf = key.slice(key.lastIndexOf('.') + 1);
  if (nested && (leaf.length < 5 || key.startsWith('tcp_listen_options.'))) return undefined;
  const what = nested ? `'${abbreviate(leaf)}' is not a known ${key.slice(0, key.lastIndexOf('.'))} option` : `Unknown setting '${abbreviate(key)}' in {${app}, [...]}`;
  return { message: `${what}: RabbitMQ does not read it`, suggestions };
}

/** Settings of one application's proplist, and of the known nested proplists inside it. */
function appSettings(text: string, app: string, entries: ProplistEntry[], input: FormatInput, prefix = ''): SettingOccurrence[] {
  const catalogued = classicApps().includes(app);
  const out: SettingOccurrence[] = [];
  for (const e of entries) {
    const key = prefix + e.key;
    const setting = findClassicSetting(app, key);
    // Keys nested under a catalogued parent are judged only when the catalog lists the parent's children.
    const parent = prefix ? findClassicSetting(app, prefix.slice(0, -1)) : undefined;
    const judgeable = catalogued && (!prefix || (parent?.children?.length ?? 0) > 0);
    out.push({
      scope: prefix ? `${app}.${prefix.slice(0, -1)}` : app,
      key,
      keySpan: e.keyNode.span,
      valueSpan: e.value.span,
      valueText: text.slice(e.value.span.start, e.value.span.end),
      removalSpan: e.removalSpan,
      templated: input.touchesTemplate(e.tuple.span),
      conditional: input.isConditional(e.tuple.span),
      unknown: judgeable && !setting ? unknownKey(app, key, prefix !== '') : undefined,
      invalid: invalidValue(setting, key, e.value),
    });
    if (!prefix && NESTED_PROPLISTS.has(e.key) && e.value.kind === 'list') {
      for (const nested of appSettings(text, app, proplist(text, e.value), input, `${key}.`)) out.push(nested);
    }
  }
  return out;
}

/** Classic rabbitmq.config / advanced.config: `[{App, [{Key, Value}, ...]}, ...].` */
export function analyzeRabbitmqConfig(input: FormatInput): FormatAnalysis<ErlangDocument> {
  const earlier = input.earlier as { text: string; tree: ErlangDocument } | undefined;
  const { tree, errors } = parseErlangTerms(input.text, { allowCalls: input.variant !== undefined }, earlier);
  const settings: SettingOccurrence[] = [];
  if (input.variant !== 'inter-node-tls') {
    for (const form of tree.forms) {
      if (form.term?.kind !== 'list') continue;
      for (const app of proplist(input.text, form.term)) {
        // A loop, not push(...): an application may hold more settings than a call takes arguments.
        for (const s of appSettings(input.text, app.key, proplist(input.text, app.value), input)) settings.push(s);
      }
    }
  }
  return { tree, syntaxErrors: errors, settings };
}
