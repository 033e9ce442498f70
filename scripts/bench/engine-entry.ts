/**
 * What the benchmarks measure, bundled by esbuild exactly as the CLI and the
 * server bundle the engine (scope-hoisted, no module indirection), so that
 * the figures are those of the shipped code rather than of a TypeScript
 * loader.
 */
export { parseErlangTerms } from '../../server/src/engine/formats/erlang/index.js';
export { parseOsloIni } from '../../server/src/engine/formats/ini/index.js';
export { parseCuttlefish } from '../../server/src/engine/formats/cuttlefish/index.js';
export { parseQpiddConf } from '../../server/src/engine/formats/qpidd/index.js';
export { maskTemplate } from '../../server/src/engine/templates/index.js';
export { analyze } from '../../server/src/engine/analysis/analyze.js';
