/**
 * Level 1: the outline's symbols (server/src/lsp/symbols.ts). VS Code cuts a long right-to-left name
 * at its start, so names stay short (verb — speaker, or the meeting's parties), cut between words, and
 * the rest of the label goes to `detail`; labels follow the chosen language.
 */
import * as assert from 'assert';
import type { DocumentSymbol } from 'vscode-languageserver';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { NO_ENTITY_INFO } from '../../server/src/analysis/roles';
import type { OutlineNode } from '../../server/src/analysis/types';
import { loadKnowledgeBase } from '../../server/src/knowledge/load';
import { DETAIL_MAX, documentSymbols, eventNameAndDetail, NAME_MAX, splitEventLabel } from '../../server/src/lsp/symbols';
import { LineIndex } from '../../server/src/lsp/positions';
import { MINI_PACK } from './helpers/fixture';

const kb = loadKnowledgeBase([MINI_PACK]).kb;
const analyzer = new Analyzer(kb);

/** What the reader sees: the name without its invisible direction marks. */
const visible = (s: string) => s.replace(/\u200f/g, '');

function symbolsOf(text: string, lang: 'en' | 'ar' = 'en'): DocumentSymbol[] {
  const a = analyzer.analyze(text);
  return documentSymbols(text, a, a.mentions, kb, new LineIndex(text), lang);
}

function walk(symbols: DocumentSymbol[], out: DocumentSymbol[] = []): DocumentSymbol[] {
  for (const s of symbols) {
    out.push(s);
    walk(s.children ?? [], out);
  }
  return out;
}

function node(kind: OutlineNode['kind'], label: string, extra: Partial<OutlineNode> = {}): OutlineNode {
  return { kind, label, start: 0, end: 10, selectionStart: 0, selectionEnd: 3, children: [], ...extra };
}

// An article written for these tests: a meeting with five parties and a long statement.
const ARTICLE = [
  'عبد اللهيان يلتقي بيدرسون في أستانا',
  'أستانا - 3 آذار 2024',
  'التقى وزير الخارجية الإيراني حسين أمير عبد اللهيان في أستانا المبعوث الأممي غير بيدرسون وممثلي روسيا وتركيا وكازاخستان والعراق ولبنان. ' +
    'وأكد وزير الخارجية الإيراني حسين أمير عبد اللهيان خلال اللقاء ضرورة دعم الحل السياسي في سوريا وعودة اللاجئين إلى بلادهم في أقرب وقت ممكن ضمن جدول زمني واضح ومتفق عليه بين جميع الأطراف المعنية بالأزمة.',
  '',
].join('\n');

describe('outline symbols (server)', () => {
  it('splits a core label into verb, speaker and the rest', () => {
    assert.deepStrictEqual(splitEventLabel('أكد — خاجي: ضرورة الحوار'), { verb: 'أكد', who: 'خاجي', rest: 'ضرورة الحوار' });
    assert.deepStrictEqual(splitEventLabel('دعا: وقف إطلاق النار — فورًا'), { verb: 'دعا', who: '', rest: 'وقف إطلاق النار — فورًا' });
    assert.deepStrictEqual(splitEventLabel('لقاء: أ ↔ ب'), { verb: 'لقاء', who: '', rest: 'أ ↔ ب' });
    assert.deepStrictEqual(splitEventLabel('نفى'), { verb: 'نفى', who: '', rest: '' });
  });

  it('names a statement by its verb and speaker, and puts the gist and the code in the detail', () => {
    const gist = 'ضرورة العودة إلى طاولة المفاوضات دون شروط مسبقة';
    const s = eventNameAndDetail(node('statement', `أكد — الوزير: ${gist}`, { code: '010' }), NO_ENTITY_INFO, 'en');
    assert.strictEqual(s.name, 'أكد — الوزير');
    assert.strictEqual(s.detail, `${gist} · CAMEO 010`);
    const ar = eventNameAndDetail(node('statement', `أكد — الوزير: ${gist}`, { code: '010' }), NO_ENTITY_INFO, 'ar');
    assert.strictEqual(ar.detail, `${gist} · رمز CAMEO 010`);
  });

  it('cuts a long speaker between words and keeps the whole speaker in the detail', () => {
    const who = 'كبير مساعدي وزير الخارجية للشؤون السياسية الخاصة';
    const s = eventNameAndDetail(node('statement', `شدد — ${who}: على الحل السياسي`), NO_ENTITY_INFO, 'en');
    assert.ok(visible(s.name).length <= NAME_MAX, s.name);
    assert.ok(s.name.startsWith('شدد — كبير مساعدي'), s.name);
    const shown = visible(s.name).replace(/…$/, '').split(' ');
    for (const w of shown) assert.ok(`شدد — ${who}`.split(' ').includes(w), `«${w}» is a whole word`);
    assert.strictEqual(s.detail, `${who}: على الحل السياسي`);
  });

  it('names a meeting by its parties’ short names and lists the full names, place and code in the detail', () => {
    const m = node('meeting', 'اجتماع: بشار الأسد ↔ غير بيدرسون', {
      code: '040',
      participants: [{ id: 'person:bashar-al-assad' }, { id: 'person:geir-pedersen' }],
      place: { id: 'location:astana' },
    });
    const s = eventNameAndDetail(m, { name: (id) => kb.get(id)?.name.ar, shortName: (id) => kb.get(id)?.name.ar.split(' ').pop(), country: () => undefined }, 'ar');
    assert.strictEqual(s.name, 'اجتماع: الأسد ↔ بيدرسون');
    assert.strictEqual(s.detail, 'بشار الأسد ↔ غير بيدرسون · في أستانا · رمز CAMEO 040');
  });

  it('cuts a long gist between words, so that the detail stays readable in a narrow Outline', () => {
    const gist = 'وقف إطلاق النار في جميع المناطق وفتح المعابر أمام المساعدات الإنسانية وعودة النازحين إلى قراهم';
    const s = eventNameAndDetail(node('statement', `دعا — الوزير: ${gist}`, { code: '020' }), NO_ENTITY_INFO, 'en');
    const [shown, code] = s.detail!.split(' · ');
    assert.strictEqual(code, 'CAMEO 020');
    assert.ok(visible(shown).length <= DETAIL_MAX, shown);
    assert.ok(shown.endsWith('…\u200f'), JSON.stringify(shown));
    assert.ok(gist.startsWith(visible(shown).replace(/…$/, '')), 'a prefix of whole words');
    assert.ok(gist.split(' ').includes(visible(shown).replace(/…$/, '').split(' ').pop()!), 'the last word shown is whole');
  });

  it('falls back to the kind of the node in the chosen language when the label is empty', () => {
    assert.strictEqual(eventNameAndDetail(node('statement', ''), NO_ENTITY_INFO, 'en').name, 'statement');
    assert.strictEqual(eventNameAndDetail(node('meeting', '  '), NO_ENTITY_INFO, 'ar').name, 'لقاء');
  });

  it('keeps every name of a real outline short, starting with its verb, and nothing of the label is lost', () => {
    const [article] = symbolsOf(ARTICLE);
    const all = walk([article]);
    for (const s of all) assert.ok(visible(s.name).length <= NAME_MAX, `${s.name} (${visible(s.name).length})`);
    assert.strictEqual(article.name, 'عبد اللهيان يلتقي بيدرسون في أستانا');
    assert.strictEqual(article.detail, '2024-03-03');
    const meeting = article.children![0];
    assert.match(meeting.name, /^لقاء: عبد اللهيان، بيدرسون/);
    assert.match(meeting.detail!, /حسين أمير عبد اللهيان، غير بيدرسون، ممثلي روسيا وتركيا وكازاخستان والعراق ولبنان/);
    assert.match(meeting.detail!, /in أستانا · CAMEO 040$/);
    const statement = meeting.children![0];
    assert.strictEqual(statement.name, 'أكد — عبد اللهيان');
    assert.match(statement.detail!, /^ضرورة دعم الحل السياسي في سوريا/);
    assert.match(statement.detail!, /· CAMEO 010$/);
  });

  it('marks a cut after Arabic with a right-to-left mark, so that the ellipsis is drawn at the cut', () => {
    const meeting = symbolsOf(ARTICLE)[0].children![0];
    assert.ok(meeting.name.endsWith('…\u200f'), JSON.stringify(meeting.name));
  });

  it('labels the groups of the entity outline in Arabic when asked', () => {
    // No trigger word: no meeting, so the outline lists entities by type.
    const text = 'صور من أستانا: غير بيدرسون وممثلو سوريا والعراق ومكتب الأمم المتحدة.\n';
    const [en] = symbolsOf(text, 'en');
    const [ar] = symbolsOf(text, 'ar');
    assert.deepStrictEqual(en.children!.map((c) => c.name), ['People', 'Countries', 'Places', 'Organizations']);
    assert.deepStrictEqual(ar.children!.map((c) => c.name), ['الأشخاص', 'الدول', 'الأماكن', 'المنظمات']);
    assert.strictEqual(ar.children![0].children![0].detail, 'Geir Pedersen ×1');
  });

  it('names an article without headline or text by its number, in the chosen language', () => {
    const a = analyzer.analyze('\n');
    const lines = new LineIndex('\n');
    const fake = { ...a, articles: [{ start: 0, end: 1, boilerplate: [] }] } as unknown as typeof a;
    assert.strictEqual(documentSymbols('\n', fake, [], kb, lines, 'ar')[0].name, 'المقال 1');
    assert.strictEqual(documentSymbols('\n', fake, [], kb, lines, 'en')[0].name, 'Article 1');
  });
});
