/**
 * What each input of the command line contributes to stdout and stderr, and the writer that puts
 * those pieces together in input order. The same functions run in the main thread (`--jobs 1`) and in
 * the worker threads (parallel.ts), so both paths print the same bytes.
 */
import type { Analyzer, AnalyzeOptions } from '../analysis/analyzer';
import { checkIsoDate } from '../analysis/dates';
import type { PackLoadResult } from '../knowledge/load';
import { BOM } from '../output/csv';
import { entitiesToCsv } from '../output/entities-csv';
import { eventsToCsv } from '../output/events-csv';
import { toJsonDocument } from '../output/json';
import { decodeInput } from './input';
import { renderText } from './render';

export type Format = 'text' | 'json' | 'csv';

/** How a file's result is printed; plain data, so that it can be sent to a worker. */
export interface FileOutputOptions {
  format: Format;
  color: boolean;
  /** Several files were given: csv then gets a file column, json an array. */
  several: boolean;
  /** What `--format csv` writes: one row per event (the default) or per mention. */
  csv?: 'events' | 'entities';
  /** Write a UTF-8 byte-order mark before CSV (default true; `--no-bom`). */
  bom?: boolean;
}

/**
 * One input's share of the output. `error` is a message for stderr (after «news-lens: »);
 * `csvHeader` is written once, before the first rows of several CSV files. A worker thread sends a
 * large `out` as UTF-8 bytes (see parallel.ts).
 */
export interface Piece {
  out?: string | Uint8Array;
  csvHeader?: string;
  error?: string;
}

/** Reads, analyses and formats one file. */
export function analyzeFile(analyzer: Analyzer, options: AnalyzeOptions, file: string, o: FileOutputOptions): Piece {
  const input = decodeInput(file);
  if ('error' in input) return { error: `${file}: ${input.error}` };
  // The file's path is one source of its articles' dates (a date in its name or folders).
  const analysis = analyzer.analyze(input.text, { ...options, path: file });
  if (o.format === 'json') {
    const doc = { file, ...toJsonDocument(input.text, analysis, analyzer.kb) };
    if (!o.several) return { out: JSON.stringify(doc, null, 1) };
    // An element of the array of several files, indented as `JSON.stringify(docs, null, 1)` indents
    // it: the array of this one document without its opening «[\n » and closing «\n]».
    return { out: JSON.stringify([doc], null, 1).slice(3, -2) };
  }
  if (o.format === 'csv') {
    const csv = o.csv === 'entities' ? entitiesToCsv(input.text, analysis, analyzer.kb) : eventsToCsv(input.text, analysis, analyzer.kb);
    const bom = o.bom === false ? '' : BOM;
    if (!o.several) return { out: bom + csv };
    // Several files: one header, and the file name as a first column.
    const lines = csv.split('\r\n').filter(Boolean);
    const quoted = /[",\r\n]/.test(file) ? `"${file.replace(/"/g, '""')}"` : file;
    let out = '';
    for (const l of lines.slice(1)) out += `${quoted},${l}\r\n`;
    return { out, csvHeader: `${bom}file,${lines[0]}\r\n` };
  }
  return { out: renderText(file, input.text, analysis, analyzer.kb, o.color) + '\n' };
}

/** Parses and analyses one line of `--jsonl` input (blank lines are skipped by the reader). */
export function analyzeJsonlLine(analyzer: Analyzer, options: AnalyzeOptions, line: string, lineNo: number): Piece {
  let doc: { id?: unknown; text?: unknown; date?: unknown };
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return { error: `stdin line ${lineNo}: invalid JSON (${(e as Error).message})` };
  }
  if (!doc || typeof doc.text !== 'string') {
    return { error: `stdin line ${lineNo}: expected {"id", "text"} with a string text` };
  }
  if (doc.date !== undefined && (typeof doc.date !== 'string' || !checkIsoDate(doc.date))) {
    return { error: `stdin line ${lineNo}: "date" must be YYYY-MM-DD, YYYY-MM or YYYY, not ${JSON.stringify(doc.date).slice(0, 40)}` };
  }
  const analysis = analyzer.analyze(doc.text, { ...options, batchDate: doc.date as string | undefined });
  const out = toJsonDocument(doc.text, analysis, analyzer.kb);
  const first = out.articles[0];
  return { out: JSON.stringify({ id: doc.id ?? lineNo, date: first?.date, dateSource: first?.dateSource, articles: out.articles, entities: out.entities, outline: out.outline }) + '\n' };
}

/** The stderr lines about knowledge packs with problems, printed once before any result. */
export function packProblemMessages(problems: PackLoadResult['problems'], packs: string[]): string[] {
  const lines: string[] = [];
  for (const p of problems) {
    for (const q of p.problems.slice(0, 5)) lines.push(`${p.source}: offset ${q.start}: ${q.message}`);
  }
  if (brokenPack(problems, packs)) {
    lines.push('a pack given with --pack has errors and was not loaded');
  }
  return lines;
}

/** True when a pack given with --pack has errors (it was not loaded). */
export function brokenPack(problems: PackLoadResult['problems'], packs: string[]): boolean {
  return problems.some((p) => packs.includes(p.source) && p.problems.some((q) => q.severity === 'error'));
}

/**
 * Writes pieces as they come, in the order they are given, and remembers whether any input failed
 * (exit code 1). JSON of several files is streamed as the array `JSON.stringify(docs, null, 1)`
 * would print it, `[]` when no file could be read; one unreadable file prints `null`.
 */
export class OrderedWriter {
  status = 0;
  private docs = 0;
  private csvHeaderWritten = false;

  constructor(
    private readonly format: Format | 'jsonl',
    private readonly several: boolean,
    private readonly stdout: (s: string | Uint8Array) => void = (s) => void process.stdout.write(s),
    private readonly stderr: (s: string) => void = (s) => void process.stderr.write(s),
  ) {}

  write(p: Piece): void {
    if (p.error !== undefined) {
      this.stderr(`news-lens: ${p.error}\n`);
      this.status = 1;
      return;
    }
    if (this.format === 'json') {
      if (!this.several) {
        this.stdout(p.out!);
        this.stdout('\n');
      }
      else {
        this.stdout(this.docs === 0 ? '[\n ' : ',\n ');
        this.stdout(p.out!);
      }
      this.docs++;
      return;
    }
    if (p.csvHeader !== undefined && !this.csvHeaderWritten) {
      this.stdout(p.csvHeader);
      this.csvHeaderWritten = true;
    }
    if (p.out?.length) this.stdout(p.out);
  }

  /** Closes the JSON output once every input was written. */
  end(): void {
    if (this.format !== 'json') return;
    if (!this.several) {
      if (this.docs === 0) this.stdout('null\n');
    } else this.stdout(this.docs === 0 ? '[]\n' : '\n]\n');
  }
}
