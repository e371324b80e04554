/**
 * The outline (document symbols) as VS Code draws it. Its tree puts a symbol's name and detail in one
 * left-to-right paragraph: an Arabic name followed by an Arabic detail becomes one right-to-left run,
 * the name drawn to the right of the detail and cut off first when the row is narrow. Each text is
 * wrapped in a Unicode isolate (common/snippets.ts, `isolate`) so that the name comes first and both
 * read in their own direction. Other LSP clients get the server's plain texts.
 */
import type * as vscode from 'vscode';
import { isolate } from '../../server/src/common/snippets';

/** Isolates the names and details of `symbols` and their children, in place, and returns them. */
export function isolateSymbols<T extends vscode.DocumentSymbol[] | vscode.SymbolInformation[] | null | undefined>(symbols: T): T {
  const walk = (list: Array<vscode.DocumentSymbol | vscode.SymbolInformation>) => {
    for (const s of list) {
      s.name = isolate(s.name);
      if ('detail' in s && s.detail) s.detail = isolate(s.detail);
      if ('children' in s && s.children?.length) walk(s.children);
    }
  };
  if (symbols) walk(symbols);
  return symbols;
}
