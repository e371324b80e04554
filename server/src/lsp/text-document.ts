/**
 * The server's open document: its text and line index, updated by the editor's incremental changes.
 * It replaces vscode-languageserver-textdocument's TextDocument so that the text is held once and the
 * line index is not rebuilt on each keystroke: `LineIndex.edit` scans only the lines a change
 * touches, and the analysis of a version reads the same `lines` (and through it the same string).
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LineIndex } from './positions';

/** Where a text changed: old `[start, oldEnd)` became new `[start, newEnd)`. */
export interface ChangedRange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The change that covers `a` and then `b` (b in the coordinates of the text after a). Text before the
 * first change and after the last is the same in both texts.
 */
export function mergeChanges(a: ChangedRange, b: ChangedRange): ChangedRange {
  const end = Math.max(a.newEnd, b.oldEnd);
  return { start: Math.min(a.start, b.start), oldEnd: end - (a.newEnd - a.oldEnd), newEnd: end + (b.newEnd - b.oldEnd) };
}

export class NewsDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    /** The text and its line index of this version (immutable: an edit makes a new document). */
    readonly lines: LineIndex,
    /**
     * What changed since version `from` (the one this version was made from), when only ranges changed;
     * undefined for an opened or wholly replaced text. The analysis uses it to skip comparing texts.
     */
    readonly change?: { from: number; range: ChangedRange },
  ) {}

  static create(uri: string, languageId: string, version: number, text: string): NewsDocument {
    return new NewsDocument(uri, languageId, version, new LineIndex(text));
  }

  /** The next version: each change applies to the text the previous one left, as LSP says. */
  static update(doc: NewsDocument, changes: TextDocumentContentChangeEvent[], version: number): NewsDocument {
    let lines = doc.lines;
    let range: ChangedRange | undefined;
    let whole = false;
    for (const c of changes) {
      if ('range' in c && c.range) {
        const { start, end } = lines.offsets(c.range);
        lines = lines.edit(start, end, c.text);
        const r = { start, oldEnd: end, newEnd: start + c.text.length };
        range = range ? mergeChanges(range, r) : r;
      } else {
        lines = new LineIndex(c.text);
        whole = true;
      }
    }
    const change = range && !whole ? { from: doc.version, range } : undefined;
    return new NewsDocument(doc.uri, doc.languageId, version, lines, change);
  }

  getText(range?: Range): string {
    if (!range) return this.lines.text;
    const { start, end } = this.lines.offsets(range);
    return this.lines.text.slice(start, end);
  }

  positionAt(offset: number): Position {
    return this.lines.position(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offset(position);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }
}
