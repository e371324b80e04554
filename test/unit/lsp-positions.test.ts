/**
 * Level 1: the one conversion module (server/src/lsp/positions.ts): offsets to LSP positions and back
 * with \n, \r\n and lone \r, surrogate pairs (emoji) around Arabic, and clamping.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/lsp/positions';

const pos = (line: number, character: number) => ({ line, character });

describe('LineIndex (offsets ↔ LSP positions)', () => {
  it('maps offsets on \\n lines', () => {
    const t = new LineIndex('سوريا\nإيران');
    assert.deepStrictEqual(t.position(0), pos(0, 0));
    assert.deepStrictEqual(t.position(5), pos(0, 5));
    assert.deepStrictEqual(t.position(6), pos(1, 0));
    assert.deepStrictEqual(t.position(11), pos(1, 5));
    assert.strictEqual(t.offset(pos(1, 2)), 8);
  });

  it('treats \\r\\n as one break and never points between \\r and \\n', () => {
    const text = 'أ\r\nب\r\nج';
    const t = new LineIndex(text);
    assert.strictEqual(t.lineCount, 3);
    assert.deepStrictEqual(t.position(1), pos(0, 1)); // on \r
    assert.deepStrictEqual(t.position(2), pos(0, 1)); // on \n: still the end of line 0
    assert.deepStrictEqual(t.position(3), pos(1, 0));
    assert.deepStrictEqual(t.position(6), pos(2, 0));
    assert.strictEqual(t.offset(pos(2, 0)), 6);
    assert.strictEqual(text[t.offset(pos(2, 0))], 'ج');
  });

  it('treats a lone \\r as a line break', () => {
    const t = new LineIndex('سوريا\rلبنان\nالعراق');
    assert.strictEqual(t.lineCount, 3);
    assert.deepStrictEqual(t.position(6), pos(1, 0));
    assert.deepStrictEqual(t.position(12), pos(2, 0));
    assert.strictEqual(t.offset(pos(1, 3)), 9);
  });

  it('counts an emoji as two UTF-16 units and never splits it', () => {
    // 😀 is U+1F600: a surrogate pair. Arabic on both sides.
    const text = 'سوريا 😀 إيران';
    const t = new LineIndex(text);
    const emoji = text.indexOf('😀');
    assert.strictEqual(emoji, 6);
    assert.deepStrictEqual(t.position(emoji + 2), pos(0, 8)); // after the pair
    assert.deepStrictEqual(t.position(emoji + 1), pos(0, 6)); // inside the pair: moves to its start
    assert.strictEqual(t.offset(pos(0, 7)), 6); // a character inside the pair moves to its start
    const iran = text.indexOf('إيران');
    assert.deepStrictEqual(t.range(iran, iran + 5), { start: pos(0, 9), end: pos(0, 14) });
  });

  it('keeps Arabic after several emoji on the same line at the right UTF-16 column', () => {
    const text = '🇸🇾🇮🇷 بيدرسون';
    const t = new LineIndex(text);
    const at = text.indexOf('بيدرسون');
    assert.strictEqual(at, 9); // four regional indicators, two units each, and a space
    assert.deepStrictEqual(t.position(at), pos(0, 9));
    assert.strictEqual(t.offset(pos(0, 9)), at);
  });

  it('clamps positions past the end of a line or of the text (LSP rule)', () => {
    const t = new LineIndex('ab\r\ncd');
    assert.strictEqual(t.offset(pos(0, 99)), 2);
    assert.strictEqual(t.offset(pos(9, 0)), 6);
    assert.strictEqual(t.offset(pos(-1, 3)), 0);
    assert.deepStrictEqual(t.position(999), pos(1, 2));
    assert.deepStrictEqual(t.position(-5), pos(0, 0));
  });

  it('round-trips every offset that is not inside a break or a pair', () => {
    const text = 'خاجي\r\n😀 سوريا\rلبنان\n\n🇮🇶العراق';
    const t = new LineIndex(text);
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i);
      const prev = text.charCodeAt(i - 1);
      const insideCrlf = c === 10 && prev === 13;
      const insidePair = c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff;
      if (insideCrlf || insidePair) continue;
      assert.strictEqual(t.offset(t.position(i)), i, `offset ${i}`);
    }
  });

  it('cuts a span that crosses line breaks into one segment a line', () => {
    const text = 'الأمم\r\nالمتحدة';
    const t = new LineIndex(text);
    assert.deepStrictEqual(t.lineSegments(0, text.length), [
      { line: 0, character: 0, length: 5 },
      { line: 1, character: 0, length: 7 },
    ]);
    assert.deepStrictEqual(t.lineSegments(2, 4), [{ line: 0, character: 2, length: 2 }]);
  });

  it('orders the offsets of a reversed range', () => {
    const t = new LineIndex('abc\ndef');
    assert.deepStrictEqual(t.offsets({ start: pos(1, 2), end: pos(0, 1) }), { start: 1, end: 6 });
  });

  it('updates by an edit to the same index as a fresh scan, whatever breaks the edit joins or splits', () => {
    const piece = fc.constantFrom('a', 'س', '\n', '\r', '\r\n', ' ', 'ab\r', '\nب');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), text), { minLength: 1, maxLength: 5 }), (t0, edits) => {
        let index = new LineIndex(t0);
        for (const [a, b, inserted] of edits) {
          const len = index.text.length;
          const start = Math.min(a % (len + 1), b % (len + 1));
          const end = Math.max(a % (len + 1), b % (len + 1));
          index = index.edit(start, end, inserted);
          const fresh = new LineIndex(index.text);
          assert.deepStrictEqual([...index.lineStarts], [...fresh.lineStarts], JSON.stringify(index.text));
          assert.deepStrictEqual([...index.lineEnds], [...fresh.lineEnds], JSON.stringify(index.text));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
