/**
 * Runs regular expressions on adversarial inputs in a worker thread, so that the test can stop one
 * that backtracks for minutes (a regex cannot be interrupted on the thread that runs it). For each
 * regex it posts `start`, then `done` with the slowest input and its time.
 */
import { parentPort, workerData } from 'worker_threads';

/** Long runs of what regexes on Arabic news text look for, alone and mixed. */
const PUMPS = [
  'ا', 'سوريا ', 'ال', ' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u064e', '\u0640', 'اَ', '\u200f', '1', '١', '12', '2020-',
  '1 ', '1-', '1/', '٢٠٢٠ ', '،', '، ', ' ،', '.', ', ', ':', '؛', '-', '- ', ' -', '–', '—', 'ا-', 'ا ', '"', '«', '»', '"«', '(', ')', '()',
  '[', ']', '*', '~', '#', '=', '_', '\\', '/', '$(', 'a', 'a ', 'A-', '~1', '+', 'و', 'ول', 'لال', 'قول', 'عام ', ' #',
];
/** What follows the run: nothing (a match at the end), or a character that makes the match fail late. */
const TAILS = ['', '\u0000x', '!'];

export interface RegexJob {
  literal: string;
  /** Length of the runs: the longest input the code can give the regex. */
  size: number;
}

function inputs(size: number): string[] {
  const out: string[] = [];
  for (const p of PUMPS) {
    const run = p.repeat(Math.ceil(size / p.length)).slice(0, size);
    for (const t of TAILS) out.push(run + t);
    out.push('x' + run + '\u0000');
  }
  return out;
}

function timeOne(re: RegExp, s: string): number {
  const t0 = performance.now();
  if (re.global) {
    re.lastIndex = 0;
    s.replace(re, '');
  } else {
    // An unanchored search tries every start position until one matches; the inputs that start with
    // a stray character or never match make it try them all.
    re.exec(s);
  }
  return performance.now() - t0;
}

if (parentPort) {
  const { jobs } = workerData as { jobs: RegexJob[] };
  const bySize = new Map<number, string[]>();
  jobs.forEach(({ literal, size }, index) => {
    if (!bySize.has(size)) bySize.set(size, inputs(size));
    const all = bySize.get(size)!;
    parentPort!.postMessage({ type: 'start', index });
    // The literal is source text of this repository, read by the test: evaluating it builds the same RegExp.
    const re = new Function(`return ${literal};`)() as RegExp;
    let worst = 0;
    let worstInput = '';
    for (const s of all) {
      const ms = timeOne(re, s);
      if (ms > worst) {
        worst = ms;
        worstInput = JSON.stringify(s.slice(0, 12)) + `… (${s.length} chars, ends ${JSON.stringify(s.slice(-2))})`;
      }
    }
    parentPort!.postMessage({ type: 'done', index, worst, worstInput });
  });
  parentPort.postMessage({ type: 'end' });
}
