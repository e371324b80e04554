#!/usr/bin/env node
// Runs the level-4 mocha suite (out/e2e/suite/index.js, built by build.js) inside the extension host of
// a real VS Code: code-server, with the workbench in headless chromium. Same contract as
// @vscode/test-electron: the workbench payload names extensionDevelopmentPath and extensionTestsPath,
// the extension host runs `run()`, and the workbench reports the exit code through
// window.codeAutomationExit and every log line through window.codeAutomationLog.
// Prints the mocha output and a closing "N passed, N failed" line; exits 0 only when all passed.
//
// With --untrusted, workspace trust stays on (the folder opens in restricted mode) and the extension
// host runs suite/untrusted.test.ts instead (ANL_E2E_MODE=untrusted).
// env: as code-server.js; E2E_TIMEOUT_MS (default 300000).
const fs = require('fs');
const path = require('path');
const util = require('util');
const { CodeServer, launchBrowser, NOISE } = require('./code-server');
const { prepareWorkspace } = require('./workspace');

const root = path.join(__dirname, '..', '..');
const suite = path.join(root, 'out', 'e2e', 'suite', 'index.js');
const TIMEOUT = +(process.env.E2E_TIMEOUT_MS || 300000);
const UNTRUSTED = process.argv.includes('--untrusted');
const NAME = UNTRUSTED ? 'untrusted' : 'suite';
const t0 = Date.now();
const lap = (m) => console.log(`[run-code-server ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

(async () => {
  if (!fs.existsSync(suite)) {
    console.error(`run-code-server: ${suite} is missing; run node test/e2e/build.js first`);
    process.exit(2);
  }
  const workspace = prepareWorkspace(root);
  let cs;
  let ctx;
  let code = 1;
  let passed = 0;
  let failed = 0;
  let pending = 0;
  let sawSummary = false;
  try {
    cs = await CodeServer.start({ label: NAME, trust: !UNTRUSTED, env: UNTRUSTED ? { ANL_E2E_MODE: 'untrusted' } : {} });
    lap(`code-server up on port ${cs.port}`);
    const browser = await launchBrowser(cs);
    ctx = browser.ctx;
    const page = browser.page;
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      let m;
      if ((m = /^\s*(\d+) passing/.exec(line))) { passed = +m[1]; sawSummary = true; }
      if ((m = /^\s*(\d+) failing/.exec(line))) failed = +m[1];
      if ((m = /^\s*(\d+) pending/.exec(line))) pending = +m[1];
      if (process.env.VERBOSE || !NOISE.test(line)) console.log(type === 'error' ? `[workbench error] ${line}` : line);
    });
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));
    await page.goto(cs.url(workspace, [
      ['extensionDevelopmentPath', cs.remote(root)],
      ['extensionTestsPath', cs.remote(suite)],
      ['skipWelcome', 'true'],
    ]));
    let timer;
    const result = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT)))]);
    clearTimeout(timer);
    if (result === 'timeout') {
      lap(`TIMEOUT after ${TIMEOUT} ms waiting for the extension tests`);
      fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'test-results', `e2e-${NAME}-timeout.png`) }).catch(() => {});
    } else {
      code = result;
      lap(`extension host exited with code ${code}`);
    }
  } catch (e) {
    console.error(`run-code-server: ${e && e.stack ? e.stack : e}`);
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    if (cs) {
      const keep = code !== 0 ? path.join(root, 'test-results', `e2e-${NAME}-code-server.log`) : undefined;
      if (keep) console.log(`--- code-server log (tail) ---\n${cs.logTail()}\n(full log: ${keep})`);
      await cs.stop(keep);
    }
    fs.rmSync(workspace, { recursive: true, force: true });
    if (!sawSummary && code === 0) {
      console.log('run-code-server: the extension host exited 0 but no mocha summary was seen');
      code = 1;
    }
    console.log(`${NAME}: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
    process.exit(code);
  }
})();
