#!/usr/bin/env node
// Reading order of marked Arabic in the real VS Code workbench (code-server + headless chromium).
// For the reference article and a probe file with a proclitic (و ب ل ف ك لل) before every kind of mark,
// in the light, dark and both high-contrast themes, it measures on screen (geometry of DOM ranges):
//   - order: on every rendered row, Arabic words that follow each other in the text are drawn right to
//     left (each word's centre left of the one before);
//   - joining: every word is drawn in one piece (its range's boxes leave no gap wider than 2 px);
//   - marks: every mention the analysis gives (news-lens, the same core) whose text is on screen has an
//     overlay decoration under it, with the underline colour of its type in the theme and the style of
//     its form (solid name, dashed adjective, dotted title, double candidate).
// Then it proves that the check can fail: in a workbench started with `arabicNewsLens.marks.style:
// semanticTokens` (the old styling through semantic tokens) the same article must come out reversed
// or broken. (The suite checks the switch between the two styles while VS Code runs.)
// Screenshots: test-results/rtl-<file>-<theme>.png and rtl-reference-semantic-tokens.png.
// Prints one line per check and a closing "rtl: N passed, N failed".
//
// env: as code-server.js.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { CodeServer, launchBrowser, pickColorTheme, checkRunner } = require('./code-server');

const root = path.join(__dirname, '..', '..');
const results = path.join(root, 'test-results');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const t0 = Date.now();
const lap = (m) => console.log(`[rtl-order ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const EDITOR = '.editor-instance .monaco-editor';

/**
 * The probe: each kind of mark after each proclitic that Arabic writes joined to it (و ب ل ف ك, and
 * لل before a word with the article). Written for this test, not taken from an evaluation set.
 */
const PROBE = [
  'التقى الممثل الخاص للأمين العام غير بيدرسون وزير الخارجية الروسي سيرغي لافروف في موسكو.',
  'وبيدرسون التقى بلافروف، ثم كتب لبيدرسون فبيدرسون كلافروف يرى الحل في دمشق.',
  'وسوريا وبسوريا ولسوريا فسوريا كسوريا، والعراق وبالعراق وللعراق فالعراق كالعراق.',
  'والسوري وبالسوري وللسوري فالسوري كالسوري، والروسية وبالروسية وللروسية.',
  'والأمم المتحدة وبالأمم المتحدة وللأمم المتحدة فالأمم المتحدة كالأمم المتحدة.',
  'وقال الممثل الخاص للأمين العام إن بالممثل الخاص للأمين العام ثقة، فالممثل الخاص للأمين العام يعمل.',
  '',
].join('\n');

// Theme as the picker lists it, the workbench class it gives, and the key of the colour defaults in package.json.
const THEMES = [
  { name: 'light', label: 'Light Modern', cls: 'vs', kind: 'light' },
  { name: 'dark', label: 'Dark Modern', cls: 'vs-dark', kind: 'dark' },
  { name: 'high-contrast-dark', label: 'Dark High Contrast', cls: 'hc-black', kind: 'highContrast' },
  { name: 'high-contrast-light', label: 'Light High Contrast', cls: 'hc-light', kind: 'highContrastLight' },
];
const FORM_BORDER = { name: 'solid', adjective: 'dashed', title: 'dotted', candidate: 'double' };
const hexToRgb = (h) => `rgb(${parseInt(h.slice(1, 3), 16)}, ${parseInt(h.slice(3, 5), 16)}, ${parseInt(h.slice(5, 7), 16)})`;
const underline = (type, kind) => hexToRgb(manifest.contributes.colors.find((c) => c.id === `arabicNewsLens.${type}Underline`).defaults[kind]);

/** The mentions of a file as the analysis gives them (the server uses the same core): line, characters, type, form. */
function mentionsOf(file) {
  const json = JSON.parse(execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (o) => {
    let l = 0;
    while (l + 1 < starts.length && starts[l + 1] <= o) l++;
    return l;
  };
  return {
    lines: text.split('\n').map((l) => l.replace(/\r$/, '')),
    mentions: json.entities.map((m) => {
      const line = lineOf(m.start);
      return { line, from: m.start - starts[line], to: m.end - starts[line], text: text.slice(m.start, m.end), type: m.type, form: m.known === false ? 'candidate' : m.form === 'adjective' || m.form === 'title' ? m.form : 'name' };
    }),
  };
}

/**
 * Runs in the page. Rows: every rendered row with its Arabic words and where they are drawn. Marks:
 * for every mention whose model line is rendered and whose text is on screen, the overlay decoration
 * under it (the one that overlaps it most) and its underline.
 */
function measure({ sel, lines, mentions }) {
  const AR = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF][\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF\u0640]*/g;
  const editor = document.querySelector(sel);
  const view = editor.getBoundingClientRect();
  const textNodes = (el) => {
    const tw = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const out = [];
    for (let n; (n = tw.nextNode()); ) out.push(n);
    return out;
  };
  // Rendered rows, top to bottom, and the model line each belongs to (a wrapped line has several rows;
  // the margin shows its number on the first).
  const rowEls = [...editor.querySelectorAll('.view-lines .view-line')].map((el) => ({ el, top: Math.round(el.getBoundingClientRect().top) })).sort((a, b) => a.top - b.top);
  const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
    .map((el) => ({ n: parseInt(el.textContent.trim(), 10), top: Math.round(el.getBoundingClientRect().top) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => a.top - b.top);
  const byLine = new Map();
  for (const r of rowEls) {
    let n;
    for (const x of numbers) if (x.top <= r.top + 2) n = x.n;
    if (n === undefined) continue;
    if (!byLine.has(n - 1)) byLine.set(n - 1, []);
    byLine.get(n - 1).push(r.el);
  }
  // Order and joining, row by row.
  const rows = [];
  for (const { el, top } of rowEls) {
    const nodes = [];
    let text = '';
    for (const n of textNodes(el)) {
      nodes.push([n, text.length]);
      text += n.textContent;
    }
    const at = (off) => {
      for (let j = nodes.length - 1; j >= 0; j--) if (nodes[j][1] <= off) return [nodes[j][0], off - nodes[j][1]];
    };
    const words = [];
    for (const m of text.matchAll(AR)) {
      const [a, ao] = at(m.index);
      const [b, bo] = at(m.index + m[0].length - 1);
      const r = document.createRange();
      r.setStart(a, ao);
      r.setEnd(b, bo + 1);
      const rects = [...r.getClientRects()].filter((q) => q.width > 0).sort((p, q) => p.x - q.x);
      let gap = 0;
      for (let i = 1; i < rects.length; i++) gap = Math.max(gap, rects[i].x - (rects[i - 1].x + rects[i - 1].width));
      const box = r.getBoundingClientRect();
      words.push({ w: m[0], x: box.x + box.width / 2, gap: Math.round(gap) });
    }
    if (words.length) rows.push({ top, words });
  }
  // The overlay decorations that draw an underline.
  const overlays = [...editor.querySelectorAll('.view-overlays .cdr')]
    .map((el) => ({ cs: getComputedStyle(el), r: el.getBoundingClientRect() }))
    .filter(({ cs }) => parseFloat(cs.borderBottomWidth) >= 1 && cs.borderBottomStyle !== 'none')
    .map(({ cs, r }) => ({ style: cs.borderBottomStyle, color: cs.borderBottomColor, left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
  // Arabic text styled apart from plain text inside a row; a row drawn as one span (a headline that the
  // grammar scopes whole) is one bidi run and harmless.
  const styledSpans = [...editor.querySelectorAll('.view-line span span')].filter(
    (e) => /[\u0621-\u064A]/.test(e.textContent) && !/^mtk1$/.test(e.className) && e.parentElement.children.length > 1,
  ).length;
  // Each mention on screen and the overlay under it.
  const marks = [];
  const unmapped = new Set();
  for (const m of mentions) {
    const els = byLine.get(m.line);
    if (!els) continue;
    const nodes = [];
    let text = '';
    for (const el of els) for (const n of textNodes(el)) {
      nodes.push([n, text.length]);
      text += n.textContent;
    }
    if (text.replace(/\u00a0/g, ' ') !== lines[m.line]) {
      unmapped.add(m.line);
      continue;
    }
    const at = (off) => {
      for (let j = nodes.length - 1; j >= 0; j--) if (nodes[j][1] <= off) return [nodes[j][0], off - nodes[j][1]];
    };
    const [a, ao] = at(m.from);
    const [b, bo] = at(m.to - 1);
    const range = document.createRange();
    range.setStart(a, ao);
    range.setEnd(b, bo + 1);
    const rects = [...range.getClientRects()].filter((q) => q.width > 0 && q.bottom > view.top && q.top < view.bottom);
    if (!rects.length) continue;
    let best;
    let bestOverlap = 0;
    for (const o of overlays) {
      for (const q of rects) {
        if (o.bottom <= q.top || o.top >= q.bottom) continue;
        const overlap = Math.min(o.right, q.right) - Math.max(o.left, q.left);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = o;
        }
      }
    }
    const width = Math.max(...rects.map((q) => q.width));
    marks.push({ text: m.text, type: m.type, form: m.form, mark: best && bestOverlap >= 0.5 * Math.min(width, best.right - best.left) ? { style: best.style, color: best.color } : null });
  }
  return { rows, overlays: overlays.length, styledSpans, marks, unmapped: [...unmapped] };
}

/** Reading order and joining of the measured rows, as counts with examples. */
function judge(m) {
  const reversed = [];
  const broken = [];
  let words = 0;
  for (const row of m.rows) {
    words += row.words.length;
    for (let i = 1; i < row.words.length; i++) if (row.words[i].x >= row.words[i - 1].x) reversed.push(`${row.words[i - 1].w} → ${row.words[i].w}`);
    for (const w of row.words) if (w.gap > 2) broken.push(`${w.w} (${w.gap} px)`);
  }
  return { rows: m.rows.length, words, reversed, broken };
}

const { check, checks } = checkRunner();

/** Polls the page until `done(measurement)` or the deadline; returns the last measurement. */
async function measureUntil(page, input, done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let m;
  do {
    m = await page.evaluate(measure, input);
    if (done(m)) break;
    await page.waitForTimeout(250);
  } while (Date.now() < deadline);
  // One more frame, so that nothing is measured half painted.
  await page.waitForTimeout(300);
  return page.evaluate(measure, input);
}

(async () => {
  fs.mkdirSync(results, { recursive: true });
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-rtl-ws-'));
  fs.copyFileSync(path.join(root, 'examples', 'astana-20.txt'), path.join(ws, 'reference.txt'));
  fs.writeFileSync(path.join(ws, 'proclitics.txt'), PROBE);
  // The same article as an .arnews file: the language's grammar must not cut its lines either.
  fs.copyFileSync(path.join(root, 'examples', 'astana-20.txt'), path.join(ws, 'reference.arnews'));
  const files = [
    { name: 'reference', file: 'reference.txt', minMarks: 40 },
    { name: 'reference-arnews', file: 'reference.arnews', minMarks: 40 },
    { name: 'proclitics', file: 'proclitics.txt', minMarks: 30 },
  ];
  const base = { 'editor.fontSize': 16, 'editor.minimap.enabled': false, 'editor.wordWrap': 'on' };
  let cs;
  let ctx;
  let page;
  try {
    for (const f of files) Object.assign(f, mentionsOf(path.join(ws, f.file)));
    cs = await CodeServer.start({ settings: { ...base, 'workbench.colorTheme': 'Light Modern' }, label: 'rtl' });
    lap(`code-server up on port ${cs.port}`);
    ({ ctx, page } = await launchBrowser(cs, { viewport: { width: 1280, height: 900 } }));

    for (const f of files) {
      const input = { sel: EDITOR, lines: f.lines, mentions: f.mentions };
      await page.goto(cs.url(ws, [['openFile', cs.remote(path.join(ws, f.file))], ['extensionDevelopmentPath', cs.remote(root)], ['skipWelcome', 'true']]), { waitUntil: 'domcontentloaded', timeout: 120000 });
      await page.waitForFunction((s) => /[\u0621-\u064A]/.test(document.querySelector(`${s} .view-lines`)?.textContent ?? ''), EDITOR, { timeout: 120000 });
      for (const theme of THEMES) {
        await check(`${f.name} in ${theme.name}: words right to left in text order, each in one piece, a mark of the right colour and style under every mention`, async () => {
          if (!(await page.evaluate((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), theme.cls))) await pickColorTheme(page, theme.label);
          await page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), theme.cls, { timeout: 30000 });
          const want = (m) => ({ style: FORM_BORDER[m.form], color: underline(m.type, theme.kind) });
          const right = (m) => m.mark && m.mark.style === want(m).style && m.mark.color === want(m).color;
          const m = await measureUntil(page, input, (x) => x.marks.length > 0 && x.marks.every(right), 90000);
          await page.screenshot({ path: path.join(results, `rtl-${f.name}-${theme.name}.png`) });
          const j = judge(m);
          const missing = m.marks.filter((x) => !x.mark);
          const wrong = m.marks.filter((x) => x.mark && !right(x));
          const summary = `rows ${j.rows}, words ${j.words}, mentions on screen ${m.marks.length}, overlays ${m.overlays}, styled spans ${m.styledSpans}, reversed ${j.reversed.length}, broken ${j.broken.length}`;
          const problems = [];
          if (!j.rows) problems.push('no rows measured');
          if (j.reversed.length) problems.push(`reversed: ${j.reversed.slice(0, 5).join(', ')}`);
          if (j.broken.length) problems.push(`broken: ${j.broken.slice(0, 5).join(', ')}`);
          if (m.unmapped.length) problems.push(`lines not found on screen: ${m.unmapped.join(', ')}`);
          if (m.marks.length < f.minMarks) problems.push(`only ${m.marks.length} mentions on screen (want ${f.minMarks})`);
          if (missing.length) problems.push(`no mark under ${missing.slice(0, 5).map((x) => x.text).join(', ')}`);
          if (wrong.length) problems.push(`wrong mark: ${wrong.slice(0, 3).map((x) => `${x.text} ${x.type}/${x.form} drawn ${x.mark.style} ${x.mark.color}, want ${want(x).style} ${want(x).color}`).join('; ')}`);
          if (m.styledSpans) problems.push(`${m.styledSpans} Arabic spans styled apart from plain text`);
          if (problems.length) throw new Error(`${summary}: ${problems.join('; ')}`);
          return summary;
        });
      }
    }

    // The same article with the old styling, in a fresh workbench: the check must see it scrambled.
    await ctx.close();
    ctx = undefined;
    await cs.stop();
    cs = undefined;
    const ref = files[0];
    const input = { sel: EDITOR, lines: ref.lines, mentions: ref.mentions };
    cs = await CodeServer.start({
      settings: { ...base, 'workbench.colorTheme': 'Light Modern', 'arabicNewsLens.marks.style': 'semanticTokens', 'editor.semanticHighlighting.enabled': true },
      label: 'rtl-tokens',
    });
    lap(`code-server up on port ${cs.port} with arabicNewsLens.marks.style = semanticTokens`);
    ({ ctx, page } = await launchBrowser(cs, { viewport: { width: 1280, height: 900 } }));
    await page.goto(cs.url(ws, [['openFile', cs.remote(path.join(ws, ref.file))], ['extensionDevelopmentPath', cs.remote(root)], ['skipWelcome', 'true']]), { waitUntil: 'domcontentloaded', timeout: 120000 });
    await page.waitForFunction((s) => /[\u0621-\u064A]/.test(document.querySelector(`${s} .view-lines`)?.textContent ?? ''), EDITOR, { timeout: 120000 });
    await check('with arabicNewsLens.marks.style = semanticTokens the same article is drawn reversed or broken (the check can fail)', async () => {
      const m = await measureUntil(page, input, (x) => x.styledSpans >= ref.minMarks, 90000);
      await page.screenshot({ path: path.join(results, 'rtl-reference-semantic-tokens.png') });
      const j = judge(m);
      const summary = `styled spans ${m.styledSpans}, overlays ${m.overlays}, reversed ${j.reversed.length}, broken ${j.broken.length}; e.g. ${[...j.reversed.slice(0, 2), ...j.broken.slice(0, 2)].join(', ')}`;
      if (m.styledSpans < ref.minMarks) throw new Error(`the semantic tokens did not style the text: ${summary}`);
      if (m.overlays) throw new Error(`overlay marks are drawn too: ${summary}`);
      if (!j.reversed.length && !j.broken.length) throw new Error(`the checker saw nothing wrong: ${summary}`);
      return summary;
    });
  } catch (e) {
    checks.push({ name: 'setup', ok: false });
    console.error(`rtl-order: ${e.stack || e.message}`);
    if (page) await page.screenshot({ path: path.join(results, 'rtl-failure.png') }).catch(() => {});
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    const failed = checks.some((c) => !c.ok);
    if (cs) {
      const keep = failed ? path.join(results, 'rtl-code-server.log') : undefined;
      if (keep) console.log(`--- code-server log (tail) ---\n${cs.logTail(3000)}\n(full log: ${keep})`);
      await cs.stop(keep);
    }
    fs.rmSync(ws, { recursive: true, force: true });
    const passed = checks.filter((c) => c.ok).length;
    console.log(`rtl: ${passed} passed, ${checks.length - passed} failed`);
    process.exit(failed ? 1 : 0);
  }
})();
