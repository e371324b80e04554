/** Helpers for the level-4 suite: conditions to wait on, and the repository's expectations. */
import * as vscode from 'vscode';
import type { ArabicNewsLensApi } from '../../../client/src/extension';
import { expectedFile, readExpectedMentions, type ExpectedMention } from '../../fixtures/expected-mentions';

export const EXTENSION_ID = 'arabic-news-lens.arabic-news-lens';

export function extension(): vscode.Extension<ArabicNewsLensApi> {
  const ext = vscode.extensions.getExtension<ArabicNewsLensApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/**
 * Polls `probe` until it returns a value that `done` accepts (the server may still be starting or
 * analysing): a wait on a condition, with a deadline, never a fixed sleep.
 */
export async function waitFor<T>(what: string, probe: () => T | PromiseLike<T>, done: (v: T) => boolean = (v) => !!v, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (let delay = 25; Date.now() < deadline; delay = Math.min(delay * 2, 250)) {
    try {
      last = await probe();
      if (done(last)) return last;
      error = undefined;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}${error ? `; last error: ${error}` : ''}`);
}

/** A file of the test workspace (prepared by the runner: copies of examples/astana-20.txt and more). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export type { ExpectedMention };

/** test/fixtures/astana-20.expected.tsv: the names and adjectives of the reference article. */
export function expectedMentions(): ExpectedMention[] {
  return readExpectedMentions(expectedFile(extension().extensionPath));
}

/** Hover contents as plain text. */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n');
}

/** The mentions marked in the editor that shows `doc`, as `text<TAB>type` (title forms included). */
export function markTexts(api: ArabicNewsLensApi, doc: vscode.TextDocument): string[] {
  const drawn = api.marks(doc.uri);
  if (!drawn || drawn.version !== doc.version) return [];
  return drawn.marks.map((m) => `${doc.getText().slice(m.start, m.end)}\t${m.type}`);
}
