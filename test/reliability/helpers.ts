/**
 * Shared pieces of the reliability suites: big inputs generated at run time (never committed), a
 * temporary folder per test, process measurements read from /proc, and the `full` switch that
 * `npm run soak` turns on (RELIABILITY_FULL=1) to run the full sizes instead of CI sizes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.join(__dirname, '..', '..', '..');
export const EXAMPLE = fs.readFileSync(path.join(REPO, 'examples', 'astana-20.txt'), 'utf8');
export const MINI_PACK = path.join(REPO, 'test', 'fixtures', 'packs', 'mini.json');

/** True under `npm run soak`: full sizes (5 MB lines, 10,000 edits on 5 MB, 50 MB documents). */
export const FULL = process.env.RELIABILITY_FULL === '1';

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** An Arabic article of at least `bytes` UTF-8 bytes: the example article repeated, articles apart. */
export function bigArticle(bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  const unit = EXAMPLE.trimEnd() + '\n\n';
  const unitBytes = utf8Bytes(unit);
  while (n < bytes) {
    parts.push(unit);
    n += unitBytes;
  }
  return parts.join('');
}

/** The same text on one line: every line break becomes a space. */
export function oneLine(bytes: number): string {
  return bigArticle(bytes).replace(/\r?\n/g, ' ');
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'news-lens-rel-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Resident set size of a process in bytes, from /proc (Linux); undefined elsewhere. */
export function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Open file descriptors of a process, from /proc (Linux); undefined elsewhere. */
export function fdCount(pid: number): number | undefined {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
