/**
 * Level 2: the real server in a temporary workspace: pack diagnostics at line and column, the last
 * good version of a pack kept while it is broken, reload on change, code actions that edit
 * `.arabic-news/workspace.json`, references and workspace symbols across the workspace's articles,
 * folding per article, inlay hints, and the size limit.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { decodeTokens } from '../../server/src/common/legend';
import { ReloadPacksRequest, StatusNotification } from '../../server/src/common/protocol';
import { parsePack } from '../../server/src/knowledge/validate';
import { LineIndex } from '../../server/src/lsp/positions';
import { MINI_PACK, REPO, startServer, until, type Started } from './helpers/lsp-client';

const ARTICLE_TEXT = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');

function pos(text: string, needle: string, delta = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return new LineIndex(text).position(at + delta);
}

async function tokenCount(s: Started, uri: string): Promise<number> {
  const r = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  return decodeTokens(r.data).length;
}

describe('language server in a workspace (protocol)', function () {
  this.timeout(30000);
  let dir: string;
  let s: Started;
  const uriOf = (p: string) => pathToFileURL(path.join(dir, p)).href;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'anl-ws-')));
    fs.mkdirSync(path.join(dir, '.arabic-news'));
    fs.mkdirSync(path.join(dir, 'news'));
    fs.writeFileSync(path.join(dir, 'news', 'astana.arnews'), ARTICLE_TEXT);
    // Two articles separated by a rule line: folding per article.
    fs.writeFileSync(path.join(dir, 'news', 'two.ar.txt'), 'زار بيدرسون دمشق.\nوقال غير بيدرسون إن سوريا بحاجة إلى حل.\n---\nوصل وفد إيران إلى أستانا.\nوأكدت إيران دعمها.\n');
    // A pack with one entity the test pack lacks (دمشق), and a broken one.
    fs.writeFileSync(
      path.join(dir, '.arabic-news', 'places.json'),
      JSON.stringify({ pack: { id: 'workspace.places' }, entities: [{ id: 'location:damascus', type: 'location', name: { ar: 'دمشق', en: 'Damascus' } }] }, null, 2) + '\n',
    );
    fs.writeFileSync(path.join(dir, '.arabic-news', 'broken.json'), '{\n  "pack": { "id": "workspace.broken" },\n  "entities": [\n    { "id": "person:x", "type": "person" }\n  ]\n}\n');
    s = await startServer({ workspaceFolder: dir, settings: { packs: { paths: [MINI_PACK] } } });
  });
  after(async () => {
    if (s && s.child.exitCode === null) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for a broken workspace pack at line and column', async () => {
    const uri = uriOf('.arabic-news/broken.json');
    const d = await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    const missing = d.diagnostics.find((x: any) => /name/.test(x.message));
    assert.ok(missing, JSON.stringify(d.diagnostics));
    assert.strictEqual(missing.severity, 1);
    assert.strictEqual(missing.range.start.line, 3, 'on the entity that lacks its name');
    assert.ok(!s.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uriOf('.arabic-news/places.json') && n.params.diagnostics.length));
  });

  it('uses the workspace pack: دمشق is a place; definition goes to its entry in the pack', async () => {
    const uri = uriOf('news/two.ar.txt');
    const text = fs.readFileSync(path.join(dir, 'news', 'two.ar.txt'), 'utf8');
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(text, 'دمشق', 1) })) as any;
    assert.match(hover.contents.value, /Damascus/);
    assert.match(hover.contents.value, /\*place\*/);
    const def = (await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(text, 'دمشق', 1) })) as any;
    assert.strictEqual(def.uri, uriOf('.arabic-news/places.json'));
    const packText = fs.readFileSync(path.join(dir, '.arabic-news', 'places.json'), 'utf8');
    assert.deepStrictEqual(def.range.start, pos(packText, '"location:damascus"'));
  });

  it('folds per article in a file with several articles', async () => {
    const folds = (await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: uriOf('news/two.ar.txt') } })) as any[];
    // The rule line (2) separates the articles; the last article runs to the end of the file.
    assert.deepStrictEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 1], [3, 5]]);
  });

  it('finds references in this article and in the workspace’s other articles', async () => {
    const uri = uriOf('news/two.ar.txt');
    const text = fs.readFileSync(path.join(dir, 'news', 'two.ar.txt'), 'utf8');
    const refs = (await s.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: pos(text, 'بيدرسون', 2), context: { includeDeclaration: true } })) as any[];
    const byUri = new Map<string, number>();
    for (const r of refs) byUri.set(r.uri, (byUri.get(r.uri) ?? 0) + 1);
    assert.strictEqual(refs[0].uri, uri, 'this document first');
    assert.strictEqual(byUri.get(uri), 2);
    assert.ok((byUri.get(uriOf('news/astana.arnews')) ?? 0) >= 3, JSON.stringify([...byUri]));
  });

  it('lists workspace symbols across articles, filtered by query in Arabic or English', async () => {
    const all = (await s.conn.sendRequest('workspace/symbol', { query: 'Pedersen' })) as any[];
    assert.deepStrictEqual(new Set(all.map((x) => x.location.uri)), new Set([uriOf('news/two.ar.txt'), uriOf('news/astana.arnews')]));
    assert.ok(all.every((x) => /Geir Pedersen/.test(x.name)));
    const ar = (await s.conn.sendRequest('workspace/symbol', { query: 'خاجي' })) as any[];
    assert.ok(ar.some((x) => /Ali Asghar Khaji/.test(x.name) && x.location.uri === uriOf('news/astana.arnews')));
  });

  it('keeps the last good version of a pack while it is broken, and reloads it when fixed', async () => {
    const uri = uriOf('.arabic-news/places.json');
    const good = fs.readFileSync(path.join(dir, '.arabic-news', 'places.json'), 'utf8');
    const article = uriOf('news/two.ar.txt');
    const text = fs.readFileSync(path.join(dir, 'news', 'two.ar.txt'), 'utf8');
    const damascusMarked = async () => {
      const h = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: article }, position: pos(text, 'دمشق', 1) })) as any;
      return !!h && /Damascus/.test(h.contents.value);
    };
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: good } });
    // Break it: a syntax error.
    const broken = good.trimEnd().slice(0, -1); // The last closing brace is gone.
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    const d = await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    assert.match(d.diagnostics[0].message, /JSON/);
    assert.match(d.diagnostics[0].message, /last valid version/);
    assert.ok(await damascusMarked(), 'the last good version stays loaded');
    // Fix it with a second place: the diagnostics clear and the new place is marked.
    const fixed = JSON.stringify(
      { pack: { id: 'workspace.places' }, entities: [{ id: 'location:damascus', type: 'location', name: { ar: 'دمشق', en: 'Damascus' } }, { id: 'location:aleppo', type: 'location', name: { ar: 'حلب', en: 'Aleppo' } }] },
      null,
      2,
    );
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
    await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    const doc2 = uriOf('news/aleppo.arnews');
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: doc2, languageId: 'arabic-news', version: 1, text: 'وصل الوفد إلى حلب.' } });
    assert.strictEqual(await until(() => tokenCount(s, doc2), (n) => n === 1), 1);
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: doc2 } });
    // Closing the pack without saving goes back to the text on disk (Damascus only).
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: doc2, languageId: 'arabic-news', version: 1, text: 'وصل الوفد إلى حلب.' } });
    assert.strictEqual(await until(() => tokenCount(s, doc2), (n) => n === 0), 0);
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: doc2 } });
  });

  it('reloads packs changed on disk (watched files and the reloadPacks request)', async () => {
    assert.ok(s.serverRequests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('.arabic-news/*.json')));
    fs.writeFileSync(path.join(dir, '.arabic-news', 'broken.json'), JSON.stringify({ pack: { id: 'workspace.broken' }, entities: [{ id: 'location:homs', type: 'location', name: { ar: 'حمص' } }] }));
    await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.arabic-news/broken.json'), type: 2 }] });
    await s.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uriOf('.arabic-news/broken.json') && p.diagnostics.length === 0);
    const r = (await s.conn.sendRequest(ReloadPacksRequest, {})) as any;
    assert.strictEqual(r.packs, 3);
    assert.strictEqual(r.packsWithErrors, 0);
  });

  it('offers code actions that add a selection to .arabic-news/workspace.json or hide an alias', async () => {
    const uri = uriOf('news/two.ar.txt');
    const text = fs.readFileSync(path.join(dir, 'news', 'two.ar.txt'), 'utf8');
    const at = text.indexOf('وفد');
    const range = new LineIndex(text).range(at, at + 3);
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })) as any[];
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(titles, ['Add “وفد” to the workspace pack as person', 'Add “وفد” to the workspace pack as organization', 'Add “وفد” to the workspace pack as place']);
    // workspace.json does not exist yet: the edit creates it.
    const ops = actions[1].edit.documentChanges;
    assert.deepStrictEqual(ops[0], { kind: 'create', uri: uriOf('.arabic-news/workspace.json'), options: { ignoreIfExists: true } });
    const created = ops[1].edits[0].newText as string;
    const parsed = parsePack(created);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.pack!.entities, [{ id: 'org:ws-wfd', type: 'organization', name: { ar: 'وفد' } }]);
    // On a known mention: «Never mark».
    const iran = text.indexOf('إيران');
    const onMention = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: new LineIndex(text).range(iran + 1, iran + 1), context: { diagnostics: [] } })) as any[];
    assert.deepStrictEqual(onMention.map((a) => a.title), ['Never mark “إيران”']);
    // Once the file exists, the edit replaces its text, keeping what was there.
    fs.writeFileSync(path.join(dir, '.arabic-news', 'workspace.json'), created);
    const again = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: new LineIndex(text).range(iran + 1, iran + 1), context: { diagnostics: [] } })) as any[];
    const edit = again[0].edit.changes[uriOf('.arabic-news/workspace.json')][0];
    assert.deepStrictEqual(edit.range.start, { line: 0, character: 0 });
    const hidden = parsePack(edit.newText);
    assert.deepStrictEqual(hidden.problems, []);
    assert.deepStrictEqual(hidden.pack!.hide, [{ alias: 'إيران' }]);
    assert.strictEqual(hidden.pack!.entities!.length, 1);
  });

  it('shows English names as inlay hints after first mentions when the setting is on', async () => {
    const uri = uriOf('news/two.ar.txt');
    const text = fs.readFileSync(path.join(dir, 'news', 'two.ar.txt'), 'utf8');
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { arabicNewsLens: { packs: { paths: [MINI_PACK] }, inlayHints: { englishNames: true } } } });
    const range = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    // The client answers workspace/configuration with the section without inlay hints; push wins here.
    const hints = await until(
      async () => (await s.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range })) as any[],
      (h) => h.length > 0,
    );
    const labels = hints.map((h) => h.label);
    assert.ok(labels.includes('(Geir Pedersen)') && labels.includes('(Iran)') && labels.includes('(Damascus)'), labels.join(' '));
    assert.strictEqual(labels.filter((l) => l === '(Iran)').length, 1, 'one hint per entity and article');
    const p = hints.find((h) => h.label === '(Geir Pedersen)');
    assert.deepStrictEqual(p.position, pos(text, 'بيدرسون', 'بيدرسون'.length));
  });

  it('skips a file above performance.maxFileSizeMB with a message naming the setting', async () => {
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { arabicNewsLens: { packs: { paths: [MINI_PACK] }, performance: { maxFileSizeMB: 0.1 } } } });
    const uri = uriOf('news/big.arnews');
    const big = 'زار بيدرسون دمشق. '.repeat(4000); // 72,000 code units = 0.14 MB
    // Give the configuration a moment to apply: the server answers requests in order.
    await s.conn.sendRequest('workspace/symbol', { query: 'zzz' });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text: big } });
    const status = await s.waitFor(StatusNotification, (p) => p.uri === uri);
    assert.strictEqual(status.state, 'skipped');
    assert.match(status.message, /arabicNewsLens\.performance\.maxFileSizeMB/);
    const shown = await s.waitFor('window/showMessage', (p) => /maxFileSizeMB/.test(p.message));
    assert.strictEqual(shown.type, 2 /* Warning */);
    assert.strictEqual(await tokenCount(s, uri), 0);
    assert.strictEqual(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } }), null);
  });

  it('leaves a plain-text file that is not mostly Arabic unanalysed, saying which setting decides', async () => {
    const uri = uriOf('notes.txt');
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'Notes on the Astana talks: Pedersen met Khaji (خاجي).' } });
    const status = await s.waitFor(StatusNotification, (p) => p.uri === uri);
    assert.strictEqual(status.state, 'skipped');
    assert.match(status.message, /arabicNewsLens\.plainText\.arabicRatio/);
    assert.strictEqual(await tokenCount(s, uri), 0);
  });

  it('loads no workspace pack when the client says the workspace is untrusted (workspacePacks: false)', async () => {
    const untrusted = await startServer({ workspaceFolder: dir, settings: { packs: { paths: [MINI_PACK] } }, initializationOptions: { workspacePacks: false } });
    try {
      const uri = uriOf('news/two.ar.txt');
      const text = fs.readFileSync(path.join(dir, 'news', 'two.ar.txt'), 'utf8');
      await untrusted.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text } });
      assert.strictEqual(await tokenCount(untrusted, uri), 0, 'neither the workspace pack nor packs.paths is read');
      const r = (await untrusted.conn.sendRequest(ReloadPacksRequest, {})) as any;
      assert.strictEqual(r.packs, 0);
      assert.ok(!untrusted.notifications.some((n) => n.method === 'textDocument/publishDiagnostics'));
    } finally {
      assert.strictEqual(await untrusted.stop(), 0);
    }
  });
});
