import * as assert from 'assert';
import { normalizeArabic } from '../../server/src/analysis/normalize';
import { hashString, TokenBuffer } from '../../server/src/analysis/tokenize';
import { deriveNisbaStem, inflectNisba } from '../../server/src/analysis/nisba';

describe('normalizeArabic', () => {
  const table: [string, string, string][] = [
    ['hamza forms of alef fold to ا', 'أإآٱا', 'ااااا'],
    ['alef maqsura and Persian yeh fold to ي', 'مصطفى بیدرسون', 'مصطفي بيدرسون'],
    ['Persian keheh folds to ك', 'کبیر', 'كبير'],
    ['Persian gaf folds to ك and peh to ب (گاندی، پوتین)', 'گاندی پوتین', 'كاندي بوتين'],
    ['veh folds to ف (ڤلاديمير)', 'ڤلاديمير', 'فلاديمير'],
    ['Maghrebi qaf with three dots folds to ق (ڨابس)', 'ڨابس', 'قابس'],
    ['tcheh folds to ج and jeh to ز', 'چلبی ژاله', 'جلبي زاله'],
    ['teh marbuta folds to ه', 'سورية', 'سوريه'],
    ['tashkeel is dropped', 'سُورِيَّا', 'سوريا'],
    ['superscript alef is dropped', 'هٰذا', 'هذا'],
    ['tatweel is dropped', 'ســـوريا', 'سوريا'],
    ['bidi and zero-width controls are dropped inside words', 'سو\u200fر\u200cيا\u2067', 'سوريا'],
    ['Arabic-Indic and Persian digits become ASCII', '٢٠٢٣ ۱۴۰۲', '2023 1402'],
    ['runs of separators become one space', '  الأمم ،  المتحدة ', 'الامم المتحده'],
    ['Latin letters fold to lower case', 'UN Envoy', 'un envoy'],
  ];
  for (const [what, input, output] of table) it(what, () => assert.strictEqual(normalizeArabic(input), output));
});

describe('the offset map of the tokenizer (TokenBuffer.normOrig)', () => {
  it('maps every folded code unit back to its original offset, across emoji, marks, tatweel and CRLF', () => {
    const text = '😀 سُـوريا\r\nإيران';
    const buf = new TokenBuffer();
    buf.fill(text, 0, text.length);
    assert.deepStrictEqual([buf.tokenText(0), buf.tokenText(1)], ['سوريا', 'ايران']);
    for (let i = 0; i < buf.normCount; i++) {
      assert.strictEqual(normalizeArabic(text[buf.normOrig[i]]), String.fromCharCode(buf.norm[i]), `at ${i}`);
    }
    assert.deepStrictEqual([buf.start[0], buf.end[0], buf.start[1], buf.end[1]], [3, 10, 12, 17]);
  });
});

describe('the folded text of a token (TokenBuffer.tokenText)', () => {
  it('is the same for short, long and very long tokens', () => {
    const words = ['سُوريا', 'أ'.repeat(12), 'إ'.repeat(13), 'ة'.repeat(5000)];
    const buf = new TokenBuffer();
    const text = words.join(' ');
    buf.fill(text, 0, text.length);
    assert.deepStrictEqual(
      words.map((_, t) => buf.tokenText(t)),
      words.map((w) => normalizeArabic(w)),
    );
  });
});

describe('the clitic-reading hashes of the tokenizer (TokenBuffer.conjHash, prepHash)', () => {
  // [token, without و/ف, without و/ف and then ب/ك/ل]: a letter is split off only when more than
  // three letters stand from it to the end of the token.
  const table: [string, string, string][] = [
    ['وبمدينة', 'بمدينه', 'مدينه'],
    ['فالرئيس', 'الرئيس', 'الرئيس'],
    ['لحزب', 'لحزب', 'حزب'],
    ['كمدينة', 'كمدينه', 'مدينه'],
    ['وزير', 'زير', 'زير'],
    ['ولد', 'ولد', 'ولد'],
    ['وبلد', 'بلد', 'بلد'],
    ['سوريا', 'سوريا', 'سوريا'],
  ];
  it('hashes each token without its proclitics, as hashString hashes the remaining letters', () => {
    const buf = new TokenBuffer();
    const text = table.map(([token]) => token).join(' ');
    buf.fill(text, 0, text.length);
    assert.strictEqual(buf.count, table.length);
    table.forEach(([token, conj, prep], t) => {
      assert.strictEqual(buf.conjHash[t], hashString(conj), `${token} without و/ف`);
      assert.strictEqual(buf.prepHash[t], hashString(prep), `${token} without ب/ك/ل`);
    });
  });

  it('keeps the hashes right after the buffer grows', () => {
    const buf = new TokenBuffer();
    const text = 'وبمدينة '.repeat(3000);
    buf.fill(text, 0, text.length);
    assert.strictEqual(buf.count, 3000);
    for (const t of [0, 1023, 1024, 2999]) assert.strictEqual(buf.prepHash[t], hashString('مدينه'));
  });
});

describe('the article-reading hashes of the tokenizer (TokenBuffer.bareHash, lamAlefHash)', () => {
  // [token, without ال (or the ال of لل), after the ل of لل with its alef put back]: the matcher's
  // readings (Variants.fill); a token without such a reading keeps its own hash.
  const table: [string, string, string][] = [
    ['العراق', 'عراق', 'العراق'],
    ['السوري', 'سوري', 'السوري'],
    ['للأمم', 'امم', 'الامم'],
    ['وللأمم', 'امم', 'الامم'],
    ['بالعراق', 'عراق', 'بالعراق'],
    ['والعراق', 'عراق', 'والعراق'],
    ['وبالعراق', 'عراق', 'وبالعراق'],
    ['كالعراق', 'عراق', 'كالعراق'],
    ['كالسد', 'كالسد', 'كالسد'],
    ['للسد', 'للسد', 'السد'],
    ['لله', 'لله', 'لله'],
    ['الدار', 'دار', 'الدار'],
    ['الدم', 'الدم', 'الدم'],
    ['سوريا', 'سوريا', 'سوريا'],
  ];
  it('hashes each token without its article as the matcher reads it', () => {
    const buf = new TokenBuffer();
    const text = table.map(([token]) => token).join(' ');
    buf.fill(text, 0, text.length);
    assert.strictEqual(buf.count, table.length);
    table.forEach(([token, bare, lamAlef], t) => {
      assert.strictEqual(buf.bareHash[t], hashString(bare), `${token} without ال`);
      assert.strictEqual(buf.lamAlefHash[t], hashString(lamAlef), `${token} after ل of لل`);
    });
  });

  it('keeps the hashes right after the buffer grows', () => {
    const buf = new TokenBuffer();
    const text = 'وللأمم '.repeat(3000);
    buf.fill(text, 0, text.length);
    for (const t of [0, 1023, 1024, 2999]) {
      assert.strictEqual(buf.bareHash[t], hashString('امم'));
      assert.strictEqual(buf.lamAlefHash[t], hashString('الامم'));
    }
  });
});

describe('nisba', () => {
  const stems: [string, string | undefined][] = [
    ['سوريا', 'سوري'],
    ['سورية', 'سوري'],
    ['روسيا', 'روسي'],
    ['فرنسا', 'فرنسي'],
    ['إيران', 'ايراني'],
    ['العراق', 'عراقي'],
    ['مصر', 'مصري'],
    ['مالي', undefined],
    ['الولايات المتحدة', undefined],
  ];
  for (const [name, stem] of stems) it(`${name} → ${stem ?? 'no rule'}`, () => assert.strictEqual(deriveNisbaStem(name), stem));

  it('inflects a stem in gender and number', () => {
    assert.deepStrictEqual(inflectNisba('سوري'), ['سوري', 'سوريه', 'سوريون', 'سوريين', 'سوريات', 'سوريان', 'سوريتان', 'سوريتين']);
  });

  it('inflects every word of a compound stem, with and without ال on the later words', () => {
    const forms = inflectNisba('كوري شمالي');
    assert.ok(forms.includes('كوريه شماليه'));
    assert.ok(forms.includes('كوري الشمالي'));
  });
});
