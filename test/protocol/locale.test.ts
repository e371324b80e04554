/**
 * Level 2, the real server: its labels follow the client's locale from `initialize`, unless
 * `arabicNewsLens.cardLanguage` names a language; a change of the setting applies to the next request.
 */
import * as assert from 'assert';
import { StatusNotification } from '../../server/src/common/protocol';
import { MINI_PACK, startServer, until, type Started } from './helpers/lsp-client';

const URI = 'file:///tmp/arabic-news-lens-locale/article.arnews';
const NOTES = 'file:///tmp/arabic-news-lens-locale/notes.txt';
// No trigger word: the outline lists the article's entities by type.
const TEXT = 'صور من أستانا: غير بيدرسون وممثلو سوريا والعراق ومكتب الأمم المتحدة.\n';

async function groups(s: Started): Promise<string[]> {
  const symbols = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as any[];
  return symbols[0].children.map((c: any) => c.name);
}

async function open(s: Started): Promise<void> {
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'arabic-news', version: 1, text: TEXT } });
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: NOTES, languageId: 'plaintext', version: 1, text: 'Notes in English about the talks.' } });
}

describe('server labels follow the locale or arabicNewsLens.cardLanguage', function () {
  it('an Arabic client gets Arabic outline groups, provider name and status messages', async () => {
    const s = await startServer({ locale: 'ar' });
    try {
      await open(s);
      assert.strictEqual((s.init.capabilities.documentSymbolProvider as { label: string }).label, 'عدسة الأخبار العربية');
      assert.deepStrictEqual(await groups(s), ['الأشخاص', 'الدول', 'الأماكن', 'المنظمات']);
      const status = await s.waitFor(StatusNotification, (p) => p.uri === NOTES);
      assert.strictEqual(status.state, 'skipped');
      assert.match(status.message, /^عدسة الأخبار العربية: .*arabicNewsLens\.plainText\.arabicRatio/);
    } finally {
      assert.strictEqual(await s.stop(), 0);
    }
  });

  it('the setting wins over the locale, and a change of it applies to the next outline', async () => {
    const s = await startServer({ locale: 'ar', settings: { packs: { paths: [MINI_PACK] }, cardLanguage: 'en' } });
    try {
      await open(s);
      assert.deepStrictEqual(await groups(s), ['People', 'Countries', 'Places', 'Organizations']);
      await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { arabicNewsLens: { packs: { paths: [MINI_PACK] }, cardLanguage: 'ar' } } });
      await until(() => groups(s), (g) => g[0] === 'الأشخاص');
    } finally {
      assert.strictEqual(await s.stop(), 0);
    }
  });

  it('an English client, or one that sends no locale, gets English', async () => {
    const s = await startServer({ locale: 'en-US' });
    try {
      await open(s);
      assert.deepStrictEqual(await groups(s), ['People', 'Countries', 'Places', 'Organizations']);
      assert.strictEqual((s.init.capabilities.documentSymbolProvider as { label: string }).label, 'Arabic News Lens');
    } finally {
      assert.strictEqual(await s.stop(), 0);
    }
  });
});
