/**
 * Language-server measurements over the protocol, against the real server process
 * (`node dist/server.js --stdio`), with a minimal JSON-RPC client: the client's own cost is a
 * JSON.stringify and a pipe write, small against what is measured.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LineIndex } from '../server/src/lsp/positions';
import type { Feed } from './core';
import { buildFeed, MB, type Corpus } from './inputs';
import { median, mib, ms, percentile, type Row } from './stats';

type Json = unknown;

/** A JSON-RPC connection to a server process over stdio (Content-Length framing). */
class Client {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  readonly proc: ChildProcess;
  stderr = '';

  constructor(serverJs: string, private readonly settings: Json) {
    this.proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => this.receive(d));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited: ${this.stderr.slice(-500)}`));
      this.pending.clear();
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  private receive(d: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        result?: Json;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (msg.method && msg.id !== undefined) this.answer(msg.id, msg.method);
      else if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result);
      }
    }
  }

  /** Requests from the server: configuration gets the bench settings, the rest a null. */
  private answer(id: number, method: string): void {
    this.send({ id, result: method === 'workspace/configuration' ? [this.settings] : null });
  }

  request<T = Json>(method: string, params: Json): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: Json) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.send({ method, params });
  }

  /** Peak and current resident set size of the server process, from /proc (Linux). */
  memory(): { peak: number; rss: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
      return { peak: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      return undefined;
    }
  }

  /** CPU time (user + system) the server process used so far, in ms, from /proc (10 ms ticks). */
  cpuMs(): number {
    try {
      const stat = fs.readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime at 100 ticks a second
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    await new Promise((r) => setTimeout(r, 100));
    if (this.proc.exitCode === null) this.proc.kill();
  }
}


const SETTINGS = { performance: { maxFileSizeMB: 1024 } };

async function start(serverJs: string, root: string): Promise<{ client: Client; readyMs: number; spawnedAt: number }> {
  const spawnedAt = performance.now();
  const client = new Client(serverJs, SETTINGS);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { semanticTokens: { requests: { full: { delta: true } } } } },
    initializationOptions: { settings: SETTINGS },
  });
  const readyMs = performance.now() - spawnedAt;
  client.notify('initialized', {});
  return { client, readyMs, spawnedAt };
}

let version = 1;

function open(client: Client, file: string, text: string): string {
  const uri = pathToFileURL(file).href;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version: version++, text } });
  return uri;
}

interface Tokens {
  resultId?: string;
  data?: number[];
  edits?: unknown[];
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export async function measureServer(root: string, feeds: Feed[], corpus: Corpus, dir: string, rows: Row[]): Promise<void> {
  const serverJs = path.join(root, 'dist', 'server.js');
  if (!fs.existsSync(serverJs)) {
    rows.push({ section: 'server', what: 'dist/server.js not built: protocol measures skipped', value: 'n/a' });
    return;
  }
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  // Cold start: spawn → initialize answered (the server loads the packs after answering), and → first
  // semantic tokens of the reference article (which waits for the packs).
  const colds: { ready: number; first: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const { client, readyMs, spawnedAt } = await start(serverJs, workspace);
    const uri = open(client, path.join(workspace, 'reference.arnews'), corpus.reference);
    await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    colds.push({ ready: readyMs, first: performance.now() - spawnedAt });
    await client.stop();
  }
  const ready = median(colds.map((c) => c.ready));
  rows.push({ section: 'server', what: 'cold start: spawn → initialize answered (packs load right after)', value: ms(ready), target: '< 300 ms', ok: ready < 300 });
  rows.push({ section: 'server', what: 'cold start: spawn → first semantic tokens (reference article)', value: ms(median(colds.map((c) => c.first))) });

  const { client } = await start(serverJs, workspace);
  try {
    const one = feeds.find((f) => f.mb === 1) ?? { text: buildFeed(corpus, MB), mb: 1 };
    const ten = feeds.find((f) => f.mb === 10);
    const fifty = feeds.find((f) => f.mb === 50);

    // 1 MB: tokens after each small edit (analysis + encoding), then cached.
    const uri1 = open(client, path.join(workspace, 'one.arnews'), one.text);
    const first1 = await timed(() => client.request<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri1 } }));
    const afterEdit: number[] = [];
    const cpu1 = client.cpuMs();
    const lines1 = new LineIndex(one.text);
    const lastLine = lines1.lineCount - 1;
    for (let i = 0; i < 5; i++) {
      client.notify('textDocument/didChange', {
        textDocument: { uri: uri1, version: version++ },
        contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: ' ' }],
      });
      afterEdit.push((await timed(() => client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri1 } }))).ms);
    }
    const editCpu1 = (client.cpuMs() - cpu1) / afterEdit.length;
    const cached: number[] = [];
    for (let i = 0; i < 7; i++) cached.push((await timed(() => client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri1 } }))).ms);
    const tok1 = median(afterEdit);
    rows.push({
      section: 'server',
      what: `1 MB: semanticTokens/full after an edit (${(first1.value.data?.length ?? 0) / 5} tokens; first ${ms(first1.ms)}): wall (server CPU)`,
      value: `${ms(tok1)} (${ms(editCpu1)})`,
      target: '< 30 ms',
      ok: tok1 < 30,
    });
    rows.push({ section: 'server', what: '1 MB: semanticTokens/full, unchanged document (cached)', value: ms(median(cached)) });

    // Hover: half on mentions' first letters (taken from the tokens), half anywhere.
    const data = first1.value.data ?? [];
    const onMentions: { line: number; character: number }[] = [];
    for (let i = 0, line = 0, ch = 0; i + 4 < data.length; i += 5) {
      line += data[i];
      ch = data[i] ? data[i + 1] : ch + data[i + 1];
      onMentions.push({ line, character: ch });
    }
    const hovers: number[] = [];
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % Math.max(1, n));
    for (let i = 0; i < 400; i++) {
      const pos = i % 2 && onMentions.length ? onMentions[rand(onMentions.length)] : lines1.position(rand(one.text.length));
      hovers.push((await timed(() => client.request('textDocument/hover', { textDocument: { uri: uri1 }, position: pos }))).ms);
    }
    const p99 = percentile(hovers, 99);
    rows.push({ section: 'server', what: `1 MB: hover p50 / p99 (${hovers.length} hovers, half on mentions)`, value: `${ms(percentile(hovers, 50))} / ${ms(p99)}`, target: 'p99 < 2 ms', ok: p99 < 2 });
    const sym1 = await timed(() => client.request('textDocument/documentSymbol', { textDocument: { uri: uri1 } }));
    rows.push({ section: 'server', what: '1 MB: documentSymbol (analysis cached)', value: ms(sym1.ms), target: '< 20 ms', ok: sym1.ms < 20 });
    client.notify('textDocument/didClose', { textDocument: { uri: uri1 } });

    if (ten) {
      const uri10 = open(client, path.join(workspace, 'ten.arnews'), ten.text);
      const full10 = await timed(() => client.request<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri10 } }));
      rows.push({ section: 'server', what: '10 MB: semanticTokens/full after open', value: ms(full10.ms) });
      const sym10 = await timed(() => client.request('textDocument/documentSymbol', { textDocument: { uri: uri10 } }));
      rows.push({ section: 'server', what: '10 MB: documentSymbol (analysis cached)', value: ms(sym10.ms) });
      // Edits in the middle of the file, each followed by a delta request, as an editor sends them.
      const lines10 = new LineIndex(ten.text);
      let resultId = full10.value.resultId;
      const deltas: number[] = [];
      let deltaCpu = 0;
      const symbolsAfterEdit: number[] = [];
      for (let i = 0; i < 5; i++) {
        const line = (lines10.lineCount >> 1) + i * 7;
        client.notify('textDocument/didChange', {
          textDocument: { uri: uri10, version: version++ },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'وزير الخارجية السوري ' }],
        });
        const c0 = client.cpuMs();
        const r = await timed(() =>
          client.request<Tokens>(resultId ? 'textDocument/semanticTokens/full/delta' : 'textDocument/semanticTokens/full', {
            textDocument: { uri: uri10 },
            ...(resultId ? { previousResultId: resultId } : {}),
          }),
        );
        deltas.push(r.ms);
        deltaCpu += client.cpuMs() - c0;
        resultId = r.value.resultId ?? resultId;
        if (i < 3) symbolsAfterEdit.push((await timed(() => client.request('textDocument/documentSymbol', { textDocument: { uri: uri10 } }))).ms);
      }
      const delta = median(deltas);
      rows.push({
        section: 'server',
        what: '10 MB: edit → semanticTokens/full/delta: wall (server CPU)',
        value: `${ms(delta)} (${ms(deltaCpu / deltas.length)})`,
        target: '< 40 ms',
        ok: delta < 40,
      });
      client.notify('textDocument/didClose', { textDocument: { uri: uri10 } });
    }

    if (fifty) {
      const uri50 = open(client, path.join(workspace, 'fifty.arnews'), fifty.text);
      const t = await timed(() => client.request<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri50 } }));
      await client.request('textDocument/documentSymbol', { textDocument: { uri: uri50 } });
      const mem = client.memory();
      rows.push({ section: 'server', what: `50 MB open: semanticTokens/full after open`, value: ms(t.ms) });
      rows.push({
        section: 'server',
        what: '50 MB open (built-in packs): peak RSS of the server / RSS after',
        value: mem ? `${mib(mem.peak)} / ${mib(mem.rss)}` : 'n/a (no /proc)',
        target: '< 200 MB',
        ok: mem ? mem.peak < 200 * MB : undefined,
      });
    }
  } finally {
    await client.stop();
  }
}
