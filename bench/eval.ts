/**
 * `npm run eval`: the quality measures of issues 13 and 14 in one table. Runs the command line of this
 * build on the reference article and the development sets in ../shared, scores the output with the
 * project's scorers, and prints each measure against its target with "ok" or "missed". Not a test: it
 * exits 0 when targets are missed, 1 when a scorer or the command line cannot run, 2 without ../shared.
 *
 *   node dist/eval.js [--json FILE] [--shared DIR] [--keep DIR]
 *
 * --json writes the figures and the rows to FILE; --shared reads the sets from DIR (default ../shared
 * beside the repository, or $NEWS_LENS_SHARED); --keep leaves the predictions in DIR.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Precision, recall and F1 of one type or of all types. */
export interface Prf {
  P: number;
  R: number;
  F1: number;
}

export interface EntityScore {
  types: Record<string, Prf & { gold: number; pred: number; tp: number }>;
  micro: Prf;
}

export interface OutlineScore {
  meetings: Prf;
  statements: Prf;
  /** Share of matched statements with a named speaker whose speaker was found. */
  namedSpeakers: number;
  /** How many matched statements have a named speaker in the gold. */
  namedSpeakerStatements: number;
}

/** Person names no pack knows (`known: false`) and how many of them overlap a gold person. */
export interface CandidateCount {
  predicted: number;
  correct: number;
}

export interface Row {
  measure: string;
  value: number;
  /** Absent for rows shown for information only. */
  target?: number;
}

const NUM = '(-?[0-9.]+|\\s*-\\s*)';

function num(s: string): number {
  return s.trim() === '-' ? NaN : Number(s);
}

/** Parses the output of `score.mjs`: a header, one line per type, and the micro line. */
export function parseEntityScore(stdout: string): EntityScore {
  const types: EntityScore['types'] = {};
  let micro: Prf | undefined;
  const typeLine = new RegExp(`^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+${NUM}\\s+${NUM}\\s+${NUM}\\s*$`);
  const microLine = new RegExp(`^micro P ${NUM} R ${NUM} F1 ${NUM}\\s*$`);
  for (const line of stdout.split('\n')) {
    let m = microLine.exec(line);
    if (m) {
      micro = { P: num(m[1]), R: num(m[2]), F1: num(m[3]) };
      continue;
    }
    m = typeLine.exec(line);
    if (m) types[m[1]] = { gold: +m[2], pred: +m[3], tp: +m[4], P: num(m[5]), R: num(m[6]), F1: num(m[7]) };
  }
  if (!micro || !Object.keys(types).length) throw new Error(`unexpected output of score.mjs:\n${stdout}`);
  return { types, micro };
}

/** Parses the one line of `score-outline.mjs`. */
export function parseOutlineScore(stdout: string): OutlineScore {
  const re = new RegExp(`meetings P ${NUM} R ${NUM} F1 ${NUM} \\| statements P ${NUM} R ${NUM} F1 ${NUM} \\| named speakers ${NUM} \\((\\d+)\\)`);
  const m = re.exec(stdout);
  if (!m) throw new Error(`unexpected output of score-outline.mjs:\n${stdout}`);
  return {
    meetings: { P: num(m[1]), R: num(m[2]), F1: num(m[3]) },
    statements: { P: num(m[4]), R: num(m[5]), F1: num(m[6]) },
    namedSpeakers: num(m[7]),
    namedSpeakerStatements: +m[8],
  };
}

interface Mention {
  start: number;
  end: number;
  type: string;
  form?: string;
  known?: boolean;
}

interface Doc {
  id?: string | number;
  entities?: Mention[];
}

const isGoldPerson = (t: string) => /^(person|pers|per)$/i.test(t);

/**
 * Counts the person mentions the command line marked as unknown (`known: false`: candidates found from
 * context, and names linked to them) and those that overlap a gold person mention of the same document
 * (paired by id). Role phrases (form `title`) are left out, as the scorers leave them out.
 */
export function countPersonCandidates(gold: Doc[], pred: Doc[]): CandidateCount {
  const goldById = new Map(gold.map((d) => [String(d.id), d]));
  let predicted = 0;
  let correct = 0;
  for (const p of pred) {
    const g = goldById.get(String(p.id));
    const people = (g?.entities ?? []).filter((m) => isGoldPerson(m.type));
    for (const m of p.entities ?? []) {
      if (m.type !== 'person' || m.known !== false || m.form === 'title') continue;
      predicted++;
      if (people.some((q) => q.start < m.end && m.start < q.end)) correct++;
    }
  }
  return { predicted, correct };
}

/** Reads JSON Lines, or one JSON document or array. */
export function readDocs(file: string): Doc[] {
  const raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    const v = JSON.parse(raw) as Doc | Doc[];
    return Array.isArray(v) ? v : [v];
  } catch {
    return raw
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Doc);
  }
}

export interface Figures {
  reference: EntityScore;
  anercorp: EntityScore;
  outlineEntities: EntityScore;
  outline: OutlineScore;
  personCandidates: { anercorp: CandidateCount; outlineDev: CandidateCount };
}

/** The rows of the table: every measure with a target, and the per-type figures beside them. */
export function rows(f: Figures): Row[] {
  const out: Row[] = [];
  const type = (prefix: string, s: EntityScore, t: string, target?: number) => {
    const v = s.types[t];
    if (v || target !== undefined) out.push({ measure: `${prefix} ${t} F1`, value: v ? v.F1 : NaN, target });
  };
  out.push({ measure: 'reference article micro F1', value: f.reference.micro.F1, target: 1 });
  out.push({ measure: 'ANERcorp dev micro F1', value: f.anercorp.micro.F1, target: 0.76 });
  out.push({ measure: 'ANERcorp dev micro P', value: f.anercorp.micro.P, target: 0.8 });
  out.push({ measure: 'ANERcorp dev micro R', value: f.anercorp.micro.R });
  for (const t of Object.keys(f.anercorp.types).sort()) type('ANERcorp dev', f.anercorp, t);
  out.push({ measure: 'outline-dev entities micro F1', value: f.outlineEntities.micro.F1, target: 0.95 });
  for (const t of [...new Set([...Object.keys(f.outlineEntities.types), 'organization', 'person'])].sort()) {
    type('outline-dev entities', f.outlineEntities, t, t === 'person' || t === 'organization' ? 0.9 : undefined);
  }
  out.push({ measure: 'meetings F1', value: f.outline.meetings.F1, target: 0.85 });
  out.push({ measure: 'meetings P', value: f.outline.meetings.P });
  out.push({ measure: 'meetings R', value: f.outline.meetings.R });
  out.push({ measure: 'statements F1', value: f.outline.statements.F1, target: 0.9 });
  out.push({ measure: 'statements P', value: f.outline.statements.P });
  out.push({ measure: 'statements R', value: f.outline.statements.R });
  out.push({ measure: 'named speakers', value: f.outline.namedSpeakers, target: 0.85 });
  const { anercorp: a, outlineDev: o } = f.personCandidates;
  const share = (c: CandidateCount) => (c.predicted ? c.correct / c.predicted : NaN);
  out.push({
    measure: `person-candidate precision (${a.predicted + o.predicted} candidates)`,
    value: share({ predicted: a.predicted + o.predicted, correct: a.correct + o.correct }),
    target: 0.8,
  });
  out.push({ measure: `  of them ANERcorp dev (${a.predicted})`, value: share(a) });
  out.push({ measure: `  of them outline-dev (${o.predicted})`, value: share(o) });
  return out;
}

/** A value meets its target when it is at least the target, to the scorers' three decimals. */
export function meets(r: Row): boolean | undefined {
  if (r.target === undefined) return undefined;
  return Number.isFinite(r.value) && Math.round(r.value * 1000) >= Math.round(r.target * 1000);
}

export function renderRows(list: Row[]): string {
  const width = Math.max(...list.map((r) => r.measure.length), 'measure'.length);
  const f = (x: number | undefined) => (x === undefined ? '' : Number.isFinite(x) ? x.toFixed(3) : '-');
  const lines = [`${'measure'.padEnd(width)}  ${'value'.padStart(6)}  ${'target'.padStart(8)}  result`];
  for (const r of list) {
    const ok = meets(r);
    lines.push(
      `${r.measure.padEnd(width)}  ${f(r.value).padStart(6)}  ${(r.target === undefined ? '' : '>= ' + f(r.target)).padStart(8)}  ${ok === undefined ? '' : ok ? 'ok' : 'missed'}`.trimEnd(),
    );
  }
  const scored = list.filter((r) => r.target !== undefined);
  lines.push(`${scored.filter((r) => meets(r)).length} of ${scored.length} targets met`);
  return lines.join('\n');
}

class EvalError extends Error {}

function run(args: string[], options: { input?: string; stdout?: string; cwd: string }): string {
  const input = options.input === undefined ? 'ignore' : fs.openSync(options.input, 'r');
  const output = options.stdout === undefined ? 'pipe' : fs.openSync(options.stdout, 'w');
  try {
    const r = spawnSync(process.execPath, args, { cwd: options.cwd, encoding: 'utf8', stdio: [input, output, 'pipe'], maxBuffer: 64 << 20 });
    if (r.error || r.status !== 0) {
      throw new EvalError(`\`node ${args.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`})${r.stderr ? `:\n${r.stderr.trim()}` : ''}`);
    }
    return r.stdout ?? '';
  } finally {
    if (typeof input === 'number') fs.closeSync(input);
    if (typeof output === 'number') fs.closeSync(output);
  }
}

export function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..');
  let jsonOut: string | undefined;
  let keep: string | undefined;
  let shared = process.env.NEWS_LENS_SHARED || path.resolve(root, '..', 'shared');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--json' || a === '--shared' || a === '--keep') && argv[i + 1] === undefined) {
      process.stderr.write(`eval: ${a} needs a value\n`);
      return 2;
    }
    if (a === '--json') jsonOut = path.resolve(argv[++i]);
    else if (a === '--shared') shared = path.resolve(argv[++i]);
    else if (a === '--keep') keep = path.resolve(argv[++i]);
    else {
      process.stderr.write(`eval: unknown option ${a}\nusage: node dist/eval.js [--json FILE] [--shared DIR] [--keep DIR]\n`);
      return 2;
    }
  }
  const need = [
    'fixtures/astana-20.txt',
    'fixtures/astana-20.gold.json',
    'eval/score.mjs',
    'eval/score-outline.mjs',
    'eval/anercorp-dev.jsonl',
    'eval/outline-dev.jsonl',
    'eval/outline-dev.json',
  ];
  if (!fs.existsSync(shared)) {
    process.stderr.write(
      `eval: the evaluation sets are not there: no folder ${shared}.\nPut the shared folder beside the repository (../shared) or name it with --shared DIR.\n`,
    );
    return 2;
  }
  const missing = need.filter((f) => !fs.existsSync(path.join(shared, f)));
  if (missing.length) {
    process.stderr.write(
      `eval: the evaluation sets are not there: ${shared} lacks ${missing.join(', ')}.\nPut the shared folder beside the repository (../shared) or name it with --shared DIR.\n`,
    );
    return 2;
  }
  const cli = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    process.stderr.write(`eval: ${cli} is missing; run \`npm run eval\`, which builds it first\n`);
    return 1;
  }
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-eval-'));
  fs.mkdirSync(dir, { recursive: true });
  const S = (f: string) => path.join(shared, f);
  const P = (f: string) => path.join(dir, f);
  const t0 = Date.now();
  try {
    run([cli, '--format', 'json', S('fixtures/astana-20.txt')], { cwd: root, stdout: P('reference.json') });
    run([cli, '--jsonl'], { cwd: root, input: S('eval/anercorp-dev.jsonl'), stdout: P('anercorp-dev.jsonl') });
    run([cli, '--jsonl'], { cwd: root, input: S('eval/outline-dev.jsonl'), stdout: P('outline-dev.jsonl') });
    const score = S('eval/score.mjs');
    const figures: Figures = {
      reference: parseEntityScore(run([score, S('fixtures/astana-20.gold.json'), P('reference.json'), '--skip-pred-forms', 'title'], { cwd: root })),
      anercorp: parseEntityScore(
        run([score, S('eval/anercorp-dev.jsonl'), P('anercorp-dev.jsonl'), '--coarse', '--skip-pred-forms', 'adjective,title'], { cwd: root }),
      ),
      outlineEntities: parseEntityScore(run([score, S('eval/outline-dev.jsonl'), P('outline-dev.jsonl'), '--skip-pred-forms', 'title'], { cwd: root })),
      outline: parseOutlineScore(run([S('eval/score-outline.mjs'), S('eval/outline-dev.json'), P('outline-dev.jsonl')], { cwd: root })),
      personCandidates: {
        anercorp: countPersonCandidates(readDocs(S('eval/anercorp-dev.jsonl')), readDocs(P('anercorp-dev.jsonl'))),
        outlineDev: countPersonCandidates(readDocs(S('eval/outline-dev.jsonl')), readDocs(P('outline-dev.jsonl'))),
      },
    };
    const table = rows(figures);
    process.stdout.write(renderRows(table) + `\n(${((Date.now() - t0) / 1000).toFixed(1)} s; sets from ${shared})\n`);
    if (jsonOut) {
      const results = table.map((r) => ({ ...r, ok: meets(r) }));
      fs.writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), shared, figures, rows: results }, null, 2) + '\n');
    }
    return 0;
  } catch (e) {
    process.stderr.write(`eval: ${e instanceof EvalError ? e.message : (e as Error).stack}\n`);
    return 1;
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
