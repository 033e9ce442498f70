/** Hover in classic Erlang-term files: application and key documentation, and what an atom value means. */
import type { AnalyzedDocument } from '../../analysis/document.js';
import { classicApps, classicCatalog } from '../../catalog/rabbitmq.js';
import type { ErlangDocument } from '../../formats/erlang/ast.js';
import { classicSettingMarkdown } from '../shared/catalog-docs.js';
import { nodePathAt } from '../shared/erlang-nodes.js';
import { code, escapeMarkdown, paragraphs } from '../shared/markdown.js';
import { isSecretKey } from '../shared/redact.js';
import { leafOf, valueMeaning } from '../shared/value-meanings.js';
import { contains, type HoverPart } from './part.js';

function keyMarkdown(app: string, key: string): string {
  return (
    classicSettingMarkdown(app, key) ??
    (classicApps().includes(app)
      ? `**${escapeMarkdown(key)}** · {${escapeMarkdown(app)}, [...]}: not in the catalog (only keys some rabbitmq.conf key maps to are).`
      : `**${escapeMarkdown(key)}** · {${escapeMarkdown(app)}, [...]}`)
  );
}

/** `{rabbit, [` — the application atom of a top-level tuple. */
function applicationHover(doc: AnalyzedDocument, offset: number): HoverPart | undefined {
  const path = nodePathAt(doc.tree as ErlangDocument, offset);
  const atom = path[path.length - 1];
  const tuple = path[path.length - 2];
  const list = path[path.length - 3];
  if (path.length !== 3 || atom?.kind !== 'atom' || tuple?.kind !== 'tuple' || tuple.elements[0] !== atom || list?.kind !== 'list') return undefined;
  const keys = classicCatalog().apps[atom.name];
  const known = keys ? `${keys.filter((k) => !k.key.includes('.')).length} keys known to mq-harden.` : 'No keys of it are in the catalog.';
  return { markdown: `**${escapeMarkdown(atom.name)}**: the environment of the Erlang application ${escapeMarkdown(atom.name)}. ${known}`, span: atom.span };
}

export function classicHover(doc: AnalyzedDocument, offset: number): HoverPart | undefined {
  // Nested settings come after their parent: the last match is the innermost.
  const settings = doc.settings.filter((s) => contains(s.keySpan, offset) || (s.valueSpan && contains(s.valueSpan, offset)));
  const setting = settings[settings.length - 1];
  if (!setting) return applicationHover(doc, offset);
  const app = setting.scope.split('.')[0];
  if (contains(setting.keySpan, offset)) return { markdown: keyMarkdown(app, setting.key), span: setting.keySpan };
  // A value: the atom under the cursor (a list element of `versions` too).
  const path = nodePathAt(doc.tree as ErlangDocument, offset);
  const leaf = path[path.length - 1];
  const atom = leaf?.kind === 'atom' ? leaf : undefined;
  const meaning = atom && !isSecretKey(setting.key) ? valueMeaning(leafOf(setting.key), atom.name) : undefined;
  return {
    markdown: paragraphs(meaning && `${code(atom!.name)}: ${meaning}`, keyMarkdown(app, setting.key)),
    span: atom && meaning ? atom.span : setting.valueSpan!,
  };
}
