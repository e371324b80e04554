/**
 * Level 1: the per-document analysis of the server (server/src/lsp/documents.ts): which mention a
 * cursor touches, the filters of the settings, the size limit and the plain-text check.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Mention } from '../../server/src/analysis/types';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/common/settings';
import { analyse, mentionAt, visibleMentions } from '../../server/src/lsp/documents';

function mention(start: number, end: number, extra: Partial<Mention> = {}): Mention {
  return { start, end, entityId: 'person:x', type: 'person', form: 'name', known: true, reason: 'alias', alias: '', pack: 'p', article: 0, ...extra };
}

const counting = {
  calls: 0,
  analyze(text: string): Analysis {
    this.calls++;
    return { length: text.length, mentions: [mention(0, 3), mention(4, 8, { type: 'country', entityId: 'country:SY' }), mention(9, 12, { known: false, entityId: 'candidate:x' })], entities: [], articles: [], roles: [], outline: [] };
  },
};

describe('document analysis (server)', () => {
  it('finds the mention under a cursor, ends included, the next one at a shared boundary', () => {
    const ms = [mention(0, 3), mention(3, 6, { entityId: 'b' }), mention(10, 12, { entityId: 'c' })];
    assert.strictEqual(mentionAt(ms, 0)?.entityId, 'person:x');
    assert.strictEqual(mentionAt(ms, 2)?.entityId, 'person:x');
    assert.strictEqual(mentionAt(ms, 3)?.entityId, 'b');
    assert.strictEqual(mentionAt(ms, 6)?.entityId, 'b');
    assert.strictEqual(mentionAt(ms, 8), undefined);
    assert.strictEqual(mentionAt(ms, 12)?.entityId, 'c');
    assert.strictEqual(mentionAt([], 0), undefined);
  });

  it('filters mentions by the type and candidate settings', () => {
    const doc = TextDocument.create('file:///a.arnews', 'arabic-news', 1, 'بشار سوريا غير');
    const r = analyse(doc, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS);
    assert.strictEqual(visibleMentions(r, DEFAULT_SETTINGS).length, 3);
    assert.deepStrictEqual(visibleMentions(r, resolveSettings({ types: { country: false } })).map((m) => m.type), ['person', 'person']);
    assert.strictEqual(visibleMentions(r, resolveSettings({ candidates: { enabled: false } })).length, 2);
  });

  it('skips a document above the size limit without analysing it, naming the setting', () => {
    const before = counting.calls;
    const doc = TextDocument.create('file:///big.arnews', 'arabic-news', 1, 'س'.repeat(60000));
    const r = analyse(doc, (t) => counting.analyze(t), 1, resolveSettings({ performance: { maxFileSizeMB: 0.1 } }));
    assert.strictEqual(counting.calls, before);
    assert.match(r.skipped ?? '', /arabicNewsLens\.performance\.maxFileSizeMB \(0\.1 MB\)/);
    assert.strictEqual(r.analysis.mentions.length, 0);
    assert.strictEqual(analyse(doc, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped, undefined);
  });

  it('analyses plain text only when it is mostly Arabic and detection is on', () => {
    const english = TextDocument.create('file:///n.txt', 'plaintext', 1, 'Pedersen met Khaji in Astana.');
    assert.match(analyse(english, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped ?? '', /arabicRatio/);
    const arabic = TextDocument.create('file:///a.txt', 'plaintext', 1, 'التقى بيدرسون خاجي في أستانا.');
    assert.strictEqual(analyse(arabic, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped, undefined);
    assert.match(analyse(arabic, (t) => counting.analyze(t), 1, resolveSettings({ plainText: { detectArabic: false } })).skipped ?? '', /detectArabic/);
    // A document in the arabic-news language is always analysed.
    const news = TextDocument.create('file:///n.arnews', 'arabic-news', 1, 'Pedersen met Khaji.');
    assert.strictEqual(analyse(news, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped, undefined);
  });
});
