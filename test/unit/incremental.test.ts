/**
 * The incremental analyzer gives, after every edit, exactly what a full analysis of the new text
 * gives: same mentions (offsets, ids, reasons, article indices), articles, roles and outline. Random edit
 * sequences insert and delete names, clitics, titles, line breaks and article separators anywhere.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { IncrementalAnalyzer } from '../../server/src/analysis/incremental';
import { miniAnalyzer, REPO } from './helpers/fixture';

const WORDS = [
  'سوريا', 'سورية', 'إيران', 'العراق', 'الأمم المتحدة', 'غير بيدرسون', 'بيدرسون', 'أيمن سوسان', 'سوسان', 'الإيراني',
  'السورية', 'بشار الأسد', 'الأسد', 'صيغة أستانا', 'أستانا', 'الحكومة', 'قال', 'في', 'الرئيس', 'وزير الخارجية',
  'محمد', 'حسن', 'مدينة', 'حلب', 'الشرق الأوسط', 'كوريا الشمالية', 'الكوري الشمالي',
];
const CLITICS = ['', '', '', 'و', 'ب', 'ل', 'وال', 'لل'];
const GAPS = [' ', ' ', ' ', '، ', '\n', '\n\n', '\n\n\n', '\n---\n', '-', '.', '\r\n'];

const piece = fc
  .array(fc.tuple(fc.constantFrom(...CLITICS), fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([c, w, g]) => c + w + g).join(''));

/** An edit: where (a fraction of the length), how much to delete, what to insert. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.oneof(piece, fc.constant('')) });

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental analysis', () => {
  const reference = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');

  for (const inPlace of [false, true]) {
    it(`equals a full analysis after every edit of random edit sequences${inPlace ? ' (moving results in place)' : ''}`, function () {
      this.timeout(120_000);
      const analyzer = miniAnalyzer();
      fc.assert(
        fc.property(fc.oneof(piece, fc.constant(reference), fc.array(piece, { minLength: 3, maxLength: 8 }).map((ps) => ps.join('\n\n\n'))), fc.array(edit, { maxLength: 12 }), (start, edits) => {
          const inc = new IncrementalAnalyzer(analyzer, {}, inPlace);
          let text = start;
          inc.update(text);
          for (const e of edits) {
            text = apply(text, e);
            const got = inc.update(text);
            const want = analyzer.analyze(text);
            assert.deepStrictEqual(got, want);
          }
        }),
        { numRuns: 50 },
      );
    });
  }

  it('equals a full analysis when told where each edit is, instead of comparing the texts', function () {
    this.timeout(120_000);
    const analyzer = miniAnalyzer();
    fc.assert(
      fc.property(fc.array(piece, { minLength: 3, maxLength: 8 }).map((ps) => ps.join('\n\n\n')), fc.array(edit, { maxLength: 12 }), (start, edits) => {
        const inc = new IncrementalAnalyzer(analyzer, {}, true);
        let text = start;
        inc.update(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const oldEnd = Math.min(text.length, at + e.remove);
          text = apply(text, e);
          const got = inc.update(text, { changed: { start: at, oldEnd, newEnd: at + e.insert.length } });
          assert.deepStrictEqual(got, analyzer.analyze(text));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('trusts a change it is told of that fits the texts: it does not compare them', () => {
    const analyzer = miniAnalyzer();
    const inc = new IncrementalAnalyzer(analyzer);
    let text = `${reference}\n\n\n${reference}`;
    const before = inc.update(text);
    const at = text.lastIndexOf('بيدرسون');
    text = text.slice(0, at) + 'ابراهيم' + text.slice(at + 'بيدرسون'.length);
    // Told that only the first five code units changed, it reuses the second article as it was.
    const told = inc.update(text, { changed: { start: 0, oldEnd: 5, newEnd: 5 } });
    assert.strictEqual(inc.lastStats.analysed, 1);
    assert.deepStrictEqual(told.mentions.length, before.mentions.length);
    assert.notDeepStrictEqual(told.mentions, analyzer.analyze(text).mentions);
  });

  it('compares the texts when the change it is told of does not fit them', () => {
    const analyzer = miniAnalyzer();
    const inc = new IncrementalAnalyzer(analyzer);
    let text = `${reference}\n\n\n${reference}`;
    inc.update(text);
    // The name changes in the second article; the hint points at the first, with lengths that disagree
    // with the texts: it is ignored, not trusted (trusted, the second article's old mentions would stay).
    const at = text.lastIndexOf('بيدرسون');
    text = text.slice(0, at) + 'ابراهيم' + text.slice(at + 'بيدرسون'.length);
    assert.deepStrictEqual(inc.update(text, { changed: { start: 0, oldEnd: 0, newEnd: 5 } }), analyzer.analyze(text));
  });

  it('equals a full analysis without the outline when it is not asked for', () => {
    const analyzer = miniAnalyzer();
    const inc = new IncrementalAnalyzer(analyzer);
    let text = `${reference}\n\n\n${reference}`;
    assert.deepStrictEqual(inc.update(text, { outline: false }), analyzer.analyze(text, { outline: false }));
    text = text.replace('سوريا', 'سورية');
    assert.deepStrictEqual(inc.update(text, { outline: false }), analyzer.analyze(text, { outline: false }));
    // Results kept without an outline are not reused when the outline is asked for.
    assert.deepStrictEqual(inc.update(text), analyzer.analyze(text));
  });

  it('re-analyses only the article that an edit touches', () => {
    const inc = new IncrementalAnalyzer(miniAnalyzer());
    const articles = [reference, reference, reference];
    let text = articles.join('\n\n\n');
    inc.update(text);
    const at = text.indexOf('بيدرسون', reference.length + 3);
    text = text.slice(0, at) + 'غير ' + text.slice(at);
    inc.update(text);
    const { reuse, ...stats } = inc.lastStats;
    assert.deepStrictEqual({ ...stats, analysedChars: 0 }, { articles: 3, reused: 2, analysed: 1, analysedChars: 0 });
    assert.strictEqual(inc.lastStats.analysedChars, reference.length + 4);
    // The first and last articles are the reference article: as many mentions before as after.
    const second = reference.length + 3;
    assert.ok(reuse && reuse.mentionsBefore > 0);
    assert.deepStrictEqual(reuse, { mentionsBefore: reuse.mentionsBefore, mentionsAfter: reuse.mentionsBefore, keptBefore: reference.length, keptAfter: second + reference.length + 4 + 3 });
  });
});
