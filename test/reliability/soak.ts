/**
 * The soak: many small edits to a big article over the protocol, against the real bundled server.
 * Edits (insertions of names, marks, emoji and bidi controls, deletions, and a few paragraph breaks
 * and joined lines that move article boundaries) arrive in bursts as fast as the pipe takes them, each
 * burst followed by the requests an editor sends (semantic tokens, hover, document symbols, summary).
 * The server's resident memory and open file descriptors are sampled from /proc after every burst;
 * its stderr is searched for listener-leak warnings; at the end its tokens must equal a local
 * analysis of the text the test holds (no edit lost, none applied twice).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { ArticleSummaryRequest } from '../../server/src/common/protocol';
import { KnowledgeBase } from '../../server/src/knowledge/knowledge-base';
import { loadPackFiles } from '../../server/src/knowledge/load';
import { LineIndex } from '../../server/src/lsp/positions';
import { encodeMentions } from '../../server/src/lsp/tokens';
import { startServer } from '../protocol/helpers/lsp-client';
import { bigArticle, fdCount, median, MINI_PACK, percentile, rssOf, sleep } from './helpers';

export interface SoakOptions {
  /** Size of the article in UTF-8 bytes. */
  bytes: number;
  edits: number;
  /** Edits per burst; the requests follow each burst. */
  burst: number;
  /** Seed of the edit sequence, so that a failure can be replayed. */
  seed?: number;
  log?: (line: string) => void;
}

/** What probe.ts reports from inside the server after two garbage collections. */
export interface Probe {
  heapUsed: number;
  external: number;
  rss: number;
  resources: string[];
  listeners: Record<string, number>;
}

export interface SoakResult {
  /** Live heap and handles at a quiet point after the warm-up bursts, and at the end. */
  probeWarm?: Probe;
  probeEnd?: Probe;
  chars: number;
  edits: number;
  bursts: number;
  /** RSS after the warm-up bursts and at the end (median of the last bursts), bytes. */
  rssWarm: number;
  rssEnd: number;
  rssMax: number;
  fdWarm: number;
  fdEnd: number;
  /** Latency per request method, ms. */
  latency: Record<string, { p50: number; p95: number; max: number }>;
  /** Time to send one burst of edits, ms (median). */
  burstMs: number;
  /** A full analysis of the final text in the test's own process, ms: the yardstick for the bounds. */
  localMs: number;
  /** Semantic-token latency of each burst, in order, ms. */
  tokensMs: number[];
  tokensMatch: boolean;
  leakWarnings: string[];
  exitCode: number | null;
  seconds: number;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words an edit inserts: names of the test pack, clitics, marks, emoji, bidi controls. */
const INSERTS = [' سوريا', ' وإيران', ' بيدرسون', ' الأمم المتحدة', '، ', ' قال', 'ُ', ' 😀', '\u200f', ' الأسد', ' بشار الأسد', ' في'];

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const t0 = Date.now();
  const log = o.log ?? (() => undefined);
  const rnd = random(o.seed ?? 7);
  // Lines are kept apart so that an edit's position is found without rescanning megabytes.
  const lines = bigArticle(o.bytes).split('\n');
  // The probe is preloaded into the server through NODE_OPTIONS, which the spawned process inherits.
  const probeOut = path.join(os.tmpdir(), `news-lens-probe-${process.pid}-${Date.now()}.json`);
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, NEWS_LENS_PROBE_OUT: process.env.NEWS_LENS_PROBE_OUT };
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${JSON.stringify(path.join(__dirname, 'probe.js'))}`.trim();
  process.env.NEWS_LENS_PROBE_OUT = probeOut;
  let s: Awaited<ReturnType<typeof startServer>>;
  try {
    s = await startServer({ settings: { packs: { paths: [MINI_PACK] }, performance: { maxFileSizeMB: 1024 } } });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const pid = s.child.pid!;
  const probe = async (): Promise<Probe | undefined> => {
    if (process.platform === 'win32') return undefined;
    fs.rmSync(probeOut, { force: true });
    // Let the debounced analysis of the last edits run first, so both probes see a quiet server.
    await sleep(400);
    process.kill(pid, 'SIGUSR2');
    const end = Date.now() + 120000;
    while (!fs.existsSync(probeOut)) {
      if (Date.now() > end) return undefined;
      await sleep(20);
    }
    const p = JSON.parse(fs.readFileSync(probeOut, 'utf8')) as Probe;
    fs.rmSync(probeOut, { force: true });
    return p;
  };
  let probeWarm: Probe | undefined;
  const uri = 'file:///soak/article.arnews';
  let version = 1;
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arabic-news', version, text: lines.join('\n') } });
  const latency: Record<string, number[]> = {};
  const timed = async <T>(method: string, params: unknown): Promise<T> => {
    const start = performance.now();
    const r = (await s.conn.sendRequest(method, params)) as T;
    (latency[method] ??= []).push(performance.now() - start);
    return r;
  };
  const rss: number[] = [];
  const fds: number[] = [];
  const burstTimes: number[] = [];
  const bursts = Math.ceil(o.edits / o.burst);
  const editableLines = () => lines.map((l, i) => (l.length > 40 ? i : -1)).filter((i) => i >= 0);
  let editable = editableLines();
  let sent = 0;
  for (let b = 0; b < bursts; b++) {
    const bt = performance.now();
    for (let k = 0; k < o.burst && sent < o.edits; k++, sent++) {
      const line = editable[Math.floor(rnd() * editable.length)];
      const text = lines[line];
      let at = Math.floor(rnd() * text.length);
      // Never split a surrogate pair.
      if (at > 0 && /[\uDC00-\uDFFF]/.test(text[at])) at--;
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      const roll = rnd();
      if (roll < 0.03) {
        // A paragraph break (a blank line may start a new article): the lines after it move down.
        lines.splice(line, 1, text.slice(0, at), '', text.slice(at));
        change = { range: { start: { line, character: at }, end: { line, character: at } }, text: '\n\n' };
        editable = editableLines();
      } else if (roll < 0.06 && line + 1 < lines.length) {
        // Two lines joined: the line break and whatever blank line follows become one space.
        lines.splice(line, 2, text + ' ' + lines[line + 1]);
        change = { range: { start: { line, character: text.length }, end: { line: line + 1, character: 0 } }, text: ' ' };
        editable = editableLines();
      } else if (roll < 0.6 || text.length < 60) {
        const ins = INSERTS[Math.floor(rnd() * INSERTS.length)];
        lines[line] = text.slice(0, at) + ins + text.slice(at);
        change = { range: { start: { line, character: at }, end: { line, character: at } }, text: ins };
      } else {
        let end = Math.min(text.length, at + 1 + Math.floor(rnd() * 8));
        if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
        lines[line] = text.slice(0, at) + text.slice(end);
        change = { range: { start: { line, character: at }, end: { line, character: end } }, text: '' };
      }
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    }
    burstTimes.push(performance.now() - bt);
    const doc = { textDocument: { uri } };
    const tokens = await timed<{ data: number[] }>('textDocument/semanticTokens/full', doc);
    const probeLine = editable[Math.floor(rnd() * editable.length)];
    await timed('textDocument/hover', { ...doc, position: { line: probeLine, character: Math.floor(lines[probeLine].length / 2) } });
    await timed('textDocument/documentSymbol', doc);
    await timed(ArticleSummaryRequest, doc);
    if (!tokens.data.length) log(`burst ${b}: no tokens`);
    const r = rssOf(pid);
    const f = fdCount(pid);
    if (r !== undefined) rss.push(r);
    if (f !== undefined) fds.push(f);
    if (b === Math.max(0, Math.floor(bursts / 5) - 1)) probeWarm = await probe();
    if (b % Math.max(1, Math.floor(bursts / 10)) === 0) log(`burst ${b + 1}/${bursts}: rss ${((r ?? 0) / 1048576).toFixed(0)} MB, fds ${f}, tokens ${tokens.data.length / 5}`);
  }
  // The final check: the server's tokens equal a local analysis of the text this side holds.
  const finalText = lines.join('\n');
  const server = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  const analyzer = new Analyzer(new KnowledgeBase(loadPackFiles([MINI_PACK], false).packs));
  analyzer.analyze(finalText.slice(0, 100000)); // Warm the JIT before timing.
  const lt = performance.now();
  const local = encodeMentions(analyzer.analyze(finalText).mentions, new LineIndex(finalText));
  const localMs = performance.now() - lt;
  const tokensMatch = server.data.length === local.length && server.data.every((v, i) => v === local[i]);
  const probeEnd = await probe();
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await sleep(50);
  const stderr = s.stderr();
  const exitCode = await s.stop();
  // Warm-up: the first fifth of the bursts (the heap grows to its working size); end: the last fifth.
  const fifth = Math.max(1, Math.floor(rss.length / 5));
  const summary = (xs: number[]) => ({ p50: median(xs), p95: percentile(xs, 95), max: Math.max(...xs) });
  return {
    probeWarm,
    probeEnd,
    chars: finalText.length,
    edits: sent,
    bursts,
    rssWarm: median(rss.slice(fifth, 2 * fifth)),
    rssEnd: median(rss.slice(-fifth)),
    rssMax: Math.max(...rss),
    fdWarm: median(fds.slice(fifth, 2 * fifth)),
    fdEnd: median(fds.slice(-fifth)),
    latency: Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, summary(v)])),
    burstMs: median(burstTimes),
    localMs,
    tokensMs: latency['textDocument/semanticTokens/full'] ?? [],
    tokensMatch,
    leakWarnings: stderr.split('\n').filter((l) => /MaxListenersExceeded|memory leak|EventEmitter/i.test(l)),
    exitCode,
    seconds: (Date.now() - t0) / 1000,
  };
}
