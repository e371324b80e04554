/**
 * The workspace's articles, for references and workspace symbols: files named `*.arnews` or
 * `*.ar.txt`, and `*.txt` files that are mostly Arabic when `plainText.detectArabic` is on. Files on
 * disk are analysed lazily and cached by modification time and knowledge-base version; open
 * documents are taken from the editor instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToUri, uriToPath } from './uri';
import type { Analysis } from '../analysis/types';
import { isMostlyArabic, type Settings } from '../common/settings';
import { LineIndex } from './positions';

/** Folders never searched. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test', '.arabic-news']);
/** At most this many files are analysed for one request, so a huge workspace cannot stall the server. */
export const MAX_WORKSPACE_FILES = 2000;

export interface WorkspaceDocument {
  uri: string;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
}

export function isArticleFile(name: string): boolean {
  return name.endsWith('.arnews') || name.endsWith('.ar.txt') || name.endsWith('.txt');
}

export class WorkspaceArticles {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; kbVersion: number; doc?: WorkspaceDocument }>();

  /** Article files under the folders, depth-first, in a stable order, at most MAX_WORKSPACE_FILES. */
  listFiles(folders: string[]): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (out.length >= MAX_WORKSPACE_FILES || depth > 12) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (out.length >= MAX_WORKSPACE_FILES) return;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name), depth + 1);
        } else if (e.isFile() && isArticleFile(e.name)) out.push(path.join(dir, e.name));
      }
    };
    for (const f of folders) walk(f, 0);
    return out;
  }

  /**
   * The analysed articles of the workspace. `open(uri)` gives an open document's analysis (which
   * wins over the file on disk); `cancelled()` stops the walk early.
   */
  documents(
    folders: string[],
    settings: Settings,
    kbVersion: number,
    analyze: (text: string) => Analysis,
    open: (uri: string) => WorkspaceDocument | undefined,
    openUris: string[],
    cancelled: () => boolean,
  ): WorkspaceDocument[] {
    const out: WorkspaceDocument[] = [];
    const seen = new Set<string>();
    for (const uri of openUris) {
      const d = open(uri);
      if (d) {
        out.push(d);
        seen.add(uriToPath(uri) ?? uri);
      }
    }
    const maxChars = (settings.performance.maxFileSizeMB * 1024 * 1024) / 2;
    for (const file of this.listFiles(folders)) {
      if (cancelled()) break;
      if (seen.has(file)) continue;
      const uri = pathToUri(file);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue;
      }
      const cached = this.cache.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.kbVersion === kbVersion) {
        if (cached.doc) out.push(cached.doc);
        continue;
      }
      let doc: WorkspaceDocument | undefined;
      if (stat.size <= maxChars * 2) {
        try {
          const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
          const plain = file.endsWith('.txt') && !file.endsWith('.ar.txt');
          const arabic = !plain || (settings.plainText.detectArabic && isMostlyArabic(text, settings.plainText.arabicRatio));
          if (arabic && text.length <= maxChars) doc = { uri, text, lines: new LineIndex(text), analysis: analyze(text) };
        } catch {
          doc = undefined;
        }
      }
      this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, kbVersion, doc });
      if (doc) out.push(doc);
    }
    return out;
  }
}
