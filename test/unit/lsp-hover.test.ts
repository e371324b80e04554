/**
 * Level 1: the hover card (server/src/lsp/hover.ts). The card of a real entity lists the role held on
 * the article's date first; the card of a hostile entity (HTML, command: and javascript: links,
 * markdown, bidi overrides in every field) renders as inert escaped text.
 */
import * as assert from 'assert';
import type { Mention } from '../../server/src/analysis/types';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import type { PackFile } from '../../server/src/knowledge/types';
import { compareIsoDates, heldOn, orderRoles } from '../../server/src/knowledge/dates';
import { CARD_LABELS } from '../../server/src/output/card-labels';
import { chooseLanguage } from '../../server/src/common/messages';
import { renderCard, type CardInput } from '../../server/src/lsp/hover';
import { escapeMarkdown, safeLink, WIKIPEDIA_HOST } from '../../server/src/lsp/markdown';

function kbOf(pack: PackFile): KnowledgeBase {
  return new KnowledgeBase([{ data: pack, source: '/ws/.arabic-news/test.json', builtin: false }]);
}

function mention(entityId: string, extra: Partial<Mention> = {}): Mention {
  return { start: 0, end: 5, entityId, type: 'person', form: 'name', known: true, reason: 'alias', alias: 'x', pack: 'test.pack', article: 0, ...extra };
}

function input(kb: KnowledgeBase, m: Mention, extra: Partial<CardInput> = {}): CardInput {
  return {
    mention: m,
    surface: 'بيدرسون',
    entity: kb.get(m.entityId),
    kb,
    date: '2023-06-21',
    dateSource: 'text',
    rolePhrases: [],
    mentionsInArticle: 3,
    packSource: '/ws/.arabic-news/test.json',
    ...extra,
  };
}

describe('hover card', () => {
  const kb = kbOf({
    pack: { id: 'test.pack' },
    entities: [
      { id: 'country:NO', type: 'country', name: { ar: 'النرويج', en: 'Norway' } },
      { id: 'org:united-nations', type: 'organization', name: { ar: 'الأمم المتحدة', en: 'United Nations' } },
      {
        id: 'person:geir-pedersen',
        type: 'person',
        name: { ar: 'غير بيدرسون', en: 'Geir Pedersen' },
        country: 'country:NO',
        roles: [
          { title: { ar: 'سفير', en: 'Ambassador' }, country: 'country:NO', from: '2012', to: '2017' },
          { title: { ar: 'المبعوث الخاص للأمم المتحدة إلى سوريا', en: 'UN Special Envoy for Syria' }, organization: 'org:united-nations', from: '2019-01' },
        ],
        links: { wikidata: 'Q1606546', wikipediaEn: 'Geir O. Pedersen' },
      },
    ],
  });

  it('compares partial ISO dates on their common precision', () => {
    assert.strictEqual(compareIsoDates('2019-01', '2019-01-15'), 0);
    assert.ok(compareIsoDates('2018', '2019-01-15') < 0);
    assert.ok(heldOn({ title: { ar: 'x' }, from: '2019-01' }, '2023-06-21'));
    assert.ok(!heldOn({ title: { ar: 'x' }, from: '2012', to: '2017' }, '2023-06-21'));
    assert.ok(heldOn({ title: { ar: 'x' }, from: '2012', to: '2017' }, '2017-12-31'));
  });

  it('puts the role held on the article date first', () => {
    const roles = kb.get('person:geir-pedersen')!.roles!;
    assert.strictEqual(orderRoles(roles, '2023-06-21')[0].title.en, 'UN Special Envoy for Syria');
    assert.strictEqual(orderRoles(roles, '2015-01-01')[0].title.en, 'Ambassador');
  });

  /** The card without the isolates, to read it as text. */
  const plain = (md: string) => md.replace(/[\u2066\u2068\u2069]/g, '');

  it('renders what the article says first, then the roles on its date, affiliation, links and the match reason', () => {
    const md = renderCard(input(kb, mention('person:geir-pedersen', { alias: 'بيدرسون', reason: 'short' }), { rolePhrases: ['الممثل الخاص للأمين العام للأمم المتحدة'] }));
    const lines = md.split('\n');
    // Arabic inside an English line is isolated (FSI…PDI).
    assert.strictEqual(lines[0], '**\u2068غير بيدرسون\u2069** — Geir Pedersen');
    assert.match(md, /\*person\* · `person:geir-pedersen`/);
    const said = md.indexOf('In this article: «\u2068الممثل الخاص للأمين العام للأمم المتحدة\u2069» · 3 mentions');
    const roles = md.indexOf('Roles on \u20662023\\-06\\-21\u2069 (from the article\'s date line):');
    assert.ok(said > 0 && roles > said, 'the article\'s own words come before the pack\'s roles');
    const envoy = md.indexOf('UN Special Envoy for Syria');
    const ambassador = md.indexOf('Ambassador');
    assert.ok(envoy > roles && ambassador > envoy, 'the role held on 2023-06-21 comes first');
    assert.match(md, /- \*\*\u2068المبعوث الخاص للأمم المتحدة إلى سوريا\u2069 — UN Special Envoy for Syria\*\*/);
    assert.match(plain(md), /Affiliation: Norway \(النرويج\)/);
    assert.match(md, /\[Wikidata Q1606546\]\(https:\/\/www\.wikidata\.org\/wiki\/Q1606546\)/);
    assert.match(md, /\[Wikipedia \\\(en\\\)\]\(https:\/\/en\.wikipedia\.org\/wiki\/Geir_O\.?_Pedersen\)/);
    assert.ok(md.indexOf('Links:') > ambassador);
    assert.strictEqual(lines[lines.length - 1], 'matched the short form «\u2068بيدرسون\u2069» in pack test\\.pack (test\\.json)');
  });

  it('says where the date came from, and plainly when the article has none', () => {
    const m = mention('person:geir-pedersen');
    const sources: [CardInput['dateSource'], string][] = [
      ['header', "from the file's header"],
      ['hijri', 'from the Hijri date in the article'],
      ['file-name', 'from the file name'],
      ['folder', "from the file's folder"],
      ['batch', 'from the batch input'],
      ['today', 'the article has no date: today'],
      ['setting', 'the article has no date: the default date setting'],
    ];
    for (const [dateSource, words] of sources) assert.ok(renderCard(input(kb, m, { dateSource })).includes(`(${words}):`), dateSource);
  });

  it('never shows a role that may have ended as the current one, and says so', () => {
    // The ambassador's role ends in «2017»: on a day of 2017 it may have ended.
    const md = renderCard(input(kb, mention('person:geir-pedersen'), { date: '2017-06-01' }));
    assert.doesNotMatch(md, /\*\*[^*\n]*Ambassador/);
    assert.match(plain(md), /- سفير — Ambassador \(Norway \(النرويج\)\), 2012 – 2017 \(may have ended\)/);
    // The envoy's role starts in 2019: later, so it is listed after.
    assert.ok(md.indexOf('Ambassador') < md.indexOf('UN Special Envoy'));
  });

  it('lists at most four roles and counts the rest as earlier or later', () => {
    const many = kbOf({
      pack: { id: 'test.pack' },
      entities: [
        {
          id: 'person:many',
          type: 'person',
          name: { ar: 'كثير المناصب', en: 'Many Roles' },
          roles: [1990, 1994, 1998, 2002, 2006, 2010, 2014].map((y, i) => ({ title: { ar: `منصب ${i + 1}`, en: `Office ${i + 1}` }, from: String(y), to: String(y + 3) })),
        },
      ],
    });
    const listed = (date: string) => renderCard(input(many, mention('person:many'), { date })).split('\n').filter((l) => l.startsWith('- '));
    // 2012: the office of 2010 is held; the three before it follow, most recent first.
    const in2012 = listed('2012-05-01');
    assert.strictEqual(in2012.length, 5);
    assert.match(in2012[0], /^- \*\*.*Office 6\*\*/);
    assert.deepStrictEqual(in2012.slice(1, 4).map((l) => /Office (\d)/.exec(l)![1]), ['5', '4', '3']);
    assert.strictEqual(in2012[4], '- *and 2 earlier roles, and 1 later role*');
    // 1991: the first office is held; the later ones follow, nearest first.
    const in1991 = listed('1991-05-01');
    assert.deepStrictEqual(in1991.slice(0, 4).map((l) => /Office (\d)/.exec(l)![1]), ['1', '2', '3', '4']);
    assert.strictEqual(in1991[4], '- *and 3 later roles*');
    const ar = renderCard(input(many, mention('person:many'), { date: '2012-05-01', lang: 'ar' }));
    assert.ok(ar.includes('- *ومنصبان سابقان، ومنصب لاحق واحد*'), ar);
  });

  it('has Arabic labels from the same table, with English isolated inside Arabic lines', () => {
    const md = renderCard(input(kb, mention('person:geir-pedersen', { alias: 'بيدرسون', reason: 'short' }), { lang: 'ar', rolePhrases: ['الممثل الخاص'], dateSource: 'file-name' }));
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '**غير بيدرسون** — \u2068Geir Pedersen\u2069');
    assert.ok(md.includes('*شخص*'));
    assert.ok(md.includes('في هذا الخبر: «الممثل الخاص» · 3 إشارات'));
    assert.ok(md.includes('المناصب في \u20662023\\-06\\-21\u2069 (من اسم الملف):'));
    assert.ok(md.includes('الانتماء: النرويج (\u2068Norway\u2069)'));
    assert.strictEqual(lines[lines.length - 1], 'طابق الاسم المختصر «بيدرسون» في الحزمة \u2068test\\.pack (test\\.json)\u2069');
    assert.strictEqual(chooseLanguage('auto', 'ar-EG'), 'ar');
    assert.strictEqual(chooseLanguage('auto', 'en-US'), 'en');
    assert.strictEqual(chooseLanguage('en', 'ar'), 'en');
    assert.strictEqual(chooseLanguage('ar', undefined), 'ar');
    // Every label of one language has its counterpart in the other.
    assert.deepStrictEqual(Object.keys(CARD_LABELS.ar).sort(), Object.keys(CARD_LABELS.en).sort());
    for (const k of ['type', 'source', 'reason', 'eventCodes'] as const) assert.deepStrictEqual(Object.keys(CARD_LABELS.ar[k]).sort(), Object.keys(CARD_LABELS.en[k]).sort(), k);
  });

  it('shows the country card for an adjective, with the text\'s form rather than the generated key', () => {
    const md = renderCard(input(kb, mention('country:NO', { type: 'country', form: 'adjective', reason: 'nisba', alias: 'نرويجيه' }), { surface: 'النرويجية' }));
    assert.ok(md.startsWith('**\u2068النرويج\u2069** — Norway'));
    assert.match(plain(md), /adjective «النرويجية»/);
    assert.match(plain(md), /matched the adjective «النرويجية» \(a nisba of النرويج\)/);
    assert.doesNotMatch(md, /نرويجيه/);
  });

  it('escapes every string of a hostile pack: no HTML, no command: or javascript: links, no markup', () => {
    const evil = '<img src=x onerror=alert(1)>[click](command:workbench.action.terminal.new) **bold** `code` javascript:alert(1) &lt;b&gt;';
    const hostile = kbOf({
      pack: { id: 'evil.pack' },
      entities: [
        { id: 'org:evil-org', type: 'organization', name: { ar: `منظمة ${evil}`, en: `Evil ${evil}` } },
        {
          id: 'person:evil',
          type: 'person',
          name: { ar: `شرير ${evil}\n# heading\u202Eabc`, en: `Evil\r\n---\r\n${evil}` },
          kind: evil,
          country: 'org:evil-org',
          roles: [{ title: { ar: `لقب ${evil}`, en: evil }, organization: 'org:evil-org', from: '2020' }],
          links: { wikidata: 'Q1)](command:x)', wikipediaAr: 'javascript:alert(1)', wikipediaEn: 'https://evil.example.com/wiki/x' },
        },
      ],
    });
    const m = mention('person:evil', { alias: `بديل ${evil}`, pack: 'evil.pack' });
    const md = renderCard(input(hostile, m, { rolePhrases: [`عبارة ${evil}`], surface: evil, packSource: `/x/${evil}.json` }));
    // No raw HTML: every < and > is escaped.
    assert.doesNotMatch(md, /(^|[^\\])</);
    assert.doesNotMatch(md, /(^|[^\\])>/);
    // No link other than the fixed ones: every [ and ( from pack text is escaped, and no link targets command: or javascript:.
    assert.doesNotMatch(md, /\]\((command|javascript):/i);
    assert.doesNotMatch(md, /(^|[^\\])\[click/);
    assert.doesNotMatch(md, /(^|[^\\])\*\*bold/);
    assert.doesNotMatch(md, /(^|[^\\])`code/);
    assert.doesNotMatch(md, /(^|[^\\])&lt;/);
    // No unescaped colon after "javascript" or "command", so no autolink can form.
    assert.doesNotMatch(md, /(javascript|command)(?!\\):/);
    // Pack text cannot start a block (heading, rule) or reverse the display.
    assert.doesNotMatch(md, /\n# heading/);
    assert.doesNotMatch(md, /\n---\r?\n\s*Evil/);
    // The only bidi controls are the card's own isolates, in pairs with no control inside; none comes from the pack.
    assert.doesNotMatch(md.replace(/[\u2066\u2068][^\u202A-\u202E\u2066-\u2069\r\n]*\u2069/g, ''), /[\u202A-\u202E\u2066-\u2069\r]/);
    assert.doesNotMatch(md, /\u202E/);
    // Links: the bad wikidata id and the foreign host are left out; a non-address becomes a Wikipedia page title.
    assert.match(md, /\nLinks: \[Wikipedia \\\(ar\\\)\]\(https:\/\/ar\.wikipedia\.org\/wiki\/javascript%3Aalert%281%29\)\n/);
    assert.doesNotMatch(md, /evil\.example|Wikidata/);
    // The one rule is the card's own separator before the last line.
    assert.strictEqual(md.split('\n').filter((l) => l === '---').length, 1);
    assert.strictEqual(
      md,
      [
        '**\u2068شرير \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; \\# heading abc\u2069** — Evil \\-\\-\\- \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;',
        '',
        '*person* · \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; · `person:evil`',
        '',
        'In this article: «\u2068عبارة \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\u2069» · 3 mentions',
        '',
        'Roles on \u20662023\\-06\\-21\u2069 (from the article\'s date line):',
        '- **\u2068لقب \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\u2069 — \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;** (Evil \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; (\u2068منظمة \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\u2069)), \u20662020 –\u2069',
        '',
        'Affiliation: Evil \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; (\u2068منظمة \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\u2069)',
        '',
        'Links: [Wikipedia \\(ar\\)](https://ar.wikipedia.org/wiki/javascript%3Aalert%281%29)',
        '',
        '---',
        '',
        'matched «\u2068بديل \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\u2069» in pack evil\\.pack (\\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\\.json)',
      ].join('\n'),
    );
    // The Arabic card escapes the same way and adds only its own isolates.
    const ar = renderCard(input(hostile, m, { rolePhrases: [`عبارة ${evil}`], surface: evil, packSource: `/x/${evil}.json`, lang: 'ar' }));
    assert.doesNotMatch(ar, /(^|[^\\])[<>]/m);
    assert.doesNotMatch(ar, /\]\((command|javascript):/i);
    assert.doesNotMatch(ar.replace(/[\u2066\u2068][^\u202A-\u202E\u2066-\u2069\r\n]*\u2069/g, ''), /[\u202A-\u202E\u2066-\u2069\r]/);
  });

  it('builds links only to https addresses on the allowed hosts, with brackets encoded', () => {
    assert.strictEqual(safeLink('W', 'javascript:alert(1)', WIKIPEDIA_HOST), undefined);
    assert.strictEqual(safeLink('W', 'command:workbench.action.terminal.new', WIKIPEDIA_HOST), undefined);
    assert.strictEqual(safeLink('W', 'http://ar.wikipedia.org/wiki/x', WIKIPEDIA_HOST), undefined);
    assert.strictEqual(safeLink('W', 'https://ar.wikipedia.org.evil.com/wiki/x', WIKIPEDIA_HOST), undefined);
    assert.strictEqual(safeLink('W', 'https://user:pw@ar.wikipedia.org/wiki/x', WIKIPEDIA_HOST), undefined);
    assert.strictEqual(safeLink('W', 'https://en.wikipedia.org/wiki/A_(b)', WIKIPEDIA_HOST), '[W](https://en.wikipedia.org/wiki/A_%28b%29)');
  });

  it('escapes ASCII punctuation and leaves Arabic alone', () => {
    assert.strictEqual(escapeMarkdown('سوريا'), 'سوريا');
    assert.strictEqual(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
    assert.strictEqual(escapeMarkdown('x\\y'), 'x\\\\y');
    assert.strictEqual(escapeMarkdown('a\nb\u202Ec'), 'a b c');
  });
});
