/**
 * `news-lens import petrarch FILE [--out PACK.json] [--pack-id ID] [--report json]`: converts a
 * PETRARCH / UniversalPetrarch actor dictionary into a knowledge pack and says what it skipped and why.
 */
import * as fs from 'fs';
import * as path from 'path';
// The package's index without its entry point, which registers every language's country names
// (900 KiB in the bundle); the code table alone is needed here.
import { alpha3ToAlpha2 } from 'i18n-iso-countries/index';
import { importPetrarch, type ImportReport } from '../knowledge/petrarch';
import { parsePack } from '../knowledge/validate';

function printReport(file: string, r: ImportReport): void {
  const out = process.stderr;
  out.write(`news-lens import: ${file}: ${r.actors} actor entries read\n`);
  out.write(`  entities written: ${Object.entries(r.entities).map(([t, n]) => `${n} ${t}`).join(', ')}; people with dated roles: ${r.rolesWithDates}\n`);
  for (const [title, list] of [['skipped', r.skipped], ['warnings', r.warnings]] as const) {
    if (!list.length) continue;
    out.write(`  ${title}:\n`);
    for (const s of list) out.write(`    ${String(s.count).padStart(6)}  ${s.reason}   e.g. ${s.examples.slice(0, 2).join(' | ')}\n`);
  }
}

export function runImport(argv: string[]): number {
  const [format, file, ...rest] = argv;
  if (format !== 'petrarch' || !file) {
    process.stderr.write('usage: news-lens import petrarch FILE [--out PACK.json] [--pack-id ID] [--report json]\n');
    return 2;
  }
  let out: string | undefined;
  let packId = `import.petrarch.${path.basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
  let reportJson = false;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--out') out = rest[++i];
    else if (rest[i] === '--pack-id') packId = rest[++i];
    else if (rest[i] === '--report' && rest[i + 1] === 'json') (reportJson = true), i++;
    else {
      process.stderr.write(`news-lens import: unknown option ${rest[i]}\n`);
      return 2;
    }
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`news-lens import: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 1;
  }
  const { pack, report } = importPetrarch(text, {
    packId,
    source: `${path.basename(file)} (PETRARCH actor dictionary)`,
    alpha3: (code) => {
      const a2 = alpha3ToAlpha2(code);
      return a2 ? `country:${a2}` : undefined;
    },
  });
  const json = JSON.stringify(pack, null, 2) + '\n';
  const check = parsePack(json);
  if (check.problems.length) {
    process.stderr.write(`news-lens import: the generated pack does not validate: ${check.problems.slice(0, 3).map((p) => p.message).join('; ')}\n`);
    return 1;
  }
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json);
  if (reportJson) process.stderr.write(JSON.stringify(report, null, 1) + '\n');
  else printReport(file, report);
  return 0;
}
