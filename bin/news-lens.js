#!/usr/bin/env node
// Installed entry point of the news-lens command line; the code is bundled in dist/cli.js.
require('../dist/cli.js').run();
