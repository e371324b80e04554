#!/usr/bin/env node
// Installed entry point of the news-lens command line; the code is bundled in dist/cli.js.
// V8's compile cache (Node >= 22.1) keeps the bundle's compiled code between runs; Node 20 has none.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = require('module');
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // A cache that cannot be written only costs the time it would have saved.
  }
}
require('../dist/cli.js').run();
