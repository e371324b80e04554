/**
 * Bad input files: what the command line's decodeInput says about each, and what the analysis does
 * with the text it gets (never throws, spans inside the text, exact UTF-16 offsets). Big files are
 * generated in a temporary folder at run time; the 500 MB one is sparse, so it costs no disk.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import type { Mention } from '../../server/src/analysis/types';
import { decodeInput, DEFAULT_MAX_INPUT_MB, maxInputMB } from '../../server/src/cli/input';
import { loadPackFiles } from '../../server/src/knowledge/load';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { bigArticle, EXAMPLE, FULL, MINI_PACK, oneLine, tempDir } from './helpers';

const analyzer = new Analyzer(new KnowledgeBase(loadPackFiles([MINI_PACK], false).packs));

/** Sorted, disjoint, non-empty spans inside the text. */
function checkSpans(text: string, mentions: Mention[]): void {
  let last = 0;
  for (const m of mentions) {
    assert.ok(m.start >= last && m.start < m.end && m.end <= text.length, `span ${m.start}-${m.end} of ${text.length}`);
    last = m.end;
  }
}

/** windows-1256 bytes of a string: the inverse of Node's own windows-1256 decoder. */
function encode1256(s: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...s].map((c) => table.get(c) ?? 0x3f));
}

describe('reliability: input files (CLI decodeInput and the analysis of odd text)', function () {
  this.timeout(120000);
  let tmp: ReturnType<typeof tempDir>;
  const file = (name: string, content: string | Buffer) => {
    const f = path.join(tmp.dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  before(() => (tmp = tempDir()));
  after(() => tmp.remove());

  it('an empty file decodes to "" and analyses to nothing', () => {
    const input = decodeInput(file('empty.txt', ''));
    assert.deepStrictEqual(input, { text: '' });
    const a = analyzer.analyze('');
    assert.strictEqual(a.mentions.length, 0);
    assert.strictEqual(a.length, 0);
  });

  it('a file of only whitespace (spaces, tabs, CRLF, lone CR, NBSP) analyses to nothing', () => {
    const ws = ' \t\r\n\r \u00a0\n\n\u2003';
    const input = decodeInput(file('ws.txt', ws));
    assert.ok('text' in input && input.text === ws);
    const a = analyzer.analyze(ws);
    assert.strictEqual(a.mentions.length, 0);
  });

  it('a binary file (NUL bytes) is refused with a message that says so', () => {
    const input = decodeInput(file('bin.arnews', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xd8, 0xa7])));
    assert.ok('error' in input && /binary/.test(input.error), JSON.stringify(input));
  });

  it('windows-1256 Arabic is detected and refused with the conversion command (decision: not decoded)', () => {
    const bytes = encode1256(EXAMPLE.slice(0, 600));
    assert.ok(bytes.some((b) => b >= 0xc1), 'the fixture really is windows-1256');
    const input = decodeInput(file('old-site.txt', bytes));
    assert.ok('error' in input, 'refused');
    assert.match((input as { error: string }).error, /windows-1256/);
    assert.match((input as { error: string }).error, /iconv -f WINDOWS-1256 -t UTF-8/);
  });

  it('Latin-1 text that is not UTF-8 is refused as "not valid UTF-8", not called Arabic', () => {
    const input = decodeInput(file('latin1.txt', Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade', 'latin1')));
    assert.deepStrictEqual(input, { error: 'is not valid UTF-8' });
  });

  it('UTF-8 with a BOM: the BOM is dropped and offsets equal those of the same text without it', () => {
    const input = decodeInput(file('bom.txt', '\uFEFF' + EXAMPLE));
    assert.ok('text' in input);
    assert.strictEqual(input.text, EXAMPLE);
    const strip = (ms: Mention[]) => ms.map((m) => `${m.start}-${m.end}-${m.entityId}`);
    assert.deepStrictEqual(strip(analyzer.analyze(input.text).mentions), strip(analyzer.analyze(EXAMPLE).mentions));
  });

  it('a missing file and a directory get their own messages', () => {
    assert.deepStrictEqual(decodeInput(path.join(tmp.dir, 'nope.txt')), { error: 'no such file' });
    assert.deepStrictEqual(decodeInput(tmp.dir), { error: 'is a directory, not a file' });
  });

  it(`a 500 MB file is refused before it is read: the message names the size and the ${DEFAULT_MAX_INPUT_MB} MB limit`, () => {
    // A sparse file: its size is 500 MB but no byte is written, so the test allocates nothing.
    const big = path.join(tmp.dir, 'dump-500mb.txt');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 500 * 1024 * 1024);
    fs.closeSync(fd);
    const t0 = Date.now();
    const input = decodeInput(big);
    assert.ok(Date.now() - t0 < 1000, 'answered from the size alone');
    assert.ok('error' in input);
    assert.match(input.error, /500\.0 MB/);
    assert.match(input.error, new RegExp(`${DEFAULT_MAX_INPUT_MB} MB limit`));
    assert.match(input.error, /NEWS_LENS_MAX_MB/);
  });

  it('a 50 MB file is refused under the default limit; NEWS_LENS_MAX_MB moves the limit', () => {
    const f = path.join(tmp.dir, 'dump-50mb.txt');
    const fd = fs.openSync(f, 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const input = decodeInput(f);
    assert.ok('error' in input && /50\.0 MB, larger than the 20 MB limit/.test(input.error), JSON.stringify(input));
    assert.strictEqual(maxInputMB({ NEWS_LENS_MAX_MB: '64' }), 64);
    assert.strictEqual(maxInputMB({ NEWS_LENS_MAX_MB: 'lots' }), DEFAULT_MAX_INPUT_MB);
    assert.strictEqual(maxInputMB({ NEWS_LENS_MAX_MB: '-1' }), DEFAULT_MAX_INPUT_MB);
    // Under a raised limit the sparse file is read: it is all NUL bytes, so it is refused as binary.
    const raised = decodeInput(f, 64);
    assert.ok('error' in raised && /binary/.test(raised.error), JSON.stringify(raised));
  });

  it('CRLF and lone CR line ends: the same mentions as LF, shifted by the extra code units', () => {
    const lf = EXAMPLE;
    const crlf = lf.replace(/\n/g, '\r\n');
    const cr = lf.replace(/\n/g, '\r');
    const a = analyzer.analyze(lf).mentions;
    const b = analyzer.analyze(crlf).mentions;
    const c = analyzer.analyze(cr).mentions;
    assert.strictEqual(b.length, a.length);
    assert.strictEqual(c.length, a.length);
    for (let i = 0; i < a.length; i++) {
      assert.strictEqual(crlf.slice(b[i].start, b[i].end), lf.slice(a[i].start, a[i].end));
      assert.strictEqual(cr.slice(c[i].start, c[i].end), lf.slice(a[i].start, a[i].end));
    }
  });

  it('emoji, ZWJ sequences, surrogate pairs and combining marks next to Arabic: spans cover the name exactly', () => {
    const text = 'قال 👨‍👩‍👧 إن 𝐀إيران̈ و😀سوريا، وسُورِيَا 🇸🇾لبنان';
    const ms = analyzer.analyze(text).mentions;
    checkSpans(text, ms);
    const got = ms.map((m) => [text.slice(m.start, m.end), m.entityId]);
    assert.deepStrictEqual(got, [
      ['إيران̈', 'country:IR'],
      ['سوريا', 'country:SY'],
      ['سُورِيَا', 'country:SY'],
      ['لبنان', 'country:LB'],
    ]);
    // No span starts or ends inside a surrogate pair.
    for (const m of ms) {
      const lo = text.charCodeAt(m.start);
      const hi = text.charCodeAt(m.end - 1);
      assert.ok(!(lo >= 0xdc00 && lo <= 0xdfff) && !(hi >= 0xd800 && hi <= 0xdbff), `${m.start}-${m.end}`);
    }
  });

  it('bidi controls (RLE/PDF, RLM, LRI/PDI) around and inside names: found, spans start on the first letter', () => {
    const text = '\u202bسوريا\u202c و\u200fإيران\u200f و\u2067لبنان\u2069 و\u061cالعراق';
    const ms = analyzer.analyze(text).mentions;
    checkSpans(text, ms);
    assert.deepStrictEqual(
      ms.map((m) => m.entityId),
      ['country:SY', 'country:IR', 'country:LB', 'country:IQ'],
    );
    for (const m of ms) assert.match(text[m.start], /[\u0621-\u064a]/, `span ${m.start} starts on a letter`);
  });

  it('mixed scripts (Latin, Hebrew, Cyrillic, CJK, Persian) around Arabic names never throw', () => {
    const text = 'Reuters: שלום Москва 北京 پاکستان and سوريا (Syria) — «إيران» 2024/01/02 ١٢٣';
    const ms = analyzer.analyze(text).mentions;
    checkSpans(text, ms);
    assert.ok(ms.some((m) => m.entityId === 'country:SY'));
  });

  it('a 1 MB Latin-script article: nothing marked, analysed fast', () => {
    const para = 'The quick brown fox jumps over the lazy dog. Reuters reported on Syria and Iran, said Mr. Pedersen: "talks" (2024-01-02).\n';
    const text = para.repeat(Math.ceil((1024 * 1024) / para.length));
    const t0 = performance.now();
    const a = analyzer.analyze(text);
    const ms = performance.now() - t0;
    assert.strictEqual(a.mentions.length, 0);
    assert.strictEqual(a.roles.length, 0);
    // About 0.3 s on a quiet machine; the bound leaves room for a loaded CI runner.
    assert.ok(ms < 8000, `${Math.round(ms)} ms`);
  });

  it(`one ${FULL ? 5 : 1} MB line: decoded, analysed, spans valid, and not slower per character than the same text in lines`, () => {
    const bytes = (FULL ? 5 : 1) * 1024 * 1024;
    const line = oneLine(bytes);
    const input = decodeInput(file('one-line.txt', line));
    assert.ok('text' in input && input.text.length === line.length);
    const lines = bigArticle(bytes);
    // The warm-up keeps the JIT out of the comparison.
    analyzer.analyze(lines.slice(0, 50000));
    let t0 = performance.now();
    const ref = analyzer.analyze(lines);
    const linesMs = performance.now() - t0;
    t0 = performance.now();
    const a = analyzer.analyze(line);
    const lineMs = performance.now() - t0;
    checkSpans(line, a.mentions);
    // The same names are found whether the text has line breaks or not (boundaries may differ a little).
    assert.ok(a.mentions.length >= ref.mentions.length * 0.9, `${a.mentions.length} vs ${ref.mentions.length}`);
    // A per-line scan that restarts for each sentence makes one long line quadratic.
    assert.ok(lineMs < linesMs * 2.5 + 2000, `one line ${Math.round(lineMs)} ms, in lines ${Math.round(linesMs)} ms`);
  });
});
