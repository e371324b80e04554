/**
 * `news-lens --jobs N`: files (or `--jsonl` lines) analysed on N worker threads, printed in input
 * order as soon as everything before them is printed.
 *
 * Each worker loads the knowledge base once, with the same packs and options as a serial run, then
 * reads, analyses and formats whole inputs (output.ts), so the main thread only hands out work and
 * writes finished text. The workers re-enter this same bundle (dist/cli.js): `startWorkerIfAsked`
 * at the bottom of this module runs when the bundle is loaded in a worker thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { Analyzer, type AnalyzeOptions } from '../analysis/analyzer';
import type { CandidateOptions } from '../analysis/candidates';
import { loadKnowledgeBase } from '../knowledge/load';
import { analyzeFile, analyzeJsonlLine, packProblemMessages, type FileOutputOptions, type OrderedWriter, type Piece } from './output';

/** One input: a file to read, or one non-blank line of `--jsonl` input. */
export type Task = { file: string } | { line: string; lineNo: number };

/** What a worker needs to analyse as the main thread would; plain data (it is copied to the worker). */
export interface WorkerSetup {
  packs: string[];
  builtinPacks: boolean;
  candidates?: Partial<CandidateOptions>;
  /** The date given with --date. */
  date?: string;
  output: FileOutputOptions;
}

interface Numbered {
  id: number;
  task: Task;
}
/** A result; `crash` is the stack of an exception thrown while analysing, a bug to report as one. */
interface Result {
  id: number;
  piece?: Piece;
  crash?: string;
}
type FromWorker = { ready: string[] } | { results: Result[] };

/** Marks the workerData of our workers, so that a bundle loaded by someone else's worker stays inert. */
const SETUP_KEY = 'newsLensCliWorker';

/**
 * JSON Lines inputs are often short (one sentence), and a message to a worker costs about as much as
 * analysing one, so lines that are waiting go out together, up to these limits. A file always goes
 * alone: files are large and few, and spreading them one by one keeps the workers evenly busy.
 */
const BATCH_TASKS = 256;
const BATCH_CHARS = 256 * 1024;

/**
 * How far reading may run ahead of writing: enough to keep every worker busy while one slow input
 * holds the output back, without reading a whole batch of input into memory.
 */
const AHEAD_PER_WORKER = 4 * BATCH_TASKS;
const AHEAD_CHARS = 32 * 1024 * 1024;

/**
 * A worker encodes an output at least this long to UTF-8 itself and hands the bytes over without a
 * copy: the main thread then neither copies megabytes of string nor encodes them, and its heap stays
 * small. Shorter outputs go as strings, which costs less than a transfer each.
 */
const TRANSFER_CHARS = 64 * 1024;

/**
 * Analyses `tasks` on `jobs` workers and writes each result with `writer` in input order.
 * Resolves when everything is written; rejects on a worker's crash, after the inputs before it
 * are written, as the serial run would.
 */
export async function runParallel(tasks: Iterable<Task> | AsyncIterable<Task>, jobs: number, setup: WorkerSetup, writer: OrderedWriter): Promise<void> {
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: Numbered[] = [];
  const finished = new Map<number, Result>();
  let read = 0; // tasks read so far (the next id)
  let written = 0; // tasks written so far (the next id to write)
  let aheadChars = 0; // characters of lines read but not yet written
  const charsOf = (t: Task) => ('line' in t ? t.line.length : 0);
  const weights = new Map<number, number>();
  let ready = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const changed = () => wake?.();
  /** Resolves once `condition` holds (it is checked whenever a worker reports). */
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      wake = () => {
        if (!condition()) return;
        wake = undefined;
        resolve();
      };
    });

  const pump = () => {
    while (idle.length && queue.length && !failure) {
      const batch = [queue.shift()!];
      let chars = charsOf(batch[0].task);
      if ('line' in batch[0].task) {
        while (queue.length && 'line' in queue[0].task && batch.length < BATCH_TASKS && chars + charsOf(queue[0].task) <= BATCH_CHARS) {
          chars += charsOf(queue[0].task);
          batch.push(queue.shift()!);
        }
      }
      idle.pop()!.postMessage(batch);
    }
  };

  const flush = () => {
    for (let r = finished.get(written); r && !failure; r = finished.get(written)) {
      finished.delete(written);
      if (r.crash !== undefined) {
        failure = new Error('analysis failed in a worker thread');
        failure.stack = r.crash;
        break;
      }
      writer.write(r.piece!);
      aheadChars -= weights.get(written) ?? 0;
      weights.delete(written);
      written++;
    }
  };

  const onMessage = (w: Worker) => (m: FromWorker) => {
    if ('ready' in m) {
      // Every worker loads the same packs, so the first one to be ready speaks for all; its results,
      // like everyone's, arrive after its `ready`, so these lines come before any output as today.
      if (!ready) for (const line of m.ready) process.stderr.write(`news-lens: ${line}\n`);
      ready = true;
    } else {
      for (const r of m.results) finished.set(r.id, r);
      idle.push(w);
      flush();
      pump();
    }
    changed();
  };

  const stopping = { now: false };
  for (let i = 0; i < jobs; i++) {
    const w = new Worker(__filename, { workerData: { [SETUP_KEY]: setup } });
    w.on('message', onMessage(w));
    w.on('error', (e) => {
      failure ??= e;
      changed();
    });
    w.on('exit', (code) => {
      if (!stopping.now) failure ??= new Error(`a worker thread stopped with exit code ${code}`);
      changed();
    });
    workers.push(w);
    // A loading worker may be given work at once: its messages wait until it listens.
    idle.push(w);
  }

  try {
    const maxAhead = jobs * AHEAD_PER_WORKER;
    for await (const task of tasks) {
      await until(() => !!failure || (read - written < maxAhead && aheadChars < AHEAD_CHARS));
      if (failure) break;
      const chars = charsOf(task);
      if (chars) weights.set(read, chars);
      aheadChars += chars;
      queue.push({ id: read++, task });
      pump();
    }
    await until(() => !!failure || (ready && written === read));
    if (failure) throw failure;
  } finally {
    stopping.now = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The worker side: load the knowledge base once, then analyse what the main thread sends. */
function workerMain(setup: WorkerSetup): void {
  const port = parentPort!;
  const { kb, problems } = loadKnowledgeBase(setup.packs, { builtin: setup.builtinPacks });
  const analyzer = new Analyzer(kb);
  const options: AnalyzeOptions = { candidates: setup.candidates, date: setup.date };
  const encoder = new TextEncoder();
  port.postMessage({ ready: packProblemMessages(problems, setup.packs) } satisfies FromWorker);
  port.on('message', (batch: Numbered[]) => {
    const transfer: ArrayBuffer[] = [];
    const results: Result[] = batch.map(({ id, task }) => {
      try {
        const piece = 'file' in task ? analyzeFile(analyzer, options, task.file, setup.output) : analyzeJsonlLine(analyzer, options, task.line, task.lineNo);
        if (typeof piece.out === 'string' && piece.out.length >= TRANSFER_CHARS) {
          // TextEncoder gives each result its own ArrayBuffer (Buffer.from may share a pool), so it can be moved.
          piece.out = encoder.encode(piece.out);
          transfer.push(piece.out.buffer as ArrayBuffer);
        }
        return { id, piece };
      } catch (e) {
        return { id, crash: (e as Error).stack ?? String(e) };
      }
    });
    port.postMessage({ results } satisfies FromWorker, transfer);
  });
}

/** True in a worker thread that runParallel started (and not in the main thread of any process). */
export function isCliWorker(): boolean {
  return !isMainThread && !!(workerData as Record<string, unknown> | null)?.[SETUP_KEY];
}

if (isCliWorker()) workerMain((workerData as Record<string, WorkerSetup>)[SETUP_KEY]);
