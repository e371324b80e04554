/**
 * Server memory with a large file open (issue 15), alone, without the whole bench: spawns a server
 * (`node SERVER --stdio`, default dist/server.js), sends one didOpen of an N MB feed (default 50) and
 * reads the server's RSS from /proc after each step: idle with its packs, the didOpen received (before
 * any analysis), semantic tokens and the outline computed, and settled two seconds later. `--analysis`
 * instead measures in this process, with --expose-gc, what the analysis of such a text keeps.
 *
 *   npm run compile --silent && node out/bench/open-memory.js [--mb 50] [--server dist/server.js]
 *   node --expose-gc out/bench/open-memory.js --analysis [--mb 50]
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Analyzer } from '../server/src/analysis/analyzer';
import { loadKnowledgeBase } from '../server/src/knowledge/load';
import { buildFeed, loadCorpus, MB } from './inputs';
import { mib } from './stats';

const ROOT = path.join(__dirname, '..', '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

function memory(pid: number): { peak: number; rss: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { peak: kb('VmHWM'), rss: kb('VmRSS') };
}

async function overProtocol(serverJs: string, text: string): Promise<void> {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer: Buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  const send = (m: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin!.write(body);
  };
  proc.stdout!.on('data', (d: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, d]) : d;
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.toString('ascii', 0, end))?.[1]);
      if (buffer.length < end + 4 + length) return;
      const msg = JSON.parse(buffer.toString('utf8', end + 4, end + 4 + length)) as { id?: number; method?: string; result?: unknown };
      buffer = buffer.subarray(end + 4 + length);
      if (msg.method && msg.id !== undefined) send({ id: msg.id, result: msg.method === 'workspace/configuration' ? [SETTINGS] : null });
      else if (msg.id !== undefined) pending.get(msg.id)?.(msg.result), pending.delete(msg.id);
    }
  });
  const request = (method: string, params: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ id, method, params });
    });
  const SETTINGS = { performance: { maxFileSizeMB: 1024 } };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-memory-'));
  await request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { settings: SETTINGS } });
  send({ method: 'initialized', params: {} });
  const small = pathToFileURL(path.join(dir, 'small.arnews')).href;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: small, languageId: 'arabic-news', version: 1, text: 'التقى الرئيس السوري بوزير الخارجية الروسي في دمشق.\n' } } });
  await request('textDocument/semanticTokens/full', { textDocument: { uri: small } });
  const rows: [string, { peak: number; rss: number }][] = [['idle, packs loaded', memory(proc.pid!)]];
  const uri = pathToFileURL(path.join(dir, 'big.arnews')).href;
  const t0 = performance.now();
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'arabic-news', version: 1, text } } });
  // Answered after the didOpen was read and handled, before any analysis of it (hover on another file).
  await request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 0 } });
  const t1 = performance.now();
  rows.push([`didOpen received (${((t1 - t0) / 1000).toFixed(2)} s)`, memory(proc.pid!)]);
  await request('textDocument/semanticTokens/full', { textDocument: { uri } });
  await request('textDocument/documentSymbol', { textDocument: { uri } });
  rows.push([`tokens + outline (${((performance.now() - t1) / 1000).toFixed(2)} s)`, memory(proc.pid!)]);
  await new Promise((r) => setTimeout(r, 2000));
  rows.push(['settled, 2 s later', memory(proc.pid!)]);
  for (const [what, m] of rows) console.log(`${what.padEnd(34)} RSS ${mib(m.rss).padStart(10)}   peak ${mib(m.peak).padStart(10)}`);
  await request('shutdown', null);
  send({ method: 'exit', params: null });
  fs.rmSync(dir, { recursive: true, force: true });
}

function inProcess(text: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const step = (what: string, before?: NodeJS.MemoryUsage) => {
    gc();
    const m = process.memoryUsage();
    const d = before ? `  (heap +${mib(m.heapUsed - before.heapUsed)}, external +${mib(m.external + m.arrayBuffers - before.external - before.arrayBuffers)})` : '';
    console.log(`${what.padEnd(30)} heap ${mib(m.heapUsed).padStart(10)}  external ${mib(m.external + m.arrayBuffers).padStart(10)}  RSS ${mib(m.rss).padStart(10)}${d}`);
    return m;
  };
  const m0 = step('text only');
  const { kb } = loadKnowledgeBase([], { builtin: true });
  const analyzer = new Analyzer(kb);
  const m1 = step('knowledge base', m0);
  const a = analyzer.analyze(text);
  step('analysis kept', m1);
  console.log(
    `  ${a.mentions.length} mentions, ${a.entities.length} entities, ${a.articles.length} articles, ${a.roles.length} roles, ` +
      `${a.outline.reduce((n, o) => n + 1 + ((o as { children?: unknown[] }).children?.length ?? 0), 0)} outline nodes`,
  );
  const parts: [string, unknown[]][] = [['mentions', a.mentions], ['articles', a.articles], ['outline', a.outline], ['entities', a.entities], ['roles', a.roles]];
  let prev = process.memoryUsage();
  for (const [name, list] of parts) {
    list.length = 0;
    prev = step(`  without ${name}`, prev);
  }
  step('analysis emptied', m1);
}

async function main(): Promise<void> {
  const mb = Number(arg('--mb') ?? 50);
  const text = buildFeed(loadCorpus(ROOT), mb * MB);
  console.log(`${mb} MB feed: ${text.length} UTF-16 code units, ${Buffer.byteLength(text)} bytes of UTF-8`);
  if (process.argv.includes('--analysis')) return inProcess(text);
  await overProtocol(path.resolve(arg('--server') ?? path.join(ROOT, 'dist', 'server.js')), text);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
