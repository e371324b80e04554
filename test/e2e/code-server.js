// The project's harness for a real VS Code on machines without internet access: code-server (VS Code
// server + web workbench, installed by install-tools.sh outside the clone) driven by playwright-core
// and Debian's chromium. Used by run-code-server.js (the mocha suite in the extension host) and
// ui-checks.js (hover and Outline in the workbench, with screenshots).
//
// env: CODE_SERVER (required), E2E_NODE (Node 24 that runs code-server), CHROMIUM (default
//      /usr/bin/chromium), VERBOSE=1 prints the workbench's offline noise too.
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

/** Workbench chatter that is expected on a machine without internet. */
const NOISE = /AgentHost|authentication provider|tryActivateProvider|getSessions|ChatModelSelection|ENOTFOUND|ERR_NAME_NOT_RESOLVED|Canceled|open-vsx|vsda|mobile\.events|Updating additional builtin|Creating a socket|connection token|reconnection-grace|Service Worker|AccountPolicyGate|Failed to load resource/;

/** Quiet, deterministic workbench settings: no chat, no welcome page, no update checks. */
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
};

function requireTools() {
  const missing = ['CODE_SERVER'].filter((k) => !process.env[k]);
  if (missing.length) throw new Error(`${missing.join(', ')} not set: run test/e2e/install-tools.sh and eval its output`);
  return {
    node: process.env.E2E_NODE || 'node',
    codeServer: process.env.CODE_SERVER,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  };
}

/** A free TCP port on 127.0.0.1, so that parallel runs do not collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const httpStatus = (url) =>
  new Promise((resolve) => http.get(url, (r) => { r.resume(); resolve(r.statusCode); }).on('error', () => resolve(0)));

/** Waits until `probe()` is truthy, polling; throws after `timeoutMs`. */
async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

class CodeServer {
  /**
   * Starts code-server with a fresh user-data and extensions folder in a temp dir of its own.
   * `vsix`: install this .vsix first (offline, from the file). `trust: true` (the default) trusts every
   * folder; `false` keeps workspace trust on, so that a folder opens in restricted mode.
   * `env`: extra environment for code-server and the extension host.
   * `locale`: the display language (`ar`); see `useLocale`.
   */
  static async start({ settings = {}, vsix, label = 'e2e', trust = true, env = {}, locale } = {}) {
    const tools = requireTools();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `anl-${label}-`));
    const cs = new CodeServer(tools, tmp, await freePort());
    cs.trust = trust;
    if (locale) cs.useLocale(locale);
    Object.assign(cs.env, env);
    // Without trust, no start-up dialog: the folder simply stays untrusted.
    if (!trust) settings = { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open', ...settings };
    cs.writeSettings(settings);
    if (vsix) cs.installVsix(vsix);
    await cs.launch();
    return cs;
  }

  constructor(tools, tmp, port) {
    this.tools = tools;
    this.tmp = tmp;
    this.port = port;
    this.log = path.join(tmp, 'server.log');
    this.env = { ...process.env };
    // Node 24 first on PATH for code-server and the processes it spawns (the extension host).
    if (process.env.E2E_NODE) this.env.PATH = path.dirname(process.env.E2E_NODE) + path.delimiter + process.env.PATH;
    // code-server puts sockets in TMPDIR: keep them inside this run's folder so that nothing is left behind.
    this.env.TMPDIR = path.join(tmp, 't');
    fs.mkdirSync(this.env.TMPDIR, { recursive: true });
    this.dirs = ['--config', '/dev/null', '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
  }

  /**
   * Starts in display language `locale`. VS Code honours `--locale` only when a language pack for it is
   * installed, and none can be downloaded offline: a stub pack (an empty translation of the core, so
   * the workbench stays English) is registered in the user data's `languagepacks.json`, which is
   * enough for VS Code to resolve the language, and so to load the extension's
   * `package.nls.<locale>.json` and `l10n/bundle.l10n.<locale>.json`.
   */
  useLocale(locale) {
    const stub = path.join(this.tmp, 'locale-stub');
    fs.mkdirSync(stub, { recursive: true });
    fs.writeFileSync(path.join(stub, 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    const userData = path.join(this.tmp, 'user-data');
    fs.mkdirSync(userData, { recursive: true });
    const pack = { hash: `stub-${locale}`, extensions: [{ extensionIdentifier: { id: `test.locale-stub-${locale}` }, version: '0.0.1' }], translations: { vscode: path.join(stub, 'main.i18n.json') }, label: locale };
    fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
    this.dirs.push('--locale', locale);
  }

  get settingsFile() {
    return path.join(this.tmp, 'user-data', 'User', 'settings.json');
  }

  /** Writes the user settings; the workbench watches the file, so this also works while running. */
  writeSettings(settings) {
    fs.mkdirSync(path.dirname(this.settingsFile), { recursive: true });
    fs.writeFileSync(this.settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 1));
  }

  installVsix(vsix) {
    execFileSync(this.tools.node, [this.tools.codeServer, ...this.dirs, '--install-extension', path.resolve(vsix)], { env: this.env, stdio: 'pipe' });
  }

  /** Extensions installed in this server's extensions folder (`publisher.name@version`). */
  listExtensions() {
    return execFileSync(this.tools.node, [this.tools.codeServer, ...this.dirs, '--list-extensions', '--show-versions'], { env: this.env, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  }

  async launch() {
    this.proc = spawn(
      this.tools.node,
      [
        this.tools.codeServer,
        ...this.dirs,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${this.port}`,
        '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
        ...(this.trust === false ? [] : ['--disable-workspace-trust']),
        // The built workbench honours the test payload (extensionDevelopmentPath, extensionTestsPath) only with this.
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      // Its own process group, so that stop() can wait for every process it started (extension host,
      // language servers) before deleting the folder they write into.
      { stdio: ['ignore', 'pipe', 'pipe'], env: this.env, detached: true },
    );
    const out = fs.createWriteStream(this.log);
    this.proc.stdout.pipe(out);
    this.proc.stderr.pipe(out);
    await until('code-server to answer /healthz', async () => {
      if (this.proc.exitCode !== null) throw new Error(`code-server exited with ${this.proc.exitCode}:\n${this.logTail()}`);
      return (await httpStatus(`http://127.0.0.1:${this.port}/healthz`)) === 200;
    }, 60000);
  }

  /** `vscode-remote://` URI of a path on this machine, as the workbench payload wants it. */
  remote(p) {
    return `vscode-remote://127.0.0.1:${this.port}${path.resolve(p)}`;
  }

  /** Workbench URL that opens `folder` with a payload (array of [key, value]). */
  url(folder, payload) {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  logTail(chars = 4000) {
    try {
      return fs.readFileSync(this.log, 'utf8').slice(-chars);
    } catch {
      return '';
    }
  }

  /** Stops code-server, waits for it, keeps its log in `keepLogAs` when given, and removes the temp dir. */
  async stop(keepLogAs) {
    if (this.proc) {
      const group = -this.proc.pid;
      const alive = () => {
        try {
          process.kill(group, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (alive()) process.kill(group, 'SIGTERM');
      await until('code-server and its children to exit', () => !alive(), 15000).catch(() => {
        if (alive()) process.kill(group, 'SIGKILL');
      });
    }
    if (keepLogAs) {
      fs.mkdirSync(path.dirname(keepLogAs), { recursive: true });
      fs.copyFileSync(this.log, keepLogAs);
    }
    // code-server's children (extension host, file watcher) may still write while they exit: retry
    // until the folder is gone, and only warn if it stays.
    await until('the temp folder to be removed', () => {
      try {
        fs.rmSync(this.tmp, { recursive: true, force: true });
        return true;
      } catch {
        return false;
      }
    }, 15000).catch(() => console.warn(`code-server: could not remove ${this.tmp}`));
  }
}

/** Headless Debian chromium through playwright-core (which never downloads a browser). */
async function launchBrowser(cs, { viewport = { width: 1400, height: 860 }, deviceScaleFactor = 1 } = {}) {
  const { chromium } = require('playwright-core');
  const ctx = await chromium.launchPersistentContext(path.join(cs.tmp, 'chromium-profile'), {
    executablePath: cs.tools.chromium,
    headless: true,
    viewport,
    deviceScaleFactor,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  return { ctx, page };
}

/** Picks a colour theme with "Preferences: Color Theme", as a person would. */
async function pickColorTheme(page, theme) {
  await runCommand(page, 'Preferences: Color Theme');
  await page.waitForFunction(() => /theme/i.test(document.querySelector('.quick-input-widget input')?.getAttribute('placeholder') ?? ''), undefined, { timeout: 10000 });
  await page.keyboard.type(theme);
  await clickQuickPickRow(page, theme);
}

/** Runs a command through the command palette, as a person would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type(title);
  await clickQuickPickRow(page, title);
}

/** Clicks the quick-pick row whose label is exactly `label` (Enter would run the focused row, which may be another). */
async function clickQuickPickRow(page, label) {
  const handle = await page.waitForFunction(
    (t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].find((row) => row.querySelector('.label-name')?.textContent.replace(/\s+/g, ' ').trim() === t),
    label,
    { timeout: 10000 },
  );
  await handle.asElement().click();
}

/**
 * Named checks that print ✔ or ✖ with their time and note, recorded in `checks`. With
 * `stopOnFailure`, a failing check also throws, so that the checks that depend on it do not run.
 */
function checkRunner({ stopOnFailure = false } = {}) {
  const checks = [];
  async function check(name, fn) {
    const start = Date.now();
    try {
      const note = await fn();
      checks.push({ name, ok: true });
      console.log(`  ✔ ${name} (${Date.now() - start} ms)${note ? ` — ${note}` : ''}`);
    } catch (e) {
      checks.push({ name, ok: false });
      console.log(`  ✖ ${name}: ${e.message.split('\n')[0]}`);
      if (stopOnFailure) throw e;
    }
  }
  return { check, checks };
}

module.exports = { CodeServer, launchBrowser, NOISE, until, pickColorTheme, runCommand, checkRunner };
