/**
 * Level 1: the server's label table (server/src/common/messages.ts), the choice of its language, and
 * the word-boundary cuts of server/src/common/snippets.ts that the outline and the Entities view use.
 */
import * as assert from 'assert';
import { chooseLanguage, label, MESSAGES, type MessageKey } from '../../server/src/common/messages';
import { cutAtWord, ELLIPSIS, isolate, wordWindow } from '../../server/src/common/snippets';

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
const ARABIC = /[\u0600-\u06ff]/;

describe('server labels (common/messages.ts)', () => {
  it('every key has an English and an Arabic text with the same placeholders', () => {
    for (const [key, entry] of Object.entries(MESSAGES) as Array<[string, Record<string, string>]>) {
      assert.deepStrictEqual(Object.keys(entry).sort(), ['ar', 'en'], `${key}: both columns`);
      assert.ok(entry.en.trim() && entry.ar.trim(), `${key}: no empty text`);
      assert.deepStrictEqual(placeholders(entry.ar), placeholders(entry.en), `${key}: placeholders`);
    }
  });

  it('the Arabic column is Arabic, except for codes and counts', () => {
    for (const [key, entry] of Object.entries(MESSAGES) as Array<[string, Record<string, string>]>) {
      if (key === 'outline.mentions') continue;
      assert.match(entry.ar, ARABIC, `${key} is translated`);
    }
  });

  it('fills placeholders in order and leaves a missing one as written', () => {
    assert.strictEqual(label('outline.article', 'en', 3), 'Article 3');
    assert.strictEqual(label('outline.article', 'ar', 3), 'المقال 3');
    assert.strictEqual(label('status.tooLarge', 'en', '1.5', 1), 'Arabic News Lens: this file (1.5 MB) is larger than arabicNewsLens.performance.maxFileSizeMB (1 MB) and was not analysed. Raise the setting to analyse it.');
    assert.strictEqual(label('action.neverMark' as MessageKey, 'en'), 'Never mark “{0}”');
  });

  it('the setting wins over the locale; auto follows the locale, Arabic in any region', () => {
    assert.strictEqual(chooseLanguage('en', 'ar'), 'en');
    assert.strictEqual(chooseLanguage('ar', 'en-US'), 'ar');
    assert.strictEqual(chooseLanguage('auto', 'ar'), 'ar');
    assert.strictEqual(chooseLanguage('auto', 'ar-EG'), 'ar');
    assert.strictEqual(chooseLanguage('auto', 'en'), 'en');
    assert.strictEqual(chooseLanguage('auto', 'arn'), 'en', 'Mapudungun is not Arabic');
    assert.strictEqual(chooseLanguage(undefined, undefined), 'en');
    assert.strictEqual(chooseLanguage('fr', 'fr'), 'en');
  });
});

describe('word-boundary cuts (common/snippets.ts)', () => {
  it('cutAtWord keeps a short text, folds its spaces and cuts a long one between words', () => {
    assert.strictEqual(cutAtWord('  أكد   الوزير ', 20), 'أكد الوزير');
    const s = 'Foreign ministers met in Astana on Tuesday';
    assert.strictEqual(cutAtWord(s, 20), `Foreign ministers${ELLIPSIS}`);
    assert.strictEqual(cutAtWord('Supercalifragilistic', 8), `Superca${ELLIPSIS}`);
  });

  it('cutAtWord ends an Arabic cut with a right-to-left mark and drops a dangling separator', () => {
    assert.strictEqual(cutAtWord('لقاء: الأسد، بيدرسون، لافروف، جاويش أوغلو', 22), 'لقاء: الأسد، بيدرسون…\u200f');
  });

  it('wordWindow shows whole words around the span, with an ellipsis where the line goes on', () => {
    const line = 'وقال الممثل الخاص للأمين العام غير بيدرسون إن الحل السياسي هو الطريق الوحيد';
    const start = line.indexOf('غير بيدرسون');
    const out = wordWindow(line, start, start + 'غير بيدرسون'.length, 12);
    assert.ok(out.includes('غير بيدرسون'), out);
    const words = new Set(line.split(' '));
    for (const w of out.replace(/[\u200f…]/g, '').split(' ')) assert.ok(words.has(w), `«${w}» is a whole word of the line`);
    assert.ok(out.startsWith('\u200f…') && out.endsWith('…\u200f'), JSON.stringify(out));
    assert.strictEqual(wordWindow('in Astana today', 3, 9, 40), 'in Astana today');
    assert.strictEqual(wordWindow('one two three four five', 8, 13, 5), `${ELLIPSIS}two three four${ELLIPSIS}`);
  });

  it('wordWindow never cuts the span itself, even with no room around it', () => {
    assert.strictEqual(wordWindow('abc defgh ijk', 4, 9, 0), `${ELLIPSIS}defgh${ELLIPSIS}`);
    assert.strictEqual(wordWindow('abcdefgh', 2, 5, 1), `${ELLIPSIS}cde${ELLIPSIS}`);
  });

  it('isolate wraps a text with Arabic in FSI…PDI once, and leaves other text as it is', () => {
    assert.strictEqual(isolate('أكد — خاجي'), '\u2068أكد — خاجي\u2069');
    assert.strictEqual(isolate('Geir Pedersen · ×4'), 'Geir Pedersen · ×4');
    assert.strictEqual(isolate('غير بيدرسون — Geir Pedersen'), '\u2068غير بيدرسون — Geir Pedersen\u2069');
    assert.strictEqual(isolate(isolate('سوريا')), isolate('سوريا'), 'not twice');
  });
});
