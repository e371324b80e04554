/**
 * The server's knowledge base: the built-in packs, the workspace packs (`.arabic-news/*.json` in each
 * workspace folder) and the files of `arabicNewsLens.packs.paths`, in that order. Each pack file keeps
 * its last good version: a pack being edited into an invalid state gets diagnostics but does not
 * vanish from the knowledge base. The Analyzer is rebuilt once per knowledge-base version.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { Analyzer } from '../analysis/analyzer';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { builtinPackFiles, loadCompiledBuiltin } from '../knowledge/load';
import type { LoadedPack } from '../knowledge/types';
import { parsePack, type PackProblem } from '../knowledge/validate';

/** The folder, inside a workspace folder, that holds the analyst's packs. */
export const WORKSPACE_PACK_DIR = '.arabic-news';
/** The pack file that code actions edit. */
export const WORKSPACE_PACK_FILE = 'workspace.json';

export interface PackFileState {
  /** Absolute file path. */
  file: string;
  builtin: boolean;
  /** The text last read or received from the editor. */
  text?: string;
  /** Problems of that text. */
  problems: PackProblem[];
  /** The last version of the pack that had no errors. */
  lastGood?: LoadedPack;
  /** Text of the last good version, for go-to-definition offsets. */
  lastGoodText?: string;
  /**
   * False for a built-in pack taken on trust at start-up (parsed, not yet checked against the
   * schema); the server checks it in pauses after answering `initialize` (pack-validation.ts).
   */
  validated: boolean;
  /** True when `text` is the file's bytes on disk (not an editor's unsaved text). */
  fromDisk?: boolean;
}

/** True for a path that looks like a workspace pack (`…/.arabic-news/*.json`). */
export function isWorkspacePackPath(file: string): boolean {
  const parts = file.split(/[\\/]/);
  return parts.length >= 2 && parts[parts.length - 2] === WORKSPACE_PACK_DIR && file.endsWith('.json');
}

export class KnowledgeService {
  private files = new Map<string, PackFileState>();
  private order: string[] = [];
  private version = 0;
  kb: KnowledgeBase = new KnowledgeBase([], 0);
  private built: Analyzer | undefined;

  /** The Analyzer of the current knowledge base, built on first use (its index takes a while). */
  get analyzer(): Analyzer {
    if (!this.built || this.built.kb !== this.kb) this.built = new Analyzer(this.kb);
    return this.built;
  }
  /** Called after every rebuild of the knowledge base. */
  onChange: () => void = () => undefined;

  constructor(
    private readonly options: { builtin: boolean; workspace?: boolean; log?: (message: string) => void },
  ) {}

  /** Pack files in load order. */
  get packFiles(): PackFileState[] {
    return this.order.map((f) => this.files.get(f)!).filter(Boolean);
  }

  /** Which files to load: the built-in packs, workspace packs, then `extraPaths` (relative to the first folder). */
  configure(folders: string[], extraPaths: string[]): void {
    const root = folders[0];
    const order: string[] = [];
    const builtin = new Set<string>();
    if (this.options.builtin) {
      try {
        for (const f of builtinPackFiles()) {
          order.push(f);
          builtin.add(f);
        }
      } catch (e) {
        this.options.log?.(`built-in packs not found: ${(e as Error).message}`);
      }
    }
    // In an untrusted workspace the client turns workspace packs off: only built-in packs load.
    if (this.options.workspace === false) {
      folders = [];
      extraPaths = [];
    }
    for (const folder of folders) {
      const dir = path.join(folder, WORKSPACE_PACK_DIR);
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
      } catch {
        // No workspace packs in this folder.
      }
      for (const n of names) order.push(path.join(dir, n));
    }
    for (const p of extraPaths) order.push(path.resolve(root ?? process.cwd(), p));
    const unique = [...new Set(order)];
    for (const f of unique) if (!this.files.has(f)) this.files.set(f, { file: f, builtin: builtin.has(f), problems: [], validated: false });
    for (const f of [...this.files.keys()]) if (!unique.includes(f)) this.files.delete(f);
    this.order = unique;
  }

  /** Reads every pack file from disk (except those whose text the editor holds) and rebuilds. */
  reload(openTexts: (file: string) => string | undefined = () => undefined): void {
    for (const state of this.packFiles) {
      const open = openTexts(state.file);
      if (open !== undefined) {
        this.apply(state, open);
        state.fromDisk = false;
        continue;
      }
      let text: string;
      try {
        text = fs.readFileSync(state.file, 'utf8');
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        state.text = undefined;
        state.problems = [{ start: 0, end: 0, severity: 'error', message: `cannot read pack: ${err.code ?? err.message}` }];
        // A deleted pack leaves the knowledge base; an unreadable one keeps its last good version.
        if (err.code === 'ENOENT') state.lastGood = state.lastGoodText = undefined;
        continue;
      }
      // An unchanged file keeps its parse (the built-in packs are read again on every reload).
      if (text !== state.text) this.apply(state, text);
      state.fromDisk = true;
    }
    this.rebuild();
  }

  /** The editor changed the text of a pack file; true when the file is one of the packs. */
  updateText(file: string, text: string): boolean {
    const state = this.files.get(file);
    if (!state) return false;
    if (state.text === text) return true;
    this.apply(state, text);
    state.fromDisk = false;
    this.rebuild();
    return true;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  get(file: string): PackFileState | undefined {
    return this.files.get(file);
  }

  private apply(state: PackFileState, text: string): void {
    state.text = text;
    // Built-in packs are checked by the test suite before they ship; at start-up they are only
    // parsed, so that the first answer comes fast, and validated later, in pauses (pack-validation.ts).
    if (state.builtin && !state.validated) {
      try {
        const data = JSON.parse(text.replace(/^\uFEFF/, '')) as LoadedPack['data'];
        if (data && typeof data === 'object' && data.pack && typeof data.pack.id === 'string') {
          state.problems = [];
          state.lastGood = { data, source: state.file, builtin: true };
          state.lastGoodText = text;
          return;
        }
      } catch {
        // Not JSON: the full check below says where.
      }
    }
    state.validated = true;
    const parsed = parsePack(text);
    state.problems = parsed.problems;
    if (parsed.pack && !parsed.problems.some((p) => p.severity === 'error')) {
      state.lastGood = { data: parsed.pack, source: state.file, builtin: state.builtin };
      state.lastGoodText = text;
    }
  }

  private rebuild(): void {
    const packs = this.packFiles.map((s) => s.lastGood).filter((p): p is LoadedPack => !!p);
    try {
      // The built-in packs alone, as on disk: the build compiled them, index included (a cold start
      // saves the merge and the index build); a compiled file that is missing or stale gives undefined.
      const onlyBuiltins = packs.length > 0 && this.packFiles.every((s) => (s.builtin ? !!s.lastGood && s.fromDisk === true : !s.lastGood));
      this.kb = (onlyBuiltins && loadCompiledBuiltin(this.version + 1)) || new KnowledgeBase(packs, this.version + 1);
      this.version++;
    } catch (e) {
      // A built-in pack taken on trust had a bad shape: check them all now and build without it.
      this.options.log?.(`knowledge base: ${(e as Error).message}; validating the built-in packs`);
      if (!this.packFiles.some((x) => !x.validated)) throw e;
      this.validatePending(false);
      return;
    }
    this.built = undefined;
    this.onChange();
  }

  /**
   * Validates the built-in packs that were only parsed at start-up; a pack with errors leaves the
   * knowledge base and gets its problems. Returns true when that changed anything (and rebuilt).
   */
  validatePending(rebuild = true): boolean {
    let changed = false;
    for (const state of this.packFiles) {
      if (state.validated || state.text === undefined) continue;
      state.validated = true;
      const parsed = parsePack(state.text);
      state.problems = parsed.problems;
      if (parsed.problems.some((p) => p.severity === 'error')) {
        state.lastGood = state.lastGoodText = undefined;
        changed = true;
      }
    }
    if (changed || !rebuild) this.rebuild();
    return changed;
  }

  /** The built-in packs that were only parsed at start-up, with the text that was parsed. */
  pendingValidation(): { file: string; text: string }[] {
    return this.packFiles.filter((s) => !s.validated && s.text !== undefined).map((s) => ({ file: s.file, text: s.text! }));
  }

  /**
   * The schema check of a pack listed by `pendingValidation` (done later, one pack at a time).
   * Ignored when the pack's text changed meanwhile. Returns true when the pack had errors and left the
   * knowledge base; the caller then calls `rebuildAfterValidation` once.
   */
  applyValidation(file: string, text: string, problems: PackProblem[]): boolean {
    const state = this.files.get(file);
    if (!state || state.validated || state.text !== text) return false;
    state.validated = true;
    state.problems = problems;
    if (!problems.some((p) => p.severity === 'error')) return false;
    state.lastGood = state.lastGoodText = undefined;
    return true;
  }

  /** Rebuilds after `applyValidation` dropped a pack. */
  rebuildAfterValidation(): void {
    this.rebuild();
  }

  /** Pack files with at least one error. */
  get filesWithErrors(): number {
    return this.packFiles.filter((s) => s.problems.some((p) => p.severity === 'error')).length;
  }

  /**
   * Where a non-built-in pack defines or extends `id` (the later pack wins, as in the knowledge base):
   * the file and the offsets of the entry's `id` value in the pack's last good text.
   */
  findDefinition(id: string): { file: string; text: string; start: number; end: number } | undefined {
    for (const state of [...this.packFiles].reverse()) {
      if (state.builtin || !state.lastGood || state.lastGoodText === undefined) continue;
      const data = state.lastGood.data;
      for (const list of ['entities', 'extend'] as const) {
        const i = (data[list] ?? []).findIndex((e) => e.id === id);
        if (i < 0) continue;
        const root = parseTree(state.lastGoodText.replace(/^\uFEFF/, ' '));
        const node = root && findNodeAtLocation(root, [list, i, 'id']);
        if (node) return { file: state.file, text: state.lastGoodText, start: node.offset, end: node.offset + node.length };
      }
    }
    return undefined;
  }
}
