// Loads dist/client.js (the extension's entry) with a stand-in for the
// `vscode` module, which only VS Code provides, and prints how long the
// require took in ms. Activation itself needs VS Code and is not run.
'use strict';
const Module = require('node:module');
const path = require('node:path');

// Every member of the stand-in is a class (the client's libraries extend some)
// whose own members are stand-ins too.
function standIn() {
  class StandIn {}
  return new Proxy(StandIn, { get: (target, key) => (key in target ? target[key] : standIn()) });
}
const stub = new Proxy({}, { get: () => standIn() });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const start = performance.now();
require(path.join(process.argv[2], 'dist', 'client.js'));
process.stdout.write(String(performance.now() - start));
