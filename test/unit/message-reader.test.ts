/**
 * The server's message reader (lsp/message-reader.ts): long strings decoded in place equal what
 * JSON.parse gives, for any text (property test with thresholds small enough to take that path),
 * headers are read as vscode-jsonrpc reads them, and framing survives any split into chunks.
 */
import * as assert from 'assert';
import { PassThrough } from 'stream';
import fc from 'fast-check';
import { decodeStringInPlace, findLongStrings, LargeMessageReader, parseBody, parseHeader, streamTransport } from '../../server/src/lsp/message-reader';

/** Text with Arabic, emoji, CRLF, quotes, backslashes, controls and (sometimes) lone surrogates. */
const PIECES = ['سوريا', 'التقى الرئيس', ' ', '\r\n', '\n', '\t', '"', '\\', '/', '😀', '🇸🇾', 'é', '\u0000', '\u001f', '\u2028', 'abc', '\ufeff'];
const text = (lone: boolean) =>
  fc.array(lone ? fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom('\ud83d', '\ude00')) : fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));

function message(t: string): unknown {
  return { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a "b".arnews', languageId: 'arabic-news', version: 3, text: t }, other: ['x', t, 7] } };
}

describe('message reader', () => {
  it('parses a body with long strings exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(text(true), fc.integer({ min: 0, max: 8 }), (t, min) => {
        const body = Buffer.from(JSON.stringify(message(t)), 'utf8');
        assert.deepStrictEqual(parseBody(Buffer.from(body), 0, min), JSON.parse(body.toString('utf8')));
      }),
      { numRuns: 400 },
    );
  });

  it('decodes in place, or declines a lone surrogate without writing', () => {
    const ok = Buffer.from(JSON.stringify('a\\"\n😀سوريا\u0001'), 'utf8');
    assert.strictEqual(decodeStringInPlace(ok, 1, ok.length - 1), 'a\\"\n😀سوريا\u0001');
    const upper = Buffer.from('"\\u00E9\\u0041\\uD83D\\uDE00\\u00e9"', 'utf8');
    assert.strictEqual(decodeStringInPlace(upper, 1, upper.length - 1), 'éA😀é');
    assert.strictEqual(decodeStringInPlace(Buffer.from('"\\u00G9"'), 1, 7), undefined);
    const lone = Buffer.from(JSON.stringify('x\ud83dy'), 'utf8');
    const copy = Buffer.from(lone);
    assert.strictEqual(decodeStringInPlace(lone, 1, lone.length - 1), undefined);
    assert.deepStrictEqual(lone, copy);
    assert.strictEqual((parseBody(lone, 0, 0) as string), 'x\ud83dy');
  });

  it('finds strings by their quotes, not by escaped quotes inside them', () => {
    const body = Buffer.from('{"k":"ab\\"cd\\\\","long":"0123456789"}', 'utf8');
    assert.deepStrictEqual(
      findLongStrings(body, 8).map((s) => body.toString('utf8', s.start, s.end)),
      ['"ab\\"cd\\\\"', '"0123456789"'],
    );
  });

  it('reads the Content-Length and rejects malformed headers', () => {
    assert.strictEqual(parseHeader('Content-Length: 42'), 42);
    assert.strictEqual(parseHeader('content-length:7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 7);
    assert.ok(parseHeader('Content-Type: application/json') instanceof Error);
    assert.ok(parseHeader('Content-Length: 4x') instanceof Error);
    assert.ok(parseHeader('Content-Length 42') instanceof Error);
    assert.ok(parseHeader('Content-Length: 4\r\nContent-Type: text/json; charset=latin1') instanceof Error);
  });

  it('frames messages however the stream splits them, and goes on after a bad header', () => {
    fc.assert(
      fc.property(fc.array(text(false), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }), (texts, cuts) => {
        const messages = texts.map((t, i) => ({ jsonrpc: '2.0', id: i, method: 'm', params: { text: t } }));
        const frames = messages.map((m) => {
          const body = Buffer.from(JSON.stringify(m), 'utf8');
          return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
        });
        const all = Buffer.concat([Buffer.from('X-Nothing: 1\r\n\r\n'), ...frames]);
        const stream = new PassThrough();
        const reader = new LargeMessageReader(stream, 16, 4);
        const got: unknown[] = [];
        const errors: string[] = [];
        reader.onError((e) => errors.push(e.message));
        reader.listen((m) => got.push(m));
        for (let at = 0, i = 0; at < all.length; i++) {
          const n = cuts[i % cuts.length];
          reader['receive'](all.subarray(at, at + n));
          at += n;
        }
        assert.deepStrictEqual(got, messages);
        assert.strictEqual(errors.length, 1);
        assert.match(errors[0], /Content-Length/);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the transport from the command line as vscode-languageserver does', () => {
    assert.deepStrictEqual(streamTransport(['--stdio']), { kind: 'stdio' });
    assert.deepStrictEqual(streamTransport(['--clientProcessId=3', '--socket=5007']), { kind: 'socket', port: 5007 });
    assert.deepStrictEqual(streamTransport(['--socket', '5007']), { kind: 'socket', port: 5007 });
    assert.deepStrictEqual(streamTransport(['--pipe=/tmp/x.sock']), { kind: 'pipe', name: '/tmp/x.sock' });
    assert.strictEqual(streamTransport(['--node-ipc', '--stdio']), undefined);
    assert.strictEqual(streamTransport([]), undefined);
  });
});
