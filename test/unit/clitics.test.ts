/**
 * The proclitic module: stacks, the لل spelling, stripping a conjunction and reducing a word to its stem.
 */
import * as assert from 'assert';
import { attach, hasPreposition, isDefinite, mentionOffset, NOUN_STACKS, stem, stripConjunction, VERB_STACKS } from '../../server/src/analysis/clitics';
import { normalizeArabic } from '../../server/src/analysis/normalize';

const n = normalizeArabic;

describe('clitics', () => {
  it('lists the 24 noun stacks and the 3 verb stacks', () => {
    assert.strictEqual(NOUN_STACKS.length, 24);
    assert.ok(NOUN_STACKS.includes('وبال') && NOUN_STACKS.includes('') && NOUN_STACKS.includes('فك'));
    assert.deepStrictEqual([...VERB_STACKS], ['', 'و', 'ف']);
  });

  const attachCases: [string, string, string][] = [
    ['ل' + 'ال', 'اجتماع', 'للاجتماع'],
    ['ول' + 'ال', 'وزير', 'وللوزير'],
    ['بال', 'وزير', 'بالوزير'],
    ['و', 'لقاء', 'ولقاء'],
    ['', 'قمه', 'قمه'],
  ];
  for (const [stack, word, want] of attachCases) it(`attach(${stack || '∅'}, ${word}) = ${want}`, () => assert.strictEqual(attach(stack, word), want));

  const strip: [string, string][] = [
    ['وأكد', 'اكد'],
    ['ومن', 'من'],
    ['وفد', 'وفد'],
    ['فتح', 'فتح'],
    ['فلم', 'لم'],
    ['قال', 'قال'],
  ];
  for (const [word, want] of strip) it(`stripConjunction(${word}) = ${want}`, () => assert.strictEqual(stripConjunction(n(word)), n(want)));

  const stems: [string, string][] = [
    ['للأمين', 'امين'],
    ['والمغتربين', 'مغتربين'],
    ['بالخارجية', 'خارجيه'],
    ['الرئيس', 'رئيس'],
    ['لوزير', 'وزير'],
    ['وزير', 'وزير'],
    ['الى', 'الى'],
  ];
  for (const [word, want] of stems) it(`stem(${word}) = ${want}`, () => assert.strictEqual(stem(n(word)), n(want)));

  it('tells prepositional stacks and where a mention starts', () => {
    assert.ok(hasPreposition('وب') && hasPreposition('لال') && hasPreposition('فك'));
    assert.ok(!hasPreposition('وال') && !hasPreposition('') && !hasPreposition('ف'));
    assert.strictEqual(mentionOffset('وبال'), 2); // وبالوزير → الوزير
    assert.strictEqual(mentionOffset('لال'), 1); // للوزير → لوزير (the article's lam)
    assert.strictEqual(mentionOffset('و'), 1);
    assert.strictEqual(mentionOffset(''), 0);
  });

  it('tells definite words', () => {
    for (const w of ['الوزير', 'بالوزير', 'للوزير', 'والوزير']) assert.ok(isDefinite(n(w)), w);
    for (const w of ['وزير', 'بوزير', 'لقاء']) assert.ok(!isDefinite(n(w)), w);
  });
});
