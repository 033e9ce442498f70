/**
 * The driver options of a transport URL's query, checked as the driver
 * checks them when a service starts. Since oslo.messaging 5.18.0 every
 * driver wraps its config in ConfigOptsProxy (drivers/common.py), whose
 * `_validate_query` reads each query name as an option of the driver's
 * group: a name the driver did not register there raises NoSuchOptError
 * (old names too: `?rabbit_use_ssl=1`), a value its type rejects raises
 * ValueError (`?ssl=maybe`). The transport is not created and the service
 * does not start. Names are compared exactly (`?SSL=1` is refused).
 */
import { listOsloOptions, osloCatalog, releaseIncludes, validateOsloValue, type OsloOption } from '../../catalog/oslo.js';
import { QUERY_OPTIONS_SINCE } from './driver-options.js';
import type { TransportUrl } from './transport-url.js';

/** The group whose options each driver accepts in the query (`kombu` is the rabbit driver). */
const DRIVER_GROUPS: Readonly<Record<string, string>> = {
  rabbit: 'oslo_messaging_rabbit',
  kombu: 'oslo_messaging_rabbit',
  kafka: 'oslo_messaging_kafka',
  amqp: 'oslo_messaging_amqp',
};

/** Why the driver refuses a URL's query: the first name it trips on, in query order (the one the service reports). */
export type QueryProblem =
  | {
      readonly kind: 'unknown-option';
      readonly driver: string;
      readonly group: string;
      readonly name: string;
      /** The option names the query takes, at that release, in catalog order. */
      readonly accepted: readonly string[];
    }
  | {
      readonly kind: 'invalid-value';
      readonly driver: string;
      readonly group: string;
      readonly name: string;
      /** oslo.config's words ("Unexpected boolean value 'maybe'"). */
      readonly message: string;
    };

/**
 * The driver a scheme loads (oslo takes the part before a `+`) and the group
 * its query options come from; undefined for drivers whose options the
 * catalog does not hold, or whose driver the release no longer has.
 */
function driverGroup(transport: string, release: string): { driver: string; group: string } | undefined {
  const driver = transport.split('+')[0];
  const group = DRIVER_GROUPS[driver];
  if (!group) return undefined;
  const gone = osloCatalog().groups.find((g) => g.name === group)?.removedIn;
  if (gone && releaseIncludes(release, gone)) return undefined;
  return { driver: driver === 'kombu' ? 'rabbit' : driver, group };
}

/** The options of a group at a release, by name; kept, as a file may hold thousands of URLs. */
const OPTIONS = new Map<string, ReadonlyMap<string, OsloOption>>();

function optionsOf(group: string, release: string): ReadonlyMap<string, OsloOption> {
  const k = `${group}\u0000${release}`;
  let found = OPTIONS.get(k);
  if (!found) {
    found = new Map(listOsloOptions(group, release).map((o) => [o.name, o]));
    OPTIONS.set(k, found);
  }
  return found;
}

/**
 * What the driver of `url` makes of its query at `release` (a resolved
 * version): the first problem, or undefined when it accepts every name and
 * value (or does not read the query at all: before 5.18.0, or a driver we do
 * not know).
 */
export function checkQueryOptions(url: TransportUrl, release: string): QueryProblem | undefined {
  if (url.query.size === 0 || !releaseIncludes(release, QUERY_OPTIONS_SINCE)) return undefined;
  const target = driverGroup(url.transport, release);
  if (!target) return undefined;
  const options = optionsOf(target.group, release);
  if (options.size === 0) return undefined;
  for (const [name, value] of url.query) {
    const option = options.get(name);
    if (!option) return { kind: 'unknown-option', ...target, name, accepted: [...options.keys()] };
    const error = validateOsloValue(option, value);
    if (error) return { kind: 'invalid-value', ...target, name, message: error };
  }
  return undefined;
}
