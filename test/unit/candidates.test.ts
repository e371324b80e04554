/**
 * Names no pack knows, found from their context. `[[…|candidate:…]]` marks an expected candidate;
 * known mentions of the test pack are marked with their ids as usual.
 */
import * as assert from 'assert';
import { asExpected, miniAnalyzer, parseFixture } from './helpers/fixture';

const cases: [string, string][] = [
  ['after a definite title', 'وقال الرئيس [[جاك شيراك|candidate:جاك شيراك]] إن'],
  ['after a title with a known nisba', 'وقال وزير الخارجية [[الروسي|country:RU]] [[سيرغي لافروف|candidate:سيرغي لافروف]] إن'],
  ['after a construct title and its complement', 'أكد رئيس الوزراء [[فؤاد السنيورة|candidate:فؤاد السنيوره]] أن'],
  ['a family name with ال that looks like one', 'قال الدكتور [[محمد البرادعي|candidate:محمد البرادعي]] إن'],
  ['a name joined by بن', 'استقبل الشيخ [[حمد بن جاسم|candidate:حمد بن جاسم]] الوفد'],
  ['the last name later links to the candidate', 'قال السيد [[برند جوتشولك|candidate:برند جوتشولك]] ثم رأى [[جوتشولك|candidate:برند جوتشولك]] أن'],
  ['a place after a place noun', 'في مدينة [[مليلية|candidate:مليليه]] المحتلة'],
  ['a construct title takes its complement, not a name', 'وصل ملك أراجون إلى المدينة'],
  ['a verb after a title is not a name', 'وقال اللاعب يريد الرحيل'],
  ['a function word after a title is not a name', 'وقال الرئيس إن البلاد بخير'],
  ['a clitic-looking word after a title is not a name', 'استقبل الرئيس وأعضاء الوفد'],
  ['a known person after a title is not a candidate', 'قال المبعوث [[غير بيدرسون|person:geir-pedersen]] إن'],
  ['a common noun after a title is not a name (تطورات)', 'وبحث الرئيس تطورات الأوضاع'],
  ['a masdar after a title is not a name (حرص)', 'وأكد الوزير حرص بلاده على'],
  ['a plural noun and its complement are not a name (مستجدات الأوضاع)', 'واستعرض الأمير مستجدات الأوضاع'],
  ['a preposition before a common noun is not a name (بدولة)', 'وأشاد السفير بدولة شقيقة'],
  ['a pronoun is not a name (أنه)', 'وأكد الرئيس أنه سيعود'],
  ['a verb with the future prefix is not a name (سيذهب)', 'وقال الوزير سيذهب إلى هناك'],
  ['an imperfect verb in ت is not a name (تحمل)', 'وقالت الوزيرة تحمل رسالة'],
  ['a noun with an attached pronoun is not a name (قراره)', 'واتخذ الملك قراره أمس'],
  ['an accusative in ـا is not a name (قادما)', 'ووصل الرئيس قادما من'],
  ['ل before a head noun is not a name (لشركة)', 'وقال المدير لشركة النفط'],
  ['a word in ة after a masculine title is a noun (قصة)', 'ويروي الإمام قصة المسجد'],
  ['a name in ة after a feminine title', 'وقالت السيدة [[عائشة|candidate:عائشه]] إن'],
  ['a name stops before a title', 'قال الشيخ [[حمد بن جاسم|candidate:حمد بن جاسم]] وزير الخارجية'],
  ['a name stops before «and …»', 'قال الرئيس [[جاك شيراك|candidate:جاك شيراك]] ونجح'],
  ['a full name after a nationality adjective used as a noun', 'وتغلب [[الروسي|country:RU]] [[نيكولاي دافيدنكو|candidate:نيكولاي دافيدنكو]] على'],
  ['no name after an adjective that agrees with a definite noun', 'وقال الجانب [[الروسي|country:RU]] جراء الأزمة'],
  ['no name after an adjective that agrees with a definite noun behind a preposition', 'تضرر بالاقتصاد [[الروسي|country:RU]] جراء إغلاق المصانع'],
  ['a later word of a name may end in ه (زاده)', 'قال الوزير [[سعيد خطيب زاده|candidate:سعيد خطيب زاده]] إن'],
  ['a later word with an attached pronoun ends the name', 'وفاز اللاعب [[بول كابديفيا|candidate:بول كابديفيا]] بفوزه'],
  ['one word after a nationality adjective is not taken', 'وتغلب [[الروسي|country:RU]] تماما'],
];

describe('candidates: names no pack knows', () => {
  for (const [what, marked] of cases) {
    it(what, () => {
      const { text, expected } = parseFixture(marked);
      const got = asExpected(miniAnalyzer().analyze(text, { candidates: { person: true, location: true, organization: false } }).mentions, false);
      assert.deepStrictEqual(got, expected.map(({ start, end, id }) => ({ start, end, id })), `in «${text}»`);
    });
  }

  it('candidates are known: false with reason candidate or linked', () => {
    const a = miniAnalyzer().analyze('قال السيد برند جوتشولك ثم قال جوتشولك', { candidates: { person: true } });
    assert.deepStrictEqual(a.mentions.map((m) => [m.known, m.reason, m.type]), [[false, 'candidate', 'person'], [false, 'linked', 'person']]);
  });

  it('organizations after a head noun, when asked for', () => {
    const { text, expected } = parseFixture('أعلنت [[حركة حماس|candidate:حركه حماس]] أن [[حزب العمال|candidate:حزب العمال]] رفض');
    const got = asExpected(miniAnalyzer().analyze(text, { candidates: { organization: true, person: false, location: false } }).mentions, false);
    assert.deepStrictEqual(got, expected.map(({ start, end, id }) => ({ start, end, id })));
  });

  it('no candidates when they are all turned off', () => {
    const a = miniAnalyzer().analyze('قال الرئيس جاك شيراك في مدينة مليلية', { candidates: { person: false, location: false, organization: false } });
    assert.deepStrictEqual(a.mentions, []);
  });
});
