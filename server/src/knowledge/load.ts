/**
 * Reading packs from disk: the built-in packs shipped in knowledge/packs and any extra pack files.
 * A pack that fails to parse or validate is reported, not thrown.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KnowledgeBase } from './knowledge-base';
import type { LoadedPack } from './types';
import { parsePack, type PackProblem } from './validate';

/** The folder that holds the built-in packs, found from this module's location (src, out or dist). */
export function builtinPackDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'knowledge', 'packs');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`built-in knowledge packs not found above ${__dirname}`);
}

export interface PackLoadResult {
  packs: LoadedPack[];
  /** Problems per pack file; a file with errors is left out of `packs`. */
  problems: { source: string; problems: PackProblem[] }[];
}

/**
 * Reads and validates pack files, in the order given. Built-in packs are validated by the test suite
 * when they change, so at run time they are only parsed (`trusted`), which keeps start-up fast; a
 * built-in pack that fails to parse is still reported with positions.
 */
export function loadPackFiles(files: string[], builtin: boolean, options: { trusted?: boolean } = {}): PackLoadResult {
  const result: PackLoadResult = { packs: [], problems: [] };
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      result.problems.push({ source: file, problems: [{ start: 0, end: 0, severity: 'error', message: `cannot read: ${(e as Error).message}` }] });
      continue;
    }
    if (options.trusted) {
      try {
        result.packs.push({ data: JSON.parse(text.replace(/^\uFEFF/, '')), source: file, builtin });
        continue;
      } catch {
        // Fall through to the full parse, which says where the problem is.
      }
    }
    const parsed = parsePack(text);
    if (parsed.problems.length) result.problems.push({ source: file, problems: parsed.problems });
    if (parsed.pack && !parsed.problems.some((p) => p.severity === 'error')) result.packs.push({ data: parsed.pack, source: file, builtin });
  }
  return result;
}

/** The built-in pack files, sorted by name so that load order is stable. */
export function builtinPackFiles(): string[] {
  const dir = builtinPackDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The built-in packs plus extra pack files, merged into one knowledge base. */
export function loadKnowledgeBase(
  extraFiles: string[] = [],
  options: { builtin?: boolean } = {},
): { kb: KnowledgeBase; problems: PackLoadResult['problems'] } {
  const builtin = options.builtin === false ? { packs: [], problems: [] } : loadPackFiles(builtinPackFiles(), true, { trusted: true });
  const extra = loadPackFiles(extraFiles, false);
  return { kb: new KnowledgeBase([...builtin.packs, ...extra.packs]), problems: [...builtin.problems, ...extra.problems] };
}
