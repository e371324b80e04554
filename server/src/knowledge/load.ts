/**
 * Reading packs from disk: the built-in packs shipped in knowledge/packs and any extra pack files.
 * A pack that fails to parse or validate is reported, not thrown.
 */
import * as fs from 'fs';
import * as path from 'path';
import { COMPILED_FILE, compileKnowledge, readCompiledKnowledge } from './compiled';
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

/**
 * Names the build, in the bundles that esbuild.js writes (it defines `__NEWS_LENS_BUILD__`), together
 * with the compiled packs it wrote beside them. Code compiled by tsc alone (the tests) has none, so it
 * never reads a compiled file that an older build left in dist/.
 */
declare const __NEWS_LENS_BUILD__: string | undefined;
const BUILD = typeof __NEWS_LENS_BUILD__ === 'string' ? __NEWS_LENS_BUILD__ : undefined;

/**
 * Build step (esbuild.js): compiles the built-in packs into `outFile` for the build named `code`.
 * Writes nothing and returns false when a pack has problems: the normal path then reports them.
 */
export function writeCompiledKnowledge(outFile: string, code: string): boolean {
  fs.rmSync(outFile, { force: true });
  const builtin = loadPackFiles(builtinPackFiles(), true, { trusted: true });
  if (builtin.problems.length) return false;
  fs.writeFileSync(outFile, compileKnowledge(builtin.packs, code));
  return true;
}

/**
 * The knowledge base of the built-in packs alone, from the compiled file that this build wrote
 * beside its bundle; undefined when there is none, or it is not current (then load the packs).
 */
export function loadCompiledBuiltin(version = 0): KnowledgeBase | undefined {
  return BUILD ? readCompiledKnowledge(path.join(__dirname, COMPILED_FILE), builtinPackFiles(), BUILD, version) : undefined;
}

/**
 * The built-in packs plus extra pack files, merged into one knowledge base. The built-in packs
 * alone come from the compiled file beside the bundle when there is a current one.
 */
export function loadKnowledgeBase(
  extraFiles: string[] = [],
  options: { builtin?: boolean } = {},
): { kb: KnowledgeBase; problems: PackLoadResult['problems'] } {
  if (options.builtin !== false && extraFiles.length === 0) {
    const kb = loadCompiledBuiltin();
    if (kb) return { kb, problems: [] };
  }
  const builtin = options.builtin === false ? { packs: [], problems: [] } : loadPackFiles(builtinPackFiles(), true, { trusted: true });
  const extra = loadPackFiles(extraFiles, false);
  return { kb: new KnowledgeBase([...builtin.packs, ...extra.packs]), problems: [...builtin.problems, ...extra.problems] };
}
