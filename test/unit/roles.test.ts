/**
 * Role phrases (TITLE + NAME) and title mentions (the title alone, earlier or later in the article),
 * on the reference article and on small snippets, against the small test pack.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Mention } from '../../server/src/analysis/types';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { mergeMentions } from '../../server/src/analysis/roles';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { loadPackFiles } from '../../server/src/knowledge/load';
import type { PackFile } from '../../server/src/knowledge/types';
import { MINI_PACK, miniAnalyzer, REPO } from './helpers/fixture';

const titles = (mentions: Mention[], text: string) => mentions.filter((m) => m.form === 'title').map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('roles: the reference article', () => {
  const text = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
  const a = miniAnalyzer().analyze(text);

  it('finds the four role phrases the article writes', () => {
    assert.deepStrictEqual(
      a.roles.map((r) => [r.text, r.entityId]),
      [
        ['الممثل الخاص للأمين العام للأمم المتحدة للشؤون السورية غير بيدرسون', 'person:geir-pedersen'],
        ['معاون وزير الخارجية والمغتربين أيمن سوسان', 'person:ayman-sousan'],
        ['نائب وزير الخارجية ميخائيل بوغدانوف', 'person:mikhail-bogdanov'],
        ['كبير مساعدي وزير الخارجية للشؤون السياسية الخاصة علي أصغر خاجي', 'person:ali-asghar-khaji'],
      ],
    );
    for (const r of a.roles) assert.strictEqual(text.slice(r.start, r.end), r.text);
  });

  it('marks the titles used without the name, before and after the role phrase', () => {
    assert.deepStrictEqual(titles(a.mentions, text), [
      ['کبیر مساعدی', 'person:ali-asghar-khaji'],
      ['كبير مساعدي وزير الخارجية', 'person:ali-asghar-khaji'],
      ['الممثل الخاص للأمين العام', 'person:geir-pedersen'],
      ['كبير مساعدي وزير الخارجية', 'person:ali-asghar-khaji'],
    ]);
    for (const m of a.mentions.filter((x) => x.form === 'title')) {
      assert.strictEqual(m.reason, 'role');
      assert.strictEqual(m.type, 'person');
    }
  });

  it('keeps mentions sorted and never overlapping, names inside titles included (الإيراني، للأمم المتحدة)', () => {
    for (let i = 1; i < a.mentions.length; i++) assert.ok(a.mentions[i - 1].end <= a.mentions[i].start, `${i}`);
    const iranian = text.indexOf('الإيراني');
    assert.ok(a.mentions.some((m) => m.start === iranian && m.entityId === 'country:IR'));
  });

  it('«مساعدي أمير عبداللهيان» is a genitive (his aides), not a role of Amir-Abdollahian', () => {
    assert.ok(!a.roles.some((r) => r.entityId === 'person:hossein-amir-abdollahian'));
  });
});

type RoleCase = [what: string, text: string, roles: [string, string][], titles: [string, string][]];

describe('roles: patterns', () => {
  const cases: RoleCase[] = [
    ['a title with ال before a name (الرئيس بشار الأسد)', 'استقبل الرئيس بشار الأسد الوفد.', [['الرئيس بشار الأسد', 'person:bashar-al-assad']], []],
    [
      'a proclitic و is not part of the role phrase',
      'وصل ونائب وزير الخارجية ميخائيل بوغدانوف إلى دمشق.',
      [['نائب وزير الخارجية ميخائيل بوغدانوف', 'person:mikhail-bogdanov']],
      [],
    ],
    [
      'the title later without the name is a title mention; a nisba may be added',
      'التقى نائب وزير الخارجية ميخائيل بوغدانوف الوفد. وقال نائب وزير الخارجية الروسي إن الحل سياسي.',
      [['نائب وزير الخارجية ميخائيل بوغدانوف', 'person:mikhail-bogdanov']],
      [['نائب وزير الخارجية', 'person:mikhail-bogdanov']],
    ],
    [
      'a title earlier than the role phrase is resolved too',
      'قال نائب وزير الخارجية إن الحل سياسي. وكان نائب وزير الخارجية ميخائيل بوغدانوف قد وصل.',
      [['نائب وزير الخارجية ميخائيل بوغدانوف', 'person:mikhail-bogdanov']],
      [['نائب وزير الخارجية', 'person:mikhail-bogdanov']],
    ],
    [
      'another country in the title is another person (نائب وزير الخارجية الإيراني ≠ Bogdanov)',
      'التقى نائب وزير الخارجية الروسي ميخائيل بوغدانوف نائب وزير الخارجية الإيراني.',
      [['نائب وزير الخارجية الروسي ميخائيل بوغدانوف', 'person:mikhail-bogdanov']],
      [],
    ],
    [
      'a name no pack knows after the title is a candidate with its own role, not the known holder',
      'وصل نائب وزير الخارجية ميخائيل بوغدانوف. ثم وصل نائب وزير الخارجية سعيد خطيب زاده.',
      [
        ['نائب وزير الخارجية ميخائيل بوغدانوف', 'person:mikhail-bogdanov'],
        ['نائب وزير الخارجية سعيد خطيب زاده', 'candidate:سعيد خطيب زاده'],
      ],
      [],
    ],
    [
      'two shared words (الممثل الخاص) are not enough',
      'التقى الممثل الخاص للأمين العام للأمم المتحدة غير بيدرسون الممثل الخاص للرئيس الروسي.',
      [['الممثل الخاص للأمين العام للأمم المتحدة غير بيدرسون', 'person:geir-pedersen']],
      [],
    ],
    [
      'the head of the chain with the minister’s name stands for the aide (كبير مساعدي أمير عبداللهيان)',
      'كبير مساعدي أمير عبداللهيان يصل إلى دمشق\nوصل كبير مساعدي وزير الخارجية علي أصغر خاجي إلى دمشق.',
      [['كبير مساعدي وزير الخارجية علي أصغر خاجي', 'person:ali-asghar-khaji']],
      [['كبير مساعدي', 'person:ali-asghar-khaji']],
    ],
    ['a comma between the title and the name breaks the apposition', 'قال الوزير، بشار الأسد إن…', [], []],
    ['a name without a title before it is no role phrase', 'قال غير بيدرسون إن الحل سياسي.', [], []],
  ];
  for (const [what, text, roles, ts] of cases) {
    it(what, () => {
      const a = miniAnalyzer().analyze(text);
      assert.deepStrictEqual(
        a.roles.map((r) => [r.text, r.entityId]),
        roles,
      );
      assert.deepStrictEqual(titles(a.mentions, text), ts);
    });
  }
});

/** Saudi names for the honorific and role-after-name cases (names only, no roles: the article gives them). */
const SAUDI: PackFile = {
  pack: { id: 'test.roles', description: 'Names for the role tests.' },
  entities: [
    { id: 'country:SA', type: 'country', name: { ar: 'السعودية', en: 'Saudi Arabia' }, nisba: ['سعودي'] },
    { id: 'person:salman', type: 'person', name: { ar: 'سلمان بن عبد العزيز', en: 'Salman bin Abdulaziz' } },
    { id: 'person:mohammed-bin-nayef', type: 'person', name: { ar: 'محمد بن نايف', en: 'Muhammad bin Nayef' } },
    { id: 'person:mohammed-bin-salman', type: 'person', name: { ar: 'محمد بن سلمان', en: 'Mohammed bin Salman' } },
    { id: 'person:adel-al-jubeir', type: 'person', name: { ar: 'عادل الجبير', en: 'Adel al-Jubeir' }, aliases: [{ ar: 'الجبير', short: true }] },
  ],
};

let saudi: Analyzer | undefined;
function saudiAnalyzer(): Analyzer {
  saudi ??= new Analyzer(new KnowledgeBase([...loadPackFiles([MINI_PACK], false).packs, { data: SAUDI, source: 'test', builtin: false }]));
  return saudi;
}

describe('roles: the roles an article gives after the name, with a clitic, and titles of honour', () => {
  const JUBEIR = 'person:adel-al-jubeir';
  const cases: RoleCase[] = [
    [
      'a role after the name (عادل الجبير وزير الخارجية السعودي), then the title alone',
      'قال عادل الجبير وزير الخارجية السعودي إن الحل سياسي. وأكد وزير الخارجية أن الحوار مستمر.',
      [['عادل الجبير وزير الخارجية السعودي', JUBEIR]],
      [['وزير الخارجية', JUBEIR]],
    ],
    [
      'a role after the name between commas',
      'وصل عادل الجبير، وزير الخارجية السعودي، إلى دمشق.',
      [['عادل الجبير، وزير الخارجية السعودي', JUBEIR]],
      [],
    ],
    [
      'a title after a name that stands before another name is the other’s role',
      'التقى عادل الجبير نائب وزير الخارجية ميخائيل بوغدانوف.',
      [['نائب وزير الخارجية ميخائيل بوغدانوف', 'person:mikhail-bogdanov']],
      [],
    ],
    [
      'a title with a clitic preposition heads a role phrase (بوزير الخارجية), and later uses with a clitic are title mentions',
      'والتقى بوزير الخارجية السعودي عادل الجبير في الرياض. وفي تصريح لوزير الخارجية السعودي، أكد أن الحوار مستمر.',
      [['وزير الخارجية السعودي عادل الجبير', JUBEIR]],
      // The title mention stops where the nisba's own mention starts.
      [['وزير الخارجية', JUBEIR]],
    ],
    [
      'the Saudi king’s title of honour heads his role (خادم الحرمين الشريفين), and is his title later',
      'استقبل خادم الحرمين الشريفين الملك سلمان بن عبد العزيز الوفد. وأكد خادم الحرمين الشريفين أن الحوار مستمر.',
      [['خادم الحرمين الشريفين الملك سلمان بن عبد العزيز', 'person:salman']],
      [['خادم الحرمين الشريفين', 'person:salman']],
    ],
    [
      'ولي العهد and ولي ولي العهد are two titles, each resolved later',
      'وحضر ولي العهد الأمير محمد بن نايف وولي ولي العهد الأمير محمد بن سلمان. وقال ولي ولي العهد إن الحوار مهم. وأضاف ولي العهد أن الحل سياسي.',
      [
        ['ولي العهد الأمير محمد بن نايف', 'person:mohammed-bin-nayef'],
        ['ولي ولي العهد الأمير محمد بن سلمان', 'person:mohammed-bin-salman'],
      ],
      [
        ['ولي ولي العهد', 'person:mohammed-bin-salman'],
        ['ولي العهد', 'person:mohammed-bin-nayef'],
      ],
    ],
    [
      'المندوب الخاص is a role like المبعوث الخاص',
      'وصل المندوب الخاص غير بيدرسون إلى دمشق. وقال المبعوث الخاص إن الحوار مستمر.',
      [['المندوب الخاص غير بيدرسون', 'person:geir-pedersen']],
      [],
    ],
    [
      'an honorific inside the title is no part of it (وزير الخارجية الأستاذ عادل الجبير)',
      'أكد معالي وزير الخارجية الأستاذ عادل الجبير أن الحل سياسي. ورأى وزير الخارجية أن الحوار مهم.',
      [['وزير الخارجية الأستاذ عادل الجبير', JUBEIR]],
      [['وزير الخارجية', JUBEIR]],
    ],
  ];
  for (const [what, text, roles, ts] of cases) {
    it(what, () => {
      const a = saudiAnalyzer().analyze(text);
      assert.deepStrictEqual(
        a.roles.map((r) => [r.text, r.entityId]),
        roles,
      );
      assert.deepStrictEqual(titles(a.mentions, text), ts);
    });
  }
});

describe('roles: mergeMentions', () => {
  const m = (start: number, end: number, id: string): Mention => ({
    start,
    end,
    entityId: id,
    type: 'person',
    form: 'name',
    known: true,
    reason: 'alias',
    alias: '',
    pack: 't',
    article: 0,
  });
  it('inserts title mentions in order and drops one that overlaps a name', () => {
    const names = [m(0, 5, 'a'), m(20, 25, 'b')];
    const merged = mergeMentions(names, [m(8, 12, 'x'), m(22, 30, 'y'), m(40, 45, 'z')]);
    assert.deepStrictEqual(
      merged.map((x) => x.entityId),
      ['a', 'x', 'b', 'z'],
    );
  });
});
