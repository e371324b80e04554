/**
 * Short texts for narrow places (outline names, the Entities view's mention snippets): spaces folded
 * and cuts made between words, never inside one. No imports: the client and the server share this file.
 */

/** The ellipsis that marks a cut. */
export const ELLIPSIS = '…';
/** RIGHT-TO-LEFT MARK: keeps an ellipsis beside Arabic on the side where the Arabic was cut. */
const RLM = '\u200f';

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const STRONG = /[\p{L}]/u;

const FSI = '\u2068';
const PDI = '\u2069';
const ANY_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * `s` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds right-to-left letters.
 * VS Code draws a tree row's label and description in one left-to-right paragraph, so an Arabic label
 * and an Arabic description would form one right-to-left run, the label drawn after the description
 * and cut first; isolated, each keeps its place (label first) and reads in its own direction.
 */
export function isolate(s: string): string {
  return ANY_RTL.test(s) && !(s.startsWith(FSI) && s.endsWith(PDI)) ? FSI + s + PDI : s;
}

/** True when the first (or, with `fromEnd`, the last) letter of `s` is written right to left. */
export function strongRtl(s: string, fromEnd = false): boolean {
  const chars = [...s];
  if (fromEnd) chars.reverse();
  const c = chars.find((x) => STRONG.test(x));
  return !!c && STRONG_RTL.test(c);
}

/**
 * An ellipsis for the end (or, with `atStart`, the start) of `text`. Beside Arabic it carries a
 * right-to-left mark: in a left-to-right view (a tree, the outline) a bare ellipsis would be drawn on
 * the far side of the Arabic, where an Arabic reader looks for the beginning.
 */
export function ellipsisFor(text: string, atStart = false): string {
  if (!strongRtl(text, !atStart)) return ELLIPSIS;
  return atStart ? RLM + ELLIPSIS : ELLIPSIS + RLM;
}

/** `s` on one line with runs of white space folded to one space, trimmed. */
export function foldSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `s` with a right-to-left mark after a final ellipsis that follows Arabic (see `ellipsisFor`). */
export function closeEllipsis(s: string): string {
  return s.endsWith(ELLIPSIS) && strongRtl(s, true) ? s + RLM : s;
}

/** Characters dropped at the end of a cut: spaces, punctuation and the dashes and arrows of labels. */
const TRAILING = ' \t\n\r\u00a0،,:؛;.—–↔-';

/**
 * `s` (folded) when it holds at most `max` characters; else its first words that fit in `max - 1`
 * characters, then an ellipsis. A first word longer than that is cut inside, as a last resort.
 */
export function cutAtWord(s: string, max: number): string {
  const t = foldSpaces(s.length > max * 4 ? s.slice(0, max * 4) : s);
  if (t.length <= max) return closeEllipsis(t);
  const room = Math.max(1, max - 1);
  const space = t.lastIndexOf(' ', room);
  const head = space > 0 ? t.slice(0, space) : t.slice(0, room);
  // Separators left dangling before the cut go (a loop: a regex anchored at the end is quadratic).
  let n = head.length;
  while (n > 1 && TRAILING.includes(head[n - 1])) n--;
  const kept = head.slice(0, n);
  return kept + ellipsisFor(kept);
}

/**
 * The words of `line` around `[start, end)`: at most about `radius` characters on each side, cut
 * between words, with an ellipsis on a side where the line goes on. The span itself is never cut.
 */
export function wordWindow(line: string, start: number, end: number, radius: number): string {
  start = Math.max(0, Math.min(start, line.length));
  end = Math.max(start, Math.min(end, line.length));
  let from = Math.max(0, start - radius);
  // Move forward to the start of a word unless the window already starts one.
  if (from > 0 && !/\s/.test(line[from - 1])) {
    const space = line.slice(from, start).search(/\s/);
    from = space < 0 ? start : from + space + 1;
  }
  let to = Math.min(line.length, end + radius);
  // Move back to the end of a word unless the window already ends one.
  if (to < line.length && !/\s/.test(line[to])) {
    let k = to;
    while (k > end && !/\s/.test(line[k - 1])) k--;
    to = k > end ? k - 1 : end;
  }
  const text = foldSpaces(line.slice(from, to));
  const before = line.slice(0, from).trim() ? ellipsisFor(text, true) : '';
  const after = line.slice(to).trim() ? ellipsisFor(text) : '';
  return `${before}${text}${after}`;
}
