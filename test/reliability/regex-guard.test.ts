/**
 * Guard against catastrophic regular expressions. Every regex literal and `RegExp(...)` call in
 * server/src and client/src is found with the TypeScript parser and must be listed in KNOWN below,
 * which says what it runs on. Each one then runs on adversarial inputs of 100,000 characters (long
 * runs of Arabic letters, marks, spaces, digits, punctuation, quotes, dashes; see regex-worker.ts)
 * in a worker thread; a regex that runs on document or pack text fails when one input takes longer
 * than the bound, or when it has not finished after WATCHDOG_MS (the worker is then terminated).
 *
 * Adding a regex: add its literal to KNOWN under its file, as 'text' when it can see document or pack
 * text (untrusted) or 'trusted' when it only sees the repository's own data. Dynamic `RegExp(...)`
 * cannot be fuzzed here: the guard refuses them; build them from fixed parts or escape the input.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import * as ts from 'typescript';
import { REPO } from './helpers';

/** 'text': sees document or pack text; a number: the same, but the code never gives it more characters than that; 'trusted': sees only the repository's own data. */
type Use = 'text' | 'trusted' | number;

/** Every regex of the sources, by file, with what it can see. */
const KNOWN: Record<string, Record<string, Use>> = {
  'server/src/analysis/articles.ts': {
    '/^[ \\t]*([-=*_~#])\\1{2,}[ \\t]*$/': 'text',
    '/^\\s*[\\u0621-\\u064a\\u0640\\u064b-\\u065f]{2,}(?:\\s+[\\u0621-\\u064a\\u0640\\u064b-\\u065f]{2,}){0,2}\\s*(?:\\([^()\\n]{1,30}\\)\\s*[-–—:]|[-–—]\\s*[^\\s\\-–—][^\\-–—\\n]{0,30}?(?:\\s*[-–—:)]|$|\\s))/': 'text',
    '/^\\s*[\\u0621-\\u064a\\u0640\\u064b-\\u065f]{2,}(?:\\s+[\\u0621-\\u064a\\u0640\\u064b-\\u065f]{2,}){0,2}\\s*(?:\\([^()\\n]{1,30}\\)\\s*[-–—:]|[-–—]\\s*[^\\s-–—][^-–—\\n]{0,30}?(?:\\s*[-–—:)]|$|\\s))/': 'text',
    '/[.!؟?:،,]$/': 'text',
    '/[0-9\\u0660-\\u0669\\u06f0-\\u06f9]/': 'text',
    // Front matter: the first line whole, then lines cut to 200 characters.
    '/^---[ \\t]*$/': 'text',
    '/^\\s*[A-Za-z_][\\w-]*\\s*:/': 200,
  },
  'server/src/analysis/candidates.ts': { '/\\s+/': 'trusted' },
  'server/src/analysis/dates.ts': {
    '/(?:^|\\D)((19|20)\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)/': 400,
    '/(?:^|\\D)(\\d{1,2})[-/.](\\d{1,2})[-/.]((19|20)\\d\\d)(?!\\d)/': 400,
    // findDate cuts its input to 400 characters, the text before a month name to 16 and after it to 24.
    '/[\\u0660-\\u0669\\u06f0-\\u06f9]/g': 400,
    '/(?:^|\\D)(\\d{1,2})\\s*(?:[\\u0621-\\u064a]+\\s*)?$/': 16,
    '/^(?:\\s+[\\u0621-\\u064a]+)?\\s*(?:عام|سنه)?\\s*((19|20)\\d\\d)(?!\\d)/': 24,
    // Hijri dates: findHijriDate cuts its input to 400 characters.
    '/(?:^|[^\\d\\u0621-\\u064a])(\\d{1,2})\\s+(?:من\\s+)?(ذو ?القعده|ذي القعده|ذو ?الحجه|ذي الحجه|ربيع (?:ال)?(?:اول|اخر|ثاني)|جمادي (?:ال)?(?:اولي|اول|اخره|ثانيه|اخر|ثاني)|المحرم|محرم|صفر|رجب|شعبان|رمضان|شوال)\\s+(?:عام\\s+|سنه\\s+)?(1[34]\\d\\d)(?!\\d)/': 400,
    '/(?:^|\\D)(1[34]\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)/': 400,
    '/(?:^|\\D)(\\d{1,2})[-/.](\\d{1,2})[-/.](1[34]\\d\\d)(?!\\d)/': 400,
    // A day and month without a year: findDayMonth cuts its input to 200 characters, the text before a month to 6.
    '/(?:^|[^\\d\\u0621-\\u064a])(\\d{1,2})\\s+(?:من\\s+)?(ذو ?القعده|ذي القعده|ذو ?الحجه|ذي الحجه|ربيع (?:ال)?(?:اول|اخر|ثاني)|جمادي (?:ال)?(?:اولي|اول|اخره|ثانيه|اخر|ثاني)|المحرم|محرم|صفر|رجب|شعبان|رمضان|شوال)(?![\\u0621-\\u064a])/': 200,
    '/(?:^|\\D)(\\d{1,2})\\s*$/': 6,
    // Header lines are read only when at most 80 characters long.
    '/^\\s*(?:date|التاريخ|تاريخ|تاريخ النشر)\\s*[:：]\\s*(\\S.{0,60}?)\\s*$/i': 80,
    '/^\\s*date\\s*:\\s*["\']?(\\S.{0,60}?)["\']?\\s*$/i': 80,
    '/^((?:19|20)\\d\\d)(?:-(\\d\\d)(?:-(\\d\\d))?)?$/': 'text',
    // File paths and their parts.
    '/[\\\\/]+/': 'text',
    '/^\\d\\d?$/': 'text',
    '/^(19|20)\\d\\d$/': 'text',
    '/(?:^|[^\\d])((?:19|20)\\d\\d)[-_.](\\d\\d)[-_.](\\d\\d)(?!\\d)/': 'text',
    '/^\\D/': 'text',
    '/(?:^|[-_. ])((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?=$|[-_. ])/': 'text',
    '/^[-_. ]/': 'text',
  },
  'server/src/analysis/clitics.ts': { '/^([وف]?)لال/': 'text' },
  'server/src/analysis/event-lexicon.ts': { '/^\\d{3}$/': 'trusted' },
  'server/src/analysis/events.ts': {
    '/\\s+/': 'trusted',
    '/\\*/g': 'trusted',
    '/\\u0001/g': 'trusted',
    '/^\\d+$/': 'text',
    '/\\s+/g': 'text',
    '/^[\\s،,:؛;"“”«»\\-–—]+/': 'text',
    // Applied to the first GIST_MAX (100) characters of a gist only.
    '/[\\s،,:؛;]+$/': 101,
  },
  'server/src/analysis/normalize.ts': {
    '/^[\\p{L}\\p{N}]$/u': 'trusted',
    '/^\\p{M}$/u': 'trusted',
    '/[\\p{L}\\p{N}]+/gu': 'trusted',
    '/\\p{M}+/gu': 'trusted',
  },
  'server/src/analysis/rules/speaker.ts': { '/^قول(ه|ها|هم|هما)$/': 'text', '/^[بل]/': 'text' },
  'server/src/analysis/rules/statement-gate.ts': { '/\\s+/': 'trusted' },
  'server/src/analysis/sentences.ts': { '/\\s+/': 'trusted' },
  'server/src/analysis/stopwords.ts': { '/\\s+/': 'trusted' },
  // A developer tool that converts the PETRARCH dictionaries; never runs in the extension.
  'server/src/cli/import-petrarch.ts': { '/\\.[^.]*$/': 'trusted', '/[^a-z0-9._-]+/g': 'trusted' },
  'server/src/cli/input.ts': { '/^\\uFEFF/': 'text' },
  'server/src/output/csv.ts': { '/^[=+\\-@\\t\\r]/': 'text', '/[",\\r\\n]/': 'text', '/"/g': 'text' },
  'server/src/output/events-csv.ts': { '/\\s+/g': 'text' },
  'server/src/cli/output.ts': { '/[",\\r\\n]/': 'text', '/"/g': 'text' },
  'server/src/common/settings.ts': { '/\\p{L}/u': 'text' },
  'server/src/common/date-header.ts': {
    '/^(\\d{4})-(\\d{2})-(\\d{2})$/': 'text',
    '/^---[ \\t]*$/': 'text',
    '/^(\\s*date\\s*:\\s*)/i': 'text',
    // Applied to a first line of at most 80 characters.
    '/^(\\s*(?:date|التاريخ|تاريخ)\\s*[:：]\\s*)(.*)$/i': 80,
  },
  // The placeholders of the label table, and the client's locale (`ar-EG`).
  'server/src/common/messages.ts': { '/\\{(\\d+)\\}/g': 'trusted', '/^ar(?:[-_]|$)/i': 'trusted' },
  // Outline names and the Entities view's snippets: cut from document text.
  'server/src/common/snippets.ts': {
    '/[\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufeff]/': 'text',
    '/[\\p{L}]/u': 'text',
    '/\\s+/g': 'text',
    '/\\s/': 'text',
  },
  'server/src/knowledge/load.ts': { '/^\\uFEFF/': 'text' },
  // Reads the PETRARCH dictionary files shipped with the repository.
  'server/src/knowledge/petrarch.ts': {
    '/\\s+/': 'trusted',
    '/\\[\\s*(~?[A-Z0-9]*)(\\?)?\\s*(?:(\\d{8})\\s*-\\s*(\\d{8})|>\\s*(\\d{8})|<\\s*(\\d{8}))?\\s*\\]/g': 'trusted',
    '/[_]+/g': 'trusted',
    '/\\s+/g': 'trusted',
    '/\\r\\n|\\n|\\r/': 'trusted',
    '/\\s*#.*$/': 'trusted',
    '/^\\+\\s*/': 'trusted',
    '/ /g': 'trusted',
    '/[\\u0600-\\u06ff]/': 'trusted',
    '/.{3}/g': 'trusted',
  },
  // Spelling variants: run on the normalized aliases and English names of every pack, the analyst's too.
  'server/src/knowledge/variants.ts': {
    '/عبد|ابو|ابي|بن/': 'text',
    '/[kcq]/': 'text',
    '/^[^aeiouy]([aeiou])/': 'text',
    '/^s[^aeiouy]/': 'text',
    '/^[\\u0621-\\u064a]+$/': 'text',
    '/[\\s-]+/': 'text',
  },
  'server/src/knowledge/validate.ts': { '/~1/g': 'text', '/~0/g': 'text', '/^\\d+$/': 'text', '/^\\uFEFF/': 'text', '/ /g': 'text' },
  'server/src/lsp/handlers.ts': {
    '/\\s+/g': 'text',
    '/[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]/g': 'text',
    '/[\\u0600-\\u06FF]/': 'text',
    '/[\\r\\n]/': 'text',
  },
  'server/src/lsp/hover.ts': { '/[^A-Za-z0-9._:-]/g': 'text', '/^https?:/i': 'text', '/ /g': 'text', '/[\\u0600-\\u06ff]/': 'text', '/[A-Za-z]/': 'text' },
  'server/src/lsp/knowledge.ts': { '/[\\\\/]/': 'text', '/^\\uFEFF/': 'text' },
  'server/src/lsp/markdown.ts': {
    '/[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]+/g': 'text',
    '/[!-/:-@[-`{-~]/g': 'text',
    '/[()<>"\'\\\\ `]/g': 'text',
    '/^(ar|en)\\.(m\\.)?wikipedia\\.org$/': 'text',
    '/^Q[1-9]\\d{0,11}$/': 'text',
  },
  'server/src/lsp/pack-edit.ts': { '/^\\uFEFF/': 'text', '/\\s/': 'text', '/[A-Za-z0-9]/': 'text', '/-+/g': 'text', '/^-|-$/g': 'text' },
  'server/src/lsp/session.ts': { '/\\.(arnews|ar\\.txt|txt)$/': 'text' },
  'server/src/lsp/positions.ts': { '/\\r\\n|\\r|\\n/g': 'text' },
  'server/src/lsp/symbols.ts': { '/\\s+/g': 'text', '/\\r\\n|\\r|\\n/': 'text' },
  'server/src/lsp/workspace.ts': { '/^\\uFEFF/': 'text' },
  // The status bar text the client itself builds (codicons and counts).
  'client/src/statusBar.ts': { '/\\$\\([^)]*\\)/g': 'trusted', '/^[\\s:]+/': 'trusted' },
};

/** Slowest accepted run of one regex on one 100,000-character input (linear ones take 1–5 ms). */
const BOUND_MS = 500;
/** A regex that has not finished all its inputs by then is stopped and reported. */
const WATCHDOG_MS = 20000;
const SIZE = 100000;
/** Regexes that see only the repository's own data are tried on shorter runs, and only reported. */
const TRUSTED_SIZE = 10000;

interface Found {
  file: string;
  literal: string;
  line: number;
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every regex literal and RegExp construction in the product's sources. */
export function findRegexes(): Found[] {
  const out: Found[] = [];
  for (const abs of [...sourceFiles(path.join(REPO, 'server', 'src')), ...sourceFiles(path.join(REPO, 'client', 'src'))]) {
    const file = path.relative(REPO, abs).split(path.sep).join('/');
    const sf = ts.createSourceFile(file, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      const line = () => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push({ file, literal: n.getText(sf), line: line(), dynamic: false });
      if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText(sf) === 'RegExp') {
        out.push({ file, literal: n.getText(sf), line: line(), dynamic: true });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

interface Timing {
  literal: string;
  worst: number;
  worstInput: string;
  stopped?: boolean;
}

/** Runs the literals in a worker; a literal that does not finish within WATCHDOG_MS is stopped. */
async function fuzz(jobs: { literal: string; size: number }[]): Promise<Timing[]> {
  const literals = jobs.map((j) => j.literal);
  const results: Timing[] = [];
  let from = 0;
  while (from < literals.length) {
    const batch = literals.slice(from);
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, 'regex-worker.js'), { workerData: { jobs: jobs.slice(from) } });
      let current = 0;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          results.push({ literal: batch[current], worst: WATCHDOG_MS, worstInput: 'did not finish', stopped: true });
          from += current + 1;
          void worker.terminate().then(() => resolve());
        }, WATCHDOG_MS);
      };
      worker.on('message', (m: { type: string; index: number; worst: number; worstInput: string }) => {
        if (m.type === 'start') {
          current = m.index;
          arm();
        } else if (m.type === 'done') results.push({ literal: batch[m.index], worst: m.worst, worstInput: m.worstInput });
        else if (m.type === 'end') {
          clearTimeout(timer);
          from = literals.length;
          void worker.terminate().then(() => resolve());
        }
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }
  return results;
}

describe('reliability: regular expressions on document text', function () {
  this.timeout(600000);
  const found = findRegexes();

  it('finds the regexes of the sources (the scanner works)', () => {
    assert.ok(found.length >= 30, `${found.length} found`);
    assert.ok(found.some((f) => f.file === 'server/src/analysis/dates.ts'));
  });

  it('every regex is known to the guard (new ones must be added to KNOWN with what they run on)', () => {
    const unknown = found.filter((f) => !f.dynamic && KNOWN[f.file]?.[f.literal] === undefined);
    assert.deepStrictEqual(
      unknown.map((f) => `${f.file}:${f.line} ${f.literal}`),
      [],
      'add these to KNOWN in test/reliability/regex-guard.test.ts',
    );
  });

  it('no RegExp is built at run time from strings (it could not be fuzzed)', () => {
    assert.deepStrictEqual(
      found.filter((f) => f.dynamic).map((f) => `${f.file}:${f.line} ${f.literal}`),
      [],
    );
  });

  it(`each regex on document or pack text finishes every 100,000-character adversarial input within ${BOUND_MS} ms`, async () => {
    const literals = [...new Set(found.filter((f) => !f.dynamic).map((f) => f.literal))];
    const use = (literal: string): Use[] => found.filter((f) => f.literal === literal).map((f) => KNOWN[f.file]?.[literal] ?? 'text');
    // A literal used in several places is tried at the longest input any of them can get.
    const size = (literal: string) => Math.max(...use(literal).map((u) => (typeof u === 'number' ? u : u === 'trusted' ? TRUSTED_SIZE : SIZE)));
    const timings = await fuzz(literals.map((literal) => ({ literal, size: size(literal) })));
    const slow = timings.filter((t) => t.worst > BOUND_MS);
    const failing = slow.filter((t) => use(t.literal).some((u) => u !== 'trusted'));
    for (const t of slow) {
      const where = found.filter((f) => f.literal === t.literal).map((f) => `${f.file}:${f.line}`).join(', ');
      console.log(`      ${use(t.literal).some((u) => u !== 'trusted') ? 'SLOW' : 'slow (trusted input only)'}: ${t.literal} at ${where}: ${Math.round(t.worst)} ms on ${t.worstInput}`);
    }
    const worst = [...timings].sort((a, b) => b.worst - a.worst)[0];
    console.log(`      ${timings.length} regexes fuzzed; slowest ${worst?.literal} ${worst?.worst.toFixed(1)} ms`);
    assert.deepStrictEqual(
      failing.map((t) => `${t.literal}: ${t.stopped ? 'stopped after' : ''} ${Math.round(t.worst)} ms on ${t.worstInput}`),
      [],
    );
  });
});
