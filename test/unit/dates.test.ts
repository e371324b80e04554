/**
 * The article's date: every form it can be written in, with its ISO date and source; the order in
 * which the sources win; several articles in one file; the role a person held on a date.
 */
import * as assert from 'assert';
import { segmentArticles } from '../../server/src/analysis/articles';
import { dayInPeriod, findDayMonth, findHijriDate, hijriToIso, pathDate, resolveDates, type DateOptions, type DateSource } from '../../server/src/analysis/dates';
import type { Article } from '../../server/src/analysis/types';
import { dateHeaderEdit, isIsoDay } from '../../server/src/common/date-header';
import { IncrementalAnalyzer } from '../../server/src/analysis/incremental';
import { miniAnalyzer } from './helpers/fixture';
import { roleOnDate, roleStatus, orderRoles, type RoleStatus } from '../../server/src/knowledge/dates';
import type { Role } from '../../server/src/knowledge/types';

const TODAY = '2026-01-15';

/** The date and source of each article of `text` with `options`. */
function datesOf(text: string, options: DateOptions = {}): [string | undefined, DateSource | undefined][] {
  const articles: Article[] = segmentArticles(text);
  resolveDates(articles, { today: TODAY, ...options });
  return articles.map((a) => [a.date, a.dateSource]);
}

describe('article dates: each form', () => {
  const BODY = '\nوصل المبعوث الخاص إلى العاصمة وأجرى محادثات.';
  const table: [string, string, string, DateSource][] = [
    ['Gregorian month in a dateline', 'الرياض - 21 يونيو 2023 - أعلن الوزير' + BODY, '2023-06-21', 'text'],
    ['Levantine month', 'دمشق، 21 حزيران 2023 (سانا)' + BODY, '2023-06-21', 'text'],
    ['numeric, day first', 'الأربعاء 21-6-2023' + BODY, '2023-06-21', 'text'],
    ['Hijri in words', 'الرياض - الأحد 25 شوال 1436هـ' + BODY, '2015-08-10', 'hijri'],
    ['Hijri in words with a space before هـ', 'جدة 1 رمضان 1436 هـ' + BODY, '2015-06-18', 'hijri'],
    // The Umm al-Qura calendar's day; that year the moon sighting put Eid a day later.
    ['Hijri with ذي الحجة', 'مكة المكرمة 10 ذي الحجة 1436هـ' + BODY, '2015-09-23', 'hijri'],
    ['Hijri digits, year first', 'الرياض 1436/10/25هـ' + BODY, '2015-08-10', 'hijri'],
    ['Hijri digits, day first', 'الرياض 25/10/1436هـ' + BODY, '2015-08-10', 'hijri'],
    ['Hijri in Arabic-Indic digits', 'الرياض ١٤٣٦/١٠/٢٥هـ' + BODY, '2015-08-10', 'hijri'],
    ['Hijri with the Gregorian beside: the Gregorian is read', 'الاثنين 26 شوال 1436هـ - 10 أغسطس 2015م' + BODY, '2015-08-10', 'text'],
    ['header line in English', 'Date: 2015-08-10\nعنوان الخبر' + BODY, '2015-08-10', 'header'],
    ['header line in Arabic', 'التاريخ: 2015-08-10\nعنوان الخبر' + BODY, '2015-08-10', 'header'],
    ['header line with an Arabic date', 'التاريخ: 10 أغسطس 2015\nعنوان الخبر' + BODY, '2015-08-10', 'header'],
    ['front matter', '---\ntitle: x\ndate: 2015-08-10\n---\nعنوان الخبر' + BODY, '2015-08-10', 'header'],
  ];
  for (const [what, text, iso, source] of table) {
    it(`${what}: ${iso} (${source})`, () => {
      assert.deepStrictEqual(datesOf(text)[0], [iso, source]);
    });
  }

  const paths: [string, string | undefined, ('file-name' | 'folder')?][] = [
    ['/news/2015-07-22-kerry-visit.txt', '2015-07-22', 'file-name'],
    ['C:\\news\\20150722_kerry.txt', '2015-07-22', 'file-name'],
    ['/news/kerry_2015_07_22.ar.txt', '2015-07-22', 'file-name'],
    ['/archive/2015/07/22/story.txt', '2015-07-22', 'folder'],
    ['/archive/2015-07-22/story.txt', '2015-07-22', 'folder'],
    ['/archive/2015/07/story.txt', '2015-07', 'folder'],
    ['/archive/story-12345678.txt', undefined],
    ['/archive/2015-13-40-story.txt', undefined],
    ['/archive/item20150722.txt', undefined],
  ];
  for (const [p, iso, source] of paths) {
    it(`path ${p}: ${iso ?? 'no date'}`, () => {
      assert.deepStrictEqual(pathDate(p), iso ? { iso, source } : undefined);
    });
  }

  it('the file name, the batch field, the option, the setting and today each give a date', () => {
    const text = 'عنوان الخبر' + BODY;
    assert.deepStrictEqual(datesOf(text, { path: '/n/2015-07-22-x.txt' })[0], ['2015-07-22', 'file-name']);
    assert.deepStrictEqual(datesOf(text, { batchDate: '2015-07-22' })[0], ['2015-07-22', 'batch']);
    assert.deepStrictEqual(datesOf(text, { date: '2015-07-22' })[0], ['2015-07-22', 'option']);
    assert.deepStrictEqual(datesOf(text, { defaultDate: '2015-07-22' })[0], ['2015-07-22', 'setting']);
    assert.deepStrictEqual(datesOf(text, { defaultDate: '' })[0], [TODAY, 'today']);
    assert.deepStrictEqual(datesOf(text, { date: 'yesterday', batchDate: '2015-02-30' })[0], [TODAY, 'today']);
  });

  it('Umm al-Qura conversion agrees with ICU across a year boundary and refuses days that do not exist', () => {
    assert.strictEqual(hijriToIso(1437, 1, 1), '2015-10-14');
    assert.strictEqual(hijriToIso(1445, 3, 12), '2023-09-27');
    assert.strictEqual(hijriToIso(1436, 10, 31), undefined);
    assert.strictEqual(findHijriDate('سقط صفر 1436 مرة'), undefined);
    // Every spelling of a two-word month reads as its month.
    const spellings: [string, number][] = [
      ['ربيع الأول', 3], ['ربيع أول', 3], ['ربيع الآخر', 4], ['ربيع الثاني', 4],
      ['جمادى الأولى', 5], ['جمادى الأول', 5], ['جمادى الآخرة', 6], ['جمادى الثانية', 6],
      ['ذو القعدة', 11], ['ذي القعدة', 11], ['ذو الحجة', 12], ['ذي الحجة', 12], ['محرم', 1], ['المحرم', 1],
    ];
    for (const [name, month] of spellings) assert.strictEqual(findHijriDate(`5 ${name} 1436هـ`)?.iso, hijriToIso(1436, month, 5), name);
    assert.strictEqual(findHijriDate('في 3 رجب 2015'), undefined);
  });
});

describe('article dates: a day and month without a year, within a known month or year', () => {
  const body = '\nوصل المبعوث الخاص إلى العاصمة وأجرى محادثات.';
  const table: [string, string, DateOptions, string, DateSource][] = [
    ['a Gregorian day in a folder\'s month', 'الرياض 22 يوليو (واس) - أعلن الوزير' + body, { path: '/archive/2015/07/story.txt' }, '2015-07-22', 'text'],
    ['a Levantine month in the batch\'s year', 'دمشق، 22 تموز (سانا)' + body, { batchDate: '2015' }, '2015-07-22', 'text'],
    ['a Hijri day in the batch\'s year', 'جدة 6 شوال - وصل الوزير' + body, { batchDate: '2015' }, '2015-07-22', 'hijri'],
    ['a Hijri day in a folder\'s month', 'جدة 6 شوال - وصل الوزير' + body, { path: '/archive/2015/07/story.txt' }, '2015-07-22', 'hijri'],
    ['a day outside the known month is not used', 'الرياض 22 يوليو (واس) - أعلن الوزير' + body, { path: '/archive/2015/08/story.txt' }, '2015-08', 'folder'],
    ['a known full day is not overridden', 'الرياض 22 يوليو (واس) - أعلن الوزير' + body, { path: '/n/2015-07-23-story.txt' }, '2015-07-23', 'file-name'],
    ['nothing known: no year is guessed', 'الرياض 22 يوليو (واس) - أعلن الوزير' + body, {}, TODAY, 'today'],
  ];
  for (const [what, text, options, iso, source] of table) {
    it(what, () => assert.deepStrictEqual(datesOf(text, options)[0], [iso, source]));
  }

  it('reads the day and month in the text\'s spellings', () => {
    assert.deepStrictEqual(findDayMonth('الرياض 22 يوليو (واس)'), { day: 22, month: 7, hijri: false });
    assert.deepStrictEqual(findDayMonth('15 تشرين الأول'), { day: 15, month: 10, hijri: false });
    assert.deepStrictEqual(findDayMonth('5 جمادى الآخرة'), { day: 5, month: 6, hijri: true });
    assert.strictEqual(findDayMonth('في يوليو الماضي'), undefined);
    assert.strictEqual(dayInPeriod({ day: 31, month: 6, hijri: false }, '2015'), undefined);
  });
});

describe('article dates: which source wins', () => {
  const dated = 'الرياض - 21 يونيو 2023 - أعلن الوزير\nوصل المبعوث.';
  const undated = 'عنوان الخبر\nوصل المبعوث الخاص إلى العاصمة.';
  const all = { date: '2014-01-02', path: '/n/2013-03-04-x.txt', batchDate: '2012-05-06', defaultDate: '2011-07-08' };
  const table: [string, string, DateOptions, string, DateSource][] = [
    ['a header beats everything', 'Date: 2015-08-10\n' + dated, all, '2015-08-10', 'header'],
    ['front matter beats --date', '---\ndate: 2015-08-10\n---\n' + dated, all, '2015-08-10', 'header'],
    ['--date beats the text', dated, all, '2014-01-02', 'option'],
    ['the text beats the file name', dated, { ...all, date: undefined }, '2023-06-21', 'text'],
    ['the file name beats the batch field', undated, { ...all, date: undefined }, '2013-03-04', 'file-name'],
    ['the batch field beats the setting', undated, { batchDate: '2012-05-06', defaultDate: '2011-07-08' }, '2012-05-06', 'batch'],
    ['the setting beats today', undated, { defaultDate: '2011-07-08' }, '2011-07-08', 'setting'],
  ];
  for (const [what, text, options, iso, source] of table) {
    it(what, () => assert.deepStrictEqual(datesOf(text, options)[0], [iso, source]));
  }
});

describe('article dates: several articles in one file', () => {
  const text = [
    'أول خبر',
    'الرياض - 21 يونيو 2023 - وصل المبعوث.',
    '',
    '',
    'ثاني خبر',
    'جدة 25 شوال 1436هـ - وصل الوزير.',
    '',
    'التاريخ: 2019-01-07',
    'ثالث خبر',
    'وصل السفير.',
    '',
    '',
    'رابع خبر بلا تاريخ',
    'وصل الوفد.',
  ].join('\n');

  it('each article has its own date, and an undated one falls back to the file', () => {
    assert.deepStrictEqual(datesOf(text, { path: '/n/2016-02-03-digest.txt' }), [
      ['2023-06-21', 'text'],
      ['2015-08-10', 'hijri'],
      ['2019-01-07', 'header'],
      ['2016-02-03', 'file-name'],
    ]);
  });

  it('a header line after one blank line starts an article, and the headline is the line after it', () => {
    const articles = segmentArticles(text);
    assert.strictEqual(articles.length, 4);
    const third = articles[2];
    assert.strictEqual(text.slice(third.headline!.start, third.headline!.end), 'ثالث خبر');
  });

  it('front matter holds for every article without a header of its own', () => {
    const withFront = '---\ndate: 2015-07-22\n---\n' + text;
    assert.deepStrictEqual(
      datesOf(withFront).map((d) => d[0]),
      ['2015-07-22', '2015-07-22', '2019-01-07', '2015-07-22'],
    );
    // The front matter is no article of its own.
    assert.strictEqual(segmentArticles(withFront).length, 4);
  });
});

describe('roles on a date', () => {
  const role = (from?: string, to?: string): Role => ({ title: { ar: 'منصب', en: 'Office' }, from, to });
  const table: [string | undefined, string | undefined, string, RoleStatus][] = [
    // Year precision.
    ['2005', '2015', '2010-03-01', 'held'],
    ['2005', '2015', '2015-07-22', 'may-have-ended'],
    ['2005', '2015', '2015', 'held'],
    ['2005', '2015', '2016-01-01', 'ended'],
    ['2005', '2015', '2004-12-31', 'not-started'],
    ['2005', '2015', '2005-01-01', 'held'],
    ['2005', undefined, '2030-01-01', 'held'],
    // Month precision.
    ['2014-07', '2018-12', '2018-12-15', 'may-have-ended'],
    ['2014-07', '2018-12', '2018-11-30', 'held'],
    ['2014-07', '2018-12', '2019-01-01', 'ended'],
    ['2014-07', '2018-12', '2014-06-30', 'not-started'],
    ['2014-07', '2018-12', '2014-07-01', 'held'],
    // Day precision, at the edges.
    ['2015-04-29', '2018-12-27', '2015-04-28', 'not-started'],
    ['2015-04-29', '2018-12-27', '2015-04-29', 'held'],
    ['2015-04-29', '2018-12-27', '2018-12-27', 'held'],
    ['2015-04-29', '2018-12-27', '2018-12-28', 'ended'],
    ['2015-04-29', '2018-12-27', '2018-12', 'held'],
    [undefined, '2018-12-27', '1990-01-01', 'held'],
  ];
  for (const [from, to, date, want] of table) {
    it(`${from ?? '…'} – ${to ?? ''} on ${date}: ${want}`, () => assert.strictEqual(roleStatus(role(from, to), date), want));
  }

  it('the role held wins over one that may have ended, and the later start over the earlier', () => {
    const ambassador: Role = { title: { ar: 'سفير', en: 'Ambassador' }, from: '2007', to: '2015' };
    const minister: Role = { title: { ar: 'وزير', en: 'Minister' }, from: '2015-04-29', to: '2018-12-27' };
    const state: Role = { title: { ar: 'وزير دولة', en: 'Minister of State' }, from: '2018-12-27' };
    assert.deepStrictEqual(roleOnDate([ambassador, minister, state], '2015-07-22'), { role: minister, status: 'held' });
    assert.deepStrictEqual(roleOnDate([ambassador, state], '2015-07-22'), { role: ambassador, status: 'may-have-ended' });
    assert.deepStrictEqual(roleOnDate([ambassador, minister, state], '2018-12-27'), { role: state, status: 'held' });
    assert.strictEqual(roleOnDate([ambassador, minister, state], '2000-01-01'), undefined);
    assert.strictEqual(roleOnDate([{ title: { ar: 'بلا تاريخ' } }], '2000-01-01'), undefined);
    assert.deepStrictEqual(orderRoles([ambassador, state, minister], '2015-07-22').map((r) => r.title.en), ['Minister', 'Ambassador', 'Minister of State']);
    assert.deepStrictEqual(orderRoles([state, minister, ambassador], '2000-01-01').map((r) => r.title.en), ['Ambassador', 'Minister', 'Minister of State']);
  });
});

describe("the command 'Set the article's date' (common/date-header.ts)", () => {
  const apply = (text: string, date: string) => {
    const e = dateHeaderEdit(text, date);
    return text.slice(0, e.start) + e.newText + text.slice(e.end);
  };
  const table: [string, string, string][] = [
    ['no header: front matter is added', 'عنوان\nنص الخبر.', '---\ndate: 2015-07-22\n---\nعنوان\nنص الخبر.'],
    ['front matter without a date gets one', '---\ntitle: x\n---\nعنوان', '---\ndate: 2015-07-22\ntitle: x\n---\nعنوان'],
    ['front matter with a date gets the new one', '---\ndate: 2014-01-01\n---\nعنوان', '---\ndate: 2015-07-22\n---\nعنوان'],
    ['a Date: line gets the new date', 'التاريخ: 2014-01-01\nعنوان', 'التاريخ: 2015-07-22\nعنوان'],
    ['CRLF text keeps CRLF', 'عنوان\r\nنص.', '---\r\ndate: 2015-07-22\r\n---\r\nعنوان\r\nنص.'],
    ['a BOM stays first', '\ufeffعنوان', '\ufeff---\ndate: 2015-07-22\n---\nعنوان'],
  ];
  for (const [what, before, after] of table) {
    it(what, () => {
      const text = apply(before, '2015-07-22');
      assert.strictEqual(text, after);
      // What the command writes, the analysis reads as the file's header.
      assert.deepStrictEqual(datesOf(text.replace(/^\ufeff/, ''))[0], ['2015-07-22', 'header']);
    });
  }

  it('accepts only real days', () => {
    assert.ok(isIsoDay('2015-07-22'));
    for (const bad of ['2015-02-30', '2015-7-22', '22/07/2015', '']) assert.ok(!isIsoDay(bad), bad);
  });
});

describe('article dates while editing (incremental analysis)', () => {
  const articles = ['أول خبر\nوصل المبعوث إلى دمشق.', 'ثاني خبر\nجدة 25 شوال 1436هـ - وصل الوزير.', 'ثالث خبر\nوصل السفير.'];
  const options = { path: '/n/2016-02-03-digest.txt', today: TODAY };
  const datesIn = (a: { articles: Article[] }) => a.articles.map((x) => [x.date, x.dateSource]);

  it('editing the front matter, a dateline or a header line redates the articles as a full analysis does', () => {
    const analyzer = miniAnalyzer();
    const inc = new IncrementalAnalyzer(analyzer, {}, true);
    const steps = [
      articles.join('\n\n\n'),
      '---\ndate: 2015-07-22\n---\n' + articles.join('\n\n\n'),
      '---\ndate: 2015-07-23\n---\n' + articles.join('\n\n\n'),
      '---\ndate: 2015-07-23\n---\n' + articles.join('\n\n\n').replace('25 شوال', '26 شوال'),
      articles.join('\n\n\n').replace('ثالث خبر', 'التاريخ: 2019-01-07\nثالث خبر'),
      articles.join('\n\n\n'),
    ];
    const seen: unknown[] = [];
    for (const text of steps) {
      const got = inc.update(text, options);
      assert.deepStrictEqual(got, analyzer.analyze(text, options));
      seen.push(datesIn(got));
    }
    assert.deepStrictEqual(seen, [
      [['2016-02-03', 'file-name'], ['2015-08-10', 'hijri'], ['2016-02-03', 'file-name']],
      [['2015-07-22', 'header'], ['2015-07-22', 'header'], ['2015-07-22', 'header']],
      [['2015-07-23', 'header'], ['2015-07-23', 'header'], ['2015-07-23', 'header']],
      [['2015-07-23', 'header'], ['2015-07-23', 'header'], ['2015-07-23', 'header']],
      [['2016-02-03', 'file-name'], ['2015-08-10', 'hijri'], ['2019-01-07', 'header']],
      [['2016-02-03', 'file-name'], ['2015-08-10', 'hijri'], ['2016-02-03', 'file-name']],
    ]);
  });

  it('the outline article node carries the date and its source', () => {
    const a = miniAnalyzer().analyze(articles.join('\n\n\n'), options);
    assert.deepStrictEqual(a.outline.map((n) => [n.date, n.dateSource]), datesIn(a));
  });
});
