// Erlang parse outcomes compared as flat lists of lines, walked with an
// explicit stack (fixtures nest deeper than a recursive comparison can go).

/**
 * The outcome in depth-first order, one line per value: `object(keys)` and
 * `array(n)` markers carry the structure, so equal lists mean equal trees.
 * Every own field counts, and a binary's `bits` however it is provided (the
 * fast path works them out when first read).
 */
export function flatten(root: unknown): string[] {
  const lines: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') {
      lines.push(typeof value === 'bigint' ? `${value}n` : String(JSON.stringify(value)));
    } else if (value instanceof Uint8Array) {
      lines.push(`bytes ${value.join(',')}`);
    } else if (Array.isArray(value)) {
      lines.push(`array(${value.length})`);
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else {
      const fields = Object.entries(value).filter(([k]) => k !== 'built');
      const node = value as { kind?: string; bits?: unknown };
      if (node.kind === 'binary' && node.bits !== undefined && !fields.some(([k]) => k === 'bits')) fields.push(['bits', node.bits]);
      fields.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      lines.push(`object(${fields.map(([k]) => k).join(',')})`);
      for (let i = fields.length - 1; i >= 0; i--) stack.push(fields[i][1]);
    }
  }
  return lines;
}
