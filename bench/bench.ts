/**
 * `npm run bench`: the performance benchmark of issue 6. Builds its inputs from real text at run time,
 * measures the core, the literal-scan baselines, the knowledge base and the language server over the
 * protocol, and prints one table (medians) with the machine it ran on. Not part of the tests.
 *
 *   node dist/bench.js [--no-pin] [--skip-lsp] [--only-lsp] [--skip-cli] [--only-cli]
 *
 * By default the run pins itself to one CPU (taskset -c 0), as the targets are stated per core; the
 * command-line row (cli.ts), which measures worker threads, runs its processes on every CPU.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Analyzer } from '../server/src/analysis/analyzer';
import { loadKnowledgeBase } from '../server/src/knowledge/load';
import { measureCli } from './cli';
import { makeFeeds, measureIncremental, measureLiteralScans, measureThroughput, type KbFigures } from './core';
import { loadCorpus } from './inputs';
import { measureServer } from './lsp';
import { median, mib, ms, renderTable, type Row } from './stats';

const ROOT = path.resolve(__dirname, '..');

/** `--child kb`: one fresh process, one load, so that time and heap are a cold start's. */
function childKb(): void {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const { kb, problems } = loadKnowledgeBase();
  const t1 = performance.now();
  const analyzer = new Analyzer(kb);
  const t2 = performance.now();
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const figures: KbFigures = {
    loadMs: t1 - t0,
    indexMs: t2 - t1,
    heapBytes: heap1 - heap0,
    entities: kb.entities.size,
    aliases: kb.aliases.length,
    patterns: analyzer.gazetteer.patternCount,
    problems: problems.length,
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

function measureKb(rows: Row[]): void {
  const runs: KbFigures[] = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', 'kb'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`kb child failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout) as KbFigures);
  }
  const load = median(runs.map((r) => r.loadMs));
  const index = median(runs.map((r) => r.indexMs));
  const total = median(runs.map((r) => r.loadMs + r.indexMs));
  const k = runs[0];
  rows.push({
    section: 'knowledge',
    what: `built-in packs: ${k.entities} entities, ${k.aliases} aliases, ${k.patterns} patterns${k.problems ? `, ${k.problems} pack(s) with problems` : ''}`,
    value: '',
  });
  rows.push({ section: 'knowledge', what: 'load (read, parse, validate, merge), cold process', value: ms(load) });
  rows.push({ section: 'knowledge', what: 'index (gazetteer build)', value: ms(index) });
  rows.push({ section: 'knowledge', what: 'load + index', value: ms(total), target: '< 150 ms', ok: total < 150 });
  rows.push({ section: 'knowledge', what: 'heap retained by knowledge base + index', value: mib(median(runs.map((r) => r.heapBytes))) });
}

function machine(): string {
  const cpus = os.cpus();
  const mem = (os.totalmem() / 2 ** 30).toFixed(1);
  let pinned = '';
  if (process.env.NEWS_LENS_BENCH_PINNED) pinned = `, pinned to CPU ${process.env.NEWS_LENS_BENCH_PINNED}`;
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores${pinned}; ${mem} GiB RAM; ${os.type()} ${os.release()}; Node ${process.version}`;
}

/** Re-runs the benchmark under `taskset -c 0` when taskset is there and pinning was not refused. */
function pinned(): boolean {
  if (process.env.NEWS_LENS_BENCH_PINNED || process.argv.includes('--no-pin')) return false;
  const has = spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).status === 0;
  if (!has) return false;
  const r = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NEWS_LENS_BENCH_PINNED: '0' },
  });
  process.exitCode = r.status ?? 1;
  return true;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    if (process.argv[childAt + 1] === 'kb') childKb();
    return;
  }
  if (pinned()) return;
  const started = performance.now();
  const rows: Row[] = [];
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-'));
  try {
    const corpus = loadCorpus(ROOT);
    log(`inputs from ${corpus.source}: ${corpus.articles.length} articles`);
    const feeds = makeFeeds(corpus, dir);
    const onlyCli = process.argv.includes('--only-cli');
    if (!process.argv.includes('--only-lsp') && !onlyCli) {
      log('knowledge base (cold processes)…');
      measureKb(rows);
      const { kb } = loadKnowledgeBase();
      const analyzer = new Analyzer(kb);
      log('core throughput…');
      measureThroughput(analyzer, feeds, rows);
      const ten = feeds.find((f) => f.mb === 10);
      if (ten) measureIncremental(analyzer, ten, rows);
      log('literal scans…');
      measureLiteralScans(analyzer, kb, feeds, dir, rows);
    }
    if (onlyCli) log('--only-cli: the command-line row alone');
    else if (process.argv.includes('--skip-lsp')) rows.push({ section: 'server', what: 'skipped (--skip-lsp)', value: '' });
    else {
      log('language server…');
      await measureServer(ROOT, feeds, corpus, dir, rows);
    }
    if (!process.argv.includes('--skip-cli') && !process.argv.includes('--only-lsp')) measureCli(ROOT, corpus, dir, rows, log);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  process.stdout.write(`\nArabic News Lens benchmark — ${new Date().toISOString().slice(0, 10)}\nMachine: ${machine()}\nLoad average at the end: ${load}\n\n`);
  process.stdout.write(renderTable(rows) + '\n');
  process.stdout.write(`\n(medians; total bench time ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
