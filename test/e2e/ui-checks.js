#!/usr/bin/env node
// UI checks in the real VS Code workbench (code-server + headless chromium), as an analyst sees it:
// open examples/astana-20.txt (a plain-text file that is mostly Arabic), wait until the names are
// underlined, hover «غير بيدرسون» and read "Pedersen" in the hover card, open the Outline and the
// Entities view, and check the overlay underlines (colour, style, plain text above them) in dark, light and high-contrast themes.
// Every wait is on a condition in the page; screenshots go to test-results/.
// Prints one line per check and a closing "N passed, N failed".
//
// env: as code-server.js; VSIX=path installs that .vsix instead of loading the extension from the
//      clone (then only the activation, underline and hover checks run).
const fs = require('fs');
const path = require('path');
const { CodeServer, launchBrowser, pickColorTheme, runCommand, checkRunner } = require('./code-server');

const root = path.join(__dirname, '..', '..');
const results = path.join(root, 'test-results');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const VSIX = process.env.VSIX && path.resolve(process.env.VSIX);
const prefix = VSIX ? 'vsix-' : 'ui-';
const t0 = Date.now();
const lap = (m) => console.log(`[ui-checks ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const EDITOR_LINES = '.editor-instance .monaco-editor .view-lines';
const HOVER = '.monaco-hover, .monaco-resizable-hover';

/**
 * In-page: the first occurrence of `text` on a rendered row, where it is drawn, the style of its text,
 * and the overlay decoration under it (the mark: `.view-overlays .cdr` with a bottom border), or null.
 */
function markUnder({ lines, text }) {
  for (const row of document.querySelectorAll(`${lines} .view-line`)) {
    const tw = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n; (n = tw.nextNode()); ) {
      nodes.push([n, all.length]);
      all += n.textContent;
    }
    // Monaco renders some spaces as no-break spaces.
    const at = all.replace(/\u00a0/g, ' ').indexOf(text);
    if (at < 0) continue;
    const pos = (off) => {
      for (let j = nodes.length - 1; j >= 0; j--) if (nodes[j][1] <= off) return [nodes[j][0], off - nodes[j][1]];
    };
    const range = document.createRange();
    range.setStart(...pos(at));
    const [endNode, endOff] = pos(at + text.length - 1);
    range.setEnd(endNode, endOff + 1);
    const r = range.getBoundingClientRect();
    const textStyle = getComputedStyle(range.startContainer.parentElement);
    let mark = null;
    let best = 0;
    for (const el of row.closest('.monaco-editor').querySelectorAll('.view-overlays .cdr')) {
      const cs = getComputedStyle(el);
      if (cs.borderBottomStyle === 'none' || parseFloat(cs.borderBottomWidth) < 1) continue;
      const o = el.getBoundingClientRect();
      if (o.bottom <= r.top || o.top >= r.bottom) continue;
      const overlap = Math.min(o.right, r.right) - Math.max(o.left, r.left);
      if (overlap > best) {
        best = overlap;
        mark = { color: cs.borderBottomColor, style: cs.borderBottomStyle, width: o.width };
      }
    }
    if (!mark || best < 0.5 * r.width) return null;
    return { text, color: mark.color, style: mark.style, fontStyle: textStyle.fontStyle, textColor: textStyle.color, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
  }
  return null;
}

const hexToRgb = (h) => `rgb(${parseInt(h.slice(1, 3), 16)}, ${parseInt(h.slice(3, 5), 16)}, ${parseInt(h.slice(5, 7), 16)})`;
/** The underline colour package.json gives an entity type in a kind of theme (light, dark, highContrast, highContrastLight). */
function manifestColour(kind, type) {
  return hexToRgb(manifest.contributes.colors.find((c) => c.id === `arabicNewsLens.${type}Underline`).defaults[kind]);
}

const { check, checks } = checkRunner({ stopOnFailure: true });

(async () => {
  fs.mkdirSync(results, { recursive: true });
  let cs;
  let ctx;
  let page;
  let failed = false;
  try {
    const settings = { 'workbench.colorTheme': 'Dark Modern', 'editor.fontSize': 20, 'editor.minimap.enabled': false, 'editor.wordWrap': 'on' };
    cs = await CodeServer.start({ settings, vsix: VSIX, label: 'ui' });
    lap(`code-server up on port ${cs.port}${VSIX ? `, ${cs.listExtensions().join(', ')} installed from ${path.basename(VSIX)}` : ''}`);
    // Twice the pixels, so that close-ups show the dots under the letters; full screenshots stay 1:1.
    ({ ctx, page } = await launchBrowser(cs, { deviceScaleFactor: 2 }));
    const payload = [['openFile', cs.remote(path.join(root, 'examples', 'astana-20.txt'))], ['skipWelcome', 'true']];
    if (!VSIX) payload.push(['extensionDevelopmentPath', cs.remote(root)]);
    await page.goto(cs.url(path.join(root, 'examples'), payload), { waitUntil: 'domcontentloaded', timeout: 120000 });

    await check('examples/astana-20.txt opens and its names are underlined', async () => {
      await page.waitForFunction(({ lines }) => [...document.querySelectorAll(lines)].some((e) => e.textContent.includes('بيدرسون')), { lines: EDITOR_LINES }, { timeout: 120000 });
      await page.waitForFunction(markUnder, { lines: EDITOR_LINES, text: 'غير بيدرسون' }, { timeout: 60000 });
      const count = await page.evaluate(() => document.querySelectorAll('.editor-instance .monaco-editor .view-overlays .cdr').length);
      await page.screenshot({ scale: 'css', path: path.join(results, `${prefix}article-dark.png`) });
      return `${count} overlay marks on screen`;
    });

    await check('underline colours follow package.json in the dark theme (person, country, adjective), the text keeps its own style', async () => {
      const person = await page.evaluate(markUnder, { lines: EDITOR_LINES, text: 'غير بيدرسون' });
      const country = await page.evaluate(markUnder, { lines: EDITOR_LINES, text: 'سوريا' });
      const adjective = await page.evaluate(markUnder, { lines: EDITOR_LINES, text: 'الإيراني' });
      // Plain text: the colour of a body line (the headline has a heading colour). One word: VS Code draws spaces as no-break spaces.
      const plain = await page.evaluate(
        ({ lines, text }) => getComputedStyle([...document.querySelectorAll(`${lines} .view-line`)].find((l) => l.textContent.includes(text)).querySelector('span span')).color,
        { lines: EDITOR_LINES, text: 'أكد' },
      );
      const expect = (got, type, style) => {
        if (!got) throw new Error(`no overlay mark under the ${type}`);
        const want = manifestColour('dark', type);
        if (got.color !== want) throw new Error(`${type}: underline ${got.color}, package.json says ${want}`);
        if (got.style !== style) throw new Error(`${type}: underline style ${got.style}, want ${style}`);
        // No italic on Arabic, and the text keeps the colour of plain text: the mark is only under it.
        if (got.fontStyle !== 'normal' || got.textColor !== plain) throw new Error(`${type}: text drawn ${got.fontStyle} ${got.textColor}, plain text is ${plain}`);
      };
      expect(person, 'person', 'solid');
      expect(country, 'country', 'solid');
      expect(adjective, 'country', 'dashed');
      await closeUp(page, person.box, 'dark');
      return `person ${person.color}, country ${country.color}, adjective ${adjective.color} dashed`;
    });

    await check('hovering «غير بيدرسون» shows a card naming Geir Pedersen', async () => {
      const box = await page.evaluate(markUnder, { lines: EDITOR_LINES, text: 'غير بيدرسون' });
      // Point at the surname: in a right-to-left run it is the left part of the name.
      const at = { x: box.box.x + box.box.width * 0.3, y: box.box.y + box.box.height / 2 };
      let seen = false;
      for (let attempt = 0; attempt < 10 && !seen; attempt++) {
        await page.mouse.move(at.x + 150, at.y + 150);
        await page.mouse.move(at.x, at.y, { steps: 5 });
        seen = await page
          .waitForFunction((h) => [...document.querySelectorAll(h)].some((x) => x.textContent.includes('Pedersen')), HOVER, { timeout: 3000 })
          .then(() => true, () => false);
      }
      if (!seen) throw new Error('no hover card with "Pedersen"');
      const text = await page.evaluate((h) => [...document.querySelectorAll(h)].map((x) => x.textContent).join(' | '), HOVER);
      // The card fades in; wait until it is fully opaque before the screenshot.
      await page.waitForFunction((h) => [...document.querySelectorAll(h)].some((x) => x.offsetParent && getComputedStyle(x).opacity === '1'), HOVER, { timeout: 5000 }).catch(() => {});
      await page.screenshot({ scale: 'css', path: path.join(results, `${prefix}hover-pedersen.png`) });
      // The README's picture comes from this run: UPDATE_SCREENSHOTS=1 writes it into images/.
      if (!VSIX && process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(results, `${prefix}hover-pedersen.png`), path.join(root, 'images', 'screenshot-hover.png'));
      return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 120));
    });

    if (!VSIX) {
      await check('the Outline lists the article', async () => {
        await page.keyboard.press('Escape');
        await runCommand(page, 'Explorer: Focus on Outline View');
        await page.waitForFunction(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /outline/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return pane && pane.querySelectorAll('.monaco-list-row').length >= 2;
        }, undefined, { timeout: 30000 });
        const rows = await page.evaluate(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /outline/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent.trim());
        });
        if (!rows.some((r) => r.includes('بيدرسون') || r.includes('لقاء'))) throw new Error(`outline rows: ${rows.join(' | ')}`);
        // Every symbol's name is drawn whole inside its row, whatever the length of its detail.
        const cut = await page.evaluate(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /outline/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return [...pane.querySelectorAll('.monaco-list-row')].flatMap((r) => {
            const name = r.querySelector('.label-name')?.getBoundingClientRect();
            const box = r.querySelector('.monaco-icon-label-container')?.getBoundingClientRect();
            return name && box && (name.left < box.left - 1 || name.right > box.right + 1) ? [r.querySelector('.label-name').textContent] : [];
          });
        });
        if (cut.length) throw new Error(`outline names drawn outside their row: ${cut.join(' | ')}`);
        // Collapse the folder's file list so that the Outline has the room in the screenshot.
        const folderHeader = await page.$('.pane-header[aria-expanded="true"]:has-text("examples")');
        if (folderHeader) {
          await folderHeader.click();
          await page.waitForSelector('.pane-header[aria-expanded="false"]:has-text("examples")', { timeout: 10000 });
        }
        await page.screenshot({ scale: 'css', path: path.join(results, `${prefix}outline.png`) });
        return `${rows.length} rows: ${rows.slice(0, 4).join(' | ')}`;
      });

      await check('the Entities view lists the entities by type with counts', async () => {
        await runCommand(page, 'Arabic News Lens: Show Entities View');
        await page.waitForFunction(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /entities/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return pane && [...pane.querySelectorAll('.monaco-list-row')].some((r) => r.textContent.includes('People'));
        }, undefined, { timeout: 30000 });
        // Collapse the Outline so that the Entities view has the room in the screenshot.
        const outlineHeader = await page.$('.pane-header[aria-expanded="true"]:has-text("Outline")');
        if (outlineHeader) {
          await outlineHeader.click();
          await page.waitForSelector('.pane-header[aria-expanded="false"]:has-text("Outline")', { timeout: 10000 });
        }
        const rows = await page.evaluate(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /entities/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent.trim());
        });
        await page.screenshot({ scale: 'css', path: path.join(results, `${prefix}entities-view.png`) });
        // Clicking an entity selects its first mention in the editor (the status bar then counts the selection).
        const row = await page.waitForFunction(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /entities/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return [...pane.querySelectorAll('.monaco-list-row')].find((r) => r.textContent.includes('Geir Pedersen'));
        }, undefined, { timeout: 10000 });
        await row.asElement().click();
        await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Ln 1, Col \d+ \(7 selected\)/.test(e.textContent)), undefined, { timeout: 10000 });
        return `${rows.slice(0, 3).join(' | ')}; a click selected the first mention of Geir Pedersen`;
      });

      await check('the status bar shows the counts', async () => {
        await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Arabic News Lens/.test(e.getAttribute('aria-label') ?? '') && /\d/.test(e.textContent)), undefined, { timeout: 30000 });
        return page.evaluate(() => [...document.querySelectorAll('.statusbar-item')].find((e) => /Arabic News Lens/.test(e.getAttribute('aria-label') ?? '')).getAttribute('aria-label'));
      });

      for (const [theme, cls, key] of [
        // Labels as the theme picker shows them; the keys are the kinds of theme in contributes.colors defaults.
        ['Light Modern', 'vs', 'light'],
        ['Dark High Contrast', 'hc-black', 'highContrast'],
        ['Light High Contrast', 'hc-light', 'highContrastLight'],
      ]) {
        await check(`in ${theme} the names keep their own underlined colours`, async () => {
          await pickColorTheme(page, theme);
          await page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), cls, { timeout: 30000 });
          const want = manifestColour(key, 'person');
          await page.waitForFunction(({ lines, want, fn }) => {
            const f = new Function(`return (${fn})`)();
            const s = f({ lines, text: 'غير بيدرسون' });
            return s && s.color === want;
          }, { lines: EDITOR_LINES, want, fn: markUnder.toString() }, { timeout: 30000 });
          const slug = theme.toLowerCase().replace(/\s+/g, '-');
          await page.screenshot({ scale: 'css', path: path.join(results, `${prefix}article-${slug}.png`) });
          await closeUp(page, (await page.evaluate(markUnder, { lines: EDITOR_LINES, text: 'غير بيدرسون' })).box, slug);
          return `person ${want}`;
        });
      }
    }
  } catch (e) {
    failed = true;
    console.error(`ui-checks: ${e.message}`);
    if (page) await page.screenshot({ scale: 'css', path: path.join(results, `${prefix}failure.png`) }).catch(() => {});
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    if (cs) {
      const keep = failed ? path.join(results, `${prefix}code-server.log`) : undefined;
      if (keep) console.log(`--- code-server log (tail) ---\n${cs.logTail(3000)}\n(full log: ${keep})`);
      await cs.stop(keep);
    }
    const passed = checks.filter((c) => c.ok).length;
    console.log(`${VSIX ? 'vsix' : 'ui'}: ${passed} passed, ${checks.length - passed} failed`);
    process.exit(failed ? 1 : 0);
  }
})();

/**
 * A close-up of the lines around a mention, to check that underlines stay legible under the dots
 * of Arabic letters (ب ي ج…): written as *-closeup-<theme>.png.
 */
async function closeUp(page, box, theme) {
  const clip = { x: Math.max(0, box.x - 420), y: Math.max(0, box.y - 60), width: 760, height: box.height + 120 };
  await page.screenshot({ path: path.join(results, `${prefix}closeup-${theme}.png`), clip, scale: 'device' });
}
