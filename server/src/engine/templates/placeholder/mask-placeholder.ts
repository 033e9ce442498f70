/**
 * `@NAME@` placeholders, the substitution style of sed- and autoconf-based
 * deployment scripts (early kolla's `rabbitmq.config` has
 * `@RABBITMQ_CLUSTER_CONFIGURATION@` and `<<"@RABBITMQ_USER@">>`). Each
 * placeholder is an expression: it may render to a value, or to several list
 * elements.
 */
import { BlockTracker } from '../block-tracker.js';
import { MaskBuilder } from '../mask-builder.js';
import type { MaskedDocument } from '../types.js';

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && c >= 'A' && c <= 'Z';
}

function isNamePart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_');
}

/** End offset (past the closing `@`) of a placeholder starting at `i`, or -1. */
export function placeholderEnd(text: string, i: number): number {
  if (text[i] !== '@' || !isNameStart(text[i + 1])) return -1;
  let j = i + 2;
  while (isNamePart(text[j])) j++;
  return text[j] === '@' ? j + 1 : -1;
}

export function hasPlaceholders(text: string): boolean {
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) if (placeholderEnd(text, i) > 0) return true;
  return false;
}

export function maskPlaceholders(text: string): MaskedDocument {
  const builder = new MaskBuilder(text, 'placeholder');
  let i = text.indexOf('@');
  while (i >= 0) {
    const end = placeholderEnd(text, i);
    if (end > 0) {
      builder.addTag({ start: i, end }, 'expression');
      i = text.indexOf('@', end);
    } else {
      i = text.indexOf('@', i + 1);
    }
  }
  return builder.build(new BlockTracker());
}
