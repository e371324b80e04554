/**
 * Level 1: when a plain-text document switches to the `arabic-news` language (and so gets its word
 * wrap): `switchesToArabicNews` in server/src/common/settings.ts, which the client's PlainTextSwitcher
 * asks for every plain-text document shown in an editor.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, resolveSettings, switchesToArabicNews } from '../../server/src/common/settings';
import { REPO } from './helpers/fixture';

const ARABIC = 'استقبل وزير الخارجية المصري في القاهرة نظيره الأردني وبحثا تطورات الأوضاع في المنطقة.';
const ENGLISH = 'Notes in English about the Astana meeting on Syria; nothing here is Arabic.';
const on = DEFAULT_SETTINGS.plainText;
const doc = (sample: string, languageId = 'plaintext', scheme = 'file') => ({ languageId, scheme, sample });

describe('plain-text documents that switch to Arabic News', () => {
  it('a mostly Arabic plain-text file switches; an English one stays plain text', () => {
    assert.strictEqual(switchesToArabicNews(doc(ARABIC), on, false), true);
    assert.strictEqual(switchesToArabicNews(doc(ENGLISH), on, false), false);
    assert.strictEqual(switchesToArabicNews(doc(''), on, false), false, 'an empty file has no letters');
  });

  it('an untitled document switches too, other schemes and other languages never', () => {
    assert.strictEqual(switchesToArabicNews(doc(ARABIC, 'plaintext', 'untitled'), on, false), true);
    assert.strictEqual(switchesToArabicNews(doc(ARABIC, 'plaintext', 'git'), on, false), false);
    assert.strictEqual(switchesToArabicNews(doc(ARABIC, 'markdown'), on, false), false);
    assert.strictEqual(switchesToArabicNews(doc(ARABIC, 'arabic-news'), on, false), false, 'already switched');
  });

  it('follows the ratio: a note mixing English and some Arabic switches only when the ratio allows', () => {
    const mixed = `${ENGLISH} ${ENGLISH} ${'في القاهرة'}`;
    assert.strictEqual(switchesToArabicNews(doc(mixed), on, false), false);
    assert.strictEqual(switchesToArabicNews(doc(mixed), resolveSettings({ plainText: { arabicRatio: 0.05 } }).plainText, false), true);
  });

  it('the settings turn it off: switchLanguage alone, or detectArabic', () => {
    assert.strictEqual(switchesToArabicNews(doc(ARABIC), resolveSettings({ plainText: { switchLanguage: false } }).plainText, false), false);
    assert.strictEqual(switchesToArabicNews(doc(ARABIC), resolveSettings({ plainText: { detectArabic: false } }).plainText, false), false);
  });

  it('a document the analyst set back to plain text after a switch is left alone', () => {
    assert.strictEqual(switchesToArabicNews(doc(ARABIC), on, true), false);
  });

  it('the arabic-news language wraps long lines by default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.contributes.configurationDefaults['[arabic-news]']['editor.wordWrap'], 'on');
  });
});
