#!/usr/bin/env node
// Builds what the level-4 tests run: the extension's bundles (esbuild.js) and the test bundles in
// out/e2e/: the mocha suite (run inside the extension host) and the @vscode/test-electron runner.
// `vscode` is provided by the extension host and mocha 12 is an ES module: both stay outside the bundle.
const path = require('path');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..', '..');
execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--quiet'], { cwd: root, stdio: 'inherit' });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'error', mainFields: ['module', 'main'] };
esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, 'suite', 'index.ts')], outfile: path.join(root, 'out', 'e2e', 'suite', 'index.js'), external: ['vscode', 'mocha'] });
esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, 'run-electron.ts')], outfile: path.join(root, 'out', 'e2e', 'run-electron.js'), external: ['@vscode/test-electron'] });
