/**
 * Core measurements: analysis throughput at growing sizes, the literal-scan comparisons (ripgrep, one
 * big regex) and the knowledge base's load time and heap. Everything runs on the main thread.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../server/src/analysis/analyzer';
import { IncrementalAnalyzer } from '../server/src/analysis/incremental';
import type { KnowledgeBase } from '../server/src/knowledge/knowledge-base';
import { surfaceForms } from './forms';
import { buildFeed, MB, utf8Bytes, type Corpus } from './inputs';
import { mbps, median, ms, timeRuns, timeRunsCpu, type Row } from './stats';

export const SIZES_MB = [1, 10, 50];
/** Measured runs per size (after one warm-up); the median is reported. */
const RUNS: Record<number, number> = { 1: 9, 10: 5, 50: 3 };

export interface Feed {
  mb: number;
  text: string;
  bytes: number;
  file: string;
}

export function makeFeeds(corpus: Corpus, dir: string): Feed[] {
  return SIZES_MB.map((mb) => {
    const text = buildFeed(corpus, mb * MB);
    const file = path.join(dir, `feed-${mb}mb.txt`);
    fs.writeFileSync(file, text);
    return { mb, text, bytes: utf8Bytes(text), file };
  });
}

export interface Throughput {
  entities: number[]; // MB/s per feed
  outline: number[];
  mentions: number[];
  entityMs: number[];
}

export function measureThroughput(analyzer: Analyzer, feeds: Feed[], rows: Row[]): Throughput {
  const result: Throughput = { entities: [], outline: [], mentions: [], entityMs: [] };
  for (const f of feeds) {
    const runs = RUNS[f.mb] ?? 3;
    let mentions = 0;
    // The code is warm after the smaller sizes: the 50 MB runs skip their warm-up.
    const warmup = f.mb >= 50 ? 0 : 1;
    const e = timeRunsCpu(() => (mentions = analyzer.analyze(f.text, { outline: false }).mentions.length), runs, warmup);
    const o = timeRunsCpu(() => analyzer.analyze(f.text), runs, warmup);
    const [ew, ec, ow, oc] = [median(e.wall), median(e.cpu), median(o.wall), median(o.cpu)];
    result.entities.push(mbps(f.bytes, ec));
    result.outline.push(mbps(f.bytes, oc));
    result.mentions.push(mentions);
    result.entityMs.push(ec);
    rows.push({
      section: '1 core',
      what: `entities, ${f.mb} MB (${mentions} mentions): CPU time (wall)`,
      value: `${mbps(f.bytes, ec).toFixed(1)} MB/s, ${ms(ec)} (${mbps(f.bytes, ew).toFixed(1)} MB/s)`,
      target: '≥ 50 MB/s',
      ok: mbps(f.bytes, ec) >= 50,
    });
    rows.push({
      section: '1 core',
      what: `entities + outline, ${f.mb} MB: CPU time (wall)`,
      value: `${mbps(f.bytes, oc).toFixed(1)} MB/s, ${ms(oc)} (${mbps(f.bytes, ow).toFixed(1)} MB/s)`,
      target: '≥ 25 MB/s',
      ok: mbps(f.bytes, oc) >= 25,
    });
  }
  const last = feeds.length - 1;
  for (const [name, rates] of [
    ['entities', result.entities],
    ['entities + outline', result.outline],
  ] as const) {
    const ratio = rates[last] / rates[0];
    rows.push({
      section: '1 core',
      what: `linearity, ${name}: ${feeds[last].mb} MB rate / ${feeds[0].mb} MB rate`,
      value: ratio.toFixed(2),
      target: '≥ 0.80',
      ok: ratio >= 0.8,
    });
  }
  return result;
}

/** Finds ripgrep, installing Debian's package when it is missing and we may (root, apt-get). */
export function findRipgrep(): { rg?: string; note: string } {
  const which = (cmd: string) => {
    const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  let rg = which('rg');
  if (!rg && which('apt-get') && process.getuid?.() === 0) {
    process.stderr.write('bench: installing ripgrep (apt-get install ripgrep)…\n');
    spawnSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'ignore', timeout: 180_000 });
    rg = which('rg');
  }
  if (!rg) return { note: 'ripgrep not found (install it: apt-get install ripgrep)' };
  const version = execFileSync(rg, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  return { rg, note: version };
}

/**
 * Our time on a file (read, decode, analyse entities) against ripgrep's literal scan of the same
 * surface forms. ripgrep runs with one thread; its time includes its process start (a few ms).
 */
export function measureLiteralScans(analyzer: Analyzer, kb: KnowledgeBase, feeds: Feed[], dir: string, rows: Row[]): void {
  const forms = surfaceForms(kb);
  const formsFile = path.join(dir, 'forms.txt');
  fs.writeFileSync(formsFile, forms.join('\n') + '\n');
  const { rg, note } = findRipgrep();
  rows.push({ section: 'literal scan', what: `surface forms for ripgrep and the regex`, value: `${forms.length} (${note})` });
  for (const f of feeds) {
    const oursRuns = timeRunsCpu(() => {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(f.file));
      analyzer.analyze(text, { outline: false });
    }, RUNS[f.mb] ?? 3, 0);
    const ours = median(oursRuns.cpu);
    if (!rg) {
      rows.push({ section: 'literal scan', what: `ours / ripgrep, ${f.mb} MB`, value: `n/a (ours ${ms(ours)})`, target: '< 1.0', ok: false });
      continue;
    }
    // ripgrep's CPU time (user + system) comes from GNU time when it is there (10 ms resolution);
    // otherwise its wall time is used.
    let count = '';
    const times: number[] = [];
    const gnuTime = fs.existsSync('/usr/bin/time');
    const args = ['-F', '-f', formsFile, '--count-matches', '--threads', '1', '--no-config', f.file];
    for (let i = 0; i < Math.min(RUNS[f.mb] ?? 3, 5) + 1; i++) {
      const t = performance.now();
      const r = gnuTime
        ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', rg, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
        : spawnSync(rg, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
      const wall = performance.now() - t;
      count = r.stdout.trim();
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
      if (i > 0) times.push(cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : wall); // The first run warms the page cache.
    }
    const theirs = median(times);
    rows.push({
      section: 'literal scan',
      what: `CPU time: ours (read + decode + entities) / ripgrep -F, ${f.mb} MB`,
      value: `${(ours / theirs).toFixed(2)} (${ms(ours)} / ${ms(theirs)}; rg counts ${count})`,
      target: '< 1.0',
      ok: ours / theirs < 1,
    });
  }
  // The naive baseline: one regex alternation of every form, longest first, over the raw text.
  const escaped = forms.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const big = new RegExp(escaped.join('|'), 'g');
  const f = feeds[0];
  let n = 0;
  const t = median(
    timeRuns(
      () => {
        n = 0;
        big.lastIndex = 0;
        while (big.exec(f.text)) n++;
      },
      3,
      1,
    ),
  );
  rows.push({
    section: 'literal scan',
    what: `naive: one RegExp alternation, ${f.mb} MB`,
    value: `${mbps(f.bytes, t).toFixed(1)} MB/s (${ms(t)}, ${n} matches)`,
  });
}

/** Measured in a fresh process (see bench.ts `--child kb`): load, index, heap. */
export interface KbFigures {
  loadMs: number;
  indexMs: number;
  heapBytes: number;
  entities: number;
  aliases: number;
  patterns: number;
  problems: number;
}

/**
 * The core side of an edit in a large file: IncrementalAnalyzer.update after typing a few words in
 * the middle (re-segments a window, re-analyses the touched article, moves the others).
 */
export function measureIncremental(analyzer: Analyzer, feed: Feed, rows: Row[]): void {
  for (const outline of [false, true]) {
    const inc = new IncrementalAnalyzer(analyzer, {}, true);
    let text = feed.text;
    const t0 = performance.now();
    inc.update(text, { outline });
    const first = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const at = text.indexOf('\n', (text.length >> 1) + i * 997) + 1;
      text = text.slice(0, at) + 'وزير الخارجية السوري ' + text.slice(at);
      const t = performance.now();
      inc.update(text, { outline });
      times.push(performance.now() - t);
    }
    const m = median(times.slice(2));
    rows.push({
      section: '1 core',
      what: `edit in ${feed.mb} MB, IncrementalAnalyzer.update${outline ? ' with outline' : ''} (${inc.lastStats.analysed} of ${inc.lastStats.articles} articles redone; first ${ms(first)})`,
      value: ms(m),
    });
  }
}
