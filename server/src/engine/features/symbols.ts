/**
 * Document symbols (the outline): INI sections and their options; Erlang
 * application tuples, keys and nested proplists; rabbitmq.conf keys as a tree
 * of their dotted segments; qpidd options. Values appear as details, with
 * secrets masked.
 */
import type { AnalyzedDocument } from '../analysis/document.js';
import type { DocumentSymbol } from './shared/lsp.js';
import { classicSymbols } from './symbols/classic.js';
import { confSymbols } from './symbols/conf.js';
import { iniSymbols } from './symbols/ini.js';
import { qpiddSymbols } from './symbols/qpidd.js';

export function documentSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  switch (doc.language) {
    case 'oslo-config':
      return iniSymbols(doc);
    case 'rabbitmq-conf':
      return confSymbols(doc);
    case 'rabbitmq-config':
      return classicSymbols(doc);
    case 'qpidd-conf':
      return qpiddSymbols(doc);
  }
}
