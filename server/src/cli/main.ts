/**
 * The `news-lens` command line: the same analysis as the editor, for files and batches.
 *
 *   news-lens [--format text|json|csv] [--pack FILE]... FILE...
 *   news-lens --jsonl [--pack FILE]...         (JSON Lines {"id","text"} on stdin)
 *   news-lens kb stats|show …                  (see kb.ts)
 *   news-lens import petrarch FILE             (see import-petrarch.ts)
 */
import * as readline from 'readline';
import { Analyzer, type AnalyzeOptions } from '../analysis/analyzer';
import type { CandidateOptions } from '../analysis/candidates';
import { loadKnowledgeBase } from '../knowledge/load';
import { eventsToCsv } from './events-csv';
import { decodeInput } from './input';
import { toJsonDocument } from './json';
import { renderText } from './render';
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
  --color / --no-color force or forbid ANSI colours in text output (default: when stdout is a TTY)
  -h, --help           this help`;

interface Options {
  format: 'text' | 'json' | 'csv';
  packs: string[];
  jsonl: boolean;
  builtinPacks: boolean;
  candidates?: Partial<CandidateOptions>;
  color: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { format: 'text', packs: [], jsonl: false, builtinPacks: true, color: !!process.stdout.isTTY && !process.env.NO_COLOR, files: [] };
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
      else if (a === '--color') o.color = true;
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

async function runJsonl(analyzer: Analyzer, options: AnalyzeOptions): Promise<number> {
  let status = 0;
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line);
    } catch (e) {
      process.stderr.write(`news-lens: stdin line ${lineNo}: invalid JSON (${(e as Error).message})\n`);
      status = 1;
      continue;
    }
    if (!doc || typeof doc.text !== 'string') {
      process.stderr.write(`news-lens: stdin line ${lineNo}: expected {"id", "text"} with a string text\n`);
      status = 1;
      continue;
    }
    const analysis = analyzer.analyze(doc.text, options);
    const out = toJsonDocument(doc.text, analysis, analyzer.kb);
    process.stdout.write(JSON.stringify({ id: doc.id ?? lineNo, entities: out.entities, outline: out.outline }) + '\n');
  }
  return status;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] && SUBCOMMANDS.has(argv[0])) return runSubcommand(argv[0], argv.slice(1));
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    if (parsed) process.stderr.write(`news-lens: ${parsed}\n\n`);
    (parsed ? process.stderr : process.stdout).write(USAGE + '\n');
    return parsed ? 2 : 0;
  }
  const { kb, problems } = loadKnowledgeBase(parsed.packs, { builtin: parsed.builtinPacks });
  for (const p of problems) {
    for (const q of p.problems.slice(0, 5)) process.stderr.write(`news-lens: ${p.source}: offset ${q.start}: ${q.message}\n`);
  }
  if (problems.some((p) => parsed.packs.includes(p.source) && p.problems.some((q) => q.severity === 'error'))) {
    process.stderr.write('news-lens: a pack given with --pack has errors and was not loaded\n');
  }
  const analyzer = new Analyzer(kb);
  const options: AnalyzeOptions = { candidates: parsed.candidates };
  if (parsed.jsonl) return runJsonl(analyzer, options);
  if (!parsed.files.length) fail('no input files (see --help)');

  let status = 0;
  const docs: unknown[] = [];
  let csvHeaderWritten = false;
  for (const file of parsed.files) {
    const input = decodeInput(file);
    if ('error' in input) {
      process.stderr.write(`news-lens: ${file}: ${input.error}\n`);
      status = 1;
      continue;
    }
    const analysis = analyzer.analyze(input.text, options);
    if (parsed.format === 'json') docs.push({ file, ...toJsonDocument(input.text, analysis, kb) });
    else if (parsed.format === 'csv') {
      const csv = eventsToCsv(input.text, analysis);
      if (parsed.files.length === 1) process.stdout.write(csv);
      else {
        // Several files: one header, and the file name as a first column.
        const lines = csv.split('\r\n').filter(Boolean);
        const quoted = /[",\r\n]/.test(file) ? `"${file.replace(/"/g, '""')}"` : file;
        if (!csvHeaderWritten) process.stdout.write(`file,${lines[0]}\r\n`);
        csvHeaderWritten = true;
        for (const l of lines.slice(1)) process.stdout.write(`${quoted},${l}\r\n`);
      }
    } else process.stdout.write(renderText(file, input.text, analysis, kb, parsed.color) + '\n');
  }
  if (parsed.format === 'json') {
    process.stdout.write(JSON.stringify(parsed.files.length === 1 ? (docs[0] ?? null) : docs, null, 1) + '\n');
  }
  return status;
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

if (require.main === module) run();
