/**
 * A JSON-RPC message reader for stream transports (stdio, socket, pipe) that holds a large message
 * about once instead of four times. vscode-jsonrpc's own reader keeps the received chunks, joins them
 * into a second buffer, decodes a third copy (the JSON string) and parses a fourth (the object with the
 * text). Here the body goes into one Buffer allocated from the Content-Length header as chunks arrive;
 * for a large body, every long JSON string (a didOpen or didChange text) is unescaped in place in that
 * Buffer and decoded once, straight into the string the document keeps, while the rest of the message
 * (a few hundred bytes) is parsed as usual. The Buffer is dropped as soon as the message is delivered.
 */
import type { Readable } from 'stream';
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** The stream transport named on the command line (as vscode-languageserver reads it), if any. */
export function streamTransport(argv: string[]): { kind: 'stdio' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, value] = arg.split('=');
    if (arg === '--node-ipc') return undefined;
    if (arg === '--stdio') return { kind: 'stdio' };
    if (key === '--socket') return { kind: 'socket', port: parseInt(value ?? argv[i + 1]) };
    if (key === '--pipe') return { kind: 'pipe', name: value ?? argv[i + 1] };
  }
  return undefined;
}

/** Bodies from this size on are scanned for long strings; smaller ones are parsed whole. */
export const LARGE_BODY = 1 << 20;
/** Strings from this many bytes (between the quotes) on are decoded in place. */
export const LARGE_STRING = 1 << 16;
/** A header longer than this without its blank line is not a header: it is reported and dropped. */
const MAX_HEADER = 8192;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/**
 * A placeholder for a long string in the small rest of the message: a NUL and a per-process nonce, so
 * that no string of a real message equals it.
 */
const MARK = `\u0000news-lens-${Math.random().toString(36).slice(2)}:`;

/** `[start, end)` of the JSON string values of `body` of `minBytes` or more, quotes included. */
export function findLongStrings(body: Buffer, minBytes: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let pos = 0;
  for (;;) {
    const open = body.indexOf(QUOTE, pos);
    if (open < 0) return spans;
    let close = body.indexOf(QUOTE, open + 1);
    while (close > 0) {
      let slashes = 0;
      while (body[close - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) break;
      close = body.indexOf(QUOTE, close + 1);
    }
    if (close < 0) return spans; // Unterminated: JSON.parse of the whole body reports it.
    let next = close + 1;
    while (body[next] === 0x20 || body[next] === 0x09 || body[next] === 0x0a || body[next] === 0x0d) next++;
    // A key (followed by a colon) stays in the rest of the message.
    if (close - open - 1 >= minBytes && body[next] !== 0x3a) spans.push({ start: open, end: close + 1 });
    pos = close + 1;
  }
}

const SIMPLE: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9 };

/** The four hex digits at `at` as a number, or -1. */
function hex4(b: Buffer, at: number): number {
  if (at + 4 > b.length) return -1;
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const c = b[i];
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Unescapes the JSON string contents `body[start, end)` (without quotes) in place and returns the
 * decoded string, or undefined when it holds an escape that UTF-8 cannot carry (a lone surrogate) or
 * an invalid escape; nothing is written then, and the caller parses the string with JSON.parse.
 * In place is safe: every escape is at least as long as the UTF-8 bytes it stands for.
 */
export function decodeStringInPlace(body: Buffer, start: number, end: number): string | undefined {
  for (const write of [false, true]) {
    let r = start;
    let w = start;
    for (;;) {
      let bs = body.indexOf(BACKSLASH, r);
      if (bs < 0 || bs >= end) bs = end;
      if (write && w !== r) body.copyWithin(w, r, bs);
      w += bs - r;
      if (bs === end) break;
      const c = body[bs + 1];
      const simple = SIMPLE[c];
      if (simple !== undefined) {
        if (write) body[w] = simple;
        w += 1;
        r = bs + 2;
        continue;
      }
      if (c !== 0x75) return undefined;
      let cp = hex4(body, bs + 2);
      if (cp < 0 || bs + 6 > end) return undefined;
      r = bs + 6;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        const low = cp <= 0xdbff && body[r] === BACKSLASH && body[r + 1] === 0x75 && r + 6 <= end ? hex4(body, r + 2) : -1;
        if (low < 0xdc00 || low > 0xdfff) return undefined;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        r += 6;
      }
      if (write) w += body.write(String.fromCodePoint(cp), w, 'utf8');
      else w += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    if (write) return body.toString('utf8', start, w);
  }
  return undefined;
}

/**
 * Parses a JSON-RPC body. From `largeBody` bytes on, strings of `largeString` bytes or more are decoded
 * in place (the body is modified) and set into the parsed rest of the message.
 */
export function parseBody(body: Buffer, largeBody = LARGE_BODY, largeString = LARGE_STRING): unknown {
  if (body.length < largeBody) return JSON.parse(body.toString('utf8'));
  const spans = findLongStrings(body, largeString);
  if (!spans.length) return JSON.parse(body.toString('utf8'));
  const pieces: Buffer[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    pieces.push(body.subarray(at, s.start), Buffer.from(JSON.stringify(MARK + i), 'utf8'));
    at = s.end;
  });
  pieces.push(body.subarray(at));
  const rest = Buffer.concat(pieces).toString('utf8');
  const strings = spans.map(
    (s) => decodeStringInPlace(body, s.start + 1, s.end - 1) ?? (JSON.parse(body.toString('utf8', s.start, s.end)) as string),
  );
  return JSON.parse(rest, (_key, value: unknown) =>
    typeof value === 'string' && value.length < MARK.length + 12 && value.startsWith(MARK) ? strings[Number(value.slice(MARK.length))] : value,
  );
}

/** The Content-Length of a header block, or an error naming what is wrong with it. */
export function parseHeader(text: string): number | Error {
  let length: number | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return new Error(`Message header must separate key and value using ":": ${JSON.stringify(line.slice(0, 200))}`);
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-length') {
      if (!value || [...value].some((ch) => ch < '0' || ch > '9')) return new Error(`Content-Length value must be a number. Got ${JSON.stringify(value.slice(0, 200))}`);
      length = Number(value);
    } else if (key === 'content-type') {
      const lower = value.toLowerCase();
      const at = lower.indexOf('charset=');
      const charset = at < 0 ? undefined : lower.slice(at + 8).split(';')[0].trim();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') return new Error(`Unsupported charset ${JSON.stringify(charset)}: only utf-8 is read.`);
    }
  }
  if (length === undefined) return new Error(`Header must provide a Content-Length property: ${JSON.stringify(text.slice(0, 200))}`);
  return length;
}

/**
 * Reads Content-Length framed messages from a stream. A malformed header or body is reported through
 * `onError` and skipped; reading goes on with the next header.
 */
export class LargeMessageReader extends AbstractMessageReader {
  /** Header bytes received so far (copied, so that no chunk is retained). */
  private head: Buffer = Buffer.alloc(0);
  private body: Buffer | undefined;
  private filled = 0;
  private callback: DataCallback | undefined;

  constructor(
    private readonly stream: Readable,
    private readonly largeBody = LARGE_BODY,
    private readonly largeString = LARGE_STRING,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.receive(chunk);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    return Disposable.create(() => {
      this.stream.off('data', onData);
      this.stream.off('error', onError);
      this.stream.off('close', onClose);
      this.callback = undefined;
    });
  }

  private receive(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, chunk.length - pos);
        chunk.copy(this.body, this.filled, pos, pos + n);
        this.filled += n;
        pos += n;
        if (this.filled === this.body.length) this.deliver();
        continue;
      }
      // Header: join what came before with the rest of this chunk (small: a header is short).
      const data = this.head.length ? Buffer.concat([this.head, chunk.subarray(pos)]) : chunk.subarray(pos);
      const end = data.indexOf(HEADER_END);
      if (end < 0) {
        if (data.length > MAX_HEADER) {
          this.fireError(new Error(`Message header without an end after ${data.length} bytes; dropped.`));
          this.head = Buffer.alloc(0);
        } else this.head = Buffer.from(data);
        return;
      }
      this.head = Buffer.alloc(0);
      const length = parseHeader(data.toString('latin1', 0, end));
      chunk = data;
      pos = end + 4;
      if (length instanceof Error) {
        this.fireError(length);
        continue;
      }
      this.body = Buffer.allocUnsafe(length);
      this.filled = 0;
      if (length === 0) this.deliver();
    }
  }

  private deliver(): void {
    const body = this.body!;
    this.body = undefined;
    let message: Message;
    try {
      message = parseBody(body, this.largeBody, this.largeString) as Message;
    } catch (e) {
      this.fireError(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.callback?.(message);
  }
}
