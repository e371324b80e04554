/**
 * File paths and `file:` URIs. Clients spell URIs differently (VS Code encodes `:` in drive letters,
 * Node does not), so documents are compared by path, never by URI text.
 */
import { fileURLToPath, pathToFileURL } from 'url';

/** The file path of a `file:` URI, or undefined for other schemes (untitled:, vscode-notebook-cell:…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}
