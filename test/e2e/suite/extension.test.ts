/**
 * Level 4: the extension in a real VS Code. Requests go through VS Code's own commands
 * (vscode.provideDocumentSemanticTokens, vscode.executeHoverProvider, …) and the marks are read from
 * the overlay decorations the client drew (`api.marks`), so these tests cover the manifest, the
 * client, the protocol and the server together, on the reference article.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArabicNewsLensApi } from '../../../client/src/extension';
import { LEGEND, decodeTokens } from '../../../server/src/common/legend';
import { Commands, MARK_FORMS, MentionsRequest, type MentionsResult } from '../../../server/src/common/protocol';
import { expectedMentions, extension, hoverText, markTexts, waitFor, workspaceFile } from './helpers';

let api: ArabicNewsLensApi;

/**
 * The names and adjectives marked in the editor that shows `doc` (the overlay decorations the client
 * drew for the document's current version): start, end, type, form. Role phrases are left out.
 */
function markedMentions(doc: vscode.TextDocument): string[] {
  const drawn = api.marks(doc.uri);
  if (!drawn || drawn.version !== doc.version) return [];
  return drawn.marks.filter((m) => m.form !== 'title').map((m) => [m.start, m.end, m.type, m.form === 'adjective' ? 'adjective' : 'name'].join('\t'));
}

/** The names and adjectives that the semantic tokens of a document give VS Code (same row format). */
async function tokenMentions(doc: vscode.TextDocument): Promise<string[]> {
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
  if (!tokens) return [];
  return decodeTokens(Array.from(tokens.data))
    .filter((t) => !t.modifiers.includes('title'))
    .map((t) => {
      const start = doc.offsetAt(new vscode.Position(t.line, t.character));
      return [start, start + t.length, t.type, t.modifiers.includes('adjective') ? 'adjective' : 'name'].join('\t');
    });
}

const expectedRows = () => expectedMentions().map((m) => [m.start, m.end, m.type, m.form].join('\t'));

/** Shows the document and waits until its marks equal the expectations (the first analysis may still run). */
async function marksSettled(doc: vscode.TextDocument): Promise<string[]> {
  await vscode.window.showTextDocument(doc, { preview: false });
  return waitFor('the marks of the reference article', () => markedMentions(doc), (rows) => rows.length === expectedRows().length);
}

function position(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in ${doc.uri.fsPath}`);
  return doc.positionAt(at + offsetInNeedle);
}

describe('Arabic News Lens in a real VS Code', function () {
  let arnews: vscode.TextDocument;
  let plain: vscode.TextDocument;

  before(async function () {
    console.log(`editor: ${vscode.env.appName} ${vscode.version} (${vscode.env.remoteName ?? 'local'} extension host, Node ${process.versions.node})`);
    arnews = await vscode.workspace.openTextDocument(workspaceFile('astana-20.arnews'));
    await vscode.window.showTextDocument(arnews);
    api = await extension().activate();
    await api.ready();
  });

  describe('activation', () => {
    it('gives .arnews files the arabic-news language and activates the extension', () => {
      assert.strictEqual(arnews.languageId, 'arabic-news');
      assert.ok(extension().isActive);
      assert.ok(api.isArabicNewsDocument(arnews));
    });

    it('analyses a plain-text file that is mostly Arabic, and not one in English', async () => {
      plain = await vscode.workspace.openTextDocument(workspaceFile('astana-20.txt'));
      const english = await vscode.workspace.openTextDocument(workspaceFile('english-notes.txt'));
      assert.strictEqual(plain.languageId, 'plaintext');
      assert.strictEqual(english.languageId, 'plaintext');
      assert.ok(api.isArabicNewsDocument(plain), 'astana-20.txt is mostly Arabic');
      assert.ok(!api.isArabicNewsDocument(english), 'english-notes.txt is not');
    });

    it('switches a mostly Arabic plain-text document shown in an editor to arabic-news, with word wrap; English stays plain text', async () => {
      const english = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Notes in English about the Astana meeting.\n' });
      await vscode.window.showTextDocument(english);
      const arabic = await vscode.workspace.openTextDocument({ language: 'plaintext', content: arnews.getText() });
      await vscode.window.showTextDocument(arabic);
      const current = (d: vscode.TextDocument) => vscode.workspace.textDocuments.find((x) => x.uri.toString() === d.uri.toString());
      await waitFor('the Arabic document in arabic-news', () => current(arabic)?.languageId, (l) => l === 'arabic-news');
      assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'arabic-news' }).get('wordWrap'), 'on');
      assert.strictEqual(current(english)?.languageId, 'plaintext');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(english);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(arnews);
    });

    it('registers every command the manifest declares', async () => {
      const all = await vscode.commands.getCommands(true);
      const declared = (extension().packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
      for (const c of [...Object.values(Commands), ...declared]) assert.ok(all.includes(c), `${c} is not registered`);
    });
  });

  describe('marks (overlay decorations drawn by the client)', () => {
    it('the semantic tokens keep the legend of server/src/common/legend.ts', async () => {
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', arnews.uri);
      assert.deepStrictEqual(legend.tokenTypes, LEGEND.tokenTypes);
      assert.deepStrictEqual(legend.tokenModifiers, LEGEND.tokenModifiers);
    });

    it('mark exactly the expected names and adjectives of examples/astana-20.txt, and give VS Code no semantic tokens', async () => {
      assert.deepStrictEqual(await marksSettled(arnews), expectedRows());
      assert.deepStrictEqual(await tokenMentions(arnews), [], 'semantic tokens would cut the Arabic lines into isolated pieces');
      const drawn = api.marks(arnews.uri)!;
      const titles = drawn.marks.filter((m) => m.form === 'title');
      assert.ok(titles.length >= 2 && titles.every((m) => m.type === 'person'), `role phrases are drawn as person titles: ${titles.length}`);
    });

    it('mark the same mentions in the plain-text copy', async () => {
      assert.deepStrictEqual(await marksSettled(plain), expectedRows());
      await vscode.window.showTextDocument(arnews);
    });

    it('arabicNewsLens/mentions answers for the ranges asked only', async () => {
      const client = await api.ready();
      const line = position(arnews, 'غير بيدرسون').line;
      const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
      const r = (await client.sendRequest(MentionsRequest, { textDocument: { uri: arnews.uri.toString() }, ranges: [range] })) as MentionsResult;
      const rows: string[] = [];
      for (let i = 0; i < r.data.length; i += 5) {
        if (MARK_FORMS[r.data[i + 4]] === 'title') continue;
        const start = arnews.offsetAt(new vscode.Position(r.data[i], r.data[i + 1]));
        rows.push([start, start + r.data[i + 2], LEGEND.tokenTypes[r.data[i + 3]], MARK_FORMS[r.data[i + 4]] === 'adjective' ? 'adjective' : 'name'].join('\t'));
      }
      const [from, to] = [arnews.offsetAt(new vscode.Position(line, 0)), arnews.offsetAt(new vscode.Position(line + 1, 0))];
      assert.deepStrictEqual(rows, expectedRows().filter((x) => +x.split('\t')[0] >= from && +x.split('\t')[1] <= to));
      assert.ok(rows.length >= 3, rows.join('\n'));
    });

    it('follow an edit of an unsaved document (incremental sync)', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'arabic-news', content: arnews.getText() });
      const editor = await vscode.window.showTextDocument(doc);
      assert.deepStrictEqual(await marksSettled(doc), expectedRows());
      const inserted = 'سطر جديد في البداية\n';
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), inserted));
      const shifted = expectedRows().map((r) => {
        const [s, e, ...rest] = r.split('\t');
        return [+s + inserted.length, +e + inserted.length, ...rest].join('\t');
      });
      const rows = await waitFor('marks after the edit', () => markedMentions(doc), (r) => r.length > 0 && r[0] === shifted[0]);
      assert.deepStrictEqual(rows, shifted);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(arnews);
    });

    it('on a long document, asks for the marks of the visible lines and a margin, and for more after scrolling', async () => {
      // 300 copies of the article, blank lines between them: over 4,000 lines, each copy its own article.
      const copies = 300;
      const doc = await vscode.workspace.openTextDocument({ language: 'arabic-news', content: Array(copies).fill(arnews.getText().trim()).join('\n\n\n') + '\n' });
      const editor = await vscode.window.showTextDocument(doc);
      const perCopy = expectedRows().length;
      const linesOf = (d: { marks: { start: number }[] } | undefined) => (d?.marks ?? []).map((m) => doc.positionAt(m.start).line);
      const first = await waitFor('marks at the top', () => api.marks(doc.uri), (d) => !!d && d.version === doc.version && d.marks.length > 0);
      const top = linesOf(first);
      assert.ok(doc.lineCount > 4000, `${doc.lineCount} lines`);
      assert.ok(Math.max(...top) < 1000, `the marks stay near the visible lines, last at line ${Math.max(...top)}`);
      assert.ok(first!.marks.length < perCopy * copies / 4, `${first!.marks.length} marks, not the whole document's`);
      const target = doc.lineCount - 20;
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
      const after = await waitFor('marks after scrolling to the end', () => api.marks(doc.uri), (d) => linesOf(d).some((l) => l >= target - 5));
      assert.ok(Math.min(...linesOf(after)) > 1000, `the marks moved with the view, first at line ${Math.min(...linesOf(after))}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(arnews);
    });

    it('stop for plain text when arabicNewsLens.plainText.detectArabic is off, and come back', async () => {
      const config = vscode.workspace.getConfiguration('arabicNewsLens');
      // Shown in an editor, the Arabic plain-text copy switched to arabic-news; the analyst sets it back
      // to plain text, which the switcher leaves alone for the session.
      if (plain.languageId !== 'plaintext') plain = await vscode.languages.setTextDocumentLanguage(plain, 'plaintext');
      await vscode.window.showTextDocument(plain);
      await marksSettled(plain);
      await config.update('plainText.detectArabic', false, vscode.ConfigurationTarget.Workspace);
      try {
        assert.strictEqual(plain.languageId, 'plaintext');
        assert.ok(!api.isArabicNewsDocument(plain));
        await waitFor('no marks in the plain-text copy', () => api.marks(plain.uri)?.marks.length, (n) => n === 0);
        assert.deepStrictEqual(await marksSettled(arnews), expectedRows(), 'arabic-news files are still analysed');
      } finally {
        await config.update('plainText.detectArabic', undefined, vscode.ConfigurationTarget.Workspace);
      }
      try {
        assert.deepStrictEqual(await marksSettled(plain), expectedRows());
      } finally {
        await vscode.window.showTextDocument(arnews);
      }
    });

    it('turn a type off through arabicNewsLens.types.country, and on again', async () => {
      const config = vscode.workspace.getConfiguration('arabicNewsLens');
      await config.update('types.country', false, vscode.ConfigurationTarget.Workspace);
      try {
        const rows = await waitFor('marks without countries', () => markedMentions(arnews), (r) => r.length > 0 && !r.some((x) => x.includes('\tcountry\t')));
        assert.deepStrictEqual(rows, expectedRows().filter((r) => !r.includes('\tcountry\t')));
      } finally {
        await config.update('types.country', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await marksSettled(arnews);
    });

    it('arabicNewsLens.marks.style = semanticTokens gives the tokens to VS Code instead of the marks, and back', async () => {
      const config = vscode.workspace.getConfiguration('arabicNewsLens');
      await marksSettled(arnews);
      await config.update('marks.style', 'semanticTokens', vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor('no overlay marks', () => api.marks(arnews.uri)?.marks.length, (n) => n === 0);
        const rows = await waitFor('the semantic tokens', () => tokenMentions(arnews), (r) => r.length === expectedRows().length);
        assert.deepStrictEqual(rows, expectedRows());
      } finally {
        await config.update('marks.style', undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.deepStrictEqual(await marksSettled(arnews), expectedRows());
      assert.deepStrictEqual(await tokenMentions(arnews), []);
    });
  });

  describe('hover, symbols, status and the Entities view', () => {
    it('hover on بيدرسون in «غير بيدرسون» names Geir Pedersen', async () => {
      const at = position(arnews, 'غير بيدرسون', 'غير '.length + 2);
      const text = await waitFor('a hover card', async () =>
        hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', arnews.uri, at)),
      );
      assert.match(text, /Geir Pedersen/);
    });

    it('no hover on «غير» in «العمليات غير الشرعية»', async () => {
      const at = position(arnews, 'غير الشرعية', 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', arnews.uri, at);
      assert.doesNotMatch(hoverText(hovers), /Pedersen/);
    });

    it('document symbols give the outline of the article', async () => {
      const symbols = await waitFor('document symbols', () =>
        vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', arnews.uri), (s) => !!s?.length);
      assert.strictEqual(symbols.length, 1, 'one article');
      const names: string[] = [];
      const walk = (s: vscode.DocumentSymbol) => {
        names.push(s.name);
        s.children.forEach(walk);
      };
      symbols.forEach(walk);
      assert.ok(symbols[0].children.length > 0, `the article has children: ${names.join(' | ')}`);
      console.log(`      outline: ${names.slice(0, 12).join(' | ')}`);
    });

    it('the status notification reaches the client with the counts per type', async () => {
      const status = await waitFor('an analysed status', () => api.status(arnews.uri), (s) => s?.state === 'analysed');
      const expected = expectedMentions();
      for (const t of ['person', 'country', 'location', 'organization'] as const) {
        assert.ok(status!.counts[t] >= expected.filter((m) => m.type === t).length, `${t}: ${status!.counts[t]}`);
      }
    });

    it('the Entities view lists the article’s entities grouped by type', async () => {
      await vscode.window.showTextDocument(arnews);
      await vscode.commands.executeCommand('arabicNewsLens.showEntities');
      const summary = await waitFor('the Entities view', async () => {
        await api.refreshEntities();
        return api.entities();
      }, (s) => !!s && s.uri === arnews.uri.toString() && s.entities.length > 0);
      const ids = summary!.entities.map((e) => e.id);
      for (const id of new Set(expectedMentions().map((m) => m.id))) assert.ok(ids.includes(id), `${id} is listed`);
      const pedersen = summary!.entities.find((e) => e.id === 'person:geir-pedersen')!;
      const named = expectedMentions().filter((m) => m.id === pedersen.id).length;
      // Three names, plus the role phrase the article gives him (الممثل الخاص للأمين العام …).
      assert.ok(pedersen.mentions >= named, `${pedersen.mentions} mentions`);
      assert.strictEqual(pedersen.ranges.length, pedersen.mentions);
      assert.strictEqual(pedersen.nameEn, 'Geir Pedersen');
    });
  });

  describe('commands', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-export-'));

    it('Export as JSON writes the entities and the outline', async () => {
      await vscode.window.showTextDocument(arnews);
      const target = vscode.Uri.file(path.join(out, 'astana.json'));
      const r = await vscode.commands.executeCommand<{ mentions: number } | undefined>(Commands.exportJson, { target, wholeDocument: true });
      assert.ok(r && r.mentions >= expectedMentions().length, JSON.stringify(r));
      const json = JSON.parse(fs.readFileSync(target.fsPath, 'utf8'));
      const text = JSON.stringify(json);
      assert.match(text, /person:geir-pedersen/);
      assert.match(text, /org:astana-format/);
      assert.ok(Array.isArray(json.entities ?? json.documents?.[0]?.entities), `entities in ${Object.keys(json).join(', ')}`);
    });

    it('Export as CSV writes one row per mention', async () => {
      const target = vscode.Uri.file(path.join(out, 'astana.csv'));
      const r = await vscode.commands.executeCommand<{ mentions: number } | undefined>(Commands.exportCsv, { uri: arnews.uri, target, wholeDocument: true });
      const lines = fs.readFileSync(target.fsPath, 'utf8').replace(/^\ufeff/, '').split(/\r\n/).filter(Boolean);
      assert.match(lines[0], /^start,end,/);
      assert.strictEqual(lines.length - 1, r!.mentions);
      assert.ok(lines.some((l) => l.includes('person:geir-pedersen') && l.includes('بيدرسون')));
    });

    it('Export Events as CSV writes one row per meeting and statement', async () => {
      const target = vscode.Uri.file(path.join(out, 'astana.events.csv'));
      await vscode.commands.executeCommand(Commands.exportEventsCsv, { uri: arnews.uri, target, wholeDocument: true });
      const lines = fs.readFileSync(target.fsPath, 'utf8').replace(/^\ufeff/, '').split(/\r\n/).filter(Boolean);
      assert.strictEqual(lines[0], 'article,date,date source,kind,code,source actors,source actors (en),target actors,target actors (en),place,place (en),sentence,source ids,target ids');
      assert.strictEqual(lines.length - 1, 14, 'three meetings and eleven statements');
    });

    it('Reload Knowledge Packs reports the packs and keeps the markup', async () => {
      const r = await vscode.commands.executeCommand<{ packs: number; entities: number; packsWithErrors: number }>(Commands.reloadPacks);
      assert.ok(r.packs > 0 && r.entities > 0, JSON.stringify(r));
      assert.strictEqual(r.packsWithErrors, 0);
      assert.deepStrictEqual(await marksSettled(arnews), expectedRows());
    });

    it('Toggle Markup turns the underlines off and on again', async () => {
      const off = await vscode.commands.executeCommand<{ enabled: boolean }>(Commands.toggle);
      assert.strictEqual(off.enabled, false);
      await waitFor('no marks while the markup is off', () => api.marks(arnews.uri)?.marks.length, (n) => n === 0);
      const on = await vscode.commands.executeCommand<{ enabled: boolean }>(Commands.toggle);
      assert.strictEqual(on.enabled, true);
      assert.deepStrictEqual(await marksSettled(arnews), expectedRows());
    });
  });

  describe('a crashed server', () => {
    async function crashAndRecover(crashesBefore: number) {
      const pid = api.serverPid();
      assert.ok(pid, 'the server runs in its own process');
      process.kill(pid!, 'SIGKILL');
      await waitFor('the crash to be noticed', () => api.crashCount(), (n) => n === crashesBefore + 1);
      await waitFor('a new server process', () => api.serverPid(), (p) => !!p && p !== pid);
      const at = position(arnews, 'غير بيدرسون', 'غير '.length + 2);
      const text = await waitFor('a hover from the restarted server', async () =>
        hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', arnews.uri, at)),
        (t) => /Geir Pedersen/.test(t));
      assert.match(text, /Geir Pedersen/);
    }

    it('is restarted, and the analyst is told', async () => {
      await crashAndRecover(0);
      assert.strictEqual(api.crashNotices(), 1);
    });

    it('a second crash is restarted too, without a second message', async () => {
      await crashAndRecover(1);
      assert.strictEqual(api.crashNotices(), 1);
      assert.deepStrictEqual(await marksSettled(arnews), expectedRows());
    });
  });

  describe('workspace packs', () => {
    it('a trusted workspace loads its own packs (.arabic-news/*.json)', async () => {
      assert.ok(vscode.workspace.isTrusted);
      const doc = await vscode.workspace.openTextDocument(workspaceFile('workspace-pack.arnews'));
      await vscode.window.showTextDocument(doc);
      const rows = await waitFor('marks of workspace-pack.arnews', () => markTexts(api, doc), (r) => r.length >= 2);
      assert.deepStrictEqual(rows, ['واحة السراب\tlocation', 'سوريا\tcountry']);
    });

    it('.arabic-news/*.json is validated against knowledge/pack.schema.json (jsonValidation)', async () => {
      const file = workspaceFile('.arabic-news/broken.json');
      await vscode.workspace.fs.writeFile(file, Buffer.from('{ "pack": { "id": 42 }, "entities": "none" }\n', 'utf8'));
      try {
        const doc = await vscode.workspace.openTextDocument(file);
        await vscode.window.showTextDocument(doc);
        assert.strictEqual(doc.languageId, 'json');
        const problems = await waitFor('schema diagnostics from the JSON language service', () =>
          vscode.languages.getDiagnostics(file).filter((d) => d.source !== 'arabic-news-lens' && /json/i.test(String(d.source ?? 'json'))),
          (d) => d.length > 0);
        console.log(`      ${problems.length} schema problems, e.g. ${problems[0].message}`);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(file);
      }
    });
  });
});
