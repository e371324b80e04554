/**
 * Splitting a file into articles and finding each article's headline and boilerplate lines.
 * A file holds several articles when they are separated by a rule line (---, ===, ***) or by two or
 * more blank lines; otherwise the whole file is one article.
 */
import { normalizeArabic } from './normalize';
import type { Article, Span } from './types';

const RULE_LINE = /^[ \t]*([-=*_~#])\1{2,}[ \t]*$/;
const BOILERPLATE = new Set(
  ['اقرأ أكثر', 'اقرأ أيضا', 'اقرأ ايضا', 'اقرأ المزيد', 'شارك', 'شارك المقال', 'تابعونا', 'تابعونا على', 'اقرأ كذلك', 'طالع أيضا', 'المصدر']
    .map(normalizeArabic),
);
/** A headline is one line of at most this many characters that does not end like a sentence. */
const MAX_HEADLINE = 250;

export interface Line extends Span {
  /** True when the line holds nothing but white space. */
  blank: boolean;
}

/** Lines of the text, without their line breaks (\n, \r\n or a lone \r). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, blank });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      blank = true;
    } else if (blank && c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff) {
      blank = false;
    }
  }
  lines.push({ start, end: text.length, blank });
  return lines;
}

/** True for a line such as «اقرأ أكثر» that a news site adds between paragraphs. */
export function isBoilerplate(text: string, line: Span): boolean {
  if (line.end - line.start > 40) return false;
  return BOILERPLATE.has(normalizeArabic(text.slice(line.start, line.end)));
}

function looksLikeHeadline(text: string, line: Span): boolean {
  const s = text.slice(line.start, line.end).trim();
  return s.length > 0 && s.length <= MAX_HEADLINE && !/[.!؟?:]$/.test(s);
}

/** The articles of a text, in order, covering every non-blank line. */
export function segmentArticles(text: string): Article[] {
  const lines = splitLines(text);
  const groups: Line[][] = [];
  let current: Line[] = [];
  let blankRun = 0;
  for (const line of lines) {
    if (RULE_LINE.test(text.slice(line.start, line.end))) {
      if (current.length) groups.push(current);
      current = [];
      blankRun = 0;
      continue;
    }
    if (line.blank) {
      blankRun++;
      continue;
    }
    if (blankRun >= 2 && current.length) {
      groups.push(current);
      current = [];
    }
    blankRun = 0;
    current.push(line);
  }
  if (current.length) groups.push(current);
  if (!groups.length) return [{ start: 0, end: text.length, boilerplate: [] }];
  return groups.map((g, i) => {
    const first = g[0];
    const article: Article = {
      start: i === 0 ? 0 : first.start,
      end: i === groups.length - 1 ? text.length : g[g.length - 1].end,
      boilerplate: g.filter((l) => isBoilerplate(text, l)).map(({ start, end }) => ({ start, end })),
    };
    if (g.length > 1 && looksLikeHeadline(text, first)) article.headline = { start: first.start, end: first.end };
    return article;
  });
}
