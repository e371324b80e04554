/**
 * Meetings and statements (issue 5): the reference article's outline against its gold, and tables of
 * sentence patterns from real news, positive and negative. An anchor is the trigger word as written
 * (`وأكد`), optionally `@2` for its second occurrence; speakers and participants are entity ids, or
 * `text:…` for a party kept as text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { foldSpaces } from '../../server/src/analysis/events';
import type { Analysis, EventActor, OutlineNode } from '../../server/src/analysis/types';
import { eventsToCsv, EVENT_CSV_COLUMNS } from '../../server/src/output/events-csv';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { loadKnowledgeBase, loadPackFiles } from '../../server/src/knowledge/load';
import type { PackFile } from '../../server/src/knowledge/types';
import { MINI_PACK, REPO } from './helpers/fixture';

/** Real people and places the sentence patterns need beyond the mini pack (names and countries only). */
const EXTRA: PackFile = {
  pack: { id: 'test.events', description: 'Names for the event pattern tests.' },
  entities: [
    { id: 'person:sergey-lavrov', type: 'person', name: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' }, aliases: [{ ar: 'لافروف', short: true }], country: 'country:RU' },
    { id: 'person:faisal-mekdad', type: 'person', name: { ar: 'فيصل المقداد', en: 'Faisal Mekdad' }, aliases: [{ ar: 'المقداد', short: true }], country: 'country:SY' },
    { id: 'person:hakan-fidan', type: 'person', name: { ar: 'هاكان فيدان', en: 'Hakan Fidan' }, aliases: [{ ar: 'فيدان', short: true }], country: 'country:TR' },
    { id: 'location:moscow', type: 'location', name: { ar: 'موسكو', en: 'Moscow' }, country: 'country:RU' },
    { id: 'location:damascus', type: 'location', name: { ar: 'دمشق', en: 'Damascus' }, country: 'country:SY' },
    { id: 'location:beirut', type: 'location', name: { ar: 'بيروت', en: 'Beirut' }, country: 'country:LB' },
    { id: 'location:geneva', type: 'location', name: { ar: 'جنيف', en: 'Geneva' }, country: 'country:CH' },
  ],
};

let analyzer: Analyzer | undefined;
function events(): Analyzer {
  if (!analyzer) {
    const mini = loadPackFiles([MINI_PACK], false).packs;
    analyzer = new Analyzer(new KnowledgeBase([...mini, { data: EXTRA, source: 'test', builtin: false }]));
  }
  return analyzer;
}

const actorKey = (a: EventActor) => ('id' in a ? a.id : `text:${a.text}`);

/** Offset of an anchor (`وأكد` or `وأكد@2`) in the text. */
function find(text: string, anchor: string): number {
  const [word, nth] = anchor.split('@');
  let at = -1;
  for (let k = 0; k < Number(nth ?? 1); k++) {
    at = text.indexOf(word, at + 1);
    if (at < 0) throw new Error(`anchor «${anchor}» not in «${text}»`);
  }
  return at;
}

function meetingsOf(a: Analysis): OutlineNode[] {
  return a.outline.flatMap((n) => n.children.filter((c) => c.kind === 'meeting'));
}

function statementsOf(a: Analysis): { node: OutlineNode; meeting?: OutlineNode }[] {
  const out: { node: OutlineNode; meeting?: OutlineNode }[] = [];
  for (const article of a.outline) {
    for (const c of article.children) {
      if (c.kind === 'statement') out.push({ node: c });
      else for (const s of c.children) out.push({ node: s, meeting: c });
    }
  }
  return out.sort((x, y) => x.node.selectionStart - y.node.selectionStart);
}

// ------------------------------------------------------------------ the reference article

describe('events: the reference article (astana-20) against its gold outline', () => {
  const text = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
  const KHAJI = 'person:ali-asghar-khaji';
  const PEDERSEN = 'person:geir-pedersen';
  const FINAL = 'text:البيان الختامي';
  /** The gold's outline: meeting anchors (first one selects), participants, statements with speakers. */
  const GOLD = [
    {
      anchors: [5, 151, 279, 411, 688],
      participants: [KHAJI, PEDERSEN],
      statements: [
        [48, [KHAJI]],
        [83, [KHAJI]],
        [419, [KHAJI, PEDERSEN]],
        [600, [KHAJI, PEDERSEN]],
        [651, [KHAJI]],
      ],
    },
    { anchors: [813], participants: [KHAJI, 'text:سفيري العراق ولبنان'], statements: [] },
    {
      anchors: [960, 1022, 1370],
      participants: ['person:ayman-sousan', 'person:mikhail-bogdanov', KHAJI, 'country:TR'],
      statements: [
        [1396, [FINAL]],
        [1582, [FINAL]],
        [1763, [FINAL]],
        [1950, [FINAL]],
        [2076, [FINAL]],
        [2198, ['text:الدول الضامنة', 'country:RU', 'country:IR', 'country:TR']],
      ],
    },
  ] as const;

  function check(analysis: Analysis): void {
    assert.strictEqual(analysis.outline.length, 1);
    const article = analysis.outline[0];
    assert.strictEqual(article.kind, 'article');
    assert.strictEqual(article.selectionEnd, text.indexOf('\n'), 'the article is named by its headline');
    assert.deepStrictEqual(
      article.children.map((c) => c.kind),
      ['meeting', 'meeting', 'meeting'],
    );
    article.children.forEach((m, k) => {
      const gold = GOLD[k];
      assert.strictEqual(m.selectionStart, gold.anchors[0], `meeting ${k + 1}: selection on the first trigger`);
      for (const a of gold.anchors) assert.ok(m.start <= a && a < m.end, `meeting ${k + 1}: its range covers the mention at ${a}`);
      assert.deepStrictEqual((m.participants ?? []).map(actorKey), gold.participants, `meeting ${k + 1}: participants`);
      assert.deepStrictEqual(
        m.children.map((s) => [s.selectionStart, (s.speakers ?? []).map(actorKey)]),
        gold.statements.map(([at, speakers]) => [at, [...speakers]]),
        `meeting ${k + 1}: statements`,
      );
      for (const s of m.children) assert.ok(m.start <= s.start && s.end <= m.end, 'a statement lies inside its meeting');
    });
  }

  it('with the test pack: three meetings and eleven statements, nested as in the gold', () => {
    const loaded = loadPackFiles([MINI_PACK], false);
    check(new Analyzer(new KnowledgeBase(loaded.packs)).analyze(text));
  });

  it('with the built-in packs and the test pack: the same outline', () => {
    check(new Analyzer(loadKnowledgeBase([MINI_PACK]).kb).analyze(text));
  });

  it('labels read «لقاء: علي أصغر خاجي ↔ غير بيدرسون» and «أكد — خاجي: حل قضايا …»', () => {
    const a = new Analyzer(new KnowledgeBase(loadPackFiles([MINI_PACK], false).packs)).analyze(text);
    const [first, second, third] = a.outline[0].children;
    assert.strictEqual(first.label, 'لقاء: علي أصغر خاجي ↔ غير بيدرسون');
    assert.strictEqual(first.code, '040');
    assert.strictEqual(second.label, 'لقاء: علي أصغر خاجي ↔ سفيري العراق ولبنان');
    assert.strictEqual(third.code, '044', 'met in Kazakhstan, none of the parties is Kazakh');
    assert.deepStrictEqual(third.place, { text: 'العاصمة الكازاخية' });
    assert.match(first.children[1].label, /^أكد — خاجي: حل قضايا مثل قضية اللاجئين/);
    assert.match(third.children[3].label, /^أدان — البيان الختامي: الاعتداءات الإسرائيلية/);
    assert.strictEqual(third.children[3].code, '111');
    assert.strictEqual(third.children[5].code, '020');
    for (const node of [first, ...first.children, third, ...third.children]) {
      const label = node.label.split(': ').slice(1).join(': ');
      assert.ok(label.length <= 101, `label gist at most ~100 characters: ${node.label}`);
    }
  });

  it('agrees with ../shared/fixtures/astana-20.gold.json when it is there', function () {
    const goldFile = path.join(REPO, '..', 'shared', 'fixtures', 'astana-20.gold.json');
    if (!fs.existsSync(goldFile)) this.skip();
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')).outline as {
      meetings: { mentions: { offset: number }[]; statements: { offset: number }[] }[];
    };
    const a = new Analyzer(new KnowledgeBase(loadPackFiles([MINI_PACK], false).packs)).analyze(text);
    const meetings = a.outline[0].children;
    assert.strictEqual(meetings.length, gold.meetings.length);
    gold.meetings.forEach((g, k) => {
      assert.strictEqual(meetings[k].selectionStart, g.mentions[0].offset);
      assert.deepStrictEqual(
        meetings[k].children.map((s) => s.selectionStart),
        g.statements.map((s) => s.offset),
      );
    });
  });

  it('exports one CSV row per meeting and statement, with its kind, date and actors by name', () => {
    const kb = new KnowledgeBase(loadPackFiles([MINI_PACK], false).packs);
    const a = new Analyzer(kb).analyze(text, { date: '2023-06-21' });
    const csv = eventsToCsv(text, a, kb);
    const lines = csv.split('\r\n').filter(Boolean);
    assert.strictEqual(lines[0], EVENT_CSV_COLUMNS.join(','));
    assert.strictEqual(lines.length, 1 + 3 + 11);
    const khaji = kb.get('person:ali-asghar-khaji')!.name;
    const pedersen = kb.get('person:geir-pedersen')!.name;
    assert.ok(lines[1].includes(`,2023-06-21,option,meeting,040,${khaji.ar},${khaji.en},${pedersen.ar},${pedersen.en},`), lines[1]);
    assert.ok(lines[1].endsWith(',person:ali-asghar-khaji,person:geir-pedersen'), lines[1]);
    const israel = kb.get('country:IL')!.name;
    const syria = kb.get('country:SY')!.name;
    assert.ok(lines.some((l) => l.includes(`,statement,111,البيان الختامي,البيان الختامي,${israel.ar}; ${syria.ar},${israel.en}; ${syria.en},العاصمة الكازاخية,العاصمة الكازاخية,`) && l.endsWith(',البيان الختامي,country:IL; country:SY')));
    assert.ok(lines.slice(1).every((l) => l.includes(',2023-06-21,option,')), 'every row has the date');
  });
});

// ------------------------------------------------------------------ sentence patterns

interface MeetingCase {
  at: string;
  code?: string;
  status?: 'held' | 'planned' | 'reported';
  participants?: string[];
  place?: string;
}
interface StatementCase {
  at: string;
  tense?: 'past' | 'present' | 'future';
  speakers?: string[];
  code?: string;
  /** Anchor of the meeting the statement belongs to; `article` when it stands directly under the article. */
  under?: string;
}
interface Case {
  what: string;
  text: string;
  meetings: MeetingCase[];
  statements: StatementCase[];
}

function runCases(cases: Case[]): void {
  for (const c of cases) {
    it(c.what, () => {
      const a = events().analyze(c.text);
      const meetings = meetingsOf(a).sort((x, y) => x.selectionStart - y.selectionStart);
      assert.deepStrictEqual(
        meetings.map((m) => m.selectionStart),
        c.meetings.map((m) => find(c.text, m.at)),
        `meetings in «${c.text}»: ${meetings.map((m) => m.label).join(' | ')}`,
      );
      c.meetings.forEach((want, k) => {
        const got = meetings[k];
        if (want.code) assert.strictEqual(got.code, want.code, `code of ${want.at}`);
        if (want.status) assert.strictEqual(got.status, want.status, `status of ${want.at}`);
        if (want.participants) assert.deepStrictEqual((got.participants ?? []).map(actorKey), want.participants, `participants of ${want.at}`);
        if (want.place) assert.deepStrictEqual(got.place && actorKey(got.place), want.place, `place of ${want.at}`);
      });
      const statements = statementsOf(a);
      assert.deepStrictEqual(
        statements.map((s) => s.node.selectionStart),
        c.statements.map((s) => find(c.text, s.at)),
        `statements in «${c.text}»: ${statements.map((s) => s.node.label).join(' | ')}`,
      );
      c.statements.forEach((want, k) => {
        const got = statements[k];
        if (want.speakers) assert.deepStrictEqual((got.node.speakers ?? []).map(actorKey), want.speakers, `speakers of ${want.at}`);
        if (want.code) assert.strictEqual(got.node.code, want.code, `code of ${want.at}`);
        if (want.tense) assert.strictEqual(got.node.tense, want.tense, `tense of ${want.at}`);
        if (want.under === 'article') assert.strictEqual(got.meeting, undefined, `${want.at} stands under the article`);
        else if (want.under) assert.strictEqual(got.meeting?.selectionStart, find(c.text, want.under), `${want.at} stands under ${want.under}`);
      });
    });
  }
}

const LAVROV = 'person:sergey-lavrov';
const MEKDAD = 'person:faisal-mekdad';
const FIDAN = 'person:hakan-fidan';
const PEDERSEN = 'person:geir-pedersen';
const BOGDANOV = 'person:mikhail-bogdanov';
const AMIR = 'person:hossein-amir-abdollahian';
const ASSAD = 'person:bashar-al-assad';
const KHAJI = 'person:ali-asghar-khaji';

describe('events: meetings', () => {
  runCases([
    {
      what: 'التقى: subject, object after a time word, place after the subject',
      text: 'التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم نظيره السوري فيصل المقداد.',
      meetings: [{ at: 'التقى', code: '040', participants: [LAVROV, MEKDAD], place: 'location:moscow' }],
      statements: [],
    },
    {
      what: 'استقبل: the host first, code 043',
      text: 'استقبل الرئيس بشار الأسد في دمشق وزير الخارجية الإيراني حسين أمير عبد اللهيان.',
      meetings: [{ at: 'استقبل', code: '043', participants: [ASSAD, AMIR], place: 'location:damascus' }],
      statements: [],
    },
    {
      what: 'a joint press conference (مؤتمر صحفي مع) is a meeting; a press conference alone is not',
      text: 'وقال لافروف في مؤتمر صحفي مع نظيره التركي هاكان فيدان إن الحوار مستمر. وعقد المقداد مؤتمرا صحفيا في دمشق.',
      meetings: [{ at: 'مؤتمر', participants: [LAVROV, FIDAN] }],
      statements: [{ at: 'وقال', speakers: [LAVROV], under: 'مؤتمر' }],
    },
    {
      what: 'an interview with an outlet (لقاء مع قناة) is no meeting',
      text: 'وأشار لافروف في لقاء مع قناة روسية إلى أن الحل سياسي.',
      meetings: [],
      statements: [{ at: 'وأشار', speakers: [LAVROV], under: 'article' }],
    },
    {
      what: 'حوار is a meeting when named (الحوار الاستراتيجي), not as a topic',
      text: 'انطلق الحوار الاستراتيجي الروسي التركي في موسكو. وقال فيدان إن الحوار هو الحل.',
      meetings: [{ at: 'الحوار' }],
      statements: [{ at: 'وقال', speakers: [FIDAN] }],
    },
    {
      what: 'حوار as a topic in an article without a meeting is none',
      text: 'ودعا بيدرسون إلى الحوار بين السوريين.',
      meetings: [],
      statements: [{ at: 'ودعا', speakers: [PEDERSEN] }],
    },
    {
      what: 'وقع … مع: signing an agreement with a party is a meeting (057)',
      text: 'ووقع لافروف مع المقداد اتفاقا للتعاون في موسكو.',
      meetings: [{ at: 'ووقع', code: '057', participants: [LAVROV, MEKDAD] }],
      statements: [],
    },
    {
      what: 'وقع without مع (an event happened) is no meeting',
      text: 'ووقع انفجار قرب السفارة الروسية في دمشق.',
      meetings: [],
      statements: [],
    },
    {
      what: 'a named meeting (الاجتماع الشهري) is not the meeting already in the sentence',
      text: 'وسيعقد المقداد لقاء مع لافروف تزامنا مع الاجتماع الشهري للجنة.',
      meetings: [{ at: 'لقاء' }, { at: 'الاجتماع' }],
      statements: [],
    },
    {
      what: 'status: held, planned (سيلتقي) and reported inside what someone said',
      text: 'التقى لافروف المقداد في موسكو. وسيلتقي فيدان المقداد في دمشق غدا. وقال بيدرسون إنه اجتمع مع ميخائيل بوغدانوف في جنيف.',
      meetings: [
        { at: 'التقى', status: 'held' },
        { at: 'وسيلتقي', status: 'planned', code: '036' },
        { at: 'اجتمع', status: 'reported' },
      ],
      statements: [{ at: 'وقال', tense: 'past', speakers: [PEDERSEN] }],
    },
    {
      what: 'a statement made at a meeting named after it keeps the meeting held (خلال لقائه)',
      text: 'أكد لافروف خلال لقائه مع المقداد دعم روسيا لسوريا.',
      meetings: [{ at: 'لقائه', status: 'held' }],
      statements: [{ at: 'أكد', tense: 'past' }],
    },
    {
      what: 'زار: the visited city is the place, not a participant (042)',
      text: 'زار حسين أمير عبد اللهيان بيروت أمس.',
      meetings: [{ at: 'زار', code: '042', participants: [AMIR], place: 'location:beirut' }],
      statements: [],
    },
    {
      what: 'بحث … مع: talks; «الوضع في سوريا» is a topic, not the place',
      text: 'بحث سيرغي لافروف مع هاكان فيدان الوضع في سوريا.',
      meetings: [{ at: 'بحث', code: '040', participants: [LAVROV, FIDAN] }],
      statements: [],
    },
    {
      what: 'أجرى اتصالا هاتفيا مع: a phone call (041) by the subject of the light verb',
      text: 'أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا مع نظيره الإيراني حسين أمير عبد اللهيان.',
      meetings: [{ at: 'اتصالا', code: '041', participants: [LAVROV, AMIR] }],
      statements: [],
    },
    {
      what: 'أجرى محادثات في مدينة مع: the place may stand before مع',
      text: 'أجرى سيرغي لافروف محادثات في دمشق مع فيصل المقداد.',
      meetings: [{ at: 'محادثات', code: '046', participants: [LAVROV, MEKDAD], place: 'location:damascus' }],
      statements: [],
    },
    {
      what: 'parties in a later clause (لخفض التوتر بين …) are not the visitor’s hosts',
      text: 'وقالت الخارجية إن سيرغي لافروف سيزور المنطقة الأسبوع المقبل لخفض التوتر بين تركيا وسوريا.',
      meetings: [{ at: 'سيزور', code: '036', participants: [LAVROV] }],
      statements: [{ at: 'وقالت' }],
    },
    {
      what: 'من المقرر أن يلتقي: a planned meeting (036)',
      text: 'ومن المقرر أن يلتقي سيرغي لافروف فيصل المقداد الأسبوع المقبل.',
      meetings: [{ at: 'يلتقي', code: '036', participants: [LAVROV, MEKDAD] }],
      statements: [],
    },
    {
      what: 'سيلتقي: the future prefix (036)',
      text: 'سيلتقي بوغدانوف مع غير بيدرسون في جنيف.',
      meetings: [{ at: 'سيلتقي', code: '036', participants: [BOGDANOV, PEDERSEN] }],
      statements: [],
    },
    {
      what: 'headline, body and «خلال اللقاء» are one meeting; الجانبان are its two parties',
      text: 'لقاء لافروف والمقداد في موسكو\nالتقى وزير الخارجية الروسي سيرغي لافروف نظيره السوري فيصل المقداد.\nوأكد الجانبان خلال اللقاء أهمية التنسيق.',
      meetings: [{ at: 'لقاء', participants: [LAVROV, MEKDAD] }],
      statements: [{ at: 'وأكد', speakers: [LAVROV, MEKDAD], under: 'لقاء' }],
    },
    {
      what: 'a delegation «برئاسة» a named head counts as that head',
      text: 'اجتمع غير بيدرسون مع وفد الجمهورية العربية السورية برئاسة أيمن سوسان.',
      meetings: [{ at: 'اجتمع', participants: [PEDERSEN, 'person:ayman-sousan'] }],
      statements: [],
    },
    {
      what: 'a delegation without a head counts as its country',
      text: 'التقى بيدرسون وفد إيران في أستانا.',
      meetings: [{ at: 'التقى', participants: [PEDERSEN, 'country:IR'], place: 'location:astana' }],
      statements: [],
    },
    {
      what: 'described parties are kept as text, and «على هامش» gives the occasion, not a meeting',
      text: 'وعلى هامش الاجتماع، التقى علي أصغر خاجي مع سفيري العراق ولبنان.',
      meetings: [{ at: 'التقى', participants: [KHAJI, 'text:سفيري العراق ولبنان'] }],
      statements: [],
    },
    {
      what: 'two different meetings in one article stay apart',
      text: 'التقى لافروف المقداد في موسكو.\nوفي وقت لاحق التقى لافروف هاكان فيدان.',
      meetings: [
        { at: 'التقى', participants: [LAVROV, MEKDAD] },
        { at: 'التقى@2', participants: [LAVROV, FIDAN] },
      ],
      statements: [],
    },
    {
      what: 'a named meeting (قمة … الثلاثية) is a meeting of its own',
      text: 'انطلقت في أستانا القمة الثلاثية بمشاركة روسيا وإيران وتركيا.',
      meetings: [{ at: 'القمة', place: 'location:astana' }],
      statements: [],
    },
    {
      what: 'نفى عقد لقاء: a denial, no meeting',
      text: 'نفى المتحدث باسم الخارجية الإيرانية عقد لقاء بين علي أصغر خاجي وغير بيدرسون.',
      meetings: [],
      statements: [{ at: 'نفى', speakers: ['text:المتحدث باسم الخارجية الإيرانية'] }],
    },
    {
      what: 'ألغت زيارة: a cancelled visit is no meeting',
      text: 'ألغت إيران زيارة كانت مقررة لوزير خارجيتها إلى دمشق.',
      meetings: [],
      statements: [],
    },
    {
      what: 'لم يلتق: a meeting that did not happen',
      text: 'لم يلتق بوغدانوف بغير بيدرسون.',
      meetings: [],
      statements: [],
    },
    {
      what: 'رفض لقاء: a refused meeting',
      text: 'رفض فيصل المقداد لقاء غير بيدرسون.',
      meetings: [],
      statements: [],
    },
    {
      what: 'a meeting noun inside what was said is a topic (أكد أهمية الاجتماع المقبل)',
      text: 'أكد لافروف أهمية الاجتماع المقبل لصيغة أستانا.',
      meetings: [],
      statements: [{ at: 'أكد', speakers: [LAVROV], under: 'article' }],
    },
    {
      what: 'plural اجتماعات and اتصالات without هاتفي are no meetings',
      text: 'وناقش الطرفان اجتماعات اللجنة الدستورية واتصالات بيدرسون مع الحكومة السورية.',
      meetings: [],
      statements: [],
    },
    {
      what: 'مؤتمر صحفي is a press conference, not a meeting',
      text: 'وقال لافروف في مؤتمر صحفي إن الحل في سوريا سياسي.',
      meetings: [],
      statements: [{ at: 'وقال', speakers: [LAVROV], code: '010' }],
    },
    {
      what: 'بحث without مع is research, not talks',
      text: 'في بحث نشرته جامعة دمشق عن اللاجئين.',
      meetings: [],
      statements: [],
    },
  ]);
});

describe('events: statements', () => {
  runCases([
    {
      what: 'قال with a role phrase subject (010)',
      text: 'قال وزير الخارجية الروسي سيرغي لافروف إن الحل في سوريا سياسي.',
      meetings: [],
      statements: [{ at: 'قال', speakers: [LAVROV], code: '010', under: 'article' }],
    },
    {
      what: 'a subject no pack knows, up to إن, is kept as text',
      text: 'وقال خبراء اقتصاديون إسرائيليون إن تكلفة الحرب بلغت ستة مليارات شيكل.',
      meetings: [],
      statements: [{ at: 'وقال', speakers: ['text:خبراء اقتصاديون إسرائيليون'] }],
    },
    {
      what: 'a prepositional phrase before إن is no subject (قال في حديث إن)',
      text: 'قال لافروف إن الحل سياسي. وقال في حديث إن روسيا تدعم الحوار.',
      meetings: [],
      statements: [
        { at: 'قال', speakers: [LAVROV] },
        { at: 'وقال', speakers: [LAVROV] },
      ],
    },
    {
      what: 'أدانت: a country condemns (111)',
      text: 'أدانت إيران الاعتداءات الإسرائيلية على سوريا.',
      meetings: [],
      statements: [{ at: 'أدانت', speakers: ['country:IR'], code: '111' }],
    },
    {
      what: 'دعا إلى: an appeal (020)',
      text: 'دعا بيدرسون إلى وقف إطلاق النار في سوريا.',
      meetings: [],
      statements: [{ at: 'دعا', speakers: [PEDERSEN], code: '020' }],
    },
    {
      what: 'رحبت: praise (051)',
      text: 'رحبت روسيا بعودة سوريا إلى الجامعة العربية.',
      meetings: [],
      statements: [{ at: 'رحبت', speakers: ['country:RU'], code: '051' }],
    },
    {
      what: 'حذر من: a pessimistic comment (012)',
      text: 'حذر بيدرسون من تصعيد خطير في سوريا.',
      meetings: [],
      statements: [{ at: 'حذر', speakers: [PEDERSEN], code: '012' }],
    },
    {
      what: 'أعرب عن قلقه: the content decides (012)',
      text: 'أعرب بيدرسون عن قلقه إزاء التصعيد.',
      meetings: [],
      statements: [{ at: 'أعرب', speakers: [PEDERSEN], code: '012' }],
    },
    {
      what: 'أعرب عن تقديره: the content decides (051)',
      text: 'أعرب فيصل المقداد عن تقديره للدعم الروسي.',
      meetings: [],
      statements: [{ at: 'أعرب', speakers: [MEKDAD], code: '051' }],
    },
    {
      what: 'اتهمت: an accusation (112)',
      text: 'اتهمت سوريا الولايات المتحدة بسرقة النفط السوري.',
      meetings: [],
      statements: [{ at: 'اتهمت', speakers: ['country:SY'], code: '112' }],
    },
    {
      what: 'طالبت ب: a demand (100)',
      text: 'طالبت إيران بانسحاب القوات الأمريكية من سوريا.',
      meetings: [],
      statements: [{ at: 'طالبت', speakers: ['country:IR'], code: '100' }],
    },
    {
      what: 'هددت: a threat (130)',
      text: 'هددت تركيا بشن عملية عسكرية جديدة.',
      meetings: [],
      statements: [{ at: 'هددت', speakers: ['country:TR'], code: '130' }],
    },
    {
      what: 'a headline in subject–verb order: لافروف يؤكد',
      text: 'لافروف يؤكد دعم روسيا لسوريا',
      meetings: [],
      statements: [{ at: 'يؤكد', speakers: [LAVROV] }],
    },
    {
      what: 'وأضاف without a subject: the previous speaker goes on',
      text: 'قال لافروف إن الحل سياسي. وأضاف أن روسيا تدعم الحوار.',
      meetings: [],
      statements: [
        { at: 'قال', speakers: [LAVROV] },
        { at: 'وأضاف', speakers: [LAVROV] },
      ],
    },
    {
      what: 'كما أكد after a comma: a second statement in one sentence',
      text: 'أشار بيدرسون إلى أهمية الحوار، كما أكد ضرورة وقف التصعيد.',
      meetings: [],
      statements: [
        { at: 'أشار', speakers: [PEDERSEN] },
        { at: 'أكد', speakers: [PEDERSEN] },
      ],
    },
    {
      what: 'نقلت وكالة … عن X قوله: X speaks, not the outlet, and قوله names the statement',
      text: 'ونقلت وكالة سانا عن فيصل المقداد قوله إن سوريا ترحب بالحوار.',
      meetings: [],
      statements: [{ at: 'قوله', speakers: [MEKDAD] }],
    },
    {
      what: 'a title mention resolves the speaker (نائب وزير الخارجية الروسي → Bogdanov) at the meeting',
      text: 'التقى نائب وزير الخارجية الروسي ميخائيل بوغدانوف غير بيدرسون.\nوأكد نائب وزير الخارجية الروسي خلال اللقاء دعم بلاده للحل السياسي.',
      meetings: [{ at: 'التقى', participants: [BOGDANOV, PEDERSEN] }],
      statements: [{ at: 'وأكد', speakers: [BOGDANOV], under: 'التقى' }],
    },
    {
      what: 'a group (الدول الضامنة) resolves to the states the article lists',
      text: 'اجتمعت الدول الضامنة (روسيا وإيران وتركيا) في أستانا.\nوجددت الدول الضامنة التزامها بوحدة سوريا.',
      meetings: [{ at: 'اجتمعت' }],
      statements: [{ at: 'وجددت', speakers: ['text:الدول الضامنة', 'country:RU', 'country:IR', 'country:TR'] }],
    },
    {
      what: 'البيان الختامي speaks for the meeting it closes',
      text: 'اختتم في أستانا الاجتماع الدولي حول سوريا.\nوأكد البيان الختامي للاجتماع أن الحل سياسي.',
      meetings: [{ at: 'الاجتماع' }],
      statements: [{ at: 'وأكد', speakers: ['text:البيان الختامي'], under: 'الاجتماع' }],
    },
    {
      what: 'أكد in a relative clause is no statement of its own',
      text: 'وصل إلى دمشق الوزير الذي أكد مرارا دعم بلاده.',
      meetings: [],
      statements: [],
    },
    {
      what: 'a verb inside what was said (إن روسيا تؤكد) is no second statement',
      text: 'قال لافروف إن روسيا تؤكد دعمها لسوريا.',
      meetings: [],
      statements: [{ at: 'قال', speakers: [LAVROV] }],
    },
    {
      what: 'لم يعلن: a negated statement is none',
      text: 'لم يعلن بيدرسون موعد الجولة المقبلة.',
      meetings: [],
      statements: [],
    },
    {
      what: 'طالب as the noun «student» is no demand',
      text: 'قتل طالب في القصف على المدينة.',
      meetings: [],
      statements: [],
    },
    {
      what: 'a statement at a meeting in the same sentence (خلال لقائه مع) joins its speaker to the meeting',
      text: 'أكد لافروف خلال لقائه مع المقداد دعم روسيا لسوريا.',
      meetings: [{ at: 'لقائه', participants: [LAVROV, MEKDAD] }],
      statements: [{ at: 'أكد', speakers: [LAVROV], under: 'لقائه' }],
    },
    {
      what: 'a participle continues the speaker of the verb before it (مشيرا)',
      text: 'أكد لافروف أن الحل سياسي، مشيرا إلى أن موسكو تدعم الحوار.',
      meetings: [],
      statements: [
        { at: 'أكد', speakers: [LAVROV] },
        { at: 'مشيرا', speakers: [LAVROV] },
      ],
    },
    {
      what: 'a participle after a meeting verb continues its subject (مؤكدا)',
      text: 'التقى لافروف المقداد في موسكو، مؤكدا دعم بلاده لسوريا.',
      meetings: [{ at: 'التقى', participants: [LAVROV, MEKDAD] }],
      statements: [{ at: 'مؤكدا', speakers: [LAVROV], under: 'التقى' }],
    },
    {
      what: 'two participles after one verb are two statements (موضحا، لافتا)',
      text: 'وأعلن المقداد أن الجولة انتهت، موضحا أن الوفود عادت، ولافتا إلى أن الحوار مستمر.',
      meetings: [],
      statements: [
        { at: 'وأعلن', speakers: [MEKDAD] },
        { at: 'موضحا', speakers: [MEKDAD] },
        { at: 'ولافتا', speakers: [MEKDAD] },
      ],
    },
    {
      what: 'a masdar after a support verb is a statement of the meeting (تم التأكيد)',
      text: 'التقى لافروف المقداد في موسكو. وتم التأكيد خلال اللقاء على أهمية الحل السياسي.',
      meetings: [{ at: 'التقى', participants: [LAVROV, MEKDAD] }],
      statements: [{ at: 'التأكيد', speakers: [LAVROV, MEKDAD], under: 'التقى' }],
    },
    {
      what: 'a masdar without a support verb is no statement (يعد التأكيد)',
      text: 'ويعد التأكيد على الحل السياسي أمرا مهما لسوريا.',
      meetings: [],
      statements: [],
    },
    {
      what: 'وندد is a past condemnation (111)',
      text: 'وندد لافروف بالهجوم على السفارة الروسية.',
      meetings: [],
      statements: [{ at: 'وندد', speakers: [LAVROV], code: '111' }],
    },
    {
      what: 'رأى and بين report only before a complementizer (ورأى … أن، وبين … أن)',
      text: 'ورأى المقداد أن الحوار هو الطريق الوحيد. وبين لافروف أن روسيا لن تتدخل. وتوترت العلاقات بين روسيا وتركيا.',
      meetings: [],
      statements: [
        { at: 'ورأى', speakers: [MEKDAD] },
        { at: 'وبين', speakers: [LAVROV] },
      ],
    },
    {
      what: 'a continuation verb with a colon reports (وتابع:)',
      text: 'قال لافروف إن الحل سياسي. وتابع: لا بديل عن الحوار.',
      meetings: [],
      statements: [
        { at: 'قال', speakers: [LAVROV] },
        { at: 'وتابع', speakers: [LAVROV] },
      ],
    },
    {
      what: 'the future of a reporting verb (سيعلن) is read from the row and the prefix',
      text: 'وسيعلن بيدرسون موعد الجولة المقبلة غدا.',
      meetings: [],
      statements: [{ at: 'وسيعلن', speakers: [PEDERSEN], tense: 'future' }],
    },
    {
      what: 'tenses: a present verb, a participle after it, a masdar after يتم',
      text: 'يؤكد لافروف أن الحل سياسي، مشيرا إلى أن الحوار مستمر. ويتم التأكيد على الحوار.',
      meetings: [],
      statements: [
        { at: 'يؤكد', tense: 'present', speakers: [LAVROV] },
        { at: 'مشيرا', tense: 'present', speakers: [LAVROV] },
        { at: 'التأكيد', tense: 'present' },
      ],
    },
    {
      what: 'boilerplate lines are skipped (شارك، اقرأ أيضا)',
      text: 'قال لافروف إن الحل سياسي.\nاقرأ أيضا: أكد بيدرسون أهمية الحوار\nشارك',
      meetings: [],
      statements: [{ at: 'قال', speakers: [LAVROV] }],
    },
  ]);
});

describe('events: robustness', () => {
  it('a text without any trigger has an article node and no children', () => {
    const a = events().analyze('سوريا وروسيا');
    assert.strictEqual(a.outline.length, 1);
    assert.deepStrictEqual(a.outline[0].children, []);
  });

  it('an empty text gives one empty article', () => {
    const a = events().analyze('');
    assert.strictEqual(a.outline.length, 1);
  });

  it('outline:false skips the events but keeps roles', () => {
    const a = events().analyze('قال وزير الخارجية الروسي سيرغي لافروف إن الحل سياسي.', { outline: false });
    assert.deepStrictEqual(a.outline, []);
    assert.strictEqual(a.roles.length, 1);
  });

  it('every node lies inside its parent and selects inside itself', () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
    const a = events().analyze(text + '\n\n\n' + text);
    assert.strictEqual(a.outline.length, 2);
    const walk = (n: OutlineNode, parent?: OutlineNode) => {
      assert.ok(n.start <= n.selectionStart && n.selectionEnd <= n.end, n.label);
      if (parent) assert.ok(parent.start <= n.start && n.end <= parent.end, `${n.label} inside ${parent.label}`);
      n.children.forEach((c) => walk(c, n));
    };
    a.outline.forEach((n) => walk(n));
    assert.strictEqual(a.outline[1].children.length, 3);
  });
});

describe('events: folding spaces in a gist', () => {
  it('equals replace(/\\s+/g, " ") on any text', () => {
    const chars = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u200a', '\u202f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b', 'ا', 'b', '،'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        assert.strictEqual(foldSpaces(s), s.replace(/\s+/g, ' '));
      }),
      { numRuns: 2000 },
    );
    assert.strictEqual(foldSpaces('a b'), 'a b');
    assert.strictEqual(foldSpaces('  a \t b  '), ' a b ');
  });
});
