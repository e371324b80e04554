/**
 * The article's date through the command line: every route to a date on the reference article gives
 * the June 2023 roles; the acceptance case (Kerry, al-Jubeir, de Mistura in July 2015) by --date, the
 * file name and a Hijri dateline; a table of dated role questions answered by the JSON's roleAtDate;
 * the CSV (events and entities) with its date, kind, names and byte-order mark, opened in LibreOffice;
 * `kb show` without a match; a broken --pack.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadKnowledgeBase } from '../../server/src/knowledge/load';
import { REPO } from './helpers/fixture';

function cli(args: string[], input?: string, cwd?: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { input, cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface Doc {
  articles: { date?: string; dateSource?: string }[];
  entities: { id: string; type: string; roleAtDate?: { title: { ar: string; en?: string }; status: string; start?: string; end?: string } }[];
}

/** The English title of each person's roleAtDate (first mention), and the first article's date and source. */
function rolesOf(doc: Doc): { date?: string; source?: string; roles: Record<string, string | undefined> } {
  const roles: Record<string, string | undefined> = {};
  for (const e of doc.entities) if (e.type === 'person' && !(e.id in roles)) roles[e.id] = e.roleAtDate?.title.en;
  return { date: doc.articles[0]?.date, source: doc.articles[0]?.dateSource, roles };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anl-dates-'));
const write = (rel: string, text: string) => {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

describe('news-lens: the article date by every route', function () {
  this.timeout(120000);
  const article = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
  const [headline, ...body] = article.split('\n');
  const JUNE_2023 = {
    'person:geir-pedersen': 'UN Special Envoy for Syria',
    'person:hossein-amir-abdollahian': 'Minister of Foreign Affairs',
    'person:ayman-sousan': 'Assistant Minister of Foreign Affairs and Expatriates',
  };
  // Each route, with the file it reads, extra arguments, and the source the JSON must name.
  const routes: [string, string, string[], string][] = [
    ['--date', write('plain/astana.txt', article), ['--date', '2023-06-21'], 'option'],
    ['the file name', write('plain/2023-06-21-astana.txt', article), [], 'file-name'],
    ['a compact date in the file name', write('plain/20230621_astana.txt', article), [], 'file-name'],
    ['the folders', write('archive/2023/06/21/astana.txt', article), [], 'folder'],
    ['front matter', write('plain/front.txt', `---\ndate: 2023-06-21\n---\n${article}`), [], 'header'],
    ['a Date: line', write('plain/header.txt', `Date: 2023-06-21\n${article}`), [], 'header'],
    ['an Arabic date line', write('plain/arabic-header.txt', `التاريخ: 2023-06-21\n${article}`), [], 'header'],
    ['a dateline in the text', write('plain/dateline.txt', [headline, `أستانا - 21 حزيران/يونيو 2023 - ${body[0]}`, ...body.slice(1)].join('\n')), [], 'text'],
    ['a Hijri dateline', write('plain/hijri.txt', [headline, `أستانا - 3 ذو الحجة 1444هـ - ${body[0]}`, ...body.slice(1)].join('\n')), [], 'hijri'],
  ];
  for (const [what, file, args, source] of routes) {
    it(`${what}: June 2023 roles, dateSource ${source}`, () => {
      const r = cli(['--format', 'json', ...args, file]);
      assert.strictEqual(r.status, 0, r.stderr);
      const got = rolesOf(JSON.parse(r.stdout));
      assert.deepStrictEqual([got.date, got.source], ['2023-06-21', source]);
      for (const [id, title] of Object.entries(JUNE_2023)) assert.strictEqual(got.roles[id], title, id);
    });
  }

  it('a header beats --date, and --date beats the file name', () => {
    const front = routes[4][1];
    assert.strictEqual(rolesOf(JSON.parse(cli(['--format', 'json', '--date', '2015-07-22', front]).stdout)).source, 'header');
    const named = routes[1][1];
    const got = rolesOf(JSON.parse(cli(['--format', 'json', '--date', '2015-07-22', named]).stdout));
    assert.deepStrictEqual([got.date, got.source], ['2015-07-22', 'option']);
  });

  it('--jsonl: a "date" field per line, and the text still wins over it', () => {
    const lines = [JSON.stringify({ id: 'a', text: article, date: '2023-06-21' }), JSON.stringify({ id: 'b', text: `التاريخ: 2015-07-22\n${article}`, date: '2023-06-21' })];
    const r = cli(['--jsonl'], lines.join('\n') + '\n');
    assert.strictEqual(r.status, 0, r.stderr);
    const [a, b] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual([a.date, a.dateSource], ['2023-06-21', 'batch']);
    assert.strictEqual(rolesOf(a).roles['person:geir-pedersen'], 'UN Special Envoy for Syria');
    assert.deepStrictEqual([b.date, b.dateSource], ['2015-07-22', 'header']);
    // In July 2015 Pedersen was Norway's ambassador to the UN, not the Syria envoy.
    assert.strictEqual(rolesOf(b).roles['person:geir-pedersen'], 'Permanent Representative of Norway to the United Nations');
    const bad = cli(['--jsonl'], JSON.stringify({ id: 'x', text: 'نص', date: '22/07/2015' }) + '\n');
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr, /stdin line 1: "date" must be YYYY-MM-DD/);
  });

  it('--date must be a date', () => {
    for (const bad of ['2015-7-22', 'yesterday', '2015-02-30']) {
      const r = cli(['--date', bad, routes[0][1]]);
      assert.strictEqual(r.status, 2, bad);
      assert.match(r.stderr, /--date needs a date/);
    }
  });
});

describe('news-lens: acceptance (July 2015)', function () {
  this.timeout(60000);
  const text = 'كيري والجبير يبحثان الأزمة السورية\nالتقى وزير الخارجية الأمريكي جون كيري نظيره السعودي عادل الجبير، وبحثا مع المبعوث الأممي ستافان دي ميستورا سبل الحل في سوريا.\n';
  const JULY_2015 = {
    'person:john-kerry': 'Secretary of State',
    'person:adel-al-jubeir': 'Minister of Foreign Affairs',
    'person:staffan-de-mistura': 'UN Special Envoy for Syria',
  };
  const cases: [string, string[], string][] = [
    ['--date 2015-07-22', ['--date', '2015-07-22', write('kerry/plain.txt', text)], 'option'],
    ['a file named 2015-07-22-anything.txt', [write('kerry/2015-07-22-anything.txt', text)], 'file-name'],
    // 6 Shawwal 1436 is 22 July 2015 in the Umm al-Qura calendar.
    ['a Hijri dateline', [write('kerry/hijri.txt', text.replace('\n', '\nالرياض - الأربعاء 6 شوال 1436هـ - '))], 'hijri'],
  ];
  for (const [what, args, source] of cases) {
    it(`${what}: Kerry, al-Jubeir and de Mistura in their July 2015 offices`, () => {
      const r = cli(['--format', 'json', ...args]);
      assert.strictEqual(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as Doc;
      const got = rolesOf(doc);
      assert.deepStrictEqual([got.date, got.source], ['2015-07-22', source]);
      for (const [id, title] of Object.entries(JULY_2015)) assert.strictEqual(got.roles[id], title, id);
      const jubeir = doc.entities.find((e) => e.id === 'person:adel-al-jubeir')!.roleAtDate!;
      assert.deepStrictEqual([jubeir.title.ar, jubeir.start, jubeir.status], ['وزير الخارجية', '2015-04-29', 'held']);
    });
  }

  it('without a date the article is dated today and says so', () => {
    const r = cli(['--format', 'json', write('kerry/undated.txt', text)]);
    const got = rolesOf(JSON.parse(r.stdout));
    assert.deepStrictEqual([got.date, got.source], [new Date().toISOString().slice(0, 10), 'today']);
  });
});

describe('news-lens: dated role questions (test/unit/data/roles-on-dates.tsv)', function () {
  this.timeout(60000);
  const rows = fs
    .readFileSync(path.join(REPO, 'test', 'unit', 'data', 'roles-on-dates.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  it('has at least 40 questions over at least 25 people', () => {
    assert.ok(rows.length >= 40, String(rows.length));
    assert.ok(new Set(rows.map((r) => r[0])).size >= 25);
  });

  // One --jsonl run: each question is a line naming the person, with the date as the line's "date".
  const names = new Map<string, string>();
  let answers: Doc[] = [];
  before(() => {
    const { kb } = loadKnowledgeBase([]);
    for (const id of new Set(rows.map((r) => r[0]))) {
      const e = kb.get(id);
      assert.ok(e, `${id} is not in the packs`);
      names.set(id, e.name.ar);
    }
    const input = rows.map(([id, date], i) => JSON.stringify({ id: i, text: `وقال ${names.get(id)} إن المحادثات كانت مثمرة.`, date })).join('\n') + '\n';
    const r = cli(['--jsonl'], input);
    assert.strictEqual(r.status, 0, r.stderr);
    answers = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  });
  rows.forEach(([id, date, title, status], i) => {
    it(`${id} on ${date}: ${title === '-' ? 'no role' : `${title} (${status})`}`, () => {
      const doc = answers[i];
      assert.strictEqual(doc.articles[0].date, date);
      const mention = doc.entities.find((e) => e.id === id);
      assert.ok(mention, `${id} is not found in «${names.get(id)}»`);
      if (title === '-') assert.strictEqual(mention.roleAtDate, undefined);
      else assert.deepStrictEqual([mention.roleAtDate?.title.en, mention.roleAtDate?.status], [title, status]);
    });
  });
});

describe('news-lens: CSV', function () {
  this.timeout(120000);
  const file = write('csv/2015-07-22-kerry.txt', 'كيري والجبير يبحثان الأزمة السورية\nالتقى وزير الخارجية الأمريكي جون كيري نظيره السعودي عادل الجبير في جدة.\nوأكد كيري دعم بلاده للحل السياسي في سوريا.\n');

  it('events: a byte-order mark, the date, the kind and the actors by name', () => {
    const r = cli(['--format', 'csv', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\ufeffarticle,date,date source,kind,code,source actors,source actors (en),target actors,target actors (en),place,place (en),sentence,source ids,target ids\r\n'));
    const rows = r.stdout.slice(1).trimEnd().split('\r\n').slice(1);
    assert.ok(rows.length >= 2, r.stdout);
    assert.ok(rows.every((l) => l.includes(',2015-07-22,file-name,')));
    assert.ok(rows.some((l) => l.includes(',meeting,040,جون كيري,John Kerry,عادل الجبير,Adel al-Jubeir,')), r.stdout);
    assert.ok(rows.some((l) => /,statement,\d{3},جون كيري,John Kerry,/.test(l)), r.stdout);
    assert.ok(!cli(['--format', 'csv', '--no-bom', file]).stdout.startsWith('\ufeff'));
  });

  it('entities (--csv entities): one row per mention with the role on the date', () => {
    const r = cli(['--format', 'csv', '--csv', 'entities', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    const [header, ...rows] = r.stdout.slice(1).trimEnd().split('\r\n');
    assert.strictEqual(header, 'start,end,text,type,form,id,name_ar,name_en,reason,alias,pack,article,date,date_source,role_ar,role_en,role_status');
    assert.ok(rows.some((l) => l.includes(',person:john-kerry,جون كيري,John Kerry,') && l.endsWith(',1,2015-07-22,file-name,وزير الخارجية,Secretary of State,held')));
    assert.strictEqual(cli(['--format', 'csv', '--csv', 'rows', file]).status, 2);
  });

  it('opens in LibreOffice with the Arabic intact', function () {
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (soffice.error) {
      // On CI a missing LibreOffice is a failure, not a skip (see .ci: apt-get install libreoffice-calc).
      if (process.env.CI) assert.fail('soffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc');
      this.skip();
    }
    const out = path.join(dir, 'xlsx');
    const csv = write('csv/entities.csv', cli(['--format', 'csv', '--csv', 'entities', file]).stdout);
    // LibreOffice 7.4 does not read the byte-order mark when converting headless: the filter names UTF-8 (76).
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    const conv = spawnSync('soffice', [profile, '--headless', '--infilter=CSV:44,34,76', '--convert-to', 'xlsx', '--outdir', out, csv], { encoding: 'utf8', timeout: 90000 });
    assert.strictEqual(conv.status, 0, conv.stderr);
    const xlsx = path.join(out, 'entities.xlsx');
    assert.ok(fs.existsSync(xlsx), conv.stdout + conv.stderr);
    // Back to CSV from the spreadsheet: the cells must be those written.
    const back = spawnSync('soffice', [profile, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', path.join(dir, 'back'), xlsx], { encoding: 'utf8', timeout: 90000 });
    assert.strictEqual(back.status, 0, back.stderr);
    const cells = fs.readFileSync(path.join(dir, 'back', 'entities.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    const written = fs.readFileSync(csv, 'utf8').slice(1).replace(/\r\n/g, '\n').trimEnd().split('\n');
    assert.strictEqual(cells[0], written[0], 'the header, without the byte-order mark');
    assert.ok(cells.some((l) => l.includes('جون كيري') && l.includes('وزير الخارجية')), cells.join('\n'));
    assert.strictEqual(cells.length, written.length);
  });
});

describe('news-lens: kb show and broken packs', function () {
  this.timeout(60000);
  it('kb show with no match says so and suggests close aliases', () => {
    const r = cli(['kb', 'show', 'جون كيريي']);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /no entity matches «جون كيريي»; close aliases:\n {2}جون كيري {2}\(person:john-kerry\)/);
    const none = cli(['kb', 'show', 'zzzzqqq']);
    assert.strictEqual(none.status, 1);
    assert.strictEqual(none.stderr, 'news-lens: no entity matches «zzzzqqq»\n');
  });

  it('a broken --pack exits 2, unless --keep-going', () => {
    const broken = write('packs/broken.json', '{"pack": {"id": "x"}, "entities": [{"id": 1}]}');
    const text = write('packs/article.txt', 'التقى جون كيري عادل الجبير.\n');
    const stop = cli(['--format', 'json', '--pack', broken, text]);
    assert.strictEqual(stop.status, 2);
    assert.strictEqual(stop.stdout, '');
    assert.match(stop.stderr, /broken\.json.*\n[^]*--keep-going/);
    const going = cli(['--format', 'json', '--keep-going', '--pack', broken, text]);
    assert.strictEqual(going.status, 0, going.stderr);
    assert.match(going.stderr, /a pack given with --pack has errors and was not loaded/);
    assert.ok(JSON.parse(going.stdout).entities.some((e: { id: string }) => e.id === 'person:john-kerry'));
  });
});
