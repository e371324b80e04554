/**
 * Articles: splitting a file, headlines, datelines and dates, boilerplate lines.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { datelineAt, isBoilerplate, segmentArticles, splitLines } from '../../server/src/analysis/articles';
import { findDate } from '../../server/src/analysis/dates';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import { REPO } from './helpers/fixture';

const slice = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe('articles: splitting a file', () => {
  it('the reference article is one article with its headline and one boilerplate line', () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
    const [a, ...rest] = segmentArticles(text);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(a.start, 0);
    assert.strictEqual(a.end, text.length);
    assert.strictEqual(a.headline?.start, 0);
    assert.strictEqual(a.headline?.end, text.indexOf('\n'));
    assert.deepStrictEqual(
      a.boilerplate.map((b) => slice(text, b)),
      ['اقرأ أكثر'],
    );
  });

  it('a rule line separates articles and belongs to neither', () => {
    const text = 'عنوان أول\nنص أول.\n---\nعنوان ثان\nنص ثان.';
    const arts = segmentArticles(text);
    assert.strictEqual(arts.length, 2);
    assert.strictEqual(slice(text, arts[0].headline), 'عنوان أول');
    assert.strictEqual(slice(text, arts[1].headline), 'عنوان ثان');
    assert.ok(!slice(text, arts[1])!.includes('---'));
  });

  it('two blank lines separate articles; one does not', () => {
    assert.strictEqual(segmentArticles('عنوان\nفقرة.\n\n\nعنوان آخر\nفقرة.').length, 2);
    assert.strictEqual(segmentArticles('عنوان\nفقرة أولى.\n\nفقرة ثانية.').length, 1);
  });

  it('one blank line before a headline whose next line opens with a dateline starts an article', () => {
    const text = 'لافروف يلتقي المقداد\nموسكو-سانا التقى الوزير نظيره.\n\nبيدرسون في دمشق\nدمشق - سانا - وصل المبعوث.';
    const arts = segmentArticles(text);
    assert.strictEqual(arts.length, 2);
    assert.strictEqual(slice(text, arts[1].headline), 'بيدرسون في دمشق');
  });

  it('one blank line before an ordinary paragraph keeps the article whole', () => {
    const text = 'لافروف يلتقي المقداد\nموسكو-سانا التقى الوزير نظيره.\n\nوأكد الجانبان أهمية التنسيق.';
    assert.strictEqual(segmentArticles(text).length, 1);
  });

  it('an analyst’s separator rule splits where it matches', () => {
    const text = 'عنوان\nنص.\n@@ خبر @@\nعنوان ثان\nنص ثان.';
    const arts = segmentArticles(text, { separator: /^@@ خبر @@$/ });
    assert.strictEqual(arts.length, 2);
    assert.strictEqual(slice(text, arts[1].headline), 'عنوان ثان');
  });

  it('CRLF and lone CR line ends give the same lines', () => {
    assert.deepStrictEqual(
      splitLines('أ\r\nب\rج').map((l) => [l.start, l.end]),
      [
        [0, 1],
        [3, 4],
        [5, 6],
      ],
    );
  });

  it('an empty text is one empty article', () => {
    assert.deepStrictEqual(segmentArticles(''), [{ start: 0, end: 0, boilerplate: [] }]);
  });
});

describe('articles: boilerplate lines', () => {
  const cases: [string, boolean][] = [
    ['اقرأ أكثر', true],
    ['اقرأ أيضاً', true],
    ['اقرأ أيضا: بيدرسون يصل إلى دمشق', true],
    ['شارك', true],
    ['تابعونا على تلغرام', true],
    ['شارك في الاجتماع وفد روسيا.', false],
    ['المصدر: وكالة سانا', false],
    ['  \tاقرأ أيضاً', true],
    ['اِقْـرَأ أيضا', true],
    ['\u200fشارك', true],
    [' '.repeat(30) + 'شارك', true],
    ['شا رك', false],
    ['شاركوا', false],
    ['   ', false],
    ['', false],
  ];
  for (const [line, want] of cases) {
    it(`«${line}» ${want ? 'is' : 'is not'} boilerplate`, () => {
      assert.strictEqual(isBoilerplate(line, { start: 0, end: line.length }), want);
    });
  }

  it('reads a line as the plain rule does: the whole short line normalized, or the opening of a link line', () => {
    // The module's lists, and its rule written plainly (normalize the line, then compare).
    const whole = new Set(
      ['اقرأ أكثر', 'اقرأ أيضا', 'اقرأ المزيد', 'اقرأ كذلك', 'طالع أيضا', 'شاهد أيضا', 'شارك', 'شارك المقال', 'شارك الخبر', 'شارك هذا المقال', 'تابعونا', 'تابعونا على', 'تابعونا على تويتر', 'تابعونا على فيسبوك', 'تابعونا على تلغرام', 'المصدر', 'مواضيع ذات صلة', 'أخبار ذات صلة', 'للمزيد', 'طباعة'].map(normalizeArabic),
    );
    const prefixes = ['اقرأ أيضا', 'اقرأ أكثر', 'اقرأ المزيد', 'اقرأ كذلك', 'طالع أيضا', 'شاهد أيضا', 'تابعونا على'].map(normalizeArabic);
    const plain = (line: string) => {
      if (line.length > 200) return false;
      if (line.length <= 40 && whole.has(normalizeArabic(line))) return true;
      const n = normalizeArabic(line.slice(0, 24));
      return prefixes.some((p) => n.startsWith(p) && (n.length === p.length || n.charCodeAt(p.length) === 32));
    };
    const phrases = fc.constantFrom('اقرأ أيضا', 'اقرأ المزيد', 'شارك', 'شارك المقال', 'تابعونا', 'تابعونا على', 'للمزيد', 'طباعة', 'المصدر', 'أخبار ذات صلة');
    const noise = fc.constantFrom('', ' ', '  ', '\t', 'ـ', 'َ', '\u200f', ':', '،', 'أ', 'ا', 'ة', 'ه', 'ي', 'ك', 'خبر', ' '.repeat(20));
    const line = fc.array(fc.oneof(phrases, noise), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (l) => isBoilerplate(l, { start: 0, end: l.length }) === plain(l)),
      { numRuns: 3000 },
    );
  });
});

describe('articles: datelines and dates', () => {
  const datelines: [string, string | undefined][] = [
    ['دمشق-سانا أكد الوزير', 'دمشق-سانا '],
    ['طهران - إرنا - قال المتحدث', 'طهران - إرنا -'],
    ['القاهرة (رويترز) - قال', 'القاهرة (رويترز) -'],
    ['أكد الوزير أن الحل سياسي', undefined],
  ];
  for (const [line, want] of datelines) {
    it(`dateline of «${line}»`, () => {
      assert.strictEqual(slice(line, datelineAt(line, { start: 0, end: line.length })), want);
    });
  }

  const dates: [string, string | undefined][] = [
    ['21 حزيران 2023', '2023-06-21'],
    ['الأربعاء 21 يونيو/حزيران 2023', '2023-06-21'],
    ['2023-06-21', '2023-06-21'],
    ['21/6/2023', '2023-06-21'],
    ['٢١-٦-٢٠٢٣', '2023-06-21'],
    ['يونيو 2023', '2023-06'],
    ['3 كانون الثاني 2024', '2024-01-03'],
    ['15 تشرين الأول 2023', '2023-10-15'],
    ['5 جوان 2022', '2022-06-05'],
    ['31/2/2023', undefined],
    ['في عام 2023 وحده', undefined],
    ['21 يونيو', undefined],
    ['يونيو 1999', '1999-06'],
    ['حزيران ٢٠٢٤', '2024-06'],
  ];
  for (const [s, want] of dates) {
    it(`«${s}» reads ${want ?? 'no date'}`, () => {
      assert.strictEqual(findDate(s)?.iso, want);
    });
  }

  it('an article takes its date from a short date line or its dateline', () => {
    const text = 'بيدرسون في دمشق\nدمشق، 21 حزيران 2023 (سانا) - وصل المبعوث.\nوأكد أهمية الحوار.';
    assert.strictEqual(segmentArticles(text)[0].date, '2023-06-21');
    const dateLine = 'بيدرسون في دمشق\nالأربعاء 21 يونيو 2023\nوصل المبعوث.';
    assert.strictEqual(segmentArticles(dateLine)[0].date, '2023-06-21');
  });

  it('a date deep inside a body sentence is not the article’s', () => {
    const text = 'عنوان\nقال المبعوث الخاص في مؤتمر صحفي عقده في جنيف أمس إن الجولة المقبلة ستعقد في 21 حزيران 2023 في جنيف.';
    assert.strictEqual(segmentArticles(text)[0].date, undefined);
  });
});
