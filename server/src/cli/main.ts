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
import { checkIsoDate } from '../analysis/dates';
import { loadPackFiles } from '../knowledge/load';
import { analyzeFile, analyzeJsonlLine, brokenPack, OrderedWriter, packProblemMessages, type FileOutputOptions } from './output';
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
                       csv: one row per meeting and statement (article, date, kind, code, actors by
                       name in Arabic and English, place, sentence), with a file column when several
                       files are given; with --csv entities, one row per mention
  --csv events|entities
                       what --format csv writes (default: events)
  --no-bom             no UTF-8 byte-order mark before CSV (by default one is written, so that
                       spreadsheet programs read the Arabic right)
  --date YYYY-MM-DD    the articles' date, for the roles people held then (a date header in the
                       file wins; otherwise it beats a date in the text, the file name, a "date" in
                       --jsonl lines and today)
  --pack FILE          load an extra knowledge pack over the built-in ones (repeatable); a pack with
                       errors stops the run with exit code 2
  --keep-going         with a broken --pack: report it, skip it and analyse with the others
  --no-builtin-packs   use only the packs given with --pack
  --candidates LIST    names no pack knows to mark: person,organization,location, all or none
                       (default: the types that help on the development set)
  --jsonl              read {"id","text"[,"date"]} lines on stdin, write
                       {"id","date","dateSource","articles","entities","outline"} lines
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
  csv: 'events' | 'entities';
  bom: boolean;
  /** The date given with --date, checked. */
  date?: string;
  keepGoing: boolean;
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
  const o: Options = { format: 'text', packs: [], jsonl: false, builtinPacks: true, color: !!process.stdout.isTTY && !process.env.NO_COLOR, jobs: defaultJobs(), files: [], csv: 'events', bom: true, keepGoing: false };
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
      else if (a === '--csv' || a.startsWith('--csv=')) {
        const v = a === '--csv' ? value() : a.slice(6);
        if (v !== 'events' && v !== 'entities') return `unknown --csv «${v}» (events or entities)`;
        o.csv = v;
      } else if (a === '--no-bom') o.bom = false;
      else if (a === '--keep-going') o.keepGoing = true;
      else if (a === '--date' || a.startsWith('--date=')) {
        const v = a === '--date' ? value() : a.slice(7);
        o.date = checkIsoDate(v);
        if (!o.date || o.date !== v) return `--date needs a date YYYY-MM-DD (or YYYY-MM, YYYY), not «${v}»`;
      }
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
  const output: FileOutputOptions = { format: parsed.format, color: parsed.color, several, csv: parsed.csv, bom: parsed.bom };
  // A broken --pack stops the run, so that a script notices, unless the analyst asked to keep going.
  if (parsed.packs.length && !parsed.keepGoing) {
    const { problems } = loadPackFiles(parsed.packs, false);
    if (brokenPack(problems, parsed.packs)) {
      for (const line of packProblemMessages(problems, parsed.packs)) process.stderr.write(`news-lens: ${line}\n`);
      process.stderr.write('news-lens: stopped (use --keep-going to analyse without the broken pack)\n');
      return 2;
    }
  }
  const writer = new OrderedWriter(parsed.jsonl ? 'jsonl' : parsed.format, several);

  // Several inputs and more than one job: worker threads, each with its own knowledge base (the main
  // thread then loads none). One file gains nothing from a thread, so it is analysed here.
  const jobs = parsed.jsonl ? parsed.jobs : Math.min(parsed.jobs, parsed.files.length);
  if (jobs > 1) {
    const tasks: Iterable<Task> | AsyncIterable<Task> = parsed.jsonl ? stdinLines() : parsed.files.map((file) => ({ file }));
    await runParallel(tasks, jobs, { packs: parsed.packs, builtinPacks: parsed.builtinPacks, candidates: parsed.candidates, date: parsed.date, output }, writer);
    writer.end();
    return writer.status;
  }

  const { kb, problems } = loadKnowledgeBase(parsed.packs, { builtin: parsed.builtinPacks });
  for (const line of packProblemMessages(problems, parsed.packs)) process.stderr.write(`news-lens: ${line}\n`);
  const analyzer = new Analyzer(kb);
  const options: AnalyzeOptions = { candidates: parsed.candidates, date: parsed.date };
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
