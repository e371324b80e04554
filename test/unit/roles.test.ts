/**
 * Role phrases (TITLE + NAME) and title mentions (the title alone, earlier or later in the article),
 * on the reference article and on small snippets, against the small test pack.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Mention } from '../../server/src/analysis/types';
import { mergeMentions } from '../../server/src/analysis/roles';
import { miniAnalyzer, REPO } from './helpers/fixture';

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
