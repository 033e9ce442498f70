/**
 * The RabbitMQ driver's one check across options: it refuses to start when
 * `rpc_conn_pool_size` is below `conn_pool_min_size` (RabbitDriver.__init__
 * raises RuntimeError). A fix that brings an ignored pool size back into
 * play must not trip it.
 */
import type { OsloOptionRef } from '../../catalog/oslo.js';
import { parseOsloValue } from '../../catalog/oslo.js';
import type { OsloMessagingModel } from '../../model/oslo/index.js';

const RABBIT = 'oslo_messaging_rabbit';
const POOL_MAX = 'rpc_conn_pool_size';
const POOL_MIN = 'conn_pool_min_size';

function toInteger(text: string): number | undefined {
  const parsed = parseOsloValue({ type: 'integer' }, text);
  return parsed.status === 'valid' && typeof parsed.value === 'number' ? parsed.value : undefined;
}

/**
 * Whether setting `option` to `text` could leave the pool's maximum below its
 * minimum (true as well when either side cannot be known). False for every
 * option other than the two pool sizes.
 */
export function mayBreakPoolBounds(model: OsloMessagingModel, option: OsloOptionRef, text: string): boolean {
  if (option.group !== RABBIT || (option.name !== POOL_MAX && option.name !== POOL_MIN)) return false;
  const set = toInteger(text);
  const otherName = option.name === POOL_MAX ? POOL_MIN : POOL_MAX;
  const other = model.settings.value({ group: RABBIT, name: otherName }, toInteger, Number.NaN);
  if (set === undefined || other.state === 'unknown' || Number.isNaN(other.value)) return true;
  // The URL query may override either size for its transport: not followed here.
  if (model.transports.some((t) => !t.queryComplete || t.query.has(POOL_MAX) || t.query.has(POOL_MIN))) return true;
  const [max, min] = option.name === POOL_MAX ? [set, other.value] : [other.value, set];
  return max < min;
}
