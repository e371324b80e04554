#!/usr/bin/env node
// The extension's interface under VS Code's Arabic display language (code-server --locale ar, see
// CodeServer.useLocale): the command palette, the Entities view, the status bar and the Outline speak
// Arabic, from package.nls.ar.json, l10n/bundle.l10n.ar.json and the server's label table. Screenshots:
// test-results/ar-*.png. Ends with "arabic: N passed, N failed".
const fs = require('fs');
const path = require('path');
const { CodeServer, launchBrowser, checkRunner } = require('./code-server');

const root = path.join(__dirname, '..', '..');
const results = path.join(root, 'test-results');
const nlsAr = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.ar.json'), 'utf8'));
const bundleAr = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.ar.json'), 'utf8'));
const NAME = nlsAr.displayName;

const { check, checks } = checkRunner();

/** In-page: the rows of the view whose header matches `title`. */
function paneRows(title) {
  const pane = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes(title));
  return pane ? [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent) : null;
}

(async () => {
  fs.mkdirSync(results, { recursive: true });
  let cs;
  let ctx;
  try {
    cs = await CodeServer.start({ settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false }, label: 'arabic', locale: 'ar' });
    let page;
    ({ ctx, page } = await launchBrowser(cs));
    const payload = [['openFile', cs.remote(path.join(root, 'examples', 'astana-20.txt'))], ['skipWelcome', 'true'], ['extensionDevelopmentPath', cs.remote(root)]];
    await page.goto(cs.url(path.join(root, 'examples'), payload));

    await check('the status bar names the extension in Arabic and shows the counts', async () => {
      await page.waitForFunction((name) => [...document.querySelectorAll('.statusbar-item')].some((e) => (e.getAttribute('aria-label') ?? '').startsWith(name) && /\d/.test(e.textContent)), NAME, { timeout: 120000 });
      return page.evaluate((name) => [...document.querySelectorAll('.statusbar-item')].find((e) => (e.getAttribute('aria-label') ?? '').startsWith(name)).getAttribute('aria-label'), NAME);
    });

    await check('the plain-text article switched to the Arabic News language', async () => {
      await page.waitForFunction((lang) => [...document.querySelectorAll('.statusbar-item')].some((e) => e.textContent.trim() === lang), nlsAr['language.arabicNews'], { timeout: 30000 });
    });

    await check('the Entities view has its Arabic title, groups and counts', async () => {
      const title = nlsAr['view.entities'];
      await page.waitForFunction(({ title, group }) => {
        const pane = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes(title));
        if (pane && pane.querySelector('.pane-header').getAttribute('aria-expanded') === 'false') pane.querySelector('.pane-header').click();
        return pane && [...pane.querySelectorAll('.monaco-list-row')].some((r) => r.textContent.includes(group));
      }, { title, group: bundleAr.People }, { timeout: 30000 });
      await page.screenshot({ path: path.join(results, 'ar-entities-view.png') });
      return (await page.evaluate(paneRows, title)).slice(0, 3).join(' | ');
    });

    await check('the Outline shows the Arabic labels of the server', async () => {
      await page.evaluate(() => {
        for (const h of document.querySelectorAll('.pane-header')) if (/Outline|المخطط/.test(h.textContent) && h.getAttribute('aria-expanded') === 'false') h.click();
      });
      await page.waitForFunction(() => {
        const pane = [...document.querySelectorAll('.pane')].find((p) => /Outline|المخطط/.test(p.querySelector('.pane-header')?.textContent ?? ''));
        return pane && [...pane.querySelectorAll('.monaco-list-row')].some((r) => r.textContent.includes('رمز CAMEO'));
      }, undefined, { timeout: 30000 });
      await page.screenshot({ path: path.join(results, 'ar-outline.png') });
    });

    await check('the command palette lists the commands in Arabic', async () => {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 10000 });
      await page.keyboard.type(NAME);
      const toggle = `${NAME}: ${nlsAr['command.toggle']}`;
      await page.waitForFunction((t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') ?? '').includes(t)), toggle, { timeout: 10000 });
      await page.screenshot({ path: path.join(results, 'ar-commands.png') });
      await page.keyboard.press('Escape');
      return toggle;
    });
  } catch (e) {
    checks.push({ name: 'setup', ok: false });
    console.log(`  ✖ ${e.message.split('\n')[0]}`);
  } finally {
    if (ctx) await ctx.close().catch(() => undefined);
    if (cs) await cs.stop(checks.some((c) => !c.ok) ? path.join(results, 'arabic-code-server.log') : undefined);
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`arabic: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
