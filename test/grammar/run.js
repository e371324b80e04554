#!/usr/bin/env node
// Runs the TextMate grammar tests (test/grammar/*.test.arnews) with vscode-tmgrammar-test, which
// tokenizes with vscode-textmate and the Oniguruma build VS Code uses, and prints a closing line with
// the number of test files and scope assertions.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..', '..');
const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.arnews'));
const assertions = files
  .map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8').split('\n').filter((l) => /^#\s*(\^|<-)/.test(l)).length)
  .reduce((a, b) => a + b, 0);
const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js', { paths: [root] });
const r = spawnSync(process.execPath, [cli, '--config', path.join(root, 'package.json'), 'test/grammar/*.test.arnews'], { cwd: root, encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
const failedFiles = (r.stdout.match(/^✖/gm) || []).length;
const passedFiles = (r.stdout.match(/^✓/gm) || []).length;
console.log(`grammar: ${passedFiles} passed, ${failedFiles} failed (${files.length} files, ${assertions} scope assertions)`);
process.exit(r.status === 0 && passedFiles === files.length ? 0 : 1);
