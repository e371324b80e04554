/**
 * The `news-lens` command line: the same analysis as the editor, for files and batches.
 *
 *   news-lens [--format text|json|csv] [--pack FILE]... [--jobs N] FILE...
 *   news-lens --jsonl [--pack FILE]... [--jobs N]   (JSON Lines {"id","text"} on stdin)
 *   news-lens kb stats|show …                  (see kb.ts)
 *   news-lens import petrarch FILE             (see import-petrarch.ts)
 */
import * as os from 'os';
import * as readline from 'readline';
import { isMainThread } from 'worker_threads';
import { Analyzer, type AnalyzeOptions } from '../analysis/analyzer';
import type { CandidateOptions } from '../analysis/candidates';
import { loadKnowledgeBase } from '../knowledge/load';
import { analyzeFile, analyzeJsonlLine, OrderedWriter, packProblemMessages, type FileOutputOptions } from './output';
import { runParallel, type Task } from './parallel';
import { runSubcommand, SUBCOMMANDS } from './subcommands';

const USAGE = `usage: news-lens [options] FILE...
       news-lens --jsonl [options] < input.jsonl
       news-lens ${[...SUBCOMMANDS.keys()].join('|')} …

Marks people, countries, places and organizations in Arabic news articles.

options:
  --format text|json|csv
                       text (default): the article with marked mentions, a summary and the outline;
                       json: one document per file ({"file","entities","outline"}), an array for several;
                       csv: one row per meeting and statement (article, date, code, source actors,
                       target actors, place, sentence), with a file column when several files are given
  --pack FILE          load an extra knowledge pack over the built-in ones (repeatable)
  --no-builtin-packs   use only the packs given with --pack
  --candidates LIST    names no pack knows to mark: person,organization,location, all or none
                       (default: the types that help on the development set)
  --jsonl              read {"id","text"} lines on stdin, write {"id","entities","outline"} lines
  --jobs N             analyse several files, or the lines of --jsonl, on N worker threads; the output
                       is the same, in the same order (default: the number of CPUs less one; 1: no threads)
  --color / --no-color force or forbid ANSI colours in text output (default: when stdout is a TTY)
  -h, --help           this help`;

interface Options {
  format: 'text' | 'json' | 'csv';
  packs: string[];
  jsonl: boolean;
  builtinPacks: boolean;
  candidates?: Partial<CandidateOptions>;
  color: boolean;
  /** Worker threads for several inputs; 1 analyses in the main thread. */
  jobs: number;
  files: string[];
}

/**
 * Worker threads by default: one CPU is left to the main thread (it writes the output) and to V8's
 * compiler and GC threads, which on a 2-CPU machine made two workers slower than none.
 */
function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { format: 'text', packs: [], jsonl: false, builtinPacks: true, color: !!process.stdout.isTTY && !process.env.NO_COLOR, jobs: defaultJobs(), files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--format') {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'csv') return `unknown format «${f}» (text, json or csv)`;
        o.format = f;
      } else if (a.startsWith('--format=')) {
        const f = a.slice(9);
        if (f !== 'text' && f !== 'json' && f !== 'csv') return `unknown format «${f}» (text, json or csv)`;
        o.format = f;
      } else if (a === '--pack') o.packs.push(value());
      else if (a === '--jsonl') o.jsonl = true;
      else if (a === '--no-builtin-packs') o.builtinPacks = false;
      else if (a === '--candidates') {
        const list = value().split(',');
        const all = list.includes('all');
        o.candidates = { person: all || list.includes('person'), organization: all || list.includes('organization'), location: all || list.includes('location') };
      }
      else if (a === '--jobs' || a.startsWith('--jobs=')) {
        const v = a === '--jobs' ? value() : a.slice(7);
        o.jobs = Number(v);
        if (!Number.isInteger(o.jobs) || o.jobs < 1 || v.trim() !== v) return `--jobs needs a whole number of at least 1, not «${v}»`;
      } else if (a === '--color') o.color = true;
      else if (a === '--no-color') o.color = false;
      else if (a === '-h' || a === '--help') return '';
      else if (a === '--') o.files.push(...argv.slice(i + 1)), (i = argv.length);
      else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
      else o.files.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return o;
}

function fail(message: string): never {
  process.stderr.write(`news-lens: ${message}\n`);
  process.exit(2);
}

/** The non-blank lines of stdin, numbered from 1 as a text editor numbers them. */
async function* stdinLines(): AsyncGenerator<{ line: string; lineNo: number }> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim()) yield { line, lineNo };
  }
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] && SUBCOMMANDS.has(argv[0])) return runSubcommand(argv[0], argv.slice(1));
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    if (parsed) process.stderr.write(`news-lens: ${parsed}\n\n`);
    (parsed ? process.stderr : process.stdout).write(USAGE + '\n');
    return parsed ? 2 : 0;
  }
  const several = parsed.files.length > 1;
  const output: FileOutputOptions = { format: parsed.format, color: parsed.color, several };
  const writer = new OrderedWriter(parsed.jsonl ? 'jsonl' : parsed.format, several);

  // Several inputs and more than one job: worker threads, each with its own knowledge base (the main
  // thread then loads none). One file gains nothing from a thread, so it is analysed here.
  const jobs = parsed.jsonl ? parsed.jobs : Math.min(parsed.jobs, parsed.files.length);
  if (jobs > 1) {
    const tasks: Iterable<Task> | AsyncIterable<Task> = parsed.jsonl ? stdinLines() : parsed.files.map((file) => ({ file }));
    await runParallel(tasks, jobs, { packs: parsed.packs, builtinPacks: parsed.builtinPacks, candidates: parsed.candidates, output }, writer);
    writer.end();
    return writer.status;
  }

  const { kb, problems } = loadKnowledgeBase(parsed.packs, { builtin: parsed.builtinPacks });
  for (const line of packProblemMessages(problems, parsed.packs)) process.stderr.write(`news-lens: ${line}\n`);
  const analyzer = new Analyzer(kb);
  const options: AnalyzeOptions = { candidates: parsed.candidates };
  if (!parsed.jsonl && !parsed.files.length) fail('no input files (see --help)');
  if (parsed.jsonl) {
    for await (const { line, lineNo } of stdinLines()) writer.write(analyzeJsonlLine(analyzer, options, line, lineNo));
  } else {
    for (const file of parsed.files) writer.write(analyzeFile(analyzer, options, file, output));
  }
  writer.end();
  return writer.status;
}

/** Runs the command line with the process's arguments and sets its exit code. */
export function run(): void {
  // `news-lens … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`news-lens: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 70;
    },
  );
}

// A worker thread of parallel.ts loads this bundle too; only the process's main thread runs the command.
if (isMainThread && require.main === module) run();
