/** Completion items for values: the allowed words, explained where it matters, weak choices last. */
import type { Range } from '../../core/text.js';
import { ItemKind, type CompletionItem } from '../shared/lsp.js';
import { code, paragraphs } from '../shared/markdown.js';
import { isDiscouraged, valueMeaning } from '../shared/value-meanings.js';
import { completionItem, orderKey } from './items.js';

export interface ValueChoices {
  /** The key's last meaningful segment, for meanings (`verify`, `versions`, `ssl_version`). */
  readonly leaf: string;
  readonly values: readonly string[];
  readonly defaultValue?: string;
  /** How a value is written (Erlang quotes `'tlsv1.3'`); default: as is. */
  readonly write?: (value: string) => string;
}

/** One item per value, in the given order, discouraged values tagged deprecated and sorted last. */
export function valueItems(choices: ValueChoices, range: Range): CompletionItem[] {
  return choices.values.map((value, i) => {
    const discouraged = isDiscouraged(choices.leaf, value);
    const isDefault = choices.defaultValue !== undefined && choices.defaultValue.toLowerCase() === value.toLowerCase();
    return completionItem(
      {
        label: value,
        kind: ItemKind.EnumMember,
        newText: choices.write ? choices.write(value) : value,
        detail: isDefault ? 'default' : undefined,
        documentation: paragraphs(valueMeaning(choices.leaf, value), isDefault ? `${code(value)} is the default.` : undefined) || undefined,
        deprecated: discouraged,
        sortText: orderKey(i, discouraged),
      },
      range,
    );
  });
}
