/**
 * The matcher's rules as tables of small Arabic snippets, run against the small test pack
 * (test/fixtures/packs/mini.json). `[[text|id]]` marks an expected mention; everything unmarked must
 * stay unmarked.
 */
import * as assert from 'assert';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { Gazetteer, NODE_SAME_TOKENS, NODE_TERMINAL } from '../../server/src/analysis/gazetteer';
import { hashString } from '../../server/src/analysis/tokenize';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { asExpected, miniAnalyzer, parseFixture } from './helpers/fixture';

type Case = [what: string, marked: string];

function run(cases: Case[], withForm = false): void {
  for (const [what, marked] of cases) {
    it(what, () => {
      const { text, expected } = parseFixture(marked);
      const got = asExpected(miniAnalyzer().analyze(text).mentions.filter((m) => m.form !== 'title'), withForm);
      const want = withForm ? expected.map((e) => ({ ...e, form: e.form ?? 'name' })) : expected.map(({ start, end, id }) => ({ start, end, id }));
      assert.deepStrictEqual(got, want, `in «${text}»`);
    });
  }
}

describe('matcher: spelling variants', () => {
  run([
    ['hamza on alef or none', 'زار [[ايران|country:IR]] ثم [[إيران|country:IR]]'],
    ['Persian yeh and keheh in a headline', 'خلال لقاء [[بیدرسون|person:geir-pedersen]].. کبیر مساعدی [[أمیر عبداللهیان|person:hossein-amir-abdollahian]]'],
    ['teh marbuta or heh', 'في [[سورية|country:SY]] و[[سوريه|country:SY]]'],
    ['tashkeel inside a name', 'في [[سُورِيَا|country:SY]] اليوم'],
    ['tatweel inside a name', 'في [[ســوريا|country:SY]] اليوم'],
    ['a bidi mark inside a name', 'في [[سو\u200fريا|country:SY]] اليوم'],
    ['two spellings of one alias', 'قال [[غير بيدرسن|person:geir-pedersen]]'],
  ]);
});

describe('matcher: clitics', () => {
  run([
    ['و', '[[روسيا|country:RU]] و[[إيران|country:IR]]'],
    ['ف', 'ف[[إيران|country:IR]] لم توافق'],
    ['ب', 'الأزمة ب[[سوريا|country:SY]]'],
    ['ل', 'زيارة ل[[لبنان|country:LB]]'],
    ['ك', 'دول ك[[تركيا|country:TR]]'],
    ['و + ب', 'وب[[سوريا|country:SY]]'],
    ['و + ال name', 'و[[العراق|country:IQ]] و[[لبنان|country:LB]]'],
    ['ب + ال name', 'ب[[العراق|country:IQ]]'],
    ['ل + ال: the span starts at the lam of the article', 'ل[[لأمم المتحدة|org:united-nations]]'],
    ['ل + ال on a name with ال', 'ل[[لعراق|country:IQ]]'],
    ['a name that starts with ل is not split (لبنان)', 'في [[لبنان|country:LB]]'],
    ['a name that starts with لل after the preposition (للبنان)', 'ل[[لبنان|country:LB]]'],
    ['و + ل + ال', 'ول[[لأمم المتحدة|org:united-nations]]'],
  ]);
});

describe('matcher: nisba adjectives', () => {
  run(
    [
      ['masculine with ال', 'النفط [[السوري|country:SY|adjective]]'],
      ['feminine with ال', 'الأزمة [[السورية|country:SY|adjective]]'],
      ['plural with ال', 'اللاجئين [[السوريين|country:SY|adjective]]'],
      ['masculine plural nominative', 'المسؤولون [[السوريون|country:SY|adjective]]'],
      ['feminine plural', 'النساء [[السوريات|country:SY|adjective]]'],
      ['without ال', 'مسؤول [[إيراني|country:IR|adjective]]'],
      ['with و + ال', 'و[[الإيرانية|country:IR|adjective]]'],
      ['with لل', 'ل[[لسوريين|country:SY|adjective]]'],
      ['a listed irregular stem (أمريكي، أميركي)', 'الجانب [[الأمريكي|country:US|adjective]] والوفد [[الأميركي|country:US|adjective]]'],
      ['an irregular stem instead of the rule (كازاخي)', 'العاصمة [[الكازاخية|country:KZ|adjective]]'],
      ['a compound nisba', 'الزعيم [[الكوري الشمالي|country:KP|adjective]]'],
      ['سورية alone is the country, not «Syrian»', 'سيادة [[سورية|country:SY]]'],
      ['a longer name beats the nisba inside it', 'مع [[الحكومة السورية|org:gov-SY]]'],
    ],
    true,
  );
});

describe('matcher: longest match', () => {
  run([
    ['the official long form is one mention', 'وفد [[الجمهورية العربية السورية|country:SY]] برئاسة'],
    ['a two-word organization', 'ميثاق [[الأمم المتحدة|org:united-nations]]'],
    ['a process, not the city', 'الاجتماع ب[[صيغة أستانا|org:astana-format]]'],
    ['the city alone', 'في [[أستانا|location:astana]] أمس'],
    ['a name does not run across a line break', 'الأمم\nالمتحدة'],
    ['a name does not run across a comma', 'الأمم، المتحدة'],
    ['a region of two words', 'قضايا [[الشرق الأوسط|location:middle-east]]'],
  ]);
});

describe('matcher: people, short forms and ambiguity', () => {
  run([
    ['a short form marked safe in the pack matches alone', 'قال [[بيدرسون|person:geir-pedersen]] إن'],
    ['a last name links to the full name seen earlier', 'التقى [[أيمن سوسان|person:ayman-sousan]] ثم قال [[سوسان|person:ayman-sousan]] إن'],
    ['a last name before the full name is not linked', 'قال سوسان إن [[أيمن سوسان|person:ayman-sousan]] وصل'],
    ['a last name with a clitic links too', 'التقى [[أيمن سوسان|person:ayman-sousan]] و[[سوسان|person:ayman-sousan]] قال'],
    ['links do not cross articles', 'التقى [[أيمن سوسان|person:ayman-sousan]] اليوم\n\n\nخبر آخر\nقال سوسان إن'],
    ['an unsafe short form does not match alone', 'رأى الأسد في الغابة'],
    ['an unsafe short form matches after the full name', 'قال [[بشار الأسد|person:bashar-al-assad]] إن [[الأسد|person:bashar-al-assad]] وافق'],
    ['غير is a word, not Geir', 'العمليات غير الشرعية'],
    ['غير stays a word even after the full name', 'قال [[غير بيدرسون|person:geir-pedersen]] إن العمليات غير الشرعية مرفوضة'],
    ['Latin text is left alone', 'Syria and Iran met in Astana.'],
  ]);
});

describe('matcher: offsets', () => {
  run([
    ['emoji before a name (surrogate pairs)', '😀😀 [[سوريا|country:SY]] 👍🏽 و[[إيران|country:IR]]'],
    ['CRLF line breaks', 'سطر\r\n[[سوريا|country:SY]]\r\nو[[إيران|country:IR]]\r\n'],
    ['a lone CR', 'سطر\r[[سوريا|country:SY]]\r'],
    ['a combining mark after a name stays inside the span', 'في [[سوريا\u0651|country:SY]] اليوم'],
    ['a BOM at the start is not a letter', '\uFEFF[[سوريا|country:SY]]'],
  ]);
});

describe('matcher: tokens whose hashes collide', () => {
  // هكلبظد and هختكثي have the same FNV-1a hash: the matcher finds names by hash and must tell them
  // apart by their letters, whether one or both are in the knowledge base.
  const [a, b] = ['هكلبظد', 'هختكثي'];
  const kbOf = (entities: { id: string; ar: string }[]) =>
    new KnowledgeBase([
      {
        data: { pack: { id: 'test.collide' }, entities: entities.map(({ id, ar }) => ({ id, type: 'location' as const, name: { ar, en: id } })) },
        source: 'test',
        builtin: false,
      },
    ]);
  const analyzerOf = (entities: { id: string; ar: string }[]) => new Analyzer(kbOf(entities));
  const found = (analyzer: Analyzer, text: string) => analyzer.analyze(text, { outline: false }).mentions.filter((m) => m.known).map((m) => [text.slice(m.start, m.end), m.entityId]);

  it('the two words hash alike', () => assert.strictEqual(hashString(a), hashString(b)));

  it('a word that only hashes like an alias is no mention', () => {
    assert.deepStrictEqual(found(analyzerOf([{ id: 'location:a', ar: a }]), `في ${b} و${b} ثم في ${a}`), [[a, 'location:a']]);
  });

  it('both words, and a longer name that starts with one of them, keep their own entities', () => {
    const analyzer = analyzerOf([
      { id: 'location:a', ar: a },
      { id: 'location:b', ar: b },
      { id: 'location:b-big', ar: `${b} الكبرى` },
    ]);
    assert.deepStrictEqual(found(analyzer, `في ${a} و${b} وب${b} الكبرى`), [
      [a, 'location:a'],
      [b, 'location:b'],
      [`${b} الكبرى`, 'location:b-big'],
    ]);
  });

  it('a trie node whose patterns differ in letters is verified pattern by pattern, another once', () => {
    const g = new Gazetteer(
      kbOf([
        { id: 'location:a', ar: a },
        { id: 'location:b', ar: b },
        { id: 'location:b-big', ar: `${b} الكبرى` },
      ]),
    );
    const nodeOf = (hashes: Int32Array) => hashes.reduce((node, h) => g.child(node, h), 0);
    const big = g.patterns.find((p) => p.tokens.length === 2)!;
    assert.strictEqual(g.nodeFlags[nodeOf(big.hashes)], NODE_TERMINAL | NODE_SAME_TOKENS);
    assert.strictEqual(g.nodeFlags[nodeOf(Int32Array.of(hashString(a)))], NODE_TERMINAL);
  });
});
