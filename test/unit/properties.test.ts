/**
 * Properties of the analysis over random text: it never throws, every span lies inside the text,
 * spans are sorted and do not overlap, and every name span normalizes back to the alias that
 * matched (the offset map is exact).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import type { Mention } from '../../server/src/analysis/types';
import { miniAnalyzer } from './helpers/fixture';

const WORDS = ['سوريا', 'سورية', 'إيران', 'العراق', 'الأمم', 'المتحدة', 'غير', 'بيدرسون', 'أيمن', 'سوسان', 'الإيراني', 'السورية', 'بشار', 'الأسد', 'صيغة', 'أستانا', 'الحكومة', 'قال', 'في', 'الشرق', 'الأوسط'];
const CLITICS = ['', '', '', 'و', 'ب', 'ل', 'ف', 'وب', 'ول', 'ك'];
const NOISE = [' ', ' ', ' ', '، ', '\n', '\r\n', '\r', '😀', '\u064e', '\u0640', '\u200f', '«', '»', '.', 'a', '\uFEFF', '\uD83D'];

const arabicText = fc
  .array(fc.tuple(fc.constantFrom(...CLITICS), fc.constantFrom(...WORDS), fc.constantFrom(...NOISE)), { maxLength: 60 })
  .map((parts) => parts.map(([c, w, n]) => c + w + n).join(''));

function checkInvariants(text: string, mentions: Mention[]): void {
  let last = 0;
  for (const m of mentions) {
    assert.ok(m.start >= last, `sorted and disjoint at ${m.start}`);
    assert.ok(m.start < m.end && m.end <= text.length, `inside the text: ${m.start}-${m.end}`);
    last = m.end;
    if (m.reason === 'candidate') {
      // A candidate has no alias: its span is whole words, with no space or punctuation at its ends.
      const slice = text.slice(m.start, m.end);
      assert.match(slice, /^[\u0621-\u064A].*[\u0621-\u064A\u064B-\u0652]$|^[\u0621-\u064A]$/su, `candidate «${slice}» is whole words`);
    } else if (m.form === 'name' && m.reason !== 'linked') {
      const slice = normalizeArabic(text.slice(m.start, m.end));
      const alias = normalizeArabic(m.alias);
      assert.ok(slice === alias || 'ا' + slice === alias, `«${slice}» is the alias «${alias}»`);
    }
  }
}

describe('analysis properties', () => {
  it('random Arabic with clitics, marks, emoji and line breaks', () => {
    fc.assert(
      fc.property(arabicText, (text) => {
        checkInvariants(text, miniAnalyzer().analyze(text).mentions);
      }),
      { numRuns: 400 },
    );
  });

  it('random Unicode never throws and keeps spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkInvariants(text, miniAnalyzer().analyze(text).mentions);
      }),
      { numRuns: 400 },
    );
  });
});
