/**
 * `rabbitmq.conf` (cuttlefish format): parser, parse tree and schema-driven
 * value checks.
 */
export type * from './ast.js';
export { parseCuttlefish, type ParseCuttlefishOptions } from './parser.js';
export { suggestConfValue, validateConfValue } from './validate.js';
export { convert as convertConfValue, type Conversion, type TypedValue } from './datatypes.js';
export { FILE_SYSTEM_VALIDATORS } from './validators.js';
