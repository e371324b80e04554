/**
 * Entry of the level-4 suite, run INSIDE a real VS Code extension host: the `extensionTestsPath`
 * contract of @vscode/test-electron (`run(): Promise<void>`), which the code-server runner honours too.
 * This file is bundled with esbuild (test/e2e/build.js); `vscode` and `mocha` stay outside the bundle.
 */
// mocha 12 is an ES module: require() returns its namespace, whose `default` is the Mocha class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha: typeof import('mocha') = mochaModule.default ?? mochaModule;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000 });
  // Define the BDD globals (describe, it, …) before the test modules are loaded.
  mocha.suite.emit('pre-require', globalThis, 'arabic-news-lens-e2e', mocha);
  // The runner sets ANL_E2E_MODE=untrusted when code-server runs with workspace trust enabled.
  if (process.env.ANL_E2E_MODE === 'untrusted') require('./untrusted.test');
  else require('./extension.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
