/** Words for the RabbitMQ catalog's datatypes and defaults, as hovers and completion show them. */
import type { ConfDatatype, NumberConstraint } from '../../catalog/rabbitmq.js';

function bound(c: NumberConstraint): string {
  switch (c.op) {
    case 'min':
      return `≥ ${c.value}`;
    case 'max':
      return `≤ ${c.value}`;
    case 'gt':
      return `> ${c.value}`;
    case 'lt':
      return `< ${c.value}`;
    case 'positive':
      return '> 0';
    case 'non_negative':
      return '≥ 0';
  }
}

/** One datatype in a few words: `integer (≥ 1, ≤ 65535)`, `one of verify_peer, verify_none`. */
export function describeDatatype(t: ConfDatatype): string {
  if ('constraints' in t) return `${t.t} (${t.constraints.map(bound).join(', ')})`;
  switch (t.t) {
    case 'enum':
      return `one of ${t.values.join(', ')}`;
    case 'flag':
      return 'on' in t ? `${t.on} or ${t.off}` : 'on or off';
    case 'duration':
      return `duration (in ${t.unit})`;
    case 'percent':
      return 'of' in t ? `percent (${t.of})` : 'percent';
    case 'list':
      return `list of ${describeDatatype(t.of)}`;
    case 'exact':
      return t.value;
    case 'unknown':
      return t.term;
    default:
      return t.t.replace(/_/g, ' ');
  }
}

/** All accepted datatypes: `infinity or integer`. */
export function describeDatatypes(types: readonly ConfDatatype[] | undefined): string | undefined {
  if (!types || types.length === 0) return undefined;
  return types.map(describeDatatype).join(' or ');
}

/** The words a value may be when the datatypes name them (enums, booleans, flags, exact atoms), in order. */
export function namedValues(types: readonly ConfDatatype[] | undefined): string[] {
  const out: string[] = [];
  for (const t of types ?? []) {
    if (t.t === 'enum' && 'values' in t) out.push(...t.values);
    else if (t.t === 'boolean') out.push('true', 'false');
    else if (t.t === 'flag') out.push(...('on' in t ? [t.on, t.off] : ['on', 'off']));
    else if (t.t === 'exact' && 'value' in t) out.push(t.value);
    else if (t.t === 'list' && 'of' in t && typeof t.of === 'object') out.push(...namedValues([t.of]));
  }
  return [...new Set(out)];
}
