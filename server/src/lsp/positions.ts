/**
 * The one place where the core's offsets (UTF-16 code units into the text) become LSP positions
 * (0-based line, UTF-16 character) and back. Line breaks are \n, \r\n and a lone \r, as in the LSP
 * specification; a position never points inside a line break or between the two halves of a
 * surrogate pair (an emoji), so that every range a handler sends is one the client can show.
 */
import type { Position, Range } from 'vscode-languageserver';

export class LineIndex {
  /** Offset of the first character of each line (typed: a 50 MB file has a million lines). */
  readonly lineStarts: Int32Array;
  /** Offset just past the last character of each line, before its line break. */
  readonly lineEnds: Int32Array;

  constructor(readonly text: string, starts?: Int32Array, ends?: Int32Array) {
    if (starts && ends) {
      this.lineStarts = starts;
      this.lineEnds = ends;
      return;
    }
    const s = new Lines();
    const e = new Lines();
    s.push(0);
    scanBreaks(text, 0, text.length, s, e);
    e.push(text.length);
    this.lineStarts = s.done();
    this.lineEnds = e.done();
  }

  /**
   * The index of the text with `[start, end)` replaced by `inserted`, for an editor's incremental
   * change. Only the lines around the change are scanned again; the lines after it keep their
   * breaks and move by the change in length, so an edit costs a copy of two typed arrays, not a scan
   * of the whole text. The scan starts one line early (a \r there may join an inserted \n) and stops
   * at a line whose break the change cannot touch.
   */
  edit(start: number, end: number, inserted: string): LineIndex {
    const old = this.text;
    start = Math.max(0, Math.min(start, old.length));
    end = Math.max(start, Math.min(end, old.length));
    const text = old.slice(0, start) + inserted + old.slice(end);
    const delta = inserted.length - (end - start);
    const n = this.lineStarts.length;
    const first = Math.max(0, this.lineOf(start) - 1);
    // The first line that starts at least two characters after the change: its break is untouched.
    let k = this.lineOf(end) + 1;
    while (k < n && this.lineStarts[k] <= end + 1) k++;
    const s = new Lines(n + 16);
    const e = new Lines(n + 16);
    s.copy(this.lineStarts, 0, first + 1, 0);
    e.copy(this.lineEnds, 0, first, 0);
    if (k < n) {
      // Breaks up to and including the one that ends where line k starts now.
      scanBreaks(text, this.lineStarts[first], this.lineStarts[k] + delta, s, e);
      s.copy(this.lineStarts, k + 1, n, delta);
      e.copy(this.lineEnds, k, n, delta);
    } else {
      scanBreaks(text, this.lineStarts[first], text.length, s, e);
      e.push(text.length);
    }
    return new LineIndex(text, s.done(), e.done());
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

/** A growing Int32Array (line tables are built once per scan, then only read). */
class Lines {
  private a: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.a = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.n === this.a.length) this.grow(this.n + 1);
    this.a[this.n++] = v;
  }

  /** Appends `from[lo..hi)`, each plus `add`. */
  copy(from: Int32Array, lo: number, hi: number, add: number): void {
    if (hi <= lo) return;
    this.grow(this.n + hi - lo);
    if (add === 0) this.a.set(from.subarray(lo, hi), this.n);
    else for (let i = lo, j = this.n; i < hi; i++, j++) this.a[j] = from[i] + add;
    this.n += hi - lo;
  }

  done(): Int32Array {
    return this.n === this.a.length ? this.a : this.a.slice(0, this.n);
  }

  private grow(need: number): void {
    if (need <= this.a.length) return;
    const next = new Int32Array(Math.max(need, this.a.length * 2));
    next.set(this.a.subarray(0, this.n));
    this.a = next;
  }
}

/**
 * Records the line breaks that end before `to`, scanning from `from`: the end of the line each one
 * closes and the start of the line after it. A native regular-expression scan: several times faster
 * than a charCodeAt loop on big files.
 */
function scanBreaks(text: string, from: number, to: number, starts: Lines, ends: Lines): void {
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = from;
  for (let m = breaks.exec(text); m && m.index < to; m = breaks.exec(text)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
}
