/**
 * A title with no name that names its country (وزير الخارجية الأميركي) is the person the built-in packs
 * say held that office for that country on the article's date; a title that names a country is never
 * a role the article gave to another country's holder.
 */
import * as assert from 'assert';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import { titleKey } from '../../server/src/analysis/roles';
import type { Analysis, EventActor, OutlineNode } from '../../server/src/analysis/types';
import { loadKnowledgeBase } from '../../server/src/knowledge/load';

const analyzer = new Analyzer(loadKnowledgeBase().kb);

/** The title mentions as [text, id]. */
const titles = (a: Analysis, text: string) => a.mentions.filter((m) => m.form === 'title').map((m) => [text.slice(m.start, m.end), m.entityId]);

const ids = (actors: EventActor[] | undefined) => (actors ?? []).map((x) => ('id' in x ? x.id : `text:${x.text}`));

function events(a: Analysis, kind: string): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode) => {
    if (n.kind === kind) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  for (const n of a.outline) walk(n);
  return out;
}

/** An article with a header date line, or none. */
const dated = (date: string | undefined, body: string) => (date ? `التاريخ: ${date}\n${body}\n` : `${body}\n`);

describe('title holders: a bare title resolved through the packs on the article\'s date', () => {
  const SAID = 'قال وزير الخارجية الأميركي إن المحادثات كانت بناءة.';

  const cases: [string, string | undefined, string, string | undefined][] = [
    ['the American secretary of state in July 2015', '2015-07-22', SAID, 'person:john-kerry'],
    ['the American secretary of state in January 2019', '2019-01-10', SAID, 'person:mike-pompeo'],
    ['the feminine head of the packs matches the masculine title (2011)', '2011-05-01', SAID, 'person:hillary-clinton'],
    ['the Yemeni president (الرئيس ≡ رئيس الجمهورية) in 2015', '2015-03-01', 'أعلن الرئيس اليمني أن الحوار سيستأنف.', 'person:abdrabbuh-mansur-hadi'],
    ['the Yemeni president in 2005', '2005-03-01', 'أعلن الرئيس اليمني أن الحوار سيستأنف.', 'person:ali-abdullah-saleh'],
    ['the Saudi foreign minister in January 2019', '2019-01-10', 'وصرح وزير الخارجية السعودي بأن الاجتماع ناجح.', 'person:ibrahim-al-assaf'],
    ['a construct title with the country\'s name (رئيس وزراء العراق)', '2015-07-22', 'وقال رئيس وزراء العراق إن المعارك مستمرة.', 'person:haider-al-abadi'],
    // The date of the hand-over is inside both roles: two holders, no guess.
    ['two holders on the day of a hand-over', '2012-02-26', 'أعلن الرئيس اليمني أن الحوار سيستأنف.', undefined],
    ['no holder in the packs (Cuba, 1903)', '1903-03-03', 'وقال الرئيس الكوبي إن المعاهدة مهمة.', undefined],
    ['no date but today\'s: an undated article may be old', undefined, SAID, undefined],
    ['a former holder (السابق) is not the one on the date', '2015-07-22', 'قال وزير الخارجية الأميركي السابق إن المحادثات كانت بناءة.', undefined],
    ['a title with no country is left alone', '2015-07-22', 'قال وزير الخارجية إن المحادثات كانت بناءة.', undefined],
  ];
  for (const [what, date, body, id] of cases) {
    it(what, () => {
      const text = dated(date, body);
      const a = analyzer.analyze(text);
      const got = a.mentions.filter((m) => m.form === 'title');
      if (!id) {
        assert.deepStrictEqual(titles(a, text), []);
        return;
      }
      assert.strictEqual(got.length, 1, JSON.stringify(titles(a, text)));
      assert.strictEqual(got[0].entityId, id);
      assert.strictEqual(got[0].type, 'person');
      assert.strictEqual(got[0].reason, 'holder');
      // The span is the title's words; the nisba or country keeps its own mention.
      assert.ok(/^(وزير|الرئيس|رئيس)/.test(text.slice(got[0].start, got[0].end)));
      assert.ok(a.mentions.some((m) => m.type === 'country' && m.start >= got[0].end));
    });
  }

  it('the date given to the run (--date) counts like the article\'s own', () => {
    const text = dated(undefined, SAID);
    assert.deepStrictEqual(titles(analyzer.analyze(text, { date: '2015-07-22' }), text), [['وزير الخارجية', 'person:john-kerry']]);
  });

  it('the resolved title is the statement\'s speaker and a meeting\'s party', () => {
    const text = dated('2015-07-22', 'واستقبل الرئيس اليمني في الرياض وزير الخارجية الأميركي. وقال وزير الخارجية الأميركي إن الحل سياسي.');
    const a = analyzer.analyze(text);
    const meetings = events(a, 'meeting');
    assert.strictEqual(meetings.length, 1);
    assert.deepStrictEqual(ids(meetings[0].participants).sort(), ['person:abdrabbuh-mansur-hadi', 'person:john-kerry']);
    const statements = events(a, 'statement');
    assert.deepStrictEqual(statements.map((s) => ids(s.speakers)), [['person:john-kerry']]);
  });

  it('a title followed by a name is that person\'s role phrase, not a holder from the packs', () => {
    const text = dated('2015-07-22', 'قال وزير الخارجية الأميركي مايك بومبيو إن المحادثات كانت بناءة.');
    const a = analyzer.analyze(text);
    assert.ok(a.mentions.some((m) => m.entityId === 'person:mike-pompeo' && m.form === 'name'));
    assert.ok(!a.mentions.some((m) => m.entityId === 'person:john-kerry'));
  });

  it('the office\'s usual names share one key', () => {
    const key = (s: string) => titleKey(normalizeArabic(s).split(' '));
    assert.strictEqual(key('الرئيس'), key('رئيس الجمهورية'));
    assert.strictEqual(key('رئيس وزراء'), key('رئيس مجلس الوزراء'));
    assert.strictEqual(key('وزيرة الخارجية'), key('وزير الخارجية'));
    assert.notStrictEqual(key('وزير الخارجية'), key('وزير الداخلية'));
  });
});

describe('title holders: a title that names a country is no role given to another country\'s holder', () => {
  const text = dated('1903-03-03', 'التقى الرئيس ثيودور روزفلت بالسفير في واشنطن.\nوقال الرئيس الكوبي إن المعاهدة مهمة.\nوقال الرئيس الأميركي إن المعاهدة عادلة.');
  const a = analyzer.analyze(text);

  it('«الرئيس الكوبي» is not Theodore Roosevelt, whom the article named «الرئيس»', () => {
    const cuban = text.indexOf('الرئيس الكوبي');
    assert.ok(!a.mentions.some((m) => m.start === cuban && m.entityId === 'person:theodore-roosevelt'));
    assert.deepStrictEqual(titles(a, text).filter(([, id]) => id === 'person:theodore-roosevelt').length, 1);
  });

  it('«الرئيس الأميركي» still is, his own country', () => {
    const american = text.indexOf('الرئيس الأميركي');
    assert.ok(a.mentions.some((m) => m.start === american && m.entityId === 'person:theodore-roosevelt' && m.form === 'title'));
  });
});
