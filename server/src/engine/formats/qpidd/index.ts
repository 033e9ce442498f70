/** qpidd.conf: parser and tree. */
export type { QpiddComment, QpiddDocument, QpiddEntry, QpiddSection } from './ast.js';
export { parseQpiddConf } from './parser.js';
