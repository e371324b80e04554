/**
 * Level 2: the real bundled server (`dist/server.js --stdio`) driven over JSON-RPC. The reference
 * article with the test pack: semantic tokens decoded back to mentions equal the repository's
 * expectations and the hand-made gold; hover, outline, edits, delta, navigation, custom requests;
 * and a clean shutdown.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyTokenEdits, decodeTokens, LEGEND } from '../../server/src/common/legend';
import { ArticleSummaryRequest, ExportRequest, MARK_FORMS, MentionsRequest, StatusNotification, ToggleRequest, type MentionsResult } from '../../server/src/common/protocol';
import { LineIndex } from '../../server/src/lsp/positions';
import { readExpectedMentions } from '../fixtures/expected-mentions';
import { MINI_PACK, REPO, startServer, type Started } from './helpers/lsp-client';

const ARTICLE = path.join(REPO, 'examples', 'astana-20.txt');
const EXPECTED = path.join(REPO, 'test', 'fixtures', 'astana-20.expected.tsv');
const GOLD = path.join(REPO, '..', 'shared', 'fixtures', 'astana-20.gold.json');
const TEXT = fs.readFileSync(ARTICLE, 'utf8');
const URI = pathToFileURL(ARTICLE).href;

interface Span {
  start: number;
  end: number;
  type: string;
  adjective: boolean;
}

/**
 * Decodes semantic tokens back to offsets in `text` (tokens never cross lines in this article).
 * Role phrases (the `title` modifier) are left out: the expectations and the gold hold names and
 * adjectives only.
 */
function tokensToSpans(data: number[], text: string): Span[] {
  const lines = new LineIndex(text);
  return decodeTokens(data)
    .filter((t) => !t.modifiers.includes('title'))
    .map((t) => {
      const start = lines.offset({ line: t.line, character: t.character });
      return { start, end: start + t.length, type: t.type, adjective: t.modifiers.includes('adjective') };
    });
}

function countsOf(spans: { type: string }[]): Record<string, number> {
  const c: Record<string, number> = { person: 0, country: 0, location: 0, organization: 0 };
  for (const x of spans) c[x.type]++;
  return c;
}

function expectedSpans(): Span[] {
  return readExpectedMentions(EXPECTED).map(({ start, end, type, form }) => ({ start, end, type, adjective: form === 'adjective' }));
}

async function tokens(s: Started, uri = URI): Promise<{ resultId?: string; data: number[] }> {
  return (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { resultId?: string; data: number[] };
}

function positionOf(text: string, needle: string, nth = 0, delta = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  return new LineIndex(text).position(at + delta);
}

describe('language server over stdio (protocol)', function () {
  this.timeout(30000);
  let s: Started;

  before(async () => {
    s = await startServer();
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'arabic-news', version: 1, text: TEXT } });
  });
  after(async () => {
    if (s && s.child.exitCode === null) await s.stop();
  });

  it('announces the legend, UTF-16 positions and the features', () => {
    const caps = s.init.capabilities;
    assert.deepStrictEqual(caps.semanticTokensProvider?.legend, LEGEND);
    assert.strictEqual(caps.positionEncoding, 'utf-16');
    assert.deepStrictEqual((caps.semanticTokensProvider as { full: unknown }).full, { delta: true });
    for (const f of ['hoverProvider', 'documentSymbolProvider', 'documentHighlightProvider', 'referencesProvider', 'definitionProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'inlayHintProvider', 'codeActionProvider'] as const) {
      assert.ok(caps[f], f);
    }
    assert.strictEqual(s.init.serverInfo?.name, 'arabic-news-lens');
  });

  it('reports the status of the opened article (counts, analysis time)', async () => {
    const status = await s.waitFor(StatusNotification, (p) => p.uri === URI && p.state === 'analysed');
    const all = decodeTokens((await tokens(s)).data);
    assert.strictEqual(status.mentions, all.length);
    assert.deepStrictEqual(status.counts, countsOf(all));
    assert.ok(status.counts.person >= 9 && status.counts.country === 28 && status.counts.location === 2 && status.counts.organization === 11, JSON.stringify(status.counts));
    assert.ok(status.analysisMs >= 0);
    assert.deepStrictEqual(status.packs, { loaded: 1, withErrors: 0 });
  });

  it('semantic tokens decoded back to mentions equal test/fixtures/astana-20.expected.tsv', async () => {
    const data = (await tokens(s)).data;
    const got = tokensToSpans(data, TEXT);
    assert.strictEqual(got.length, 50);
    assert.deepStrictEqual(got, expectedSpans());
    // Role phrases are people, marked with the title modifier, and overlap no name.
    for (const t of decodeTokens(data).filter((x) => x.modifiers.includes('title'))) assert.strictEqual(t.type, 'person');
  });

  it('arabicNewsLens/mentions gives the same mentions as the semantic tokens, with forms, and only those in the ranges asked', async () => {
    const types = ['person', 'country', 'location', 'organization'];
    const lines = new LineIndex(TEXT);
    const rows = (r: MentionsResult) => {
      const out: { start: number; end: number; type: string; form: string }[] = [];
      for (let i = 0; i < r.data.length; i += 5) {
        const start = lines.offset({ line: r.data[i], character: r.data[i + 1] });
        out.push({ start, end: start + r.data[i + 2], type: types[r.data[i + 3]], form: MARK_FORMS[r.data[i + 4]] });
      }
      return out;
    };
    const all = (await s.conn.sendRequest(MentionsRequest, { textDocument: { uri: URI } })) as MentionsResult;
    assert.strictEqual(all.uri, URI);
    assert.strictEqual(all.version, 1);
    const marks = rows(all);
    const fromTokens = decodeTokens((await tokens(s)).data).map((t) => {
      const start = lines.offset({ line: t.line, character: t.character });
      const form = t.modifiers.includes('candidate') ? 'candidate' : t.modifiers.includes('title') ? 'title' : t.modifiers.includes('adjective') ? 'adjective' : 'name';
      return { start, end: start + t.length, type: t.type, form };
    });
    assert.deepStrictEqual(marks, fromTokens);
    assert.deepStrictEqual(
      marks.filter((m) => m.form !== 'title').map(({ start, end, type, form }) => ({ start, end, type, adjective: form === 'adjective' })),
      expectedSpans(),
    );
    assert.ok(marks.some((m) => m.form === 'title'), 'role phrases come as the title form');
    // Two ranges (lines 2 and 5, asked out of order): exactly the mentions on those lines, each once.
    const ranges = [5, 2].map((line) => ({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
    const some = rows((await s.conn.sendRequest(MentionsRequest, { textDocument: { uri: URI }, ranges })) as MentionsResult);
    const onLines = marks.filter((m) => [2, 5].includes(lines.position(m.start).line));
    assert.ok(onLines.length >= 4, `${onLines.length} mentions on lines 2 and 5`);
    assert.deepStrictEqual(some, onLines);
  });

  it('semantic tokens decoded back to mentions equal the gold of ../shared (when present)', async function () {
    if (!fs.existsSync(GOLD)) {
      console.log(`      skipped: ${GOLD} is not here (../shared lives beside the clone)`);
      this.skip();
    }
    const gold = JSON.parse(fs.readFileSync(GOLD, 'utf8')) as { entities: { start: number; end: number; type: string; form: string; text: string }[]; must_not_mark?: unknown };
    const got = tokensToSpans((await tokens(s)).data, TEXT);
    const goldSpans = gold.entities.map((g) => ({ start: g.start, end: g.end, type: g.type, adjective: g.form === 'adjective' }));
    assert.strictEqual(got.length, goldSpans.length);
    // The core leaves the preposition ل out of a span (للأمم = ل + الأمم, ARCHITECTURE.md); the gold
    // includes it. Every other span must be equal.
    let clitic = 0;
    got.forEach((t, i) => {
      const g = goldSpans[i];
      if (t.start === g.start + 1 && TEXT[g.start] === 'ل' && t.end === g.end) {
        clitic++;
        assert.deepStrictEqual({ ...t, start: g.start }, g);
      } else assert.deepStrictEqual(t, g, `mention ${i}`);
    });
    assert.ok(clitic <= 2, `${clitic} spans differ by a leading ل`);
  });

  it('hover on بيدرسون names Geir Pedersen and his UN role', async () => {
    const position = positionOf(TEXT, 'بيدرسون', 0, 2); // «غير بيدرسون» on line 2 (line 0 spells it with a Persian yeh), cursor inside the word
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position })) as any;
    assert.ok(hover, 'a hover');
    assert.strictEqual(hover.contents.kind, 'markdown');
    // The card isolates Arabic inside its English lines (FSI…PDI); read it without the isolates.
    const md: string = hover.contents.value.replace(/[\u2066-\u2069]/g, '');
    assert.match(md, /Geir Pedersen/);
    assert.match(md, /غير بيدرسون/);
    assert.match(md, /UN Special Envoy for Syria/);
    assert.match(md, /United Nations/);
    assert.match(md, /In this article: .*[3-9] mentions/);
    assert.match(md, /Roles on \d{4}\\-\d\d\\-\d\d \(/);
    if (!/In this article:/.test(md)) console.log('      note: no role phrase for Pedersen yet (Analysis.roles empty)');
    else assert.match(md, /In this article: «الممثل الخاص للأمين العام للأمم المتحدة للشؤون السورية/);
    assert.match(md, /in pack test\\\.mini \(mini\\\.json\)$/);
    const line = positionOf(TEXT, 'غير بيدرسون');
    assert.deepStrictEqual(hover.range, { start: line, end: { line: line.line, character: line.character + 'غير بيدرسون'.length } });
  });

  it('hover on an adjective shows the country card; hover off a mention or trigger is null', async () => {
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'الإيراني', 0, 3) })) as any;
    const md: string = hover.contents.value.replace(/[\u2066-\u2069]/g, '');
    assert.match(md, /^\*\*إيران\*\* — Iran/);
    assert.match(md, /adjective «الإيراني»/);
    const none = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'المجال', 0, 2) });
    assert.strictEqual(none, null);
  });

  it('hover on a trigger verb shows the event card: code, speaker, meeting', async () => {
    const statement = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'أكد', 0, 1) })) as any;
    const md: string = statement.contents.value.replace(/[\u2066-\u2069]/g, '');
    assert.match(md, /^\*\*Statement\*\* · CAMEO 010 \(make statement\)/);
    assert.match(md, /Speaker: Ali Asghar Khaji/);
    assert.match(md, /At the meeting: لقاء\\: علي أصغر خاجي ↔ غير بيدرسون/);
    const meeting = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'لقاء', 0, 2) })) as any;
    assert.match(meeting.contents.value, /^\*\*Meeting\*\* · CAMEO 040 \(consult\)/);
    assert.match(meeting.contents.value, /Participants: Ali Asghar Khaji .*; Geir Pedersen/);
  });

  it('documentSymbol: the article with its meetings, or (until the outline exists) its entities by type', async () => {
    const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as any[];
    assert.strictEqual(symbols.length, 1, 'one article');
    const article = symbols[0];
    assert.strictEqual(article.kind, 1 /* File */);
    assert.ok(article.name.length > 0);
    assert.deepStrictEqual(article.range.start, { line: 0, character: 0 });
    const kinds = new Set(article.children.map((c: any) => c.kind));
    if (kinds.has(24 /* Event */)) {
      for (const m of article.children.filter((c: any) => c.kind === 24)) assert.ok(m.name && Array.isArray(m.children));
    } else {
      assert.deepStrictEqual(article.children.map((c: any) => c.name), ['People', 'Countries', 'Places', 'Organizations']);
      const people = article.children[0].children.map((c: any) => `${c.name} ${c.detail}`);
      assert.ok(people.some((p: string) => p.startsWith('غير بيدرسون Geir Pedersen ×3')), people.join(' | '));
      assert.strictEqual(article.children[0].children.length, 5);
    }
  });

  it('highlights every mention of the entity under the cursor', async () => {
    const hl = (await s.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri: URI }, position: positionOf(TEXT, 'خاجي', 0, 1) })) as any[];
    const starts = hl.map((h) => JSON.stringify(h.range.start));
    for (let i = 0; i < 3; i++) assert.ok(starts.includes(JSON.stringify(positionOf(TEXT, 'علي أصغر خاجي', i))), `name ${i}`);
    // The role phrases given to Khaji (كبير مساعدي وزير الخارجية…) are his mentions too.
    assert.ok(hl.length >= 3);
  });

  it('definition goes to the entity in a non-built-in pack (packs.paths)', async () => {
    const loc = (await s.conn.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: positionOf(TEXT, 'خاجي', 2, 1) })) as any;
    assert.strictEqual(loc.uri, pathToFileURL(MINI_PACK).href);
    const pack = fs.readFileSync(MINI_PACK, 'utf8');
    assert.deepStrictEqual(loc.range.start, positionOf(pack, '"person:ali-asghar-khaji"'));
  });

  it('custom requests: article summary, export as JSON and CSV, toggle', async () => {
    const summary = (await s.conn.sendRequest(ArticleSummaryRequest, { textDocument: { uri: URI } })) as any;
    assert.strictEqual(summary.articles.length, 1);
    const ids = new Set(fs.readFileSync(EXPECTED, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[4]));
    assert.deepStrictEqual(new Set(summary.entities.map((e: any) => e.id)), ids);
    assert.deepStrictEqual(summary.counts, countsOf(decodeTokens((await tokens(s)).data)));
    const pedersen = summary.entities.find((e: any) => e.id === 'person:geir-pedersen');
    assert.strictEqual(pedersen.nameEn, 'Geir Pedersen');
    assert.ok(pedersen.mentions >= 3, 'three names, and role phrases');
    const json = (await s.conn.sendRequest(ExportRequest, { textDocument: { uri: URI }, format: 'json' })) as any;
    const doc = JSON.parse(json.content);
    assert.strictEqual(doc.entities.filter((e: any) => e.form !== 'title').length, 50);
    assert.ok(Array.isArray(doc.outline));
    assert.strictEqual(json.suggestedName, 'astana-20.entities.json');
    const csv = (await s.conn.sendRequest(ExportRequest, { textDocument: { uri: URI }, format: 'csv' })) as any;
    const rows = csv.content.trimEnd().split('\r\n');
    assert.strictEqual(rows[0], 'start,end,line,character,text,type,form,id,name_ar,name_en,reason,alias,pack,article,date,date_source,role_ar,role_en,role_status');
    assert.strictEqual(rows.length, doc.entities.length + 1);
    assert.match(rows[1], /^10,17,0,10,بیدرسون,person,name,person:geir-pedersen,غير بيدرسون,Geir Pedersen,/);
    const events = (await s.conn.sendRequest(ExportRequest, { textDocument: { uri: URI }, format: 'events-csv' })) as any;
    const eventRows = events.content.trimEnd().split('\r\n');
    assert.strictEqual(eventRows[0], 'article,date,date source,kind,code,source actors,source actors (en),target actors,target actors (en),place,place (en),sentence,source ids,target ids');
    assert.strictEqual(eventRows.length - 1, 3 + 11, 'three meetings and eleven statements');
    assert.strictEqual(events.suggestedName, 'astana-20.events.csv');

    const off = (await s.conn.sendRequest(ToggleRequest, {})) as any;
    assert.strictEqual(off.enabled, false);
    assert.deepStrictEqual((await tokens(s)).data, []);
    assert.strictEqual(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, 'خاجي') }), null);
    assert.ok(s.serverRequests.some((r) => r.method === 'workspace/semanticTokens/refresh'));
    const on = (await s.conn.sendRequest(ToggleRequest, { enabled: true })) as any;
    assert.strictEqual(on.enabled, true);
    assert.strictEqual(tokensToSpans((await tokens(s)).data, TEXT).length, 50);
  });

  it('didChange edits update the tokens, and a delta request answers with edits', async () => {
    const before = await tokens(s);
    const at = positionOf(TEXT, 'علي أصغر خاجي التقى');
    // Insert «إيران » at the start of line 2: a new country token, the others on the line shift by 6.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: 'إيران ' }],
    });
    const text2 = TEXT.slice(0, TEXT.indexOf('علي أصغر خاجي التقى')) + 'إيران ' + TEXT.slice(TEXT.indexOf('علي أصغر خاجي التقى'));
    const delta = (await s.conn.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri: URI }, previousResultId: before.resultId })) as any;
    assert.ok(Array.isArray(delta.edits), 'a delta with edits');
    const afterDelta = applyTokenEdits(before.data, delta.edits);
    const full = await tokens(s);
    assert.deepStrictEqual(afterDelta, full.data);
    const spans = tokensToSpans(full.data, text2);
    assert.strictEqual(spans.length, 51);
    const iran = text2.indexOf('إيران علي');
    assert.ok(spans.some((t) => t.start === iran && t.end === iran + 5 && t.type === 'country'));
    // Every span after the insertion moved by 6 code units.
    const old = expectedSpans();
    const shifted = spans.filter((t) => t.start !== iran);
    shifted.forEach((t, i) => assert.strictEqual(t.start, old[i].start + (old[i].start >= iran ? 6 : 0)));

    // Replace the whole text (full sync) with the original again.
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: TEXT }] });
    assert.deepStrictEqual(tokensToSpans((await tokens(s)).data, TEXT), expectedSpans());
    // A delta against an unknown result id answers with full data.
    const fresh = (await s.conn.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri: URI }, previousResultId: 'nope' })) as any;
    assert.strictEqual(tokensToSpans(fresh.data, TEXT).length, 50);
  });

  it('incremental edits that add and remove line breaks give the tokens and outline of the same text opened whole', async () => {
    const uri = pathToFileURL(path.join(REPO, 'examples', 'edited-copy.arnews')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: 1, text: TEXT } });
    const symbolsBefore = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as any[];
    let text = TEXT;
    const edits: [string, number, number][] = [
      ['\r\n', 0, 0], // a new first line
      ['\n', 1, 3], // splits line 1
      ['', 2, 0], // nothing: the next one joins a \r and a \n
      ['بشار الأسد\r', 3, 0],
      ['', 0, 0],
    ];
    let version = 1;
    for (const [insert, line, character] of edits) {
      const lines = new LineIndex(text);
      const start = lines.offset({ line, character });
      const end = insert === '' && line === 0 ? Math.min(text.length, start + 2) : start; // the last one deletes the first break
      text = text.slice(0, start) + insert + text.slice(end);
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: lines.range(start, end), text: insert }],
      });
    }
    const edited = (await tokens(s, uri)).data;
    const symbolsEdited = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as any[];
    assert.notDeepStrictEqual(symbolsEdited, symbolsBefore, 'the outline follows the edits');
    const whole = pathToFileURL(path.join(REPO, 'examples', 'whole-copy.arnews')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: whole, languageId: 'arabic-news', version: 1, text } });
    assert.deepStrictEqual(edited, (await tokens(s, whole)).data);
    assert.deepStrictEqual(symbolsEdited, await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: whole } }));
    for (const u of [uri, whole]) await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('semantic tokens for a range hold only the mentions in it', async () => {
    const range = { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } };
    const r = (await s.conn.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri: URI }, range })) as any;
    const lines = decodeTokens(r.data).map((t) => t.line);
    assert.ok(lines.length > 0 && lines.every((l) => l === 2), JSON.stringify(lines));
  });

  it('inlay hints are off by default', async () => {
    const hints = await s.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepStrictEqual(hints, []);
  });

  it('shutdown and exit are clean (exit code 0, nothing on stderr)', async () => {
    const code = await s.stop();
    assert.strictEqual(code, 0);
    assert.strictEqual(s.stderr(), '');
  });
});
