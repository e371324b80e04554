/**
 * Knowing who is who: spellings generated from the packs' names, head nouns, name chains, titles
 * outside the span and the analyst's packs over the built-in lists. The snippets are written from
 * the language; the pack here is made for the tests (people and bodies as news names them).
 */
import * as assert from 'assert';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { compoundForms, headRest, titleLead, tokenVariants } from '../../server/src/knowledge/variants';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import type { EntitySpec, LoadedPack, PackFile } from '../../server/src/knowledge/types';
import { asExpected, parseFixture } from './helpers/fixture';

const E = (id: string, type: EntitySpec['type'], ar: string, en: string, country?: string, aliases?: EntitySpec['aliases']): EntitySpec => ({
  id,
  type,
  name: { ar, en },
  ...(country ? { country } : {}),
  ...(aliases ? { aliases } : {}),
});

const BUILTIN: PackFile = {
  pack: { id: 'test.builtin' },
  entities: [
    E('person:federica-mogherini', 'person', 'فيديريكا موغيريني', 'Federica Mogherini', 'country:IT', [{ ar: 'موغيريني', short: true }]),
    E('person:sigmar-gabriel', 'person', 'زيغمار غابرييل', 'Sigmar Gabriel', 'country:DE'),
    E('org:mitsubishi', 'organization', 'ميتسوبيشي', 'Mitsubishi', 'country:JP'),
    E('org:kremlin', 'organization', 'الكرملين', 'Kremlin', 'country:RU'),
    E('org:hamas', 'organization', 'حركة حماس', 'Hamas', 'country:PS'),
    E('org:nusra', 'organization', 'جبهة النصرة', 'al-Nusra Front', 'country:SY', ['النصرة']),
    E('org:islamic-state', 'organization', 'تنظيم الدولة الإسلامية', 'Islamic State', undefined, ['الدولة الإسلامية']),
    E('person:muhammad-bin-nayef', 'person', 'محمد بن نايف', 'Muhammad bin Nayef', 'country:SA', ['محمد بن نايف بن عبد العزيز']),
    E('person:ahmed-bin-abdulaziz', 'person', 'أحمد بن عبد العزيز', 'Ahmed bin Abdulaziz', 'country:SA'),
    E('person:salman', 'person', 'سلمان بن عبد العزيز', 'Salman bin Abdulaziz', 'country:SA', ['الملك سلمان']),
    E('person:adel-al-jubeir', 'person', 'عادل الجبير', 'Adel al-Jubeir', 'country:SA', [{ ar: 'الجبير', short: true }]),
    E('person:abd-rabbuh-hadi', 'person', 'عبد ربه منصور هادي', 'Abd Rabbuh Mansur Hadi', 'country:YE', ['هادي']),
    E('person:saddam-hussein', 'person', 'صدام حسين', 'Saddam Hussein', 'country:IQ'),
    E('person:abdelilah-benkirane', 'person', 'عبد الإله بنكيران', 'Abdelilah Benkirane', 'country:MA'),
    E('location:abu-dhabi', 'location', 'أبوظبي', 'Abu Dhabi', 'country:AE'),
    E('person:geir-test', 'person', 'جير هانسن', 'Geir Hansen', 'country:NO', [{ ar: 'جير', short: true }]),
    E('person:gabriel-other', 'person', 'جابرييل', 'Gabriel', 'country:FR'),
    E('person:staffan-de-mistura', 'person', 'ستافان دي ميستورا', 'Staffan de Mistura', 'country:IT', [{ ar: 'دي ميستورا', short: true }]),
    E('org:al-qaeda', 'organization', 'تنظيم القاعدة', 'al-Qaeda', undefined, [{ ar: 'القاعدة', unsafe: true }]),
    E('org:houthis', 'organization', 'الحوثيون', 'Houthis', 'country:YE', ['الحوثيين', 'جماعة الحوثي']),
    E('org:meretz', 'organization', 'حزب ميرتس', 'Meretz', 'country:IL'),
    E('org:taqaddum', 'organization', 'حزب تقدم', 'Taqaddum', 'country:IQ'),
    E('org:manchester-united', 'organization', 'مانشستر يونايتد', 'Manchester United', 'country:GB', ['نادي مانشستر يونايتد']),
    E('person:dan-gillerman', 'person', 'داني غيلرمان', 'Dan Gillerman', 'country:IL', [{ ar: 'غيلرمان', short: true }]),
  ],
};

const pack = (data: PackFile, builtin: boolean): LoadedPack => ({ data, source: data.pack.id, builtin });
const kbOf = (...extra: PackFile[]) => new KnowledgeBase([pack(BUILTIN, true), ...extra.map((p) => pack(p, false))]);

let shared: Analyzer | undefined;
const analyzer = () => (shared ??= new Analyzer(kbOf()));

function run(cases: [string, string][], make: () => Analyzer = analyzer): void {
  for (const [what, marked] of cases) {
    it(what, () => {
      const { text, expected } = parseFixture(marked);
      const got = asExpected(make().analyze(text, { outline: false }).mentions.filter((m) => m.known && m.form !== 'title'), false);
      assert.deepStrictEqual(got, expected.map(({ start, end, id }) => ({ start, end, id })), `in «${text}»`);
    });
  }
}

describe('variants: the letter rules of transliterated names', () => {
  const spellings = (w: string, en?: string, alone = false) => tokenVariants(w, en, alone).map(([v]) => v);
  it('a long vowel inside the word may be left out (موغيريني → موغريني)', () => assert.ok(spellings('موغيريني', 'mogherini').includes('موغريني')));
  it('g is written غ or ج, cheaper than ق or ك', () => {
    const v = tokenVariants('غابرييل', 'gabriel');
    const cost = (w: string) => v.find(([x]) => x === w)?.[1];
    assert.strictEqual(cost('جابرييل'), 1);
    assert.ok(cost('قابرييل')! > cost('جابرييل')!);
  });
  it('the ending -iel is written ييل، يال or ائيل, and rules combine inside a full name (غابرييل → جبرائيل)', () => {
    const v = spellings('غابرييل', 'gabriel');
    assert.ok(v.includes('غابريال') && v.includes('جبرائيل'), v.join(' '));
  });
  it('the first vowel of the English name may be written (متسوبيشي → ميتسوبيشي)', () => assert.ok(spellings('متسوبيشي', 'mitsubishi').includes('ميتسوبيشي')));
  it('no g rule without a g in the English name', () => assert.ok(!spellings('كارتر', 'carter').some((v) => v.startsWith('غ') || v.startsWith('ج'))));
  it('an alef before s and a consonant may be written (ستيفان / استيفان)', () => {
    assert.ok(spellings('ستيفان', 'staffan').includes('استيفان'));
    assert.ok(spellings('استوكهولم', 'stockholm').includes('ستوكهولم'));
    assert.deepStrictEqual(spellings('سميث', 'smith').includes('اسميث'), true);
    assert.ok(!spellings('سلمان', 'salman').includes('اسلمان'), 'not before a vowel');
  });
  it('a final ا may be written ة', () => assert.ok(spellings('فيديريكا', 'federica').includes('فيديريكه')));
  it('a short word that matches alone takes no rule (لابيد would become لابد «must»)', () => assert.deepStrictEqual(spellings('لابيد', 'lapid', true), []));
  it('compounds are joined and split', () => {
    assert.deepStrictEqual(compoundForms(['عبد', 'العزيز'], true), [['عبدالعزيز']]);
    assert.deepStrictEqual(compoundForms(['محمد', 'عبدالعزيز'], true), [['محمد', 'عبد', 'العزيز']]);
    assert.deepStrictEqual(compoundForms(['ابوظبي'], false), [['ابو', 'ظبي']]);
    assert.deepStrictEqual(compoundForms(['عبد', 'الاله', 'بنكيران'], true), [['عبدالاله', 'بنكيران'], ['عبد', 'الاله', 'بن', 'كيران']]);
  });
  it('a title opens an alias; a name after a group head may stand alone', () => {
    assert.strictEqual(titleLead(['الملك', 'سلمان']), 1);
    assert.strictEqual(titleLead(['ولي', 'العهد', 'محمد']), 2);
    assert.strictEqual(titleLead(['الملك']), 0);
    assert.deepStrictEqual(headRest(['حركه', 'حماس']), ['حماس']);
    assert.strictEqual(headRest(['جبهه', 'النصره']), undefined);
    assert.strictEqual(headRest(['حركه', 'فتح']), undefined, 'فتح is a common word');
    assert.strictEqual(headRest(['ولايه', 'وان']), undefined, 'a place head: وان folds like وأن');
  });
});

describe('variants: generated spellings match', () => {
  run([
    ['a short form without its long vowel', 'وقالت [[موغريني|person:federica-mogherini]] إن'],
    ['the full name with the last name spelled otherwise', 'وقالت [[فيديريكا موغريني|person:federica-mogherini]] إن'],
    ['a company without the first long vowel', 'أعلنت شركة [[متسوبيشي|org:mitsubishi]] عن'],
    ['a last name links in another spelling after the full name', 'التقى [[زيغمار غابرييل|person:sigmar-gabriel]] الوزير، وقال [[غابريال|person:sigmar-gabriel]] إن'],
    ['a foreign body without ال', 'مصدر في [[كرملين|org:kremlin]] قال'],
    ['a split compound of a joined name', 'وصل إلى [[أبو ظبي|location:abu-dhabi]] أمس'],
    ['a prosthetic alef on the first name and a particle joined to the last', 'قال [[استافان ديميستورا|person:staffan-de-mistura]] إن'],
    ['a joined bin of a split name, and the split one', 'قال [[عبد الإله بن كيران|person:abdelilah-benkirane]] و[[عبدالإله بنكيران|person:abdelilah-benkirane]]'],
  ]);
});

describe('variants: the ambiguity check', () => {
  it('a variant that is a common word is dropped', () => {
    // A made-up foreign body whose name is ال and a common word: without ال it would be «meeting».
    const body: PackFile = { pack: { id: 'analyst' }, entities: [E('org:test-ijtimaa', 'organization', 'الاجتماع', 'Al-Ijtimaa', 'country:FR')] };
    const kb = kbOf(body);
    assert.ok(!kb.aliases.some((a) => a.entityId === 'org:test-ijtimaa' && a.norm === 'اجتماع'));
    assert.ok(kb.aliases.some((a) => a.entityId === 'org:kremlin' && a.generated && a.norm === 'كرملين'), 'a name that is no word loses its ال');
    // جير is too short to take a rule alone; غير would be the word «other».
    assert.ok(!kbOf().aliases.some((a) => a.entityId === 'person:geir-test' && a.norm === 'غير'));
  });
  it('a variant that is another entity’s alias is dropped', () => {
    const kb = kbOf();
    assert.ok(!kb.aliases.some((a) => a.entityId === 'person:sigmar-gabriel' && a.norm === 'جابرييل'));
    assert.ok(kb.aliases.some((a) => a.entityId === 'person:sigmar-gabriel' && a.norm === 'زيغمار جابرييل'));
  });
  run([
    ['غير stays a word', 'العمليات غير الشرعية'],
    ['the other entity keeps its own name', 'قال [[جابرييل|person:gabriel-other]] إن'],
  ]);
});

describe('head nouns both ways', () => {
  run([
    ['the name alone after the pack’s «حركة حماس»', 'أعلنت [[حماس|org:hamas]] أن'],
    ['the head noun stays outside the span', 'أعلنت حركة [[حماس|org:hamas]] أن'],
    ['with a clitic on the head noun', 'أعلنت دعمها لحركة [[حماس|org:hamas]] أمس'],
    ['a head before a name of several words that is an alias itself', 'هجوم تنظيم [[الدولة الإسلامية|org:islamic-state]] على'],
    ['a club’s name after نادي, the head outside', 'لاعب نادي [[مانشستر يونايتد|org:manchester-united]] أمس'],
    ['a name that needs its head keeps it', 'مقاتلو [[جبهة النصرة|org:nusra]] في'],
    ['the head stays out before a name with ال that is an alias too', 'هجمات تنظيم [[القاعدة|org:al-qaeda]] في'],
    ['one word after a group head is the usual name', 'مسلحو جماعة [[الحوثي|org:houthis]] و[[الحوثيين|org:houthis]]'],
    ['a foreign party’s name after حزب stands alone', 'قال زعيم [[ميرتس|org:meretz]] إن حزب [[ميرتس|org:meretz]] يرفض'],
    ['an Arab party’s name after حزب does not (تقدم is «progress»)', 'أحرز تقدم كبير، وقال [[حزب تقدم|org:taqaddum]]'],
  ]);
});

describe('name chains and titles', () => {
  run([
    ['a title stays outside the span and the chain goes on', 'قال الملك [[سلمان بن عبدالعزيز آل سعود|person:salman]] إن'],
    ['a first name and بن before a family name are one span', 'قال وزير الخارجية [[عادل بن أحمد الجبير|person:adel-al-jubeir]] إن'],
    ['the last word of a chain never links alone', 'قال [[محمد بن نايف بن عبد العزيز|person:muhammad-bin-nayef]] إن المملكة ترحب، وأضاف عبدالعزيز أن'],
    ['a first name alone does not link to a royal', 'التقى الأمير [[أحمد بن عبد العزيز|person:ahmed-bin-abdulaziz]] السفير أحمد قطان'],
    ['a kinship word after ابن is not a name', 'قال [[صدام حسين|person:saddam-hussein]] ابن عمه'],
    ['a first name in another spelling before a known last name joins it', 'قال المندوب [[دان غيلرمان|person:dan-gillerman]] إن'],
    ['another first name before a known last name does not', 'قال السيد رامون [[غيلرمان|person:dan-gillerman]] إن'],
    ['a chain before a name that is not a family name is not taken', 'التقى خالد بن سلمان [[صدام حسين|person:saddam-hussein]]'],
  ]);
});

describe('the analyst’s packs win over the built-in lists', () => {
  const analyst: PackFile = { pack: { id: 'analyst' }, extend: [{ id: 'person:abd-rabbuh-hadi', aliases: ['هادي'] }] };
  const analystUnsafe: PackFile = { pack: { id: 'analyst' }, extend: [{ id: 'person:abd-rabbuh-hadi', aliases: [{ ar: 'هادي', unsafe: true }] }] };
  run([['a built-in alias that is a common first name does not match alone', 'قال هادي إن']]);
  run([['the analyst’s alias of the same word matches', 'قال [[هادي|person:abd-rabbuh-hadi]] إن']], () => new Analyzer(kbOf(analyst)));
  run(
    [['marked unsafe, it waits for the full name', 'قال هادي إن [[عبد ربه منصور هادي|person:abd-rabbuh-hadi]] وصل ثم قال [[هادي|person:abd-rabbuh-hadi]]']],
    () => new Analyzer(kbOf(analystUnsafe)),
  );
});
