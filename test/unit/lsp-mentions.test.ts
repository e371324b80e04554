/**
 * The data of `arabicNewsLens/mentions` (server/src/lsp/mentions.ts): five integers per mention piece,
 * forms as the VS Code client draws them, and only the mentions that overlap the ranges asked.
 */
import * as assert from 'assert';
import type { Mention } from '../../server/src/analysis/types';
import { MARK_FORMS } from '../../server/src/common/protocol';
import { markForm, mentionMarks } from '../../server/src/lsp/mentions';
import { LineIndex } from '../../server/src/lsp/positions';

// Three lines; the mentions are found by their text, so the offsets stay right if the text changes.
const TEXT = 'قال الرئيس السوري بشار الأسد\nوزار لافروف دمشق\nثم عاد إلى موسكو';
function mention(text: string, type: Mention['type'], form: Mention['form'], known = true): Mention {
  const start = TEXT.indexOf(text);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, entityId: `${type}:${text}`, type, form, known, reason: 'alias' as Mention['reason'], alias: text, pack: 'test', article: 0 };
}
const MENTIONS: Mention[] = [
  mention('الرئيس السوري', 'person', 'title'),
  mention('السوري', 'country', 'adjective'),
  mention('بشار الأسد', 'person', 'name'),
  mention('لافروف', 'person', 'name', false),
  mention('دمشق', 'location', 'name'),
  mention('موسكو', 'location', 'name'),
].filter((m, i, all) => i === 0 || m.start >= all[i - 1].end);
const lines = new LineIndex(TEXT);

/** The data as `text/type/form` rows. */
function rows(data: number[]): string[] {
  const out: string[] = [];
  assert.strictEqual(data.length % 5, 0);
  for (let i = 0; i < data.length; i += 5) {
    const start = lines.offset({ line: data[i], character: data[i + 1] });
    out.push(`${TEXT.slice(start, start + data[i + 2])}/${['person', 'country', 'location', 'organization'][data[i + 3]]}/${MARK_FORMS[data[i + 4]]}`);
  }
  return out;
}

describe('lsp/mentions: the marks a client draws', () => {
  it('gives every mention with its type and form; unknown names are candidates', () => {
    assert.deepStrictEqual(rows(mentionMarks(MENTIONS, lines)), [
      'الرئيس السوري/person/title',
      'بشار الأسد/person/name',
      'لافروف/person/candidate',
      'دمشق/location/name',
      'موسكو/location/name',
    ]);
    assert.strictEqual(markForm({ form: 'adjective', known: true }), 'adjective');
    assert.strictEqual(markForm({ form: 'linked' as Mention['form'], known: true }), 'name');
    assert.strictEqual(markForm({ form: 'adjective', known: false }), 'candidate');
  });

  it('gives lines and characters of each line, not of the text', () => {
    const data = mentionMarks(MENTIONS, lines);
    const damascus = TEXT.indexOf('دمشق');
    assert.deepStrictEqual(data.slice(15, 18), [1, damascus - lines.lineStarts[1], 'دمشق'.length]);
  });

  it('keeps only the mentions that overlap the ranges, each once, whatever the order of the ranges', () => {
    const line = (n: number) => ({ start: lines.lineStarts[n], end: lines.lineEnds[n] });
    assert.deepStrictEqual(rows(mentionMarks(MENTIONS, lines, [line(2), line(0)])), ['الرئيس السوري/person/title', 'بشار الأسد/person/name', 'موسكو/location/name']);
    // Two ranges inside one name give it once; a range that touches a name's end only gives nothing.
    const bashar = TEXT.indexOf('بشار');
    assert.deepStrictEqual(rows(mentionMarks(MENTIONS, lines, [{ start: bashar, end: bashar + 1 }, { start: bashar + 6, end: bashar + 7 }])), ['بشار الأسد/person/name']);
    const lavrovEnd = TEXT.indexOf('لافروف') + 'لافروف'.length;
    assert.deepStrictEqual(rows(mentionMarks(MENTIONS, lines, [{ start: lavrovEnd, end: lavrovEnd + 1 }])), []);
    assert.deepStrictEqual(rows(mentionMarks(MENTIONS, lines, [])), []);
  });
});
