/**
 * The real server (dist/server.js --stdio) against what a scraped workspace holds, filling the gaps
 * of test/protocol/robustness.test.ts and workspace.test.ts: a document above the size limit at its
 * real size, a 500 MB article on disk (sparse) that workspace requests must skip without reading,
 * packs deleted, emptied, broken or nested deep on disk while the server runs, and a hostile pack
 * whose hover and inlay hints go over the wire as inert text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { StatusNotification } from '../../server/src/common/protocol';
import { LineIndex } from '../../server/src/lsp/positions';
import { startServer, until, type Started } from '../protocol/helpers/lsp-client';
import { EXAMPLE, FULL, MINI_PACK, oneLine, rssOf, tempDir } from './helpers';

const uriOf = (file: string) => pathToFileURL(file).href;

async function tokenCount(s: Started, uri: string): Promise<number> {
  const r = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  return r.data.length / 5;
}

function positionOf(text: string, needle: string, delta = 1) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return new LineIndex(text).position(at + delta);
}

describe('reliability: the server against big files and packs that change under it', function () {
  this.timeout(FULL ? 0 : 240000);
  let tmp: ReturnType<typeof tempDir>;
  let s: Started;
  let packsDir: string;
  const places = () => path.join(packsDir, 'places.json');
  const placesPack = (extra: object[] = []) =>
    JSON.stringify({ pack: { id: 'workspace.places' }, entities: [{ id: 'location:damascus', type: 'location', name: { ar: 'دمشق', en: 'Damascus' } }, ...extra] }, null, 2) + '\n';
  const article = 'وصل بيدرسون إلى دمشق قادما من حلب.';
  const articleUri = () => uriOf(path.join(tmp.dir, 'news', 'visit.arnews'));
  const watched = async (file: string, type: 1 | 2 | 3) => {
    await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });
    // The server handles messages in order: a request after the notification sees its effect.
    await s.conn.sendRequest('workspace/symbol', { query: 'zzz-none' });
  };
  const damascusMarked = async () => {
    const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: articleUri() }, position: positionOf(article, 'دمشق') })) as { contents: { value: string } } | null;
    return !!h && /Damascus/.test(h.contents.value);
  };

  before(async () => {
    tmp = tempDir();
    packsDir = path.join(tmp.dir, '.arabic-news');
    fs.mkdirSync(packsDir);
    fs.mkdirSync(path.join(tmp.dir, 'news'));
    fs.writeFileSync(places(), placesPack());
    fs.writeFileSync(path.join(tmp.dir, 'news', 'visit.arnews'), article);
    s = await startServer({ workspaceFolder: tmp.dir, settings: { packs: { paths: [MINI_PACK] } } });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: articleUri(), languageId: 'arabic-news', version: 1, text: article } });
    assert.ok(await damascusMarked(), 'the workspace pack is loaded');
  });
  after(async () => {
    if (s && s.child.exitCode === null) assert.strictEqual(await s.stop(), 0);
    tmp.remove();
  });

  it(`a ${FULL ? '50' : '22'} MB document above the default 20 MB limit: skipped, the message names the setting and the limit`, async () => {
    const uri = uriOf(path.join(tmp.dir, 'news', 'dump.arnews'));
    // CI sends just over the limit; npm run soak sends the 50 MB (UTF-16 size, as the setting counts).
    const chars = ((FULL ? 50 : 22) * 1024 * 1024) / 2;
    const text = EXAMPLE.repeat(Math.ceil(chars / EXAMPLE.length)).slice(0, chars);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const status = await s.waitFor(StatusNotification, (p) => p.uri === uri, 60000);
    assert.strictEqual(status.state, 'skipped');
    assert.match(status.message, /arabicNewsLens\.performance\.maxFileSizeMB \(20 MB\)/);
    assert.match(status.message, new RegExp(`\\(${FULL ? '50' : '22'}\\.0 MB\\)`));
    const shown = await s.waitFor('window/showMessage', (p) => /maxFileSizeMB/.test(p.message));
    assert.strictEqual(shown.type, 2);
    assert.strictEqual(await tokenCount(s, uri), 0);
    // An edit to the skipped document is skipped again, and the warning is not repeated.
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'سوريا ' }] });
    assert.strictEqual(await tokenCount(s, uri), 0);
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.strictEqual(s.notifications.filter((n) => n.method === 'window/showMessage' && /maxFileSizeMB/.test(n.params.message)).length, 1);
  });

  it('a 500 MB article on disk (sparse) is skipped by references and workspace symbols without being read', async () => {
    const big = path.join(tmp.dir, 'news', 'dump-500mb.arnews');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 500 * 1024 * 1024);
    fs.closeSync(fd);
    try {
      const before = rssOf(s.child.pid!) ?? 0;
      const t0 = performance.now();
      const symbols = (await s.conn.sendRequest('workspace/symbol', { query: 'دمشق' })) as { location: { uri: string } }[];
      const refs = (await s.conn.sendRequest('textDocument/references', { textDocument: { uri: articleUri() }, position: positionOf(article, 'دمشق'), context: { includeDeclaration: true } })) as { uri: string }[];
      const ms = performance.now() - t0;
      assert.ok(symbols.some((x) => x.location.uri === articleUri()));
      assert.ok(refs.length >= 1 && refs.every((r) => !r.uri.endsWith('dump-500mb.arnews')));
      assert.ok(ms < 10000, `${Math.round(ms)} ms`);
      const after = rssOf(s.child.pid!) ?? 0;
      assert.ok(after - before < 200 * 1024 * 1024, `rss grew by ${Math.round((after - before) / 1048576)} MB`);
    } finally {
      fs.rmSync(big, { force: true });
    }
  });

  it('a pack broken on disk (not open in the editor): diagnostic at its line and column, last good version kept', async () => {
    const broken = placesPack().replace('"type": "location",', '"type": "location"');
    fs.writeFileSync(places(), broken);
    await watched(places(), 2);
    const d = await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uriOf(places()) && p.diagnostics.length > 0);
    const expected = new LineIndex(broken).position(broken.indexOf('"name"'));
    assert.strictEqual(d.diagnostics[0].range.start.line, expected.line);
    assert.match(d.diagnostics[0].message, /last valid version/);
    assert.ok(await damascusMarked(), 'still marked from the last good version');
  });

  it('a pack emptied on disk (a failed save): one clear diagnostic, last good version kept', async () => {
    fs.writeFileSync(places(), '');
    await watched(places(), 2);
    const d = await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uriOf(places()) && p.diagnostics.some((x: { message: string }) => /empty/.test(x.message)));
    assert.strictEqual(d.diagnostics.length, 1);
    assert.ok(await damascusMarked());
  });

  it('a pack nested 100,000 deep: a diagnostic, no stack overflow, the server still answers', async () => {
    fs.writeFileSync(places(), '['.repeat(100000));
    await watched(places(), 2);
    const d = await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uriOf(places()) && p.diagnostics.some((x: { message: string }) => /nested deeper/.test(x.message)));
    assert.strictEqual(d.diagnostics.length, 1);
    assert.ok(await damascusMarked());
    assert.doesNotMatch(s.stderr(), /Maximum call stack/);
  });

  it('a pack fixed on disk with a new entity: diagnostics cleared, the new entity marked', async () => {
    fs.writeFileSync(places(), placesPack([{ id: 'location:aleppo', type: 'location', name: { ar: 'حلب', en: 'Aleppo' } }]));
    await watched(places(), 2);
    await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uriOf(places()) && p.diagnostics.length === 0);
    const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: articleUri() }, position: positionOf(article, 'حلب') })) as { contents: { value: string } } | null;
    assert.match(h?.contents.value ?? '', /Aleppo/);
  });

  it('a pack deleted while in use: its entities leave (decision: deleting is intended), no stale diagnostics, no crash', async () => {
    fs.rmSync(places());
    await watched(places(), 3);
    assert.strictEqual(await until(() => damascusMarked(), (v) => v === false), false);
    const last = [...s.notifications].reverse().find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uriOf(places()));
    assert.ok(!last || last.params.diagnostics.length === 0, 'no diagnostics left on a deleted file');
    // Written again (an editor that saves by delete and re-create): back.
    fs.writeFileSync(places(), placesPack());
    await watched(places(), 1);
    assert.strictEqual(await until(() => damascusMarked(), (v) => v === true), true);
    assert.strictEqual(s.child.exitCode, null);
  });

  it('a hostile workspace pack: hover and inlay hints arrive over the wire as inert text', async () => {
    const evil = '<img src=x onerror=alert(1)>[run](command:workbench.action.terminal.new) [x](javascript:alert(1)) **b** \u202Eabc';
    const hostile = path.join(packsDir, 'zz-hostile.json');
    fs.writeFileSync(
      hostile,
      JSON.stringify({
        pack: { id: 'workspace.hostile' },
        entities: [{ id: 'location:evil', type: 'location', name: { ar: 'شريرستان', en: `Evil ${evil}` }, kind: evil, note: 'x'.repeat(100000) }],
      }),
    );
    await watched(hostile, 1);
    const uri = uriOf(path.join(tmp.dir, 'news', 'evil.arnews'));
    const text = 'زار الوفد شريرستان أمس.';
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { arabicNewsLens: { packs: { paths: [MINI_PACK] }, inlayHints: { englishNames: true } } } });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const h = (await until(
      () => s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'شريرستان') }) as Promise<{ contents: { kind: string; value: string } } | null>,
      (v) => !!v,
    ))!;
    const md = h.contents.value;
    assert.strictEqual(h.contents.kind, 'markdown');
    assert.doesNotMatch(md, /(^|[^\\])[<>]/, 'no raw HTML');
    assert.doesNotMatch(md, /\]\((command|javascript):/i, 'no command: or javascript: link');
    assert.doesNotMatch(md, /(command|javascript)(?!\\):/, 'no autolink');
    assert.doesNotMatch(md, /(^|[^\\])\*\*b/, 'no markup from the pack');
    // The card's own isolates (FSI or LRI … PDI around pack text or a date) are allowed; nothing from the pack is.
    assert.doesNotMatch(md, /[\u202A-\u202E]/, 'no bidi override');
    assert.doesNotMatch(md.replace(/[\u2066\u2068][^\u202A-\u202E\u2066-\u2069\n]*\u2069/g, ''), /[\u2066-\u2069]/, 'no stray isolate');
    assert.match(md, /Evil \\<img src\\=x onerror\\=alert\\\(1\\\)\\>\\\[run\\\]\\\(command\\:workbench\\\.action\\\.terminal\\\.new\\\)/);
    assert.ok(md.length < 5000, `the 100,000-character note does not reach the card (${md.length})`);
    const hints = (await until(
      () => s.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }) as Promise<{ label: string }[]>,
      (v) => v.length > 0,
    ))!;
    assert.ok(hints.every((x) => !/[\u202A-\u202E\u2066-\u2069\n]/.test(x.label)), JSON.stringify(hints));
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    fs.rmSync(hostile);
    await watched(hostile, 3);
  });

  it(`one ${FULL ? 5 : 1} MB line over the protocol: tokens come back, each inside the line`, async () => {
    const uri = uriOf(path.join(tmp.dir, 'news', 'one-line.arnews'));
    const text = oneLine((FULL ? 5 : 1) * 1024 * 1024);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const r = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    assert.ok(r.data.length > 0);
    let line = 0;
    let char = 0;
    for (let i = 0; i < r.data.length; i += 5) {
      line += r.data[i];
      char = r.data[i] ? r.data[i + 1] : char + r.data[i + 1];
      assert.strictEqual(line, 0);
      assert.ok(char + r.data[i + 2] <= text.length);
    }
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});
