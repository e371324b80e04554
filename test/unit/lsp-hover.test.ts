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
    dateFromArticle: true,
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

  it('renders names, type, roles, role phrases, affiliation, mentions, links and the match reason', () => {
    const md = renderCard(input(kb, mention('person:geir-pedersen', { alias: 'بيدرسون', reason: 'short' }), { rolePhrases: ['الممثل الخاص للأمين العام للأمم المتحدة'] }));
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '**غير بيدرسون** — Geir Pedersen');
    assert.match(md, /\*person\* · `person:geir-pedersen`/);
    const envoy = md.indexOf('UN Special Envoy for Syria');
    const ambassador = md.indexOf('Ambassador');
    assert.ok(envoy > 0 && ambassador > envoy, 'the role held on 2023-06-21 comes first');
    assert.match(md, /Roles \(article dated 2023\\-06\\-21\):/);
    assert.match(md, /In this article: «الممثل الخاص للأمين العام للأمم المتحدة»/);
    assert.match(md, /Affiliation: Norway \\\(النرويج\\\)/);
    assert.match(md, /Mentions in this article: 3/);
    assert.match(md, /\[Wikidata Q1606546\]\(https:\/\/www\.wikidata\.org\/wiki\/Q1606546\)/);
    assert.match(md, /\[Wikipedia \\\(en\\\)\]\(https:\/\/en\.wikipedia\.org\/wiki\/Geir_O\.?_Pedersen\)/);
    assert.strictEqual(lines[lines.length - 1], 'matched the short form «بيدرسون» in pack test\\.pack \\(test\\.json\\)');
  });

  it('shows the country card for an adjective', () => {
    const md = renderCard(input(kb, mention('country:NO', { type: 'country', form: 'adjective', reason: 'nisba', alias: 'نرويجي' }), { surface: 'النرويجي' }));
    assert.ok(md.startsWith('**النرويج** — Norway'));
    assert.match(md, /adjective «النرويجي»/);
    assert.match(md, /matched the adjective «نرويجي»/);
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
    // The only bidi controls are the card's own isolates around a date range; none comes from the pack.
    assert.doesNotMatch(md.replace(/\u2066[0-9\\\-…]+ –(?: [0-9\\-]+)?\u2069/g, ''), /[\u202A-\u202E\u2066-\u2069\r]/);
    // Links: the bad wikidata id and the foreign host are left out; a non-address becomes a Wikipedia page title.
    assert.match(md, /\nLinks: \[Wikipedia \\\(ar\\\)\]\(https:\/\/ar\.wikipedia\.org\/wiki\/javascript%3Aalert%281%29\)\n/);
    assert.doesNotMatch(md, /evil\.example|Wikidata/);
    // The one rule is the card's own separator before the last line.
    assert.strictEqual(md.split('\n').filter((l) => l === '---').length, 1);
    assert.strictEqual(
      md,
      [
        '**شرير \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; \\# heading abc** — Evil \\-\\-\\- \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;',
        '',
        '*person* · \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; · `person:evil`',
        '',
        'Roles (article dated 2023\\-06\\-21):',
        '- **لقب \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; — \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;** (Evil \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; \\(منظمة \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\\)), \u20662020 –\u2069',
        '',
        'In this article: «عبارة \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;»',
        '',
        'Affiliation: Evil \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\; \\(منظمة \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\\)',
        '',
        'Mentions in this article: 3',
        '',
        'Links: [Wikipedia \\(ar\\)](https://ar.wikipedia.org/wiki/javascript%3Aalert%281%29)',
        '',
        '---',
        '',
        'matched «بديل \\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;» in pack evil\\.pack \\(\\<img src\\=x onerror\\=alert\\(1\\)\\>\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\*\\*bold\\*\\* \\`code\\` javascript\\:alert\\(1\\) \\&lt\\;b\\&gt\\;\\.json\\)',
      ].join('\n'),
    );
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
