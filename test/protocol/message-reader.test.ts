/**
 * The server's message reader over the real process (issue 15): a didOpen of several MB with Arabic,
 * emoji, CRLF and escapes arrives intact (tokens and hover at its end are those of the same article
 * alone); bytes written in many small pieces, several messages in one write, and a malformed header
 * or body are read as the protocol says, without bringing the server down.
 */
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { decodeTokens } from '../../server/src/common/legend';
import { LineIndex } from '../../server/src/lsp/positions';
import { MINI_PACK, REPO, SERVER, startServer, type Started } from './helpers/lsp-client';

const ARTICLE = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8').replace(/^\uFEFF/, '').trimEnd();

/**
 * The reference article with CRLF line ends, an emoji, a quoted and escaped tag and a tab before each
 * line, and a lone CR (a line break in LSP) after the first word of each: a character lost or changed
 * in decoding moves the tokens after it.
 */
function variant(i: number): string {
  return ARTICLE.split('\n')
    .map((line) => `🇸🇾 "نسخة\\${i}"\t${line.replace(' ', '\r')}`)
    .join('\r\n');
}

describe('message reader over the real server (protocol)', function () {
  this.timeout(60000);

  describe('a large didOpen', () => {
    let s: Started;
    before(async () => {
      s = await startServer({ settings: { packs: { paths: [MINI_PACK] }, performance: { maxFileSizeMB: 64 } } });
    });
    after(async () => {
      if (s && s.child.exitCode === null) await s.stop();
    });

    it('arrives intact: the tokens and the hover of its last article equal those of that article alone', async () => {
      const last = variant(0);
      const parts: string[] = [];
      let size = 0;
      for (let i = 1; size < 4_000_000; i++) {
        const a = variant(i);
        parts.push(a);
        size += Buffer.byteLength(a) + 6;
      }
      parts.push(last);
      const big = parts.join('\r\n\r\n\r\n') + '\r\n';
      assert.ok(Buffer.byteLength(big) > 4_000_000);
      const bigUri = pathToFileURL(path.join(REPO, 'big.arnews')).href;
      const smallUri = pathToFileURL(path.join(REPO, 'small.arnews')).href;
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'arabic-news', version: 1, text: big } });
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'arabic-news', version: 1, text: last + '\r\n' } });
      const firstLine = new LineIndex(big).position(big.length - last.length - 2).line;
      const lineCount = new LineIndex(last).lineCount;
      assert.ok(lineCount > 2 * last.split('\r\n').length - 2, 'lone CRs break lines');
      const range = (from: number) => ({ start: { line: from, character: 0 }, end: { line: from + lineCount, character: 0 } });
      const tokens = async (uri: string, from: number) =>
        decodeTokens(((await s.conn.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri }, range: range(from) })) as { data: number[] }).data)
          .filter((t) => t.line >= from)
          .map((t) => ({ ...t, line: t.line - from }));
      const alone = await tokens(smallUri, 0);
      assert.ok(alone.length > 20, `${alone.length} tokens in the article alone`);
      assert.deepStrictEqual(await tokens(bigUri, firstLine), alone);
      const lastPerson = alone.filter((t) => t.type === 'person').at(-1)!;
      const hover = async (uri: string, line: number) =>
        (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: lastPerson.character + 1 } })) as { contents: { value: string }; range: unknown };
      const h = await hover(bigUri, firstLine + lastPerson.line);
      const hAlone = await hover(smallUri, lastPerson.line);
      assert.ok(h && hAlone, 'hovers');
      assert.strictEqual(h.contents.value.replace(/big\.arnews/g, 'small.arnews'), hAlone.contents.value);
    });
  });

  describe('framing', () => {
    let child: ChildProcess;
    let out: Buffer = Buffer.alloc(0);
    const received: any[] = [];
    const frame = (m: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    };
    const answer = async (id: number) => {
      const end = Date.now() + 20000;
      for (;;) {
        const r = received.find((m) => m.id === id && !m.method);
        if (r) return r;
        if (Date.now() > end) throw new Error(`no answer to ${id}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    // Inside «غير بيدرسون» on line 2 of the reference article (line 0 spells it with a Persian yeh).
    const position = new LineIndex(ARTICLE).position(ARTICLE.indexOf('بيدرسون') + 2);
    const hoverAt = (id: number, uri: string) => frame({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position } });

    before(async () => {
      child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: REPO });
      child.stdout!.on('data', (d: Buffer) => {
        out = Buffer.concat([out, d]);
        for (;;) {
          const end = out.indexOf('\r\n\r\n');
          if (end < 0) return;
          const length = Number(/Content-Length: *(\d+)/i.exec(out.toString('ascii', 0, end))![1]);
          if (out.length < end + 4 + length) return;
          const m = JSON.parse(out.toString('utf8', end + 4, end + 4 + length));
          out = out.subarray(end + 4 + length);
          received.push(m);
          if (m.method && m.id !== undefined) child.stdin!.write(frame({ id: m.id, result: m.method === 'workspace/configuration' ? m.params.items.map(() => ({ packs: { paths: [MINI_PACK] } })) : null }));
        }
      });
    });
    after(() => {
      if (child.exitCode === null) child.kill();
    });

    it('reads several messages written at once, then one written a few bytes at a time', async () => {
      const uri = pathToFileURL(path.join(REPO, 'framing.arnews')).href;
      const text = ARTICLE;
      child.stdin!.write(
        Buffer.concat([
          frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { builtinPacks: false, settings: { packs: { paths: [MINI_PACK] } } } } }),
          frame({ method: 'initialized', params: {} }),
          frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'arabic-news', version: 1, text } } }),
          hoverAt(2, uri),
        ]),
      );
      assert.ok((await answer(1)).result.capabilities);
      const whole = (await answer(2)).result;
      assert.match(whole.contents.value, /Geir Pedersen/);
      const bytes = hoverAt(3, uri);
      for (let at = 0; at < bytes.length; at += 7) {
        child.stdin!.write(bytes.subarray(at, at + 7));
        await new Promise((r) => setTimeout(r, 1));
      }
      assert.deepStrictEqual((await answer(3)).result, whole);
    });

    it('reports a malformed header or body and goes on with the next message', async () => {
      const uri = pathToFileURL(path.join(REPO, 'framing.arnews')).href;
      const logs = () => received.filter((m) => m.method === 'window/logMessage').map((m) => m.params.message as string);
      child.stdin!.write(Buffer.concat([Buffer.from('Content-Type: application/json\r\n\r\n'), hoverAt(4, uri)]));
      assert.match((await answer(4)).result.contents.value, /Geir Pedersen/);
      child.stdin!.write(Buffer.concat([Buffer.from('Content-Length: 9\r\n\r\n{"jsonrpc'), hoverAt(5, uri)]));
      assert.match((await answer(5)).result.contents.value, /Geir Pedersen/);
      assert.ok(logs().some((l) => /unreadable message: Header must provide a Content-Length/.test(l)), logs().join('\n'));
      assert.ok(logs().some((l) => /unreadable message: .*JSON/.test(l)), logs().join('\n'));
      assert.strictEqual(child.exitCode, null);
    });
  });
});
