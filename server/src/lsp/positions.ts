/**
 * The one place where the core's offsets (UTF-16 code units into the text) become LSP positions
 * (0-based line, UTF-16 character) and back. Line breaks are \n, \r\n and a lone \r, as in the LSP
 * specification; a position never points inside a line break or between the two halves of a
 * surrogate pair (an emoji), so that every range a handler sends is one the client can show.
 */
import type { Position, Range } from 'vscode-languageserver';

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** Offset just past the last character of each line, before its line break. */
  readonly lineEnds: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    // A native regular-expression scan: several times faster than a charCodeAt loop on big files.
    const breaks = /\r\n|\r|\n/g;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
    }
    ends.push(text.length);
    this.lineStarts = starts;
    this.lineEnds = ends;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line that holds `offset` (an offset inside a line break belongs to the line it ends). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The position of an offset. Offsets are clamped to the text; an offset inside a line break maps
   * to the end of its line; an offset between the halves of a surrogate pair moves to the pair's start.
   */
  position(offset: number): Position {
    offset = this.snap(Math.max(0, Math.min(offset, this.text.length)));
    const line = this.lineOf(offset);
    const character = Math.min(offset, this.lineEnds[line]) - this.lineStarts[line];
    return { line, character };
  }

  /**
   * The offset of a position. A line past the end maps to the end of the text; a character past the
   * end of its line maps to the end of the line (the LSP rule); a character between the halves of a
   * surrogate pair moves to the pair's start.
   */
  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnds[position.line];
    return this.snap(Math.min(start + Math.max(0, position.character), end));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offsets of a range, start never after end. */
  offsets(range: Range): { start: number; end: number } {
    const a = this.offset(range.start);
    const b = this.offset(range.end);
    return a <= b ? { start: a, end: b } : { start: b, end: a };
  }

  /**
   * Cuts `[start, end)` at line breaks into pieces that each lie on one line (semantic tokens may not
   * span lines unless a client says it can show that), leaving out the breaks themselves.
   */
  lineSegments(start: number, end: number): { line: number; character: number; length: number }[] {
    const out: { line: number; character: number; length: number }[] = [];
    const first = this.position(start);
    const last = this.position(end);
    for (let line = first.line; line <= last.line; line++) {
      const from = line === first.line ? first.character : 0;
      const to = line === last.line ? last.character : this.lineEnds[line] - this.lineStarts[line];
      if (to > from) out.push({ line, character: from, length: to - from });
    }
    return out;
  }

  private snap(offset: number): number {
    const c = this.text.charCodeAt(offset);
    if (c >= 0xdc00 && c <= 0xdfff && offset > 0) {
      const p = this.text.charCodeAt(offset - 1);
      if (p >= 0xd800 && p <= 0xdbff) return offset - 1;
    }
    return offset;
  }
}

/** True when a position lies in `[start, end]` of a range (both ends inclusive, as hovers expect). */
export function rangeContains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}
