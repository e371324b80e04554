/**
 * Level 1: the per-document analysis of the server (server/src/lsp/documents.ts): which mention a
 * cursor touches, the filters of the settings, the size limit and the plain-text check.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Mention } from '../../server/src/analysis/types';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/common/settings';
import { analyse, mentionAt, visibleMentions } from '../../server/src/lsp/documents';
import { LineIndex } from '../../server/src/lsp/positions';
import fc from 'fast-check';
import { mergeChanges, NewsDocument, type ChangedRange } from '../../server/src/lsp/text-document';

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
  it('applies incremental changes in order as the reference TextDocument does, keeping its line index fresh', () => {
    const text = 'بشار الأسد\r\nسوريا\nإيران\rلبنان';
    let doc = NewsDocument.create('file:///a.arnews', 'arabic-news', 1, text);
    let ref = TextDocument.create('file:///a.arnews', 'arabic-news', 1, text);
    const steps = [
      [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: 'حافظ\n' }],
      [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 2 } }, text: '' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\r\n' }],
      [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } }, text: 'x' }],
      [{ text: 'نص جديد\nكله' }],
      [{ range: { start: { line: 0, character: 7 }, end: { line: 1, character: 0 } }, text: '' }],
    ];
    let version = 1;
    for (const changes of steps) {
      version++;
      doc = NewsDocument.update(doc, changes, version);
      ref = TextDocument.update(ref, changes, version);
      assert.strictEqual(doc.getText(), ref.getText());
      assert.strictEqual(doc.version, version);
      assert.strictEqual(doc.lineCount, ref.lineCount);
      assert.deepStrictEqual([...doc.lines.lineStarts], [...new LineIndex(ref.getText()).lineStarts]);
    }
  });


  it('records what changed since the previous version, merged over several changes, as a range that keeps the rest equal', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: fc.constantFrom('', 'س', 'بيدرسون\n', '\r\n', '😀') });
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (text, events) => {
        let doc = NewsDocument.create('file:///a.arnews', 'arabic-news', 1, text);
        const first = text;
        let merged: ChangedRange | undefined;
        for (const changes of events) {
          let current = doc.getText();
          const ranges = [];
          for (const e of changes) {
            const at = Math.floor(e.at * current.length);
            const end = Math.min(current.length, at + e.remove);
            const lines = new LineIndex(current);
            ranges.push({ range: { start: lines.position(at), end: lines.position(end) }, text: e.insert });
            current = current.slice(0, at) + e.insert + current.slice(end);
          }
          const before = doc.getText();
          doc = NewsDocument.update(doc, ranges, doc.version + 1);
          const after = doc.getText();
          const c = doc.change!;
          assert.strictEqual(c.from, doc.version - 1);
          assert.strictEqual(before.slice(0, c.range.start), after.slice(0, c.range.start));
          assert.strictEqual(before.slice(c.range.oldEnd), after.slice(c.range.newEnd));
          merged = merged ? mergeChanges(merged, c.range) : c.range;
          assert.strictEqual(first.slice(0, merged.start), after.slice(0, merged.start));
          assert.strictEqual(first.slice(merged.oldEnd), after.slice(merged.newEnd));
          assert.strictEqual(first.length - merged.oldEnd, after.length - merged.newEnd);
        }
      }),
      { numRuns: 300 },
    );
    const replaced = NewsDocument.update(NewsDocument.create('file:///a.arnews', 'arabic-news', 1, 'abc'), [{ text: 'xyz' }], 2);
    assert.strictEqual(replaced.change, undefined);
  });

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
    const doc = NewsDocument.create('file:///a.arnews', 'arabic-news', 1, 'بشار سوريا غير');
    const r = analyse(doc, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS);
    assert.strictEqual(visibleMentions(r, DEFAULT_SETTINGS).length, 3);
    assert.deepStrictEqual(visibleMentions(r, resolveSettings({ types: { country: false } })).map((m) => m.type), ['person', 'person']);
    assert.strictEqual(visibleMentions(r, resolveSettings({ candidates: { enabled: false } })).length, 2);
  });

  it('skips a document above the size limit without analysing it, naming the setting', () => {
    const before = counting.calls;
    const doc = NewsDocument.create('file:///big.arnews', 'arabic-news', 1, 'س'.repeat(60000));
    const r = analyse(doc, (t) => counting.analyze(t), 1, resolveSettings({ performance: { maxFileSizeMB: 0.1 } }));
    assert.strictEqual(counting.calls, before);
    assert.match(r.skipped ?? '', /arabicNewsLens\.performance\.maxFileSizeMB \(0\.1 MB\)/);
    assert.strictEqual(r.analysis.mentions.length, 0);
    assert.strictEqual(analyse(doc, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped, undefined);
  });

  it('analyses plain text only when it is mostly Arabic and detection is on', () => {
    const english = NewsDocument.create('file:///n.txt', 'plaintext', 1, 'Pedersen met Khaji in Astana.');
    assert.match(analyse(english, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped ?? '', /arabicRatio/);
    const arabic = NewsDocument.create('file:///a.txt', 'plaintext', 1, 'التقى بيدرسون خاجي في أستانا.');
    assert.strictEqual(analyse(arabic, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped, undefined);
    assert.match(analyse(arabic, (t) => counting.analyze(t), 1, resolveSettings({ plainText: { detectArabic: false } })).skipped ?? '', /detectArabic/);
    // A document in the arabic-news language is always analysed.
    const news = NewsDocument.create('file:///n.arnews', 'arabic-news', 1, 'Pedersen met Khaji.');
    assert.strictEqual(analyse(news, (t) => counting.analyze(t), 1, DEFAULT_SETTINGS).skipped, undefined);
  });
});
