/**
 * The rule files of analysis/rules/, each with its own table: the gates read a sentence through a
 * SentenceView alone; the speaker rules are read through the outline of small texts.
 */
import * as assert from 'assert';
import { DEFAULT_CANDIDATES, matchArticle } from '../../server/src/analysis/analyzer';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { segmentArticles } from '../../server/src/analysis/articles';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import { mentionIndex } from '../../server/src/analysis/roles';
import { meetingGate } from '../../server/src/analysis/rules/meeting-gate';
import { newStatement, statementGate } from '../../server/src/analysis/rules/statement-gate';
import { SentenceView } from '../../server/src/analysis/rules/view';
import { SentenceCollector, sentenceOf, tokenMap, type LexHit } from '../../server/src/analysis/sentences';
import { TokenBuffer } from '../../server/src/analysis/tokenize';
import type { EventActor, Mention, OutlineNode } from '../../server/src/analysis/types';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { loadPackFiles } from '../../server/src/knowledge/load';
import type { PackFile } from '../../server/src/knowledge/types';
import { MINI_PACK, miniAnalyzer } from './helpers/fixture';

/** The view of the first sentence of `text` that holds a trigger, with its mentions and no actors. */
function viewOf(text: string): SentenceView {
  const article = segmentArticles(text)[0];
  const mentions: Mention[] = [];
  const sentences = new SentenceCollector(true);
  matchArticle(text, article, 0, new TokenBuffer(), miniAnalyzer().gazetteer, DEFAULT_CANDIDATES, mentions, sentences);
  const entry = sentences.take().find((e) => e.triggers);
  if (!entry) throw new Error(`no trigger in «${text}»`);
  const s = sentenceOf(text, article, entry);
  return new SentenceView(s, mentionIndex(s, mentions), tokenMap(s.toks.length), [], mentions);
}

/** The index of the token written `word` in the view. */
function at(v: SentenceView, word: string): number {
  const n = normalizeArabic(word);
  for (let k = 0; k < v.count; k++) if (v.norm(k) === n) return k;
  throw new Error(`no token ${word}`);
}

describe('rules/statement-gate: does a reporting word make a statement', () => {
  const cases: [text: string, word: string, want: boolean][] = [
    ['أكد الوزير أن الحل سياسي.', 'أكد', true],
    ['قال الوزير الذي أكد أن الحل سياسي إنه متفائل.', 'أكد', false],
    ['لم يعلن الوزير موعد الجولة.', 'يعلن', false],
    ['وأعرب الوزير عن قلقه.', 'وأعرب', true],
    ['أعرب اسمه في الكتاب.', 'أعرب', false],
    ['وتم التأكيد على أهمية الحوار.', 'التأكيد', true],
    ['يعد التأكيد على الحوار مهما.', 'التأكيد', false],
    ['وبين الوزير أن الحل سياسي.', 'وبين', true],
    ['وتوترت العلاقات بين البلدين كثيرا.', 'بين', false],
    ['وتابع: لا بديل عن الحوار.', 'وتابع', true],
    ['وتابع الوزير الملف بنفسه.', 'وتابع', false],
    ['وكشف الوزير عن خطة جديدة.', 'وكشف', true],
    ['وقد حصلنا على دلائل مؤكدة على الهجوم.', 'مؤكدة', false],
    ['وقال الوزير إن الحل سياسي، مؤكدة مصادر أخرى ذلك.', 'مؤكدة', true],
    ['مشيرا إلى أن الحوار مستمر.', 'مشيرا', true],
    ['يذكر أن الجولة السابقة عقدت في موسكو.', 'يذكر', false],
    ['يذكر الوزير أن الجولة السابقة عقدت في موسكو.', 'يذكر', true],
    ['واجتمع الوزراء ليؤكدوا دعمهم للحل.', 'ليؤكدوا', true],
  ];
  for (const [text, word, want] of cases) {
    it(`${want ? 'a statement' : 'none'}: ${word} in «${text}»`, () => {
      const v = viewOf(text);
      const i = at(v, word);
      assert.strictEqual(v.hit(i)?.kind, 'statement', `${word} is a reporting word`);
      assert.strictEqual(statementGate(v, i, v.hit(i) as Extract<LexHit, { kind: 'statement' }>), want);
    });
  }

  const second: [text: string, first: string, word: string, want: boolean][] = [
    ['أكد الوزير أن الحل سياسي وأضاف أن الحوار مستمر.', 'أكد', 'وأضاف', true],
    ['أكد الوزير أن الحل سياسي فيما شدد الموفد على الحوار.', 'أكد', 'شدد', true],
    ['وأكد كيري أنه أجرى محادثات، وهو ما أكده شكري بدوره.', 'وأكد', 'أكده', true],
    ['قال الوزير إن الرئيس أكد أن الحل سياسي.', 'قال', 'أكد', false],
  ];
  for (const [text, first, word, want] of second) {
    it(`${want ? 'a second statement' : 'inside the first'}: ${word} after ${first}`, () => {
      const v = viewOf(text);
      const i = at(v, word);
      const p = at(v, first);
      assert.strictEqual(newStatement(v, i, v.hit(i) as Extract<LexHit, { kind: 'statement' }>, v.hit(p) as Extract<LexHit, { kind: 'statement' }>), want);
    });
  }
});

describe('rules/meeting-gate: does a meeting word name a meeting', () => {
  const cases: [text: string, word: string, named: boolean, focus: boolean, want: boolean][] = [
    ['وعقد الوزير مؤتمرا صحفيا في دمشق.', 'مؤتمرا', false, false, false],
    ['وقال في مؤتمر صحفي مع نظيره إن الحل سياسي.', 'مؤتمر', false, false, true],
    ['وأشار في لقاء مع قناة روسية إلى الحل.', 'لقاء', false, false, false],
    ['وعقد الوزير لقاء مع نظيره في دمشق.', 'لقاء', false, false, true],
    ['وانطلق الحوار الاستراتيجي في موسكو.', 'الحوار', true, false, true],
    ['ودعا إلى الحوار بين السوريين.', 'الحوار', false, false, false],
    ['وقال إن الحوار كان صريحا.', 'الحوار', false, true, true],
    ['وبحث الوزير مع نظيره الوضع.', 'وبحث', false, false, true],
    ['وبحث الوزير الوضع في سوريا.', 'وبحث', false, false, false],
    ['ووقع الوزير مع نظيره اتفاقا.', 'ووقع', false, false, true],
    ['ووقع انفجار قرب السفارة.', 'ووقع', false, false, false],
  ];
  for (const [text, word, named, focus, want] of cases) {
    it(`${want ? 'a meeting' : 'none'}: ${word} in «${text}»`, () => {
      const v = viewOf(text);
      const i = at(v, word);
      assert.strictEqual(v.hit(i)?.kind, 'meeting', `${word} is a meeting word`);
      assert.strictEqual(meetingGate(v, i, v.hit(i) as Extract<LexHit, { kind: 'meeting' }>, named, focus), want);
    });
  }
});

/** Names for the speaker tables (names only). */
const NAMES: PackFile = {
  pack: { id: 'test.rules', description: 'Names for the rule tables.' },
  entities: [
    { id: 'person:sergey-lavrov', type: 'person', name: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' }, aliases: [{ ar: 'لافروف', short: true }], country: 'country:RU' },
    { id: 'person:faisal-mekdad', type: 'person', name: { ar: 'فيصل المقداد', en: 'Faisal Mekdad' }, aliases: [{ ar: 'المقداد', short: true }], country: 'country:SY' },
    { id: 'location:moscow', type: 'location', name: { ar: 'موسكو', en: 'Moscow' }, country: 'country:RU' },
  ],
};
let names: Analyzer | undefined;
function statementsOf(text: string): OutlineNode[] {
  names ??= new Analyzer(new KnowledgeBase([...loadPackFiles([MINI_PACK], false).packs, { data: NAMES, source: 'test', builtin: false }]));
  const out: OutlineNode[] = [];
  for (const a of names.analyze(text).outline) for (const c of a.children) out.push(...(c.kind === 'statement' ? [c] : c.children));
  return out.sort((x, y) => x.selectionStart - y.selectionStart);
}
const key = (a: EventActor) => ('id' in a ? a.id : `text:${a.text}`);
const LAVROV = 'person:sergey-lavrov';
const MEKDAD = 'person:faisal-mekdad';

describe('rules/speaker and rules/participle: who speaks', () => {
  const cases: [what: string, text: string, speakers: string[][]][] = [
    ['the party after the verb (VSO)', 'قال لافروف إن الحل سياسي.', [[LAVROV]]],
    ['the subject before the verb in a headline (SVO), not the object', 'لافروف ينتقد تركيا', [[LAVROV]]],
    ['a country before the verb speaks, not the country it criticises', 'روسيا انتقدت تركيا بسبب الحدود.', [['country:RU']]],
    ['the subject before قد', 'وكان لافروف قد قال إن الحل سياسي.', [[LAVROV]]],
    ['a counterpart joins the subject', 'وأكد لافروف ونظيره السوري فيصل المقداد أن الحوار مستمر.', [[LAVROV, MEKDAD]]],
    ['an honorific after the verb is skipped', 'وأكد معالي الوزير لافروف أن الحل سياسي.', [[LAVROV]]],
    ['a pronoun object between verb and subject is skipped', 'وهو ما أشارت إليه روسيا في بيانها.', [['country:RU']]],
    ['a title kept as text yields to the name after it', 'وقال المتحدث باسم الوزارة لافروف إن الحل سياسي.', [[LAVROV]]],
    ['relayed words: the party after عن', 'ونقلت وكالة الأنباء عن لافروف قوله إن الحل سياسي.', [[LAVROV]]],
    ['a surname a candidate took after a title is the person named in full before', 'وصل سيرغي لافروف إلى دمشق. وقال الوزير لافروف إن الحل سياسي.', [[LAVROV]]],
    ['a participle after a verb takes its speaker', 'وقال المقداد إن الحل سياسي، مشيرا إلى أن الحوار مستمر.', [[MEKDAD], [MEKDAD]]],
    ['a participle after a meeting verb takes its first party', 'التقى لافروف المقداد في موسكو، مؤكدا دعم بلاده.', [[LAVROV]]],
    ['a participle with no verb before it takes the sentence’s subject, not a party after a preposition', 'وفي رسالة بعث بها لافروف إلى المقداد، معربا عن أمله بالحل.', [[LAVROV]]],
  ];
  for (const [what, text, want] of cases) {
    it(what, () => {
      assert.deepStrictEqual(
        statementsOf(text).map((s) => (s.speakers ?? []).map(key)),
        want,
      );
    });
  }
});

describe('rules/speaker: the word that names a relayed statement', () => {
  it('«نقلت … عن X قوله»: the statement is anchored on قوله', () => {
    const text = 'ونقلت وكالة الأنباء عن لافروف قوله إن الحل سياسي.';
    const [st] = statementsOf(text);
    assert.strictEqual(text.slice(st.selectionStart, st.selectionEnd), 'قوله');
  });
});
